"""PendingQrs in SQLite: the KHQRs shown and waiting for their payment, kept across restarts."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.payments.qr_ports import PendingQr
from infrastructure.sqlite.database import Database

_COLUMNS = "chat_id, message_id, md5, qr, amount, currency, requested_by, asked_at, expires_at, by_hand"
_SLOTS = ", ".join("?" * len(_COLUMNS.split(", ")))


class SqlitePendingQrs:
    """A row per QR shown; `settled` says paid or expired once it waits no more."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def keep(self, qr: PendingQr) -> None:
        """Keep a QR shown to the group."""
        row = (
            qr.chat_id,
            qr.message_id,
            qr.md5,
            qr.text,
            qr.money.canonical(),
            qr.money.currency.value,
            qr.requested_by,
            qr.asked_at.astimezone(UTC).isoformat(),
            qr.expires_at.astimezone(UTC).isoformat(),
            int(qr.by_hand),
        )
        await self._database.run(
            lambda db: db.execute(f"INSERT OR REPLACE INTO pending_qr ({_COLUMNS}) VALUES ({_SLOTS})", row)
        )

    async def waiting(self) -> list[PendingQr]:
        """Every QR not settled yet, oldest first."""
        rows = await self._database.run(
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM pending_qr WHERE settled IS NULL ORDER BY asked_at, rowid"
            ).fetchall()
        )
        return [_qr(row) for row in rows]

    async def find(self, chat_id: int, message_id: int) -> PendingQr | None:
        """The QR of that message, while it waits."""
        row = await self._database.run(
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM pending_qr WHERE chat_id = ? AND message_id = ? AND settled IS NULL",
                (chat_id, message_id),
            ).fetchone()
        )
        return None if row is None else _qr(row)

    async def by_hand(self, chat_id: int, message_id: int) -> None:
        """An admin confirms the QR from now on."""
        await self._database.run(
            lambda db: db.execute(
                "UPDATE pending_qr SET by_hand = 1 WHERE chat_id = ? AND message_id = ?",
                (chat_id, message_id),
            )
        )

    async def settle(self, chat_id: int, message_id: int, how: str) -> None:
        """The QR is paid or expired: it waits no more."""
        settled_at = datetime.now(UTC).isoformat()
        await self._database.run(
            lambda db: db.execute(
                "UPDATE pending_qr SET settled = ?, settled_at = ? WHERE chat_id = ? AND message_id = ?",
                (how, settled_at, chat_id, message_id),
            )
        )


def _qr(row: sqlite3.Row | tuple[object, ...]) -> PendingQr:
    chat_id, message_id, md5, text, amount, currency, requested_by, asked_at, expires_at, by_hand = row
    return PendingQr(
        chat_id=int(str(chat_id)),
        message_id=int(str(message_id)),
        md5=str(md5),
        text=str(text),
        money=Money(Decimal(str(amount)), Currency(str(currency))),
        requested_by=int(str(requested_by)),
        asked_at=datetime.fromisoformat(str(asked_at)),
        expires_at=datetime.fromisoformat(str(expires_at)),
        by_hand=bool(by_hand),
    )
