"""The recurring costs in SQLite: kept across a restart, numbered once for good, due by their next day."""

from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.recurring.costs import NewCost
from balance_bot.recurring.schedules import Every, Schedule
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.recurring_costs import SqliteRecurringCosts

ADDED = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def rent(chat_id=-100, first=date(2027, 1, 1)):
    schedule = Schedule(Every.MONTH, 1, 1, first)
    return NewCost(chat_id, "ជួលផ្ទះ", Money(Decimal("300.00"), Currency.USD), "Rent", schedule, 7, "Dara")


async def test_costs_are_kept_across_a_restart_with_their_schedule_and_days_done(tmp_path):
    path = tmp_path / "bot.sqlite3"
    database = Database(path)
    costs = SqliteRecurringCosts(database)
    added = await costs.add(rent(), ADDED)
    await costs.add(rent(-200), ADDED)
    await database.close()

    database = Database(path)
    costs = SqliteRecurringCosts(database)
    try:
        (kept,) = await costs.active(-100)
        assert kept == added
        assert (kept.number, kept.item, kept.money, kept.category) == (1, "ជួលផ្ទះ", rent().money, "Rent")
        assert kept.schedule == Schedule(Every.MONTH, 1, 1, date(2027, 1, 1))
        assert kept.done_through == date(2026, 12, 31)
        assert await costs.chats_due(date(2026, 12, 31)) == []
        assert await costs.chats_due(date(2027, 1, 1)) == [-200, -100]
        await costs.done(1, date(2027, 1, 1), date(2027, 2, 1))
        await costs.done(1, date(2026, 12, 1), date(2027, 1, 1))  # an older day changes nothing
        assert await costs.chats_due(date(2027, 1, 31)) == [-200]
        assert (await costs.active(-100))[0].done_through == date(2027, 1, 1)
    finally:
        await database.close()


async def test_a_stopped_costs_number_is_never_given_again_and_it_is_no_longer_due(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    costs = SqliteRecurringCosts(database)
    try:
        await costs.add(rent(), ADDED)
        second = await costs.add(rent(), ADDED)
        assert await costs.stop(-200, second.number, ADDED) is None  # not that group's
        assert await costs.stop(-100, second.number, ADDED) == second
        assert await costs.stop(-100, second.number, ADDED) is None
        third = await costs.add(rent(), ADDED)
        assert third.number == 3
        assert [cost.number for cost in await costs.active(-100)] == [1, 3]
    finally:
        await database.close()
