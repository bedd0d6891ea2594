"""The NBC client on the fake page: the rate and its day read, no rate on a day without data, and a page
that is down, slow or not the rate page each a RateSourceUnavailable."""

from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.day_rates import NBC, RateOfDay
from balance_bot.rates.ports import RateSourceUnavailable
from infrastructure.rates.nbc import NbcRateSource, read_page
from tests.fakes.nbc_api import RECORDED, page


async def read(nbc, timeout_seconds=5.0):
    source = NbcRateSource(nbc.url, timeout_seconds=timeout_seconds)
    try:
        return await source.published()
    finally:
        await source.close()


def test_the_recorded_page_of_the_real_site_reads_as_its_day_and_official_rate():
    assert read_page(RECORDED) == RateOfDay(Decimal(4014), NBC, date(2026, 5, 18))


async def test_the_page_gives_the_official_rate_of_the_day_it_names(nbc):
    nbc.publishes(date(2026, 12, 4), 4012)
    assert await read(nbc) == RateOfDay(Decimal(4012), NBC, date(2026, 12, 4))
    assert nbc.requests == ["GET /english/economic_research/exchange_rate.php"]


async def test_on_a_weekend_the_page_shows_fridays_rate_and_it_is_fridays(nbc):
    nbc.publishes(date(2026, 12, 4), 4012)  # read on Sunday 6 December: the page still shows Friday's
    assert (await read(nbc)).day == date(2026, 12, 4)


async def test_a_day_without_data_is_no_rate_not_an_error(nbc):
    nbc.no_data = True
    assert await read(nbc) is None


async def test_a_page_without_the_rate_is_unavailable_not_a_rate(nbc):
    nbc.malformed = True
    with pytest.raises(RateSourceUnavailable, match="no official rate"):
        await read(nbc)


@pytest.mark.parametrize("rate", ["4,0l2", "40", "4012000"])
def test_a_rate_that_cannot_be_the_riels_is_refused(rate):
    with pytest.raises(RateSourceUnavailable):
        read_page(page(date(2026, 12, 4), rate))


async def test_a_5xx_from_the_site_is_unavailable_with_its_status(nbc):
    nbc.status = 503
    with pytest.raises(RateSourceUnavailable, match="HTTP 503"):
        await read(nbc)


async def test_a_page_that_never_comes_times_out_as_unavailable(nbc):
    nbc.hang = True
    with pytest.raises(RateSourceUnavailable, match="TimeoutError"):
        await read(nbc, timeout_seconds=0.2)


async def test_a_site_that_is_not_there_is_unavailable():
    source = NbcRateSource("http://127.0.0.1:9/english/economic_research/exchange_rate.php")
    try:
        with pytest.raises(RateSourceUnavailable):
            await source.published()
    finally:
        await source.close()
