"""End to end: dates a bookkeeper typed as text in the Google Sheet count in days, weeks and the Mini App,
and a row whose date cannot be read is named in /balance, through the fake Bot API and the fake Sheets API."""

import json
from datetime import UTC, date, datetime

import aiohttp

from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from tests.e2e.test_bot import ADMIN, GROUP, running
from tests.e2e.test_bot_ask import said
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.e2e.test_bot_webapp import free_port
from tests.integration.sheets.test_google import HEADERS


def bookkeepers_november(sheets, key):
    """November's worksheet as a bookkeeper filled it in by hand, typing dates the way she writes them.

    In an en_US spreadsheet only 11/17/2026 reads as a date to Sheets; the others stay text."""
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    spreadsheet.today = lambda: date(2026, 11, 18)
    sheets.add_sheet(SHEET_ID, "November 2026", [HEADERS])
    typed = [
        (1, "17/11/2026", "rent", 300, None),
        (2, "១៦/១១/២០២៦", "ice", None, 5000),
        (3, "11/17/2026", "tea", 2, None),
        (4, "16 Nov", "fuel", 10, None),  # a Plain text cell
        (14, "after the meeting", "water", 7, None),
    ]
    for row, (number, day, item, usd, khr) in enumerate(typed, start=2):
        for column, value in zip("ACDE", (number, item, usd, khr), strict=True):
            if value is not None:
                spreadsheet.type("November 2026", f"{column}{row}", str(value))
        if day == "16 Nov":
            spreadsheet.sheet("November 2026").cell_formats[(row - 1, 1)] = "@"
        spreadsheet.type("November 2026", f"B{row}", day)
    return spreadsheet


async def test_a_date_typed_as_text_counts_in_its_day_its_week_and_the_mini_apps_days(
    telegram, sheets, key, tmp_path, clock
):
    clock.current = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)  # a Wednesday, 10:00 in Phnom Penh
    spreadsheet = bookkeepers_november(sheets, key)
    tab = spreadsheet.sheet("November 2026")
    assert [row[1] for row in tab.rows[1:]] == [
        "17/11/2026",
        "១៦/១១/២០២៦",
        46343,  # the one Sheets read as a date
        "16 Nov",
        "after the meeting",
    ]
    port = free_port()
    telegram.admins.add(ADMIN)
    settings = google_settings(
        telegram,
        sheets,
        key,
        tmp_path,
        BALANCE_SHEET_ID=SHEET_ID,
        WEBAPP_URL="https://bot.example.org/month/",
        WEBAPP_SHORT_NAME="month",
        WEBAPP_PORT=str(port),
    )
    async with running(settings, clock):
        yesterday = await said(telegram, ADMIN, "/ask how much yesterday?")
        monday = await said(telegram, ADMIN, "/ask how much on Monday?")
        week = await said(telegram, ADMIN, "/ask how much this week?")
        fields = {
            "auth_date": str(int(clock.now().timestamp())),
            "start_param": start_param_of(GROUP),
            "user": json.dumps({"id": ADMIN, "first_name": "Admin"}),
        }
        headers = {"Authorization": f"tma {signed_init_data(fields, telegram.token)}"}
        async with (
            aiohttp.ClientSession() as session,
            session.get(f"http://127.0.0.1:{port}/api/month", headers=headers) as answer,
        ):
            month = await answer.json()
    assert yesterday == "Spent on Tue 17 Nov: $302.00 in 2 expenses."
    assert monday == "Spent on Mon 16 Nov: $10.00 + 5,000៛ in 2 expenses."
    assert week.endswith(": $312.00 + 5,000៛ in 4 expenses.")
    assert month["by_day"] == {
        "2026-11-16": {"USD": "10.00", "KHR": "5000"},
        "2026-11-17": {"USD": "302.00", "KHR": "0"},
    }
    assert [entry["date"] for entry in month["entries"]] == [
        "2026-11-17",
        "2026-11-16",
        "2026-11-17",
        "2026-11-16",
        None,
    ]


async def test_a_row_whose_date_cannot_be_read_counts_in_the_month_and_is_named_in_balance(
    telegram, sheets, key, tmp_path, clock
):
    clock.current = datetime(2026, 11, 18, 3, 0, tzinfo=UTC)
    bookkeepers_november(sheets, key)
    telegram.admins.add(ADMIN)
    async with running(google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID), clock):
        balance = await said(telegram, ADMIN, "/balance")
        await said(telegram, ADMIN, "/language km")
        in_khmer = await said(telegram, ADMIN, "/balance")
        month = await said(telegram, ADMIN, "/ask how much this month?")
    assert "USD: opening $0.00 · top-ups $0.00 · spent $319.00" in balance
    assert "5 expenses, 0 top-ups" in balance
    assert (
        "Row No 14 has no date I can read: it counts in the month's totals, but in no day's or week's."
        in balance.splitlines()
    )
    assert "ជួរ លេខ 14 " in in_khmer
    assert month == "Spent in November 2026: $319.00 + 5,000៛ in 5 expenses."
