"""The rows the bot wrote and the changes by hand each group was told of, in SQLite (for /changes)."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from datetime import date, datetime
from decimal import Decimal

from balance_bot.domain.hand_edits import RowKind, WrittenRow
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from infrastructure.sqlite.database import Database


class SqliteWrittenRows:
    """WrittenRows: a row per reference, replaced when the bot rewrites it."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def keep(self, rows: Sequence[WrittenRow]) -> None:
        """Keep the rows, replacing what was kept of each (the bot's edit, switch or void)."""
        values = [
            (
                row.reference,
                row.chat_id,
                row.period.key(),
                row.number,
                row.day.isoformat(),
                row.item,
                str(row.money.amount),
                row.money.currency.value,
                row.kind.value,
                row.category,
                int(row.voided),
            )
            for row in rows
        ]
        if values:
            await self._database.run(lambda db: db.executemany(_KEEP, values))

    async def categorised(self, reference: str, category: str) -> None:
        """The bot wrote the row's category."""
        await self._database.run(lambda db: db.execute(_CATEGORISED, (category, reference)))

    async def voided(self, reference: str) -> None:
        """The bot voided the row."""
        await self._database.run(lambda db: db.execute(_VOIDED, (reference,)))

    async def written(self, chat_id: int, periods: Sequence[Period]) -> list[WrittenRow]:
        """The group's rows of those months, in the order written."""
        months = [period.key() for period in periods]

        def read(db: sqlite3.Connection) -> list[tuple[object, ...]]:
            marks = ", ".join("?" * len(months))
            return db.execute(_WRITTEN.format(marks=marks), (chat_id, *months)).fetchall()

        return [_row(found) for found in await self._database.run(read)]

    async def forget_before(self, chat_id: int, period: Period) -> None:
        """Delete the group's rows of the months before this one."""
        await self._database.run(lambda db: db.execute(_FORGET_ROWS, (chat_id, period.key())))


class SqliteToldChanges:
    """ToldChanges: a row per change told to a group, and each group's day of its last daily look."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def told(self, chat_id: int) -> set[str]:
        """The changes the group was told of."""
        found = await self._database.run(lambda db: db.execute(_TOLD, (chat_id,)).fetchall())
        return {str(change) for (change,) in found}

    async def remember(self, chat_id: int, keys: Sequence[str], at: datetime) -> None:
        """The group was told of these changes."""
        values = [(chat_id, key, at.isoformat()) for key in keys]
        await self._database.run(lambda db: db.executemany(_REMEMBER, values))

    async def last_told(self, chat_id: int) -> datetime | None:
        """When the group was last told of a change."""
        (last,) = await self._database.run(lambda db: db.execute(_LAST_TOLD, (chat_id,)).fetchone())
        return None if last is None else datetime.fromisoformat(str(last))

    async def forget_before(self, chat_id: int, moment: datetime) -> None:
        """Delete the changes told to the group before that moment."""
        await self._database.run(lambda db: db.execute(_FORGET_TOLD, (chat_id, moment.isoformat())))

    async def claim_day(self, chat_id: int, day: date) -> bool:
        """True only the first time for the group and day."""
        changed = await self._database.run(
            lambda db: db.execute(_CLAIM_DAY, (chat_id, day.isoformat(), day.isoformat())).rowcount
        )
        return bool(changed)


def _row(found: tuple[object, ...]) -> WrittenRow:
    reference, chat_id, month, number, day, item, amount, currency, kind, category, voided = found
    year, _, month_number = str(month).partition("-")
    return WrittenRow(
        reference=str(reference),
        chat_id=int(str(chat_id)),
        period=Period(int(year), int(month_number)),
        number=int(str(number)),
        day=date.fromisoformat(str(day)),
        item=str(item),
        money=Money(Decimal(str(amount)), Currency(str(currency))),
        kind=RowKind(str(kind)),
        category=str(category),
        voided=bool(voided),
    )


_KEEP = """
    INSERT INTO written_row (reference, chat_id, month, number, day, item, amount, currency, kind, category,
                             voided)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
    ON CONFLICT (reference) DO UPDATE SET
        chat_id = excluded.chat_id, month = excluded.month, number = excluded.number, day = excluded.day,
        item = excluded.item, amount = excluded.amount, currency = excluded.currency, kind = excluded.kind,
        category = excluded.category, voided = excluded.voided
"""
_CATEGORISED = "UPDATE written_row SET category = ? WHERE reference = ?"
_VOIDED = "UPDATE written_row SET voided = 1 WHERE reference = ?"
_WRITTEN = """
    SELECT reference, chat_id, month, number, day, item, amount, currency, kind, category, voided
    FROM written_row WHERE chat_id = ? AND month IN ({marks}) ORDER BY month, rowid
"""
_FORGET_ROWS = "DELETE FROM written_row WHERE chat_id = ? AND month < ?"
_TOLD = "SELECT change FROM hand_change_told WHERE chat_id = ?"
_REMEMBER = "INSERT OR IGNORE INTO hand_change_told (chat_id, change, told_at) VALUES (?, ?, ?)"
_FORGET_TOLD = "DELETE FROM hand_change_told WHERE chat_id = ? AND julianday(told_at) < julianday(?)"
_LAST_TOLD = "SELECT max(told_at) FROM hand_change_told WHERE chat_id = ?"
_CLAIM_DAY = """
    INSERT INTO hand_change_look (chat_id, day) VALUES (?, ?)
    ON CONFLICT (chat_id) DO UPDATE SET day = excluded.day WHERE hand_change_look.day < ?
"""
