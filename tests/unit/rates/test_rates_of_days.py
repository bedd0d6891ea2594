"""The use case: read once a day, kept, the last known standing in when the source cannot be read."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

from balance_bot.domain.day_rates import FIXED, NBC, RateOfDay
from balance_bot.domain.ledger import Period
from balance_bot.rates.rates_of_days import RatesOfTheDay
from tests.fakes.clock import FakeClock
from tests.fakes.daily_rates import FakeRateSource, FakeRateStore

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
FRIDAY = date(2026, 12, 4)


def rates(source, store=None, clock=None):
    clock = clock or FakeClock(datetime(2026, 12, 4, 1, 0, tzinfo=UTC))  # 08:00 in Phnom Penh
    return RatesOfTheDay(store or FakeRateStore(), source, Decimal(4000), clock, PHNOM_PENH), clock


async def test_the_rate_read_is_kept_and_is_the_rate_of_its_day_and_the_weekend_after():
    source = FakeRateSource(RateOfDay(Decimal(4012), NBC, FRIDAY))
    daily, _ = rates(source)
    assert await daily.refresh_if_due() == RateOfDay(Decimal(4012), NBC, FRIDAY)
    assert await daily.rate_on(date(2026, 12, 6)) == RateOfDay(Decimal(4012), NBC, FRIDAY)


async def test_the_source_is_read_once_a_day_however_often_asked():
    source = FakeRateSource(RateOfDay(Decimal(4012), NBC, FRIDAY))
    daily, clock = rates(source)
    await daily.refresh_if_due()
    clock.advance(hours=10)
    await daily.refresh_if_due()
    assert source.reads == 1
    clock.advance(hours=14)  # the next local day
    await daily.refresh_if_due()
    assert source.reads == 2


async def test_a_source_that_cannot_be_read_leaves_the_last_known_rate_and_says_since_when():
    store = FakeRateStore()
    source = FakeRateSource(RateOfDay(Decimal(4012), NBC, FRIDAY))
    daily, clock = rates(source, store)
    await daily.refresh_if_due()
    clock.advance(days=1)
    source.failure = "HTTP 503"
    failed_at = clock.now()
    assert await daily.refresh_if_due() is None
    clock.advance(hours=1)
    await daily.refresh_if_due()  # still failing: tried again, since stays
    assert await daily.rate_on(date(2026, 12, 5)) == RateOfDay(Decimal(4012), NBC, FRIDAY)
    health = await daily.health()
    assert (health.failing_since, health.last_error) == (failed_at, "HTTP 503")
    source.failure = None
    clock.advance(hours=1)
    await daily.refresh_if_due()
    assert (await daily.health()).failing_since is None
    assert source.reads == 4  # read, failed, failed again an hour on, read


async def test_with_nothing_known_yet_the_fixed_rate_is_used():
    daily, _ = rates(FakeRateSource(failure="timed out"))
    await daily.refresh_if_due()
    assert await daily.rate_on(FRIDAY) == RateOfDay(Decimal(4000), FIXED)


async def test_rate_source_fixed_never_reads_and_uses_khr_per_usd():
    daily, _ = rates(None)
    assert await daily.refresh_if_due() is None
    assert await daily.rate_on(FRIDAY) == RateOfDay(Decimal(4000), FIXED)
    assert (await daily.rates_for(FRIDAY, FRIDAY + timedelta(days=3))).on(FRIDAY) == daily.fixed


async def test_a_month_gets_its_days_rates_at_once():
    store = FakeRateStore()
    for day, rate in ((date(2026, 11, 30), 4005), (date(2026, 12, 1), 4008), (FRIDAY, 4012)):
        await store.keep(RateOfDay(Decimal(rate), NBC, day))
    daily, _ = rates(FakeRateSource(), store)
    month = await daily.rates_for(date(2026, 12, 1), date(2026, 12, 31))
    assert month.on(date(2026, 12, 2)).khr_per_usd == 4008
    assert month.on(date(2026, 12, 31)).khr_per_usd == 4012


async def test_a_month_is_told_at_todays_rate_while_it_runs_and_at_its_last_days_once_over():
    store = FakeRateStore()
    for day, rate in ((date(2026, 11, 27), 4006), (FRIDAY, 4012)):
        await store.keep(RateOfDay(Decimal(rate), NBC, day))
    daily, _ = rates(FakeRateSource(), store)
    assert (await daily.rate_of_month(Period(2026, 12))).day == FRIDAY
    # November ended on a Monday after Friday the 27th: its balance is told at that Friday's rate.
    assert (await daily.rate_of_month(Period(2026, 11))).khr_per_usd == 4006


async def test_a_day_the_page_has_no_rate_is_read_and_leaves_the_last_one_published():
    source = FakeRateSource(RateOfDay(Decimal(4012), NBC, FRIDAY))
    daily, clock = rates(source)
    await daily.refresh_if_due()
    clock.advance(days=3)  # Monday, a holiday: no data
    source.shows = None
    assert await daily.refresh_if_due() is None
    health = await daily.health()
    assert (health.last_read, health.failing_since) == (clock.now(), None)
    assert await daily.rate_today() == RateOfDay(Decimal(4012), NBC, FRIDAY)


async def test_a_balance_is_told_at_its_months_rates_and_a_members_figures_at_todays():
    daily, _ = rates(FakeRateSource(RateOfDay(Decimal(4012), NBC, FRIDAY)))
    await daily.refresh_if_due()
    day_rates, told_at = await daily.of_balance(Period(2026, 12))
    assert day_rates is not None
    assert day_rates.on(date(2026, 12, 5)).khr_per_usd == Decimal(4012)
    assert told_at == RateOfDay(Decimal(4012), NBC, FRIDAY)
    assert await daily.of_balance(None) == (None, RateOfDay(Decimal(4012), NBC, FRIDAY))
