"""The schema of the bot's SQLite file, one versioned step at a time."""

from __future__ import annotations

from collections.abc import Sequence

# Each entry moves the schema one version up; never edit one that has shipped, add another.
MIGRATIONS: Sequence[str] = (
    """
    CREATE TABLE pending_purpose (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        entry TEXT NOT NULL,
        posted_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, user_id)
    );
    CREATE TABLE saved_message (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        author_id INTEGER NOT NULL,
        saved_at TEXT NOT NULL,
        lines TEXT NOT NULL,
        currency_guessed INTEGER NOT NULL,
        voided INTEGER NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX saved_message_by_age ON saved_message (saved_at);
    """,
    """
    CREATE TABLE chat_preference (
        chat_id INTEGER PRIMARY KEY,
        quiet INTEGER
    );
    """,
    """
    CREATE TABLE chat_sheet (
        chat_id INTEGER PRIMARY KEY,
        spreadsheet_id TEXT NOT NULL,
        connected_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    """
    CREATE TABLE outbox (
        sequence INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        revision INTEGER NOT NULL,
        author_id INTEGER NOT NULL,
        queued_at TEXT NOT NULL,
        period TEXT NOT NULL,
        lines TEXT NOT NULL,
        currency_guessed INTEGER NOT NULL,
        attempts INTEGER NOT NULL DEFAULT 0,
        last_error TEXT,
        delivered_at TEXT,
        UNIQUE (chat_id, message_id, revision)
    );
    CREATE INDEX outbox_waiting ON outbox (chat_id, sequence) WHERE delivered_at IS NULL;
    CREATE TABLE handled_update (
        update_id INTEGER PRIMARY KEY,
        handled_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    """
    CREATE TABLE llm_call (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        month TEXT NOT NULL,
        provider TEXT NOT NULL,
        model TEXT NOT NULL,
        outcome TEXT NOT NULL,
        latency_ms INTEGER NOT NULL,
        input_tokens INTEGER NOT NULL,
        output_tokens INTEGER NOT NULL,
        cost_usd TEXT NOT NULL,
        fallback_reason TEXT,
        chat_id INTEGER
    );
    CREATE INDEX llm_call_by_month ON llm_call (month);
    CREATE TABLE message_tally (
        month TEXT PRIMARY KEY,
        messages INTEGER NOT NULL,
        without_llm INTEGER NOT NULL
    );
    CREATE TABLE llm_budget_notice (
        month TEXT PRIMARY KEY,
        noticed_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    """
    CREATE TABLE update_inbox (
        update_id INTEGER PRIMARY KEY,
        body TEXT NOT NULL,
        kept_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    """
    CREATE TABLE period (
        chat_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        opening TEXT NOT NULL,
        closing TEXT,
        opened_at TEXT NOT NULL DEFAULT (datetime('now')),
        closed_at TEXT,
        read_at TEXT,
        summarized_at TEXT,
        PRIMARY KEY (chat_id, month)
    );
    CREATE TABLE period_entry (
        chat_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        position INTEGER NOT NULL,
        number INTEGER,
        day TEXT,
        item TEXT NOT NULL,
        usd TEXT,
        khr TEXT,
        topup_usd TEXT,
        topup_khr TEXT,
        member TEXT NOT NULL,
        reference TEXT NOT NULL,
        PRIMARY KEY (chat_id, month, position)
    );
    """,
    # Months belong to a ledger (groups may share a spreadsheet); summaries stay per group.
    # The mirror is rebuilt from the sheets, so version 7's tables are dropped, not moved.
    """
    DROP TABLE period_entry;
    DROP TABLE period;
    CREATE TABLE period (
        ledger TEXT NOT NULL,
        month TEXT NOT NULL,
        opening TEXT NOT NULL,
        closing TEXT,
        opened_at TEXT NOT NULL DEFAULT (datetime('now')),
        closed_at TEXT,
        read_at TEXT,
        PRIMARY KEY (ledger, month)
    );
    CREATE TABLE period_entry (
        ledger TEXT NOT NULL,
        month TEXT NOT NULL,
        position INTEGER NOT NULL,
        number INTEGER,
        day TEXT,
        item TEXT NOT NULL,
        usd TEXT,
        khr TEXT,
        topup_usd TEXT,
        topup_khr TEXT,
        member TEXT NOT NULL,
        reference TEXT NOT NULL,
        PRIMARY KEY (ledger, month, position)
    );
    CREATE TABLE month_summary (
        chat_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        posted_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (chat_id, month)
    );
    """,
    # Groups upgraded to supergroups; the groups the bot is in; a row the heartbeat writes to prove
    # the disk takes writes; messages
    # counted per group, so a group's /usage shows its own (0 for the counts kept before).
    """
    CREATE TABLE chat_move (
        old_chat_id INTEGER PRIMARY KEY,
        new_chat_id INTEGER NOT NULL,
        moved_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE chat_membership (
        chat_id INTEGER PRIMARY KEY,
        present INTEGER NOT NULL,
        greeted_at TEXT
    );
    CREATE TABLE heartbeat (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        at TEXT NOT NULL
    );
    CREATE TABLE chat_message_tally (
        month TEXT NOT NULL,
        chat_id INTEGER NOT NULL,
        messages INTEGER NOT NULL,
        without_llm INTEGER NOT NULL,
        PRIMARY KEY (month, chat_id)
    );
    INSERT INTO chat_message_tally (month, chat_id, messages, without_llm)
        SELECT month, 0, messages, without_llm FROM message_tally;
    DROP TABLE message_tally;
    """,
    # An expense over its member's rate limit waits in the outbox until the minute allows it.
    """
    ALTER TABLE outbox ADD COLUMN hold_until TEXT;
    """,
    # The language a group chose for the bot's replies (None: the operator's default).
    """
    ALTER TABLE chat_preference ADD COLUMN language TEXT;
    ALTER TABLE chat_preference ADD COLUMN khmer_digits INTEGER NOT NULL DEFAULT 0;
    """,
    # The category a member or a bookkeeper chose for a purpose's words, per spreadsheet.
    """
    CREATE TABLE category_correction (
        ledger TEXT NOT NULL,
        purpose_key TEXT NOT NULL,
        category TEXT NOT NULL,
        learned_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (ledger, purpose_key)
    );
    """,
    # The budget thresholds a group was told about, once each a month.
    """
    CREATE TABLE budget_notice (
        chat_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        category TEXT NOT NULL,
        threshold INTEGER NOT NULL,
        noticed_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (chat_id, month, category, threshold)
    );
    """,
    # What a model call was asked: an expense read, or categories no word decided.
    """
    ALTER TABLE llm_call ADD COLUMN question TEXT NOT NULL DEFAULT 'expenses';
    """,
    # Cash between the box and members: the mirror keeps the movement cells of each row, and each
    # month's members' balances carried forward ({member: {currency: amount}}, JSON), as the box's.
    """
    ALTER TABLE period_entry ADD COLUMN category TEXT NOT NULL DEFAULT '';
    ALTER TABLE period_entry ADD COLUMN movement TEXT NOT NULL DEFAULT '';
    ALTER TABLE period_entry ADD COLUMN movement_member TEXT NOT NULL DEFAULT '';
    ALTER TABLE period_entry ADD COLUMN movement_usd TEXT;
    ALTER TABLE period_entry ADD COLUMN movement_khr TEXT;
    ALTER TABLE period ADD COLUMN members_opening TEXT NOT NULL DEFAULT '{}';
    ALTER TABLE period ADD COLUMN members_closing TEXT;
    CREATE TABLE chat_member (
        chat_id INTEGER NOT NULL,
        user_id INTEGER NOT NULL,
        name TEXT NOT NULL,
        username TEXT,
        seen_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (chat_id, user_id)
    );
    ALTER TABLE chat_preference ADD COLUMN payment_mode TEXT;
    ALTER TABLE chat_preference ADD COLUMN advance_reminders INTEGER;
    CREATE INDEX chat_member_by_username ON chat_member (chat_id, username COLLATE NOCASE);
    CREATE TABLE advance_reminder (
        chat_id INTEGER NOT NULL,
        member TEXT NOT NULL,
        since TEXT NOT NULL,
        reminded_at TEXT NOT NULL DEFAULT (datetime('now')),
        PRIMARY KEY (chat_id, member, since)
    );
    """,
    # The refusal for good (an .xlsx, a Viewer share, ...) each group was told of, while it stands.
    """
    CREATE TABLE sheet_refusal (
        chat_id INTEGER PRIMARY KEY,
        reason TEXT NOT NULL,
        told_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # The groups the operator allowed with /allow, and those told once that the bot is private.
    """
    CREATE TABLE allowed_group (
        chat_id INTEGER PRIMARY KEY,
        allowed_by INTEGER NOT NULL,
        allowed_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE turned_away_group (
        chat_id INTEGER PRIMARY KEY,
        title TEXT NOT NULL,
        turned_away_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    """,
    # When the group was asked whose money pays for what members post: it is asked once.
    """
    ALTER TABLE chat_preference ADD COLUMN payments_asked_at TEXT;
    """,
    # Bank notices a member posted, waiting for an admin's Confirm or Not ours (the notice as JSON).
    """
    CREATE TABLE pending_notice (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        poster_id INTEGER NOT NULL,
        posted_at TEXT NOT NULL,
        notice TEXT NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    """,
    # KHQR top-ups shown and waiting for their payment, watched again after a restart.
    """
    CREATE TABLE pending_qr (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        md5 TEXT NOT NULL,
        qr TEXT NOT NULL,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        requested_by INTEGER NOT NULL,
        asked_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        by_hand INTEGER NOT NULL,
        settled TEXT,
        settled_at TEXT,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX pending_qr_waiting ON pending_qr (asked_at) WHERE settled IS NULL;
    """,
    # Rows as the bot wrote them (and edited them), the changes by hand told to each group, its daily look.
    """
    CREATE TABLE written_row (
        reference TEXT PRIMARY KEY,
        chat_id INTEGER NOT NULL,
        month TEXT NOT NULL,
        number INTEGER NOT NULL,
        day TEXT NOT NULL,
        item TEXT NOT NULL,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        kind TEXT NOT NULL,
        category TEXT NOT NULL DEFAULT '',
        voided INTEGER NOT NULL DEFAULT 0,
        written_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE INDEX written_row_by_month ON written_row (chat_id, month);
    CREATE TABLE hand_change_told (
        chat_id INTEGER NOT NULL,
        change TEXT NOT NULL,
        told_at TEXT NOT NULL,
        PRIMARY KEY (chat_id, change)
    );
    CREATE TABLE hand_change_look (
        chat_id INTEGER PRIMARY KEY,
        day TEXT NOT NULL
    );
    """,
    # Approvals: each group's threshold and reminder hour, the expenses over it with the one decision
    # each gets (an admin's, compared-and-set), a row's Status as the mirror read it, the day reminded.
    """
    ALTER TABLE chat_preference ADD COLUMN approval_over TEXT;
    ALTER TABLE chat_preference ADD COLUMN approval_hour INTEGER;
    ALTER TABLE period_entry ADD COLUMN status TEXT NOT NULL DEFAULT '';
    CREATE TABLE pending_approval (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        author_id INTEGER NOT NULL,
        asked_at TEXT NOT NULL,
        amounts TEXT NOT NULL,
        state TEXT NOT NULL DEFAULT 'awaiting',
        decided_by INTEGER,
        decided_by_name TEXT,
        decided_at TEXT,
        reason TEXT,
        reason_wanted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX pending_approval_awaiting ON pending_approval (chat_id) WHERE state = 'awaiting';
    CREATE TABLE approval_reminder (
        chat_id INTEGER PRIMARY KEY,
        reminded_on TEXT NOT NULL
    );
    """,
    # Photos' readings proposed with Save / Edit, waiting for the poster's tap (the reading as JSON).
    """
    CREATE TABLE proposed_expense (
        chat_id INTEGER NOT NULL,
        message_id INTEGER NOT NULL,
        editing_by INTEGER,
        proposal TEXT NOT NULL,
        put_at INTEGER NOT NULL,
        PRIMARY KEY (chat_id, message_id)
    );
    CREATE INDEX proposed_expense_editing ON proposed_expense (chat_id, editing_by)
        WHERE editing_by IS NOT NULL;
    """,
    # Recurring costs admins set up (/recurring): the cost, its schedule, the last day whose row is written
    # and the next one due; a stopped one is kept, since its number is in its rows and is never given again.
    """
    CREATE TABLE recurring_cost (
        number INTEGER PRIMARY KEY AUTOINCREMENT,
        chat_id INTEGER NOT NULL,
        item TEXT NOT NULL,
        amount TEXT NOT NULL,
        currency TEXT NOT NULL,
        category TEXT NOT NULL,
        every TEXT NOT NULL,
        interval INTEGER NOT NULL,
        day INTEGER NOT NULL,
        first_day TEXT NOT NULL,
        added_by INTEGER NOT NULL,
        added_by_name TEXT NOT NULL,
        added_at TEXT NOT NULL,
        done_through TEXT NOT NULL,
        next_day TEXT NOT NULL,
        stopped_at TEXT
    );
    CREATE INDEX recurring_cost_due ON recurring_cost (next_day) WHERE stopped_at IS NULL;
    """,
    # The official KHR/USD rate of each published day, and how reading its source went (one row).
    """
    CREATE TABLE daily_rate (
        day TEXT PRIMARY KEY,
        khr_per_usd TEXT NOT NULL,
        source TEXT NOT NULL,
        kept_at TEXT NOT NULL
    );
    CREATE TABLE rate_source_health (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        last_read TEXT,
        failing_since TEXT,
        last_error TEXT NOT NULL DEFAULT ''
    );
    """,
    # The service account of the pool that serves each spreadsheet (kept: a sheet is shared with it),
    # and the Sheets requests each account sent per minute (the minute since the epoch, UTC), for
    # `status` and `check`.
    """
    CREATE TABLE sheet_account (
        spreadsheet_id TEXT PRIMARY KEY,
        account TEXT NOT NULL,
        kept_at TEXT NOT NULL DEFAULT (datetime('now'))
    );
    CREATE TABLE sheet_account_minute (
        account TEXT NOT NULL,
        minute INTEGER NOT NULL,
        writes INTEGER NOT NULL DEFAULT 0,
        reads INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (account, minute)
    );
    """,
)
