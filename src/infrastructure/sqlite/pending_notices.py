"""Bank notices waiting for an admin's answer, in SQLite: a Confirm after a restart still finds its notice."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from decimal import Decimal
from typing import Any

from balance_bot.domain.bank_notices import BankNotice
from balance_bot.domain.money import Currency
from balance_bot.ports import PendingNotice
from infrastructure.sqlite.database import Database

_COLUMNS = "chat_id, message_id, poster_id, posted_at, notice"
_PUT = f"INSERT OR REPLACE INTO pending_notice ({_COLUMNS}) VALUES (?, ?, ?, ?, ?)"
_GET = f"SELECT {_COLUMNS} FROM pending_notice WHERE chat_id = ? AND message_id = ?"
_DELETE = "DELETE FROM pending_notice WHERE chat_id = ? AND message_id = ?"


class SqlitePendingNotices:
    """PendingNotices on the bot's database."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def put(self, pending: PendingNotice) -> None:
        """Keep the notice until an admin answers it."""
        row = (
            pending.chat_id,
            pending.message_id,
            pending.poster_id,
            pending.posted_at.isoformat(),
            json.dumps(_notice_to_json(pending.notice), ensure_ascii=False),
        )
        await self._database.run(lambda db: db.execute(_PUT, row))

    async def take(self, chat_id: int, message_id: int) -> PendingNotice | None:
        """The notice waiting under the message, removed in the same transaction."""

        def take(db: sqlite3.Connection) -> PendingNotice | None:
            row = db.execute(_GET, (chat_id, message_id)).fetchone()
            if row is None:
                return None
            db.execute(_DELETE, (chat_id, message_id))
            notice = _notice_from_json(json.loads(row[4]))
            return PendingNotice(row[0], row[1], row[2], datetime.fromisoformat(row[3]), notice)

        return await self._database.run(take)


def _notice_to_json(notice: BankNotice) -> dict[str, Any]:
    return {
        "bank": notice.bank,
        "amount": str(notice.amount),
        "currency": notice.currency.value,
        "payer": notice.payer,
        "when": notice.when.isoformat(),
        "transaction_id": notice.transaction_id,
        "received": notice.received,
    }


def _notice_from_json(data: dict[str, Any]) -> BankNotice:
    return BankNotice(
        bank=data["bank"],
        amount=Decimal(data["amount"]),
        currency=Currency(data["currency"]),
        payer=data["payer"],
        when=datetime.fromisoformat(data["when"]),
        transaction_id=data["transaction_id"],
        received=bool(data.get("received", True)),
    )
