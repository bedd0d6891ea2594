"""Capture state in SQLite: amounts waiting for a purpose, and saved messages with their rows."""

from __future__ import annotations

import json
import sqlite3
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine
from balance_bot.domain.members import Movement, MovementKind
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import PendingPurpose, SavedMessage
from infrastructure.sqlite.database import Database


class SqliteCaptureState:
    """CaptureState on the bot's database, so a restart forgets no pending purpose and no Undo."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def put_pending(self, pending: PendingPurpose) -> None:
        """Keep an amount waiting for its purpose, replacing the member's earlier one."""
        row = (
            pending.chat_id,
            pending.user_id,
            pending.message_id,
            json.dumps(_entry_to_json(pending.entry)),
            pending.posted_at.isoformat(),
            pending.expires_at.isoformat(),
        )
        await self._database.run(lambda db: db.execute(_PUT_PENDING, row))

    async def take_pending(self, chat_id: int, user_id: int, now: datetime) -> PendingPurpose | None:
        """The member's waiting amount, removed; None when none is waiting or it has expired."""

        def take(db: sqlite3.Connection) -> PendingPurpose | None:
            # Most messages have nothing waiting: look first, so they cost a read and no commit.
            row = db.execute(_GET_PENDING, (chat_id, user_id)).fetchone()
            if row is None:
                return None
            db.execute(_DELETE_PENDING, (chat_id, user_id))
            pending = PendingPurpose(
                chat_id=row[0],
                user_id=row[1],
                message_id=row[2],
                entry=_entry_from_json(json.loads(row[3])),
                posted_at=datetime.fromisoformat(row[4]),
                expires_at=datetime.fromisoformat(row[5]),
            )
            return pending if pending.expires_at > now else None

        return await self._database.run(take)

    async def record(self, saved: SavedMessage) -> None:
        """Keep or update a saved message and its rows."""
        await self._database.run(lambda db: record_saved_message(db, saved))

    async def find(self, chat_id: int, message_id: int) -> SavedMessage | None:
        """A saved message by the member's message id."""
        row = await self._database.run(lambda db: db.execute(_FIND, (chat_id, message_id)).fetchone())
        if row is None:
            return None
        return SavedMessage(
            chat_id=row[0],
            message_id=row[1],
            author_id=row[2],
            saved_at=datetime.fromisoformat(row[3]),
            lines=tuple(_saved_line_from_json(item) for item in json.loads(row[4])),
            currency_guessed=bool(row[5]),
            voided=bool(row[6]),
        )


_PENDING_COLUMNS = "chat_id, user_id, message_id, entry, posted_at, expires_at"
_PUT_PENDING = f"INSERT OR REPLACE INTO pending_purpose ({_PENDING_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?)"
_GET_PENDING = f"SELECT {_PENDING_COLUMNS} FROM pending_purpose WHERE chat_id = ? AND user_id = ?"
_DELETE_PENDING = "DELETE FROM pending_purpose WHERE chat_id = ? AND user_id = ?"
_SAVED_COLUMNS = "chat_id, message_id, author_id, saved_at, lines, currency_guessed, voided"
_RECORD = f"INSERT OR REPLACE INTO saved_message ({_SAVED_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?)"
_FIND = f"SELECT {_SAVED_COLUMNS} FROM saved_message WHERE chat_id = ? AND message_id = ?"


def record_saved_message(db: sqlite3.Connection, saved: SavedMessage) -> None:
    """Keep or update a saved message, within the caller's transaction."""
    row = (
        saved.chat_id,
        saved.message_id,
        saved.author_id,
        saved.saved_at.isoformat(),
        json.dumps([_saved_line_to_json(line) for line in saved.lines], ensure_ascii=False),
        int(saved.currency_guessed),
        int(saved.voided),
    )
    db.execute(_RECORD, row)


def _entry_to_json(entry: ExpenseEntry) -> dict[str, Any]:
    return {
        "amount": str(entry.money.amount),
        "currency": entry.money.currency.value,
        "purpose": entry.purpose,
        "guessed": entry.currency_guessed,
        "day_words": entry.day_words,
    }


def _entry_from_json(data: dict[str, Any]) -> ExpenseEntry:
    money = Money(Decimal(data["amount"]), Currency(data["currency"]))
    return ExpenseEntry(
        money, data["purpose"], data["guessed"], data.get("day_words", "")
    )  # kept before dates


def line_to_json(line: LedgerLine) -> dict[str, Any]:
    """A ledger line as JSON-ready values, amounts as exact decimal strings."""
    return {
        "day": line.day.isoformat(),
        "purpose": line.purpose,
        "amount": str(line.money.amount),
        "currency": line.money.currency.value,
        "member": line.member,
        "source": [
            line.source.chat_id,
            line.source.message_id,
            line.source.index,
            line.source.member_id,
            line.source.for_member_id,
        ],
        "topup": line.topup,
        "category": line.category,
        **(
            {"movement": [line.movement.kind.value, line.movement.member]}
            if line.movement is not None
            else {}
        ),
        **({"status": line.status} if line.status else {}),
    }


def line_from_json(data: dict[str, Any]) -> LedgerLine:
    """The ledger line line_to_json wrote."""
    return LedgerLine(
        day=date.fromisoformat(data["day"]),
        purpose=data["purpose"],
        money=Money(Decimal(data["amount"]), Currency(data["currency"])),
        member=data["member"],
        source=EntrySource(*data["source"]),
        topup=bool(data.get("topup", False)),  # lines kept before top-ups existed have none
        category=str(data.get("category", "")),  # nor those kept before categories
        movement=_movement_from_json(data.get("movement")),
        status=str(data.get("status", "")),
    )


def _movement_from_json(data: object) -> Movement | None:
    if not isinstance(data, list) or len(data) != 2:
        return None  # an expense, a top-up, or a line kept before movements
    kind = MovementKind.named(str(data[0]))
    return Movement(kind, str(data[1])) if kind is not None else None


def _saved_line_to_json(saved: SavedLine) -> dict[str, Any]:
    return {
        **line_to_json(saved.line),
        "worksheet": saved.worksheet,
        "row": saved.row,
        "number": saved.number,
        **({"period": saved.period.key()} if saved.period is not None else {}),
    }


def _saved_line_from_json(data: dict[str, Any]) -> SavedLine:
    kept = str(data.get("period", ""))  # none on lines kept before the month was kept with them
    year, _, month = kept.partition("-")
    period = Period(int(year), int(month)) if year.isdigit() and month.isdigit() else None
    return SavedLine(line_from_json(data), data["worksheet"], data["row"], data["number"], period)
