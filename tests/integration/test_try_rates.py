"""The rate of the day in `balance-bot try`: /balance adds riel at the NBC's rate as the bot does, the
page read in the background at start (the chat never waits for it), the last rate known while the
page cannot be read, and KHR_PER_USD with RATE_SOURCE=fixed."""

import asyncio
import io
from datetime import UTC, datetime

from infrastructure.bootstrap import load_settings, try_services
from infrastructure.console.try_chat import TryChat, run_try_chat
from infrastructure.console.try_settings import try_settings
from tests.fakes.clock import FakeClock
from tests.integration.test_help_in_try import Typing

# 10:00 in Phnom Penh on Monday 7 December 2026; the bank's page shows Friday's rate.
NOW = datetime(2026, 12, 7, 3, 0, tzinfo=UTC)


def tried(tmp_path, **values):
    return try_settings(load_settings({"PARSER_LLM": "none", **values}, tmp_path / ".env"), tmp_path)


async def balance_said(services, *lines):
    """What the try chat answers to /balance, an admin typing, after the lines."""
    out = io.StringIO()
    typing = Typing(TryChat(services, out), out)
    await typing.says("/admin")
    for line in lines:
        await typing.says(line)
    return await typing.says("/balance")


async def test_try_adds_riel_at_the_banks_rate_of_the_day_and_at_the_last_known_while_the_page_is_down(
    tmp_path, nbc
):
    nbc.publishes(datetime(2026, 12, 4).date(), 4012)
    clock = FakeClock(NOW)
    services = try_services(tried(tmp_path, RATE_SOURCE_URL=nbc.url), clock)
    await services.start()
    try:
        assert services.rates is not None
        await services.rates.refresh_if_due()  # what `try` starts in the background
        said = await balance_said(services, "coffee 2$", "ice 4012៛")
    finally:
        await services.close()
    assert "Together at 4,012៛ a dollar (NBC, Fri 4 Dec)" in said
    nbc.status = 503  # the next day, the bank's site is down: the rate kept in try's database stands
    clock.advance(days=1)
    services = try_services(tried(tmp_path, RATE_SOURCE_URL=nbc.url), clock)
    await services.start()
    try:
        assert services.rates is not None
        assert await services.rates.refresh_if_due() is None
        said = await balance_said(services)
    finally:
        await services.close()
    assert "Together at 4,012៛ a dollar (NBC, Fri 4 Dec)" in said


async def test_a_members_net_in_try_is_told_at_todays_rate_of_the_bank(tmp_path, nbc):
    nbc.publishes(datetime(2026, 12, 4).date(), 4012)
    services = try_services(tried(tmp_path, RATE_SOURCE_URL=nbc.url), FakeClock(NOW))
    await services.start()
    try:
        assert services.rates is not None
        await services.rates.refresh_if_due()
        out = io.StringIO()
        typing = Typing(TryChat(services, out), out)
        await typing.says("coffee 2$")
        await typing.says("ice 40120៛")
        said = await typing.says("/mybalance")
    finally:
        await services.close()
    assert "net at 4,012៛ a dollar: is owed $12.00" in said  # at KHR_PER_USD's 4,000: $12.03


async def test_try_with_a_fixed_rate_adds_riel_at_khr_per_usd_and_says_so_as_the_bot_does(tmp_path):
    services = try_services(tried(tmp_path, RATE_SOURCE="fixed", KHR_PER_USD="4100"), FakeClock(NOW))
    await services.start()
    try:
        said = await balance_said(services, "coffee 2$", "ice 4100៛")
    finally:
        await services.close()
    assert "Together at 4,100៛ a dollar:" in said
    assert "NBC" not in said


async def test_try_starts_and_answers_while_the_banks_page_never_comes(tmp_path, nbc):
    nbc.hang = True
    services = try_services(tried(tmp_path, RATE_SOURCE_URL=nbc.url, KHR_PER_USD="4000"), FakeClock(NOW))
    out = io.StringIO()
    async with asyncio.timeout(10):  # the page's own timeout is 20 s: try does not wait for it
        await run_try_chat(services, io.StringIO("/admin\ncoffee 2$\n/balance\n"), out, "here")
    assert "Together at 4,000៛ a dollar:" in out.getvalue()  # nothing known yet: KHR_PER_USD
