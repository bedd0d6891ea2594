"""Expenses awaiting approval in SQLite: a tap after a restart still finds its expense, and of two
admins tapping at once, one decides (the update is compared-and-set on the awaiting state)."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from balance_bot.domain.money import Currency
from balance_bot.ports import ApprovalState, PendingApproval
from infrastructure.sqlite.database import Database

_COLUMNS = (
    "chat_id, message_id, author_id, asked_at, amounts, state, decided_by, decided_by_name, decided_at, "
    "reason, reason_wanted"
)
_OPEN = (
    "INSERT OR IGNORE INTO pending_approval (chat_id, message_id, author_id, asked_at, amounts) "
    "VALUES (?, ?, ?, ?, ?)"
)
_FIND = f"SELECT {_COLUMNS} FROM pending_approval WHERE chat_id = ? AND message_id = ?"
_DECIDE = (
    "UPDATE pending_approval SET state = ?, decided_by = ?, decided_by_name = ?, decided_at = ?, "
    "reason_wanted = ? WHERE chat_id = ? AND message_id = ? AND state = 'awaiting'"
)
_REOPEN = (
    "UPDATE pending_approval SET state = 'awaiting', decided_by = NULL, decided_by_name = NULL, "
    "decided_at = NULL, reason_wanted = 0 WHERE chat_id = ? AND message_id = ?"
)
_AWAITING = (
    f"SELECT {_COLUMNS} FROM pending_approval WHERE chat_id = ? AND state = 'awaiting' ORDER BY asked_at"
)
_CHATS_AWAITING = "SELECT DISTINCT chat_id FROM pending_approval WHERE state = 'awaiting' ORDER BY chat_id"
_REASON_WANTED = (
    f"SELECT {_COLUMNS} FROM pending_approval WHERE chat_id = ? AND decided_by = ? AND reason_wanted = 1 "
    "ORDER BY decided_at DESC LIMIT 1"
)
_GIVE_REASON = (
    "UPDATE pending_approval SET reason = ?, reason_wanted = 0 "
    "WHERE chat_id = ? AND message_id = ? AND reason_wanted = 1"
)
_CLAIM_REMINDER = (
    "INSERT INTO approval_reminder (chat_id, reminded_on) VALUES (?, ?) "
    "ON CONFLICT (chat_id) DO UPDATE SET reminded_on = excluded.reminded_on "
    "WHERE approval_reminder.reminded_on <> excluded.reminded_on"
)


class SqliteApprovals:
    """ApprovalStore on the bot's database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def open(self, pending: PendingApproval) -> None:
        """Keep the message awaiting approval; a redelivered one stays as it was."""
        amounts = {currency.value: str(amount) for currency, amount in pending.amounts.items()}
        row = (
            pending.chat_id,
            pending.message_id,
            pending.author_id,
            pending.asked_at.isoformat(),
            json.dumps(amounts),
        )
        await self._database.run(lambda db: db.execute(_OPEN, row))

    async def find(self, chat_id: int, message_id: int) -> PendingApproval | None:
        """The message's approval, whatever its state."""
        row = await self._database.run(lambda db: db.execute(_FIND, (chat_id, message_id)).fetchone())
        return None if row is None else _pending(row)

    async def decide(
        self,
        chat_id: int,
        message_id: int,
        state: ApprovalState,
        by: int,
        by_name: str,
        at: datetime,
        *,
        reason_wanted: bool = False,
    ) -> bool:
        """The decision, only while the message awaits one: one UPDATE, so one of two taps wins."""
        values = (state.value, by, by_name, at.isoformat(), int(reason_wanted), chat_id, message_id)

        def decide(db: sqlite3.Connection) -> bool:
            return db.execute(_DECIDE, values).rowcount == 1

        return bool(await self._database.run(decide))

    async def reopen(self, chat_id: int, message_id: int) -> None:
        """Back to awaiting, the decision forgotten."""
        await self._database.run(lambda db: db.execute(_REOPEN, (chat_id, message_id)))

    async def awaiting(self, chat_id: int) -> list[PendingApproval]:
        """The group's messages awaiting a decision, oldest first."""
        rows = await self._database.run(lambda db: db.execute(_AWAITING, (chat_id,)).fetchall())
        return [_pending(row) for row in rows]

    async def chats_awaiting(self) -> list[int]:
        """The groups with anything awaiting a decision."""
        rows = await self._database.run(lambda db: db.execute(_CHATS_AWAITING).fetchall())
        return [int(row[0]) for row in rows]

    async def reason_wanted(self, chat_id: int, user_id: int) -> PendingApproval | None:
        """The admin's latest rejection in the group still wanting its reason."""
        row = await self._database.run(lambda db: db.execute(_REASON_WANTED, (chat_id, user_id)).fetchone())
        return None if row is None else _pending(row)

    async def give_reason(self, chat_id: int, message_id: int, reason: str) -> bool:
        """Keep the reason, once."""

        def give(db: sqlite3.Connection) -> bool:
            return db.execute(_GIVE_REASON, (reason, chat_id, message_id)).rowcount == 1

        return bool(await self._database.run(give))

    async def claim_reminder(self, chat_id: int, day: date) -> bool:
        """True the first time on the day."""

        def claim(db: sqlite3.Connection) -> bool:
            return db.execute(_CLAIM_REMINDER, (chat_id, day.isoformat())).rowcount == 1

        return bool(await self._database.run(claim))


def _pending(row: Any) -> PendingApproval:
    amounts = {Currency(currency): Decimal(amount) for currency, amount in json.loads(row[4]).items()}
    return PendingApproval(
        chat_id=row[0],
        message_id=row[1],
        author_id=row[2],
        asked_at=datetime.fromisoformat(row[3]),
        amounts=amounts,
        state=ApprovalState(row[5]),
        decided_by=row[6],
        decided_by_name=row[7] or "",
        decided_at=datetime.fromisoformat(row[8]) if row[8] else None,
        reason=row[9] or "",
        reason_wanted=bool(row[10]),
    )
