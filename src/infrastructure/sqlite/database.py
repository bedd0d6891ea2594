"""One SQLite connection on its own thread, checked at open, with versioned migrations applied."""

from __future__ import annotations

import asyncio
import fcntl
import os
import sqlite3
import time
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import IO, TypeVar

from balance_bot.ports import StorageUnavailable

T = TypeVar("T")
# After a failed write, `health` fails this long even if a small probe write succeeds.
FAILURES_REMEMBERED_SECONDS = 120.0
RESTORE_HOW = (
    "stop the bot, restore {path} from your backup (or move it away and delete {marker} to start "
    "with an empty database: expenses not yet in the sheet are then lost), and start it again"
)


class DatabaseDamaged(Exception):
    """The database file is corrupt, or empty where the bot had kept state: starting would lose it."""


class FolderUnusable(Exception):
    """The folder a setting names cannot be made or written: the message names the setting."""


class DatabaseInUse(Exception):
    """Another balance-bot process holds the database; two would write every row twice."""


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
)


class Database:
    """The bot's SQLite file: WAL, synchronous commits, and every call off the event loop.

    A file that cannot be written (a full or read-only disk) raises StorageUnavailable; one that
    is corrupt, or empty where the bot had run before, raises DatabaseDamaged when opened.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._connection: sqlite3.Connection | None = None
        self._failed_at: float | None = None

    async def open(self) -> None:
        """Open the file, creating it and its folder, and bring the schema up to date."""
        await self.run(lambda connection: None)

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run a function with the connection on the database thread, in one transaction."""

        def in_transaction() -> T:
            connection = self._connect()
            with connection:
                return work(connection)

        try:
            return await asyncio.get_running_loop().run_in_executor(self._worker, in_transaction)
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # a bug of ours, not the disk's
        except sqlite3.DatabaseError as exc:
            self._failed_at = time.monotonic()
            raise StorageUnavailable(f"the bot's database {self._path} cannot be written: {exc}") from exc

    async def prove_writable(self) -> None:
        """Write one row now: StorageUnavailable when the disk is full or read-only, or when any
        write failed in the last FAILURES_REMEMBERED_SECONDS (a nearly full disk may still take
        this small one)."""
        await self.run(lambda db: db.execute(_HEARTBEAT))
        failed_at = self._failed_at
        if failed_at is not None and time.monotonic() - failed_at < FAILURES_REMEMBERED_SECONDS:
            seconds = time.monotonic() - failed_at
            raise StorageUnavailable(f"a write to {self._path} failed {seconds:.0f} s ago")

    async def close(self) -> None:
        """Close the connection and stop the thread."""

        def close_connection() -> None:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

        await asyncio.get_running_loop().run_in_executor(self._worker, close_connection)
        self._worker.shutdown(wait=True)

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            in_memory = str(self._path) == ":memory:"
            if not in_memory:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                verify_database(self._path)
                # It holds members' names and posts: readable by the bot's user only (SQLite gives
                # its -wal and -shm files the same mode).
                if not self._path.exists():
                    os.close(os.open(self._path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.isolation_level = "DEFERRED"
            _migrate(connection)
            if not in_memory:
                _started_marker(self._path).touch()
            self._connection = connection
        return self._connection


def verify_database(path: Path) -> None:
    """Raise DatabaseDamaged when the file is corrupt, or empty though the bot kept state in it.

    The bot leaves a marker beside its database once it has used it: a missing or empty file
    next to that marker means the state was lost (a disk fault, a bad restore), and starting
    afresh would silently drop the expenses still waiting for the sheet.
    """
    marker = _started_marker(path)
    how = RESTORE_HOW.format(path=path, marker=marker)
    if marker.exists() and (not path.exists() or path.stat().st_size == 0):
        raise DatabaseDamaged(f"the database {path} is missing or empty though the bot has used it: {how}")
    if not path.exists():
        return
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
            (version,) = connection.execute("PRAGMA user_version").fetchone()
        connection.close()
    except sqlite3.OperationalError:
        return  # cannot be opened (a read-only disk, a lock): not damage; using it will say what is wrong
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"the database {path} cannot be read ({exc}): {how}") from exc
    if problems != ["ok"]:
        raise DatabaseDamaged(f"the database {path} is corrupt ({problems[0]}): {how}")
    if marker.exists() and version == 0:
        raise DatabaseDamaged(f"the database {path} is empty though the bot has used it: {how}")


def hold_database(path: Path) -> IO[str]:
    """Lock the database for this process's life (keep the returned file open); DatabaseInUse if taken."""
    return hold_file(path, "DATABASE_PATH")


def hold_file(path: Path, setting: str) -> IO[str]:
    """Lock the file for this process's life; DatabaseInUse if another process holds it.

    The lock is beside the file the path resolves to: a symlink, `data/../data/x` or another working
    folder naming the same file finds the same lock.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        real = path.resolve()
        lock = open(real.with_name(f"{real.name}.lock"), "a+", encoding="utf-8")  # noqa: SIM115 - held until exit
    except OSError as exc:
        raise FolderUnusable(
            f"cannot use the folder of {setting} {path} ({exc.strerror or exc}): make it a folder the bot's "
            "user may write, or change the setting"
        ) from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        lock.close()
        raise DatabaseInUse(
            f"another balance-bot (pid {holder}) is running on {real}: stop it first, "
            f"or give this one its own {setting}"
        ) from exc
    lock.truncate(0)
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


def _started_marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.started")


_HEARTBEAT = "INSERT OR REPLACE INTO heartbeat (id, at) VALUES (1, datetime('now'))"


def _migrate(connection: sqlite3.Connection) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
