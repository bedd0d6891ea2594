"""End to end: the rate of the day read from the fake NBC page at start, /balance's dollars and riel added
at it and naming it, on the fake Bot API and the fake Sheets API; the page down, the last rate known
used and `status` saying since when; the rates kept across a restart."""

import asyncio
import contextlib
from datetime import UTC, datetime
from zoneinfo import ZoneInfo

from infrastructure.bootstrap import print_status
from infrastructure.telegram.app import RATES
from tests.e2e.test_bot import replies_to, running
from tests.e2e.test_bot_google import ADMIN, GROUP, SHEET_ID, SOKHA, google_settings
from tests.fakes.clock import FakeClock

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


async def read_once(application, failed=False):
    """Until the look at the source at start has been through (and failed, when told so)."""
    rates = application.bot_data[RATES]
    for _ in range(500):
        health = await rates.health()
        if health.failing_since is not None or (health.last_read is not None and not failed):
            return health
        await asyncio.sleep(0.01)
    raise AssertionError("the rate of the day was never read at start")


@contextlib.asynccontextmanager
async def rate_read(settings, clock):
    """The bot running, once it has read the rate at start."""
    async with running(settings, clock) as application:
        await read_once(application)
        yield application


async def balance_lines(telegram):
    asked = telegram.user_says(GROUP, ADMIN, "/balance")
    return (await telegram.wait_for("sendMessage", replies_to(asked), timeout=10))["text"].splitlines()


async def spend(telegram, text):
    message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
    await telegram.wait_for("sendMessage", replies_to(message), timeout=10)


def nbc_bot(telegram, sheets, key, tmp_path, nbc, rate, **extra):
    """Settings of a Google Sheets bot reading the fake NBC, which publishes `rate` for today; its clock;
    today."""
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.add(ADMIN)
    clock = FakeClock(datetime.now(UTC))
    today = clock.now().astimezone(PHNOM_PENH).date()
    nbc.publishes(today, rate)
    settings = google_settings(
        telegram,
        sheets,
        key,
        tmp_path,
        BALANCE_SHEET_ID=SHEET_ID,
        RATE_SOURCE="nbc",
        RATE_SOURCE_URL=nbc.url,
        **extra,
    )
    return settings, clock, today


async def test_balance_adds_dollars_and_riel_at_the_rate_read_at_start_and_names_its_day(
    telegram, sheets, key, tmp_path, nbc
):
    settings, clock, today = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4012)
    async with rate_read(settings, clock):
        await spend(telegram, "coffee 3$")
        await spend(telegram, "ice 40120៛")
        lines = await balance_lines(telegram)
    # 3 dollars and 40,120 riel at 4,012 (10 dollars): 13 dollars spent, nothing put in.
    assert lines[3] == f"Together at 4,012៛ a dollar (NBC, {today:%a} {today.day} {today:%b}): -$13.00 left"
    assert nbc.requests == ["GET /english/economic_research/exchange_rate.php"]  # once, not per message


async def test_with_the_page_down_the_last_rate_known_is_used_and_status_says_since_when_across_a_restart(
    telegram, sheets, key, tmp_path, nbc, capsys
):
    settings, clock, yesterday = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4012)
    async with running(settings, clock) as application:
        await read_once(application)
    clock.advance(days=1)  # the next day, the page is down
    nbc.status = 503
    down_at = clock.now()
    async with running(settings, clock) as application:
        health = await read_once(application, failed=True)
        await spend(telegram, "ice 40120៛")
        lines = await balance_lines(telegram)
    assert health.failing_since == down_at
    assert lines[3].startswith(
        f"Together at 4,012៛ a dollar (NBC, {yesterday:%a} {yesterday.day} {yesterday:%b}): "
    )
    assert len(nbc.requests) == 2  # each start looked once: the first read, then the failure
    capsys.readouterr()
    await print_status(settings, clock)
    status = capsys.readouterr().out.splitlines()[-1]
    since = down_at.astimezone(PHNOM_PENH).strftime("%Y-%m-%d %H:%M")
    assert status == (
        f"rate of the day: NBC 4012 KHR per USD, published for {yesterday}; its source cannot be read "
        f"since {since} (HTTP 503 from {nbc.url}), the last rate known is used"
    )


async def test_a_restart_the_same_day_does_not_read_the_page_again(telegram, sheets, key, tmp_path, nbc):
    settings, clock, _ = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4009)
    for _ in range(2):
        async with running(settings, clock) as application:
            await read_once(application)
            await asyncio.sleep(0.05)  # time for a second look, were there one
    assert len(nbc.requests) == 1


async def test_a_budget_counts_riel_at_the_rate_of_the_day_in_its_notice_and_in_balance(
    telegram, sheets, key, tmp_path, nbc
):
    settings, clock, _ = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4100)
    sheets.add_sheet(
        SHEET_ID,
        "Categories",
        [
            ["Category", "Category (Khmer)", "Words", "Budget (USD)", "Budget (KHR)"],
            ["Fuel", "ប្រេងឥន្ធនៈ", "diesel", 100, ""],
        ],
    )
    async with running(settings, clock) as application:
        await read_once(application)
        message = telegram.user_says(GROUP, SOKHA, "diesel 328000៛", name="Sokha")
        notice = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Fuel:"), timeout=10)
        await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
        lines = await balance_lines(telegram)
    # 328,000៛ at 4,100 is $80.00 (at KHR_PER_USD's 4,000 it would be $82.00).
    assert notice["text"] == "Fuel: $80.00 of this month's $100.00 budget used (80%); $20.00 left."
    assert "• Fuel: $80.00 of $100.00 (80%)" in lines


async def test_a_question_about_the_cash_left_is_answered_at_the_rate_of_the_day_in_khmer_too(
    telegram, sheets, key, tmp_path, nbc
):
    settings, clock, today = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4012)
    async with rate_read(settings, clock):
        top_up = telegram.user_says(GROUP, ADMIN, "/topup 50$ from the office", name="Admin")
        await telegram.wait_for("sendMessage", replies_to(top_up), timeout=10)
        await spend(telegram, "ice 40120៛")
        asked = telegram.user_says(GROUP, ADMIN, "/ask how much is left?")
        english = (await telegram.wait_for("sendMessage", replies_to(asked), timeout=10))["text"]
        language = telegram.user_says(GROUP, ADMIN, "/language km")
        await telegram.wait_for("sendMessage", replies_to(language), timeout=10)
        khmer = (await balance_lines(telegram))[3]
    assert f"Together at 4,012៛ a dollar (NBC, {today:%a} {today.day} {today:%b}): $40.00 left" in english
    assert khmer.startswith("សរុបតាមអត្រា 4,012៛ ក្នុងមួយដុល្លារ (អត្រាផ្លូវការរបស់ធនាគារជាតិ ថ្ងៃ")
    assert khmer.endswith("៖ នៅសល់ 40.00$")
    assert f" {today.day} " in khmer  # the day, named in Khmer


async def test_riel_wait_for_approval_when_over_a_dollar_threshold_at_the_rate_of_their_day(
    telegram, sheets, key, tmp_path, nbc
):
    settings, clock, _ = nbc_bot(telegram, sheets, key, tmp_path, nbc, 4100, APPROVAL_OVER="100$")
    async with rate_read(settings, clock):
        at_the_threshold = telegram.user_says(GROUP, SOKHA, "rent 410000៛", name="Sokha")  # $100.00 at 4,100
        under = await telegram.wait_for("sendMessage", replies_to(at_the_threshold), timeout=10)
        over = telegram.user_says(GROUP, SOKHA, "rent 414100៛", name="Sokha")  # $101.00 at 4,100
        waiting = await telegram.wait_for("sendMessage", replies_to(over), timeout=10)
    # At KHR_PER_USD's 4,000 the first would be $102.50, over the threshold too.
    assert "Awaiting an admin's approval" not in under["text"]
    assert "Awaiting an admin's approval" in waiting["text"]
