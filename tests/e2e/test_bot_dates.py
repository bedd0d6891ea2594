"""End to end: expenses posted a day or more late, on the fake Bot API and the fake Sheets API."""

import json
from dataclasses import replace
from datetime import UTC, date, datetime

import pytest

from infrastructure.settings import Settings
from tests.e2e.conftest import TEAM_GROUPS
from tests.e2e.test_bot import replies_to, running
from tests.fakes.clock import FakeClock

GROUP, SOKHA = -1001, 11
SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"


def serial(day):
    return (day - date(1899, 12, 30)).days


@pytest.fixture
def clock(telegram):
    """The bot's clock, and the clock of the members' messages, at 9:00 on 20 November in Phnom Penh."""
    clock = FakeClock(datetime(2026, 11, 20, 2, 0, tzinfo=UTC))
    telegram.now = lambda: clock.now().timestamp()
    return clock


@pytest.fixture
def settings(telegram, sheets, tmp_path):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {sheets.service_account_key()["client_email"]})
    key_file = tmp_path / "service-account.json"
    key_file.write_text(json.dumps(sheets.service_account_key()))
    return Settings.from_environment(
        {
            "ALLOWED_CHAT_IDS": TEAM_GROUPS,
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.url,
            "SHEET_BACKEND": "google",
            "GOOGLE_SERVICE_ACCOUNT_FILE": str(key_file),
            "SHEETS_API_URL": sheets.url,
            "BALANCE_SHEET_ID": SHEET_ID,
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            "RATE_SOURCE": "fixed",  # off the network
        }
    )


async def say(telegram, text):
    message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
    return (await telegram.wait_for("sendMessage", replies_to(message), timeout=10))["text"]


async def test_yesterday_on_the_first_lands_in_last_months_worksheet_while_it_is_open(
    telegram, sheets, settings, clock
):
    async with running(settings, clock):
        assert (await say(telegram, "coffee 3$")).startswith("Logged: 3.00 USD – coffee")
        clock.current = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 December in Phnom Penh
        late = await say(telegram, "yesterday taxi 5$")
        khmer = await say(telegram, "ម្សិលមិញ ទឹកកក ៥០០០៛")
        today = await say(telegram, "tea 1$")
    assert late.startswith(
        "Logged for Mon 30 Nov: 5.00 USD – taxi. Saved as No 2 (November 2026), Transport."
    )
    assert khmer.startswith(
        "Logged for Mon 30 Nov: 5,000 KHR – ទឹកកក. Saved as No 3 (November 2026), Food & drinks."
    )
    assert today.startswith("Logged: 1.00 USD – tea. Saved as No 1 (December 2026), Food & drinks.")
    november = sheets.spreadsheets[SHEET_ID].sheet("November 2026").values()
    assert [row[1:5] for row in november[2:]] == [
        [serial(date(2026, 11, 30)), "taxi", 5, ""],
        [serial(date(2026, 11, 30)), "ទឹកកក", "", 5000],
    ]


async def test_a_day_in_a_closed_month_goes_to_this_months_worksheet_with_its_own_date(
    telegram, sheets, settings, clock
):
    async with running(settings, clock):
        await say(telegram, "coffee 3$")
        clock.current = datetime(2026, 12, 4, 2, 0, tzinfo=UTC)  # 4 December: November has closed
        text = await say(telegram, "Nov 30 printer ink 12$")
    assert text.startswith(
        "Logged for Mon 30 Nov: 12.00 USD – printer ink. Saved as No 1 (December 2026), Office supplies."
    )
    assert "November 2026 is closed, so this went into December 2026's sheet with its own date." in text
    december = sheets.spreadsheets[SHEET_ID].sheet("December 2026").values()
    assert december[1][1:4] == [serial(date(2026, 11, 30)), "printer ink", 12]


async def test_a_day_ahead_or_too_far_back_is_refused_and_nothing_is_written(
    telegram, sheets, settings, clock
):
    async with running(settings, clock):
        ahead = await say(telegram, "Dec 3 2026 taxi 5$")
        long_ago = await say(telegram, "3/10 taxi 5$")
        no_such_day = await say(telegram, "Nov 31 taxi 5$")
    assert ahead == "Thu 3 Dec 2026 is still ahead, so I did not save that. Post it on the day it is paid."
    assert long_ago.startswith("Sat 3 Oct 2026 is more than 31 days ago, so I did not save that.")
    assert no_such_day.startswith("There is no 31 November, so I did not save that.")
    assert sheets.spreadsheets[SHEET_ID].sheets == []


async def test_in_a_quiet_group_a_dated_expense_is_confirmed_in_words_not_with_a_reaction(
    telegram, sheets, settings, clock
):
    quiet = replace(settings, confirmation_style="reaction")
    async with running(quiet, clock):
        plain = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("setMessageReaction", lambda sent: sent["message_id"] == plain["message_id"])
        text = await say(telegram, "yesterday taxi 5$")
    assert text.startswith("Logged for Thu 19 Nov: 5.00 USD – taxi.")
