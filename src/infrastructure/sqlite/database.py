"""One SQLite connection on its own thread, with versioned migrations applied at open."""

from __future__ import annotations

import asyncio
import sqlite3
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")

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
    # Messages counted per group, so a group's /usage shows its own; 0 for counts kept before.
    """
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
)


class Database:
    """The bot's SQLite file: WAL, synchronous commits, and every call off the event loop."""

    def __init__(self, path: Path) -> None:
        self._path = path
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sqlite")
        self._connection: sqlite3.Connection | None = None

    async def open(self) -> None:
        """Open the file, creating it and its folder, and bring the schema up to date."""
        await self.run(lambda connection: None)

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run a function with the connection on the database thread, in one transaction."""

        def in_transaction() -> T:
            connection = self._connect()
            with connection:
                return work(connection)

        return await asyncio.get_running_loop().run_in_executor(self._worker, in_transaction)

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
            if str(self._path) != ":memory:":
                self._path.parent.mkdir(parents=True, exist_ok=True)
            connection = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.isolation_level = "DEFERRED"
            _migrate(connection)
            self._connection = connection
        return self._connection


def _migrate(connection: sqlite3.Connection) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
