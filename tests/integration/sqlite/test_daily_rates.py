"""The rates of the days in SQLite: found for any day, kept across a restart, with the source's health."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from balance_bot.domain.day_rates import NBC, RateOfDay
from infrastructure.sqlite.daily_rates import SqliteRateStore
from infrastructure.sqlite.database import Database

FRIDAY, MONDAY = date(2026, 12, 4), date(2026, 12, 7)
READ = datetime(2026, 12, 4, 1, 0, tzinfo=UTC)


async def test_the_rates_kept_are_found_by_day_after_a_restart(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    store = SqliteRateStore(database)
    await store.keep(RateOfDay(Decimal(4012), NBC, FRIDAY))
    await store.keep(RateOfDay(Decimal(4015), NBC, MONDAY))
    await store.keep(RateOfDay(Decimal(4015), NBC, MONDAY))  # read twice, kept once
    await store.read_at(READ)
    await database.close()

    store = SqliteRateStore(Database(tmp_path / "bot.sqlite3"))
    assert await store.rate_on(date(2026, 12, 6)) == RateOfDay(Decimal(4012), NBC, FRIDAY)
    assert await store.rate_on(date(2026, 12, 3)) is None
    assert await store.earliest() == RateOfDay(Decimal(4012), NBC, FRIDAY)
    assert [
        rate.khr_per_usd for rate in await store.rates_between(date(2026, 12, 5), date(2026, 12, 31))
    ] == [
        4012,
        4015,
    ]
    assert (await store.health()).last_read == READ


async def test_the_source_failing_is_kept_since_its_first_failure_until_it_is_read(tmp_path):
    store = SqliteRateStore(Database(tmp_path / "bot.sqlite3"))
    assert (await store.health()).failing_since is None
    await store.failed_at(READ, "HTTP 503")
    await store.failed_at(READ + timedelta(hours=1), "TimeoutError")
    health = await store.health()
    assert (health.failing_since, health.last_error) == (READ, "TimeoutError")
    await store.read_at(READ + timedelta(hours=2))
    assert (await store.health()).failing_since is None
