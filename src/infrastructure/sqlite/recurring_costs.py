"""RecurringStore in SQLite: the groups' recurring costs, numbered once for good, with their next day due."""

from __future__ import annotations

import sqlite3
from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.recurring.costs import NewCost, RecurringCost
from balance_bot.recurring.schedules import Every, Schedule
from infrastructure.sqlite.database import Database

_COLUMNS = (
    "number, chat_id, item, amount, currency, category, every, interval, day, first_day, added_by, "
    "added_by_name, done_through"
)
_ADD = """
    INSERT INTO recurring_cost (chat_id, item, amount, currency, category, every, interval, day, first_day,
                                added_by, added_by_name, added_at, done_through, next_day)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


class SqliteRecurringCosts:
    """A row per cost; a stopped one keeps its row (and its number) with the time it stopped."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def add(self, cost: NewCost, added_at: datetime) -> RecurringCost:
        """Keep a new cost; SQLite's AUTOINCREMENT never gives a number twice, a stopped cost's neither."""
        schedule = cost.schedule
        row = (
            cost.chat_id,
            cost.item,
            cost.money.canonical(),
            cost.money.currency.value,
            cost.category,
            schedule.every.value,
            schedule.interval,
            schedule.day,
            schedule.first.isoformat(),
            cost.added_by,
            cost.added_by_name,
            added_at.astimezone(UTC).isoformat(),
            cost.before_first.isoformat(),
            schedule.first.isoformat(),
        )

        def add(db: sqlite3.Connection) -> RecurringCost:
            number = db.execute(_ADD, row).lastrowid
            return _cost(
                db.execute(f"SELECT {_COLUMNS} FROM recurring_cost WHERE number = ?", (number,)).fetchone()
            )

        return await self._database.run(add)

    async def active(self, chat_id: int) -> list[RecurringCost]:
        """The group's running costs, by number."""
        rows = await self._database.run(
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM recurring_cost WHERE chat_id = ? AND stopped_at IS NULL "
                "ORDER BY number",
                (chat_id,),
            ).fetchall()
        )
        return [_cost(row) for row in rows]

    async def chats_due(self, today: date) -> list[int]:
        """The groups with a running cost due today or before."""
        rows = await self._database.run(
            lambda db: db.execute(
                "SELECT DISTINCT chat_id FROM recurring_cost WHERE stopped_at IS NULL AND next_day <= ? "
                "ORDER BY chat_id",
                (today.isoformat(),),
            ).fetchall()
        )
        return [int(chat_id) for (chat_id,) in rows]

    async def stop(self, chat_id: int, number: int, stopped_at: datetime) -> RecurringCost | None:
        """End the group's running cost of that number; None when there is none such."""

        def stop(db: sqlite3.Connection) -> RecurringCost | None:
            row = db.execute(
                f"SELECT {_COLUMNS} FROM recurring_cost "
                "WHERE chat_id = ? AND number = ? AND stopped_at IS NULL",
                (chat_id, number),
            ).fetchone()
            if row is None:
                return None
            db.execute(
                "UPDATE recurring_cost SET stopped_at = ? WHERE number = ?",
                (stopped_at.astimezone(UTC).isoformat(), number),
            )
            return _cost(row)

        return await self._database.run(stop)

    async def done(self, number: int, day: date, next_day: date) -> None:
        """The days up to `day` are written; an earlier day than one done changes nothing."""
        await self._database.run(
            lambda db: db.execute(
                "UPDATE recurring_cost SET done_through = ?, next_day = ? "
                "WHERE number = ? AND done_through < ?",
                (day.isoformat(), next_day.isoformat(), number, day.isoformat()),
            )
        )


def _cost(row: tuple[object, ...]) -> RecurringCost:
    (number, chat_id, item, amount, currency, category, every, interval, day, first, by, by_name, done) = row
    return RecurringCost(
        number=int(str(number)),
        chat_id=int(str(chat_id)),
        item=str(item),
        money=Money(Decimal(str(amount)), Currency(str(currency))),
        category=str(category),
        schedule=Schedule(
            Every(str(every)), int(str(interval)), int(str(day)), date.fromisoformat(str(first))
        ),
        added_by=int(str(by)),
        added_by_name=str(by_name),
        done_through=date.fromisoformat(str(done)),
    )
