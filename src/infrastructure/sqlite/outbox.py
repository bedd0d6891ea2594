"""The outbox in SQLite: accepted messages kept, fsync'd, until their rows are in the ledger."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from typing import Any

from balance_bot.capture.refusals import SheetRefusal
from balance_bot.domain.ledger import Period
from balance_bot.ports import OutboxChat, QueuedMessage, SavedMessage
from infrastructure.sqlite.capture_state import line_from_json, line_to_json, record_saved_message
from infrastructure.sqlite.database import Database

# Delivered messages are kept this long, so that an update Telegram sends again is recognised.
KEEP_DELIVERED = timedelta(days=7)
# Waiting messages kept parsed: each delivery reads the group's whole queue, and parsing every line's
# JSON again was a tenth of the bot's CPU in a burst. Forgotten once delivered, or all past this many.
PARSED_KEPT = 2_000


class SqliteOutbox:
    """Outbox on the bot's database (WAL, synchronous=FULL): a put has reached the disk when it returns.

    It is also the RefusalLog: which refusal for good each group was told of, while its rows wait.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._parsed: dict[tuple[int, int, int], tuple[Any, QueuedMessage]] = {}

    async def put(self, queued: QueuedMessage) -> bool:
        """Keep a message; False when the same message (and revision) was accepted before."""
        row = (
            queued.chat_id,
            queued.message_id,
            queued.revision,
            queued.author_id,
            queued.queued_at.isoformat(),
            f"{queued.period.year:04d}-{queued.period.month:02d}",
            json.dumps([line_to_json(line) for line in queued.lines], ensure_ascii=False),
            int(queued.currency_guessed),
            queued.hold_until.isoformat() if queued.hold_until is not None else None,
        )
        cursor = await self._database.run(lambda db: db.execute(_PUT, row))
        return cursor.rowcount == 1

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """The group's messages not delivered yet, in the order they were accepted."""
        rows = await self._database.run(lambda db: db.execute(_WAITING, (chat_id,)).fetchall())
        return [self._parsed_row(row) for row in rows]

    def _parsed_row(self, row: Any) -> QueuedMessage:
        """The row's message, parsed once while the row stays as it was."""
        key = (row[0], row[1], row[2])
        known = self._parsed.get(key)
        if known is not None and known[0] == row:
            return known[1]
        if len(self._parsed) >= PARSED_KEPT:
            self._parsed.clear()
        queued = _queued(row)
        self._parsed[key] = (row, queued)
        return queued

    async def chats_waiting(self) -> list[int]:
        """The groups with something waiting."""
        rows = await self._database.run(lambda db: db.execute(_CHATS_WAITING).fetchall())
        return [chat_id for (chat_id,) in rows]

    async def failed(self, queued: Sequence[QueuedMessage], reason: str) -> None:
        """Count the attempt and keep its error, for `balance-bot status`."""
        keys = [(reason, q.chat_id, q.message_id, q.revision) for q in queued]
        await self._database.run(lambda db: db.executemany(_FAILED, keys))

    async def delivered(self, landed: Sequence[tuple[QueuedMessage, SavedMessage]]) -> None:
        """Mark the messages delivered and record them with their rows, in one transaction."""

        def deliver(db: sqlite3.Connection) -> None:
            for queued, saved in landed:
                db.execute(_DELIVERED, (queued.chat_id, queued.message_id, queued.revision))
                record_saved_message(db, saved)

        await self._database.run(deliver)
        for queued, _ in landed:
            self._parsed.pop((queued.chat_id, queued.message_id, queued.revision), None)

    async def summary(self, now: datetime | None = None) -> list[OutboxChat]:
        """What waits, per group, oldest first; with `now`, how many wait for the rate limit."""
        moment = (now or datetime.min.replace(tzinfo=UTC)).isoformat()
        rows = await self._database.run(lambda db: db.execute(_SUMMARY, (moment,)).fetchall())
        return [
            OutboxChat(
                chat_id=row[0],
                messages=row[1],
                lines=row[2],
                oldest=datetime.fromisoformat(row[3]),
                attempts=row[4],
                last_error=row[5],
                held=row[6],
            )
            for row in rows
        ]

    async def first_time(self, chat_id: int, reason: SheetRefusal) -> bool:
        """Note the refusal the group hears of; False when it was told of this one already."""
        cursor = await self._database.run(lambda db: db.execute(_TOLD, (chat_id, reason.value)))
        return int(cursor.rowcount) == 1

    async def refusal_of(self, chat_id: int) -> SheetRefusal | None:
        """The refusal the group was last told of, while it stands."""
        row = await self._database.run(lambda db: db.execute(_REFUSAL, (chat_id,)).fetchone())
        return SheetRefusal(row[0]) if row is not None else None

    async def refusals(self) -> dict[int, SheetRefusal]:
        """Every group's standing refusal, for `balance-bot status`."""
        rows = await self._database.run(lambda db: db.execute(_REFUSALS).fetchall())
        return {chat_id: SheetRefusal(reason) for chat_id, reason in rows}

    async def lifted(self, chat_id: int) -> None:
        """The sheet takes the group's rows again."""
        await self._database.run(lambda db: db.execute(_LIFTED, (chat_id,)))

    async def forget_delivered(self, before: datetime) -> int:
        """Drop delivered messages older than `before`; returns how many."""
        cursor = await self._database.run(lambda db: db.execute(_FORGET, (before.isoformat(),)))
        return cursor.rowcount


_COLUMNS = "chat_id, message_id, revision, author_id, queued_at, period, lines, currency_guessed, hold_until"
_PUT = f"INSERT OR IGNORE INTO outbox ({_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
_WAITING = f"SELECT {_COLUMNS} FROM outbox WHERE chat_id = ? AND delivered_at IS NULL ORDER BY sequence"
_CHATS_WAITING = "SELECT DISTINCT chat_id FROM outbox WHERE delivered_at IS NULL"
_FAILED = (
    "UPDATE outbox SET attempts = attempts + 1, last_error = ? "
    "WHERE chat_id = ? AND message_id = ? AND revision = ?"
)
_DELIVERED = (
    "UPDATE outbox SET delivered_at = datetime('now') WHERE chat_id = ? AND message_id = ? AND revision = ?"
)
_SUMMARY = """
    SELECT chat_id, COUNT(*), SUM(json_array_length(lines)), MIN(queued_at), MAX(attempts),
           (SELECT last_error FROM outbox AS latest WHERE latest.chat_id = outbox.chat_id
            AND latest.delivered_at IS NULL ORDER BY sequence LIMIT 1),
           SUM(hold_until IS NOT NULL AND hold_until > ?)
    FROM outbox WHERE delivered_at IS NULL GROUP BY chat_id ORDER BY MIN(sequence)
"""
_TOLD = (
    "INSERT INTO sheet_refusal (chat_id, reason) VALUES (?, ?) ON CONFLICT (chat_id) DO UPDATE "
    "SET reason = excluded.reason, told_at = datetime('now') WHERE reason != excluded.reason"
)
_REFUSAL = "SELECT reason FROM sheet_refusal WHERE chat_id = ?"
_REFUSALS = "SELECT chat_id, reason FROM sheet_refusal"
_LIFTED = "DELETE FROM sheet_refusal WHERE chat_id = ?"
_FORGET = "DELETE FROM outbox WHERE delivered_at IS NOT NULL AND queued_at < ?"


def _queued(row: Any) -> QueuedMessage:
    year, month = row[5].split("-")
    return QueuedMessage(
        chat_id=row[0],
        message_id=row[1],
        revision=row[2],
        author_id=row[3],
        queued_at=datetime.fromisoformat(row[4]),
        period=Period(int(year), int(month)),
        lines=tuple(line_from_json(item) for item in json.loads(row[6])),
        currency_guessed=bool(row[7]),
        hold_until=datetime.fromisoformat(row[8]) if row[8] is not None else None,
    )
