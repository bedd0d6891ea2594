"""RateStore in SQLite: the official rate of each published day, and how reading its source went."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.domain.day_rates import RateOfDay
from balance_bot.rates.ports import SourceHealth
from infrastructure.sqlite.database import Database

_COLUMNS = "day, khr_per_usd, source"


class SqliteRateStore:
    """A row per published day (kept again, replaced); one row for the source's health."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def keep(self, rate: RateOfDay) -> None:
        """Keep a published rate of its day."""
        if rate.day is None:
            raise ValueError("only a published rate of a day is kept")
        row = (rate.day.isoformat(), str(rate.khr_per_usd), rate.source, datetime.now(UTC).isoformat())
        await self._database.run(
            lambda db: db.execute(
                f"INSERT OR REPLACE INTO daily_rate ({_COLUMNS}, kept_at) VALUES (?, ?, ?, ?)", row
            )
        )

    async def rate_on(self, day: date) -> RateOfDay | None:
        """The last rate published on or before that day."""
        row = await self._database.run(
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM daily_rate WHERE day <= ? ORDER BY day DESC LIMIT 1",
                (day.isoformat(),),
            ).fetchone()
        )
        return None if row is None else _rate(row)

    async def rates_between(self, first: date, last: date) -> list[RateOfDay]:
        """The rates published in these days and the last one before them, oldest first."""
        rows = await self._database.run(
            lambda db: db.execute(
                f"SELECT {_COLUMNS} FROM daily_rate WHERE day > ? AND day <= ? ORDER BY day",
                (first.isoformat(), last.isoformat()),
            ).fetchall()
        )
        before = await self.rate_on(first)
        return ([before] if before is not None else []) + [_rate(row) for row in rows]

    async def earliest(self) -> RateOfDay | None:
        """The first rate kept."""
        row = await self._database.run(
            lambda db: db.execute(f"SELECT {_COLUMNS} FROM daily_rate ORDER BY day LIMIT 1").fetchone()
        )
        return None if row is None else _rate(row)

    async def read_at(self, when: datetime) -> None:
        """The source was read: failing no more."""
        at = when.astimezone(UTC).isoformat()
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO rate_source_health (id, last_read, failing_since, last_error) "
                "VALUES (1, ?, NULL, '') ON CONFLICT (id) DO UPDATE SET last_read = excluded.last_read, "
                "failing_since = NULL, last_error = ''",
                (at,),
            )
        )

    async def failed_at(self, when: datetime, error: str) -> None:
        """The source could not be read; the first failure in a row stays as when it began."""
        at = when.astimezone(UTC).isoformat()
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO rate_source_health (id, last_read, failing_since, last_error) "
                "VALUES (1, NULL, ?, ?) ON CONFLICT (id) DO UPDATE SET "
                "failing_since = COALESCE(failing_since, excluded.failing_since), "
                "last_error = excluded.last_error",
                (at, error),
            )
        )

    async def health(self) -> SourceHealth:
        """How reading the source has gone."""
        row = await self._database.run(
            lambda db: db.execute(
                "SELECT last_read, failing_since, last_error FROM rate_source_health WHERE id = 1"
            ).fetchone()
        )
        if row is None:
            return SourceHealth()
        return SourceHealth(_moment(row[0]), _moment(row[1]), row[2])


def _rate(row: tuple[str, str, str]) -> RateOfDay:
    return RateOfDay(Decimal(row[1]), row[2], date.fromisoformat(row[0]))


def _moment(text: str | None) -> datetime | None:
    return datetime.fromisoformat(text) if text else None
