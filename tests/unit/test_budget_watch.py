"""Tests for budgets: the share of a budget a month used, and each threshold told once a month."""

from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from balance_bot.categories.budget_watch import BudgetWatch
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.budgets import budget_use
from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import SavedMessage
from infrastructure.categories.tab import load_categories_csv
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.category_corrections import InMemoryCategoryCorrections
from tests.fakes.ledger import InMemoryLedger

CHAT = -100
DECEMBER = Period(2026, 12)
RATE = Decimal(4000)


class NoticeLog:
    """BudgetNoticeLog in a set."""

    def __init__(self):
        self.claimed = set()

    async def claim(self, chat_id, month, category, threshold):
        key = (chat_id, month, category, threshold)
        fresh = key not in self.claimed
        self.claimed.add(key)
        return fresh


def fuel(amount, currency=Currency.USD, message_id=1):
    money = Money(Decimal(amount), currency)
    return LedgerLine(
        date(2026, 12, 3), "diesel", money, "Sokha", EntrySource(CHAT, message_id, 0), category="Fuel"
    )


@pytest.fixture
def ledger():
    ledger = InMemoryLedger()
    ledger.tab = [
        Category("Fuel", words=("diesel",), budget_usd=Decimal(100)),
        Category("Food", words=("rice",), budget_khr=Decimal(400000)),
        Category("Other"),
    ]
    return ledger


@pytest.fixture
def watch(ledger):
    categorising = Categorising(
        ledger, InMemoryCategoryCorrections(), load_categories_csv(), InMemoryCaptureState()
    )
    return BudgetWatch(ledger, categorising.books, NoticeLog(), RATE, "[void] ")


async def save(ledger, line):
    (saved,) = await ledger.append(DECEMBER, [line])
    return SavedMessage(CHAT, line.source.message_id, 7, datetime(2026, 12, 3, tzinfo=UTC), (saved,))


def test_the_other_currency_counts_at_the_rate():
    use = budget_use(
        Category("Fuel", budget_usd=Decimal(100)),
        {Currency.USD: Decimal(50), Currency.KHR: Decimal(120000)},
        RATE,
    )
    assert (use.currency, use.spent, use.percent, use.left) == (
        Currency.USD,
        Decimal(80),
        Decimal(80),
        Decimal(20),
    )
    assert use.reached() == 80
    riel = budget_use(Category("Food", budget_khr=Decimal(400000)), {Currency.USD: Decimal(25)}, RATE)
    assert (riel.currency, riel.spent, riel.reached()) == (Currency.KHR, Decimal(100000), None)
    assert budget_use(Category("Other"), {Currency.USD: Decimal(5)}, RATE) is None


async def test_each_threshold_is_told_once_a_month_and_the_highest_only(ledger, watch):
    assert await watch.after_save(CHAT, await save(ledger, fuel(70))) == []
    (eighty,) = await watch.after_save(CHAT, await save(ledger, fuel(12, message_id=2)))
    assert (eighty.threshold, eighty.use.spent, eighty.use.left) == (80, Decimal(82), Decimal(18))
    assert await watch.after_save(CHAT, await save(ledger, fuel(5, message_id=3))) == []  # told already
    (hundred,) = await watch.after_save(CHAT, await save(ledger, fuel(30, message_id=4)))
    assert (hundred.threshold, hundred.use.spent) == (100, Decimal(117))
    assert await watch.after_save(CHAT, await save(ledger, fuel(1, message_id=5))) == []


async def test_a_budget_passed_at_once_hears_only_that_it_is_used_up(ledger, watch):
    (crossed,) = await watch.after_save(CHAT, await save(ledger, fuel(400000, Currency.KHR)))  # 100 USD
    assert crossed.threshold == 100
    assert await watch.after_save(CHAT, await save(ledger, fuel(1, message_id=2))) == []  # 80% taken too


async def test_a_category_without_a_budget_costs_no_read(ledger, watch):
    line = LedgerLine(
        date(2026, 12, 3),
        "tip",
        Money(Decimal(5), Currency.USD),
        "Sokha",
        EntrySource(CHAT, 9, 0),
        category="Other",
    )
    reads = []
    original = ledger.read

    async def counted(period):
        reads.append(period)
        return await original(period)

    ledger.read = counted
    assert await watch.after_save(CHAT, await save(ledger, line)) == []
    assert reads == []


async def test_the_total_row_budgets_all_the_months_spending(ledger, watch):
    ledger.tab.append(Category("Total", budget_usd=Decimal(50)))
    (crossed,) = await watch.after_save(CHAT, await save(ledger, fuel(45)))
    assert crossed.use.category.name == "Total"
    assert crossed.threshold == 80


async def test_with_the_rates_of_the_days_each_days_riel_count_at_that_days_rate(ledger):
    from balance_bot.domain.day_rates import NBC, RateOfDay
    from balance_bot.rates.rates_of_days import RatesOfTheDay
    from tests.fakes.clock import FakeClock
    from tests.fakes.daily_rates import FakeRateSource, FakeRateStore

    store = FakeRateStore()
    await store.keep(RateOfDay(Decimal(4100), NBC, date(2026, 12, 1)))  # riel weaker than the fixed 4,000
    rates = RatesOfTheDay(store, FakeRateSource(), RATE, FakeClock(), UTC)
    categorising = Categorising(
        ledger, InMemoryCategoryCorrections(), load_categories_csv(), InMemoryCaptureState()
    )
    watch = BudgetWatch(ledger, categorising.books, NoticeLog(), RATE, "[void] ", rates)
    # 328,000៛ on the 3rd at the 1st's 4,100 is $80.00 (at the fixed 4,000 it would be $82).
    (eighty,) = await watch.after_save(CHAT, await save(ledger, fuel(328000, Currency.KHR)))
    assert (eighty.threshold, eighty.use.spent) == (80, Decimal("80.00"))
