"""Photos' readings proposed with Save / Edit, in SQLite: a Save tapped after a restart still saves."""

from __future__ import annotations

import itertools
import json
import sqlite3
import time
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from balance_bot.domain.money import Currency, Money
from balance_bot.ports import ProposedExpense
from infrastructure.sqlite.database import Database

_PUT = (
    "INSERT OR REPLACE INTO proposed_expense (chat_id, message_id, editing_by, proposal, put_at) "
    "VALUES (?, ?, ?, ?, ?)"
)
_GET = "SELECT chat_id, proposal FROM proposed_expense WHERE chat_id = ? AND message_id = ?"
_DELETE = "DELETE FROM proposed_expense WHERE chat_id = ? AND message_id = ?"
_EDITING = (
    "SELECT chat_id, proposal FROM proposed_expense WHERE chat_id = ? AND editing_by = ? "
    "ORDER BY put_at DESC LIMIT 1"
)


class SqliteProposedExpenses:
    """ProposedExpenses on the bot's database."""

    def __init__(self, database: Database) -> None:
        self._database = database
        # Orders the puts of one run even within a nanosecond; a restart starts past the last run's.
        self._ticks = itertools.count(time.time_ns())

    async def put(self, proposal: ProposedExpense) -> None:
        """Keep the proposal until its Save or its amount."""
        row = (
            proposal.chat_id,
            proposal.message_id,
            proposal.editing_by,
            json.dumps(_to_json(proposal), ensure_ascii=False),
            next(self._ticks),
        )
        await self._database.run(lambda db: db.execute(_PUT, row))

    async def get(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """The proposal under the photo."""

        def get(db: sqlite3.Connection) -> ProposedExpense | None:
            row = db.execute(_GET, (chat_id, message_id)).fetchone()
            return _from_row(row) if row is not None else None

        return await self._database.run(get)

    async def take(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """The proposal under the photo, removed in the same transaction."""

        def take(db: sqlite3.Connection) -> ProposedExpense | None:
            row = db.execute(_GET, (chat_id, message_id)).fetchone()
            if row is None:
                return None
            db.execute(_DELETE, (chat_id, message_id))
            return _from_row(row)

        return await self._database.run(take)

    async def editing(self, chat_id: int, user_id: int) -> ProposedExpense | None:
        """The last proposal the member tapped Edit under."""

        def editing(db: sqlite3.Connection) -> ProposedExpense | None:
            row = db.execute(_EDITING, (chat_id, user_id)).fetchone()
            return _from_row(row) if row is not None else None

        return await self._database.run(editing)


def _to_json(proposal: ProposedExpense) -> dict[str, Any]:
    return {
        "message_id": proposal.message_id,
        "poster_id": proposal.poster_id,
        "poster_name": proposal.poster_name,
        "posted_at": proposal.posted_at.isoformat(),
        "amount": str(proposal.money.amount),
        "currency": proposal.money.currency.value,
        "purpose": proposal.purpose,
        "day": proposal.day.isoformat() if proposal.day is not None else None,
        "receipt": proposal.receipt,
        "bank": proposal.bank,
        "transaction_id": proposal.transaction_id,
        "received": proposal.received,
        "editing_by": proposal.editing_by,
        "asked_at": proposal.asked_at.isoformat() if proposal.asked_at is not None else None,
    }


def _from_row(row: tuple[int, str]) -> ProposedExpense:
    """The proposal as kept, in the group its row is in now (a group that became a supergroup moved it)."""
    data = json.loads(row[1])
    day = data.get("day")
    return ProposedExpense(
        chat_id=row[0],
        message_id=int(data["message_id"]),
        poster_id=int(data["poster_id"]),
        poster_name=str(data["poster_name"]),
        posted_at=datetime.fromisoformat(data["posted_at"]),
        money=Money(Decimal(data["amount"]), Currency(data["currency"])),
        purpose=str(data["purpose"]),
        day=date.fromisoformat(day) if day else None,
        receipt=str(data.get("receipt", "")),
        bank=str(data.get("bank", "")),
        transaction_id=str(data.get("transaction_id", "")),
        received=bool(data.get("received", False)),
        editing_by=data.get("editing_by"),
        asked_at=datetime.fromisoformat(data["asked_at"]) if data.get("asked_at") else None,
    )
