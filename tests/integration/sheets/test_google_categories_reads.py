"""How often the Categories tab costs a read: with a month's read, and less often on a busy account."""

from __future__ import annotations

import asyncio
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from infrastructure.sheets.google import CATEGORIES_SECONDS, GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.google_worksheets import READS_AT_EXPENSES_PER_MINUTE
from infrastructure.sheets.template import load_template

SHEET = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789abcdef"
DECEMBER = Period(2026, 12)


def expense(purpose: str, message_id: int = 1) -> LedgerLine:
    return LedgerLine(
        date(2026, 12, 3), purpose, Money(Decimal(3), Currency.USD), "Sokha", EntrySource(-100, message_id, 0)
    )


@pytest.fixture
def spreadsheet(sheets):
    key = sheets.service_account_key()
    return sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]}), key


@pytest.fixture
def make_ledger(sheets, spreadsheet):
    _, key = spreadsheet
    made = []

    def make(clock, neighbours=lambda: 1):
        client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=lambda _: None)
        email = key["client_email"]
        template = load_template()
        made.append(
            GoogleSheetLedger(
                SHEET,
                client,
                template,
                "%B %Y",
                email,
                clock=clock,
                neighbours=neighbours,
            )
        )
        return made[-1]

    yield make
    for ledger in made:
        ledger.close()


async def test_a_month_read_a_minute_after_the_tab_brings_a_bookkeepers_new_category_in_the_same_call(
    sheets, spreadsheet, make_ledger
):
    tab_owner, _ = spreadsheet
    now = [0.0]
    ledger = make_ledger(lambda: now[0])
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("taxi")])
    tab_owner.sheet("Categories").rows.append(["Music", "តន្ត្រី", "piano"])  # the bookkeeper adds one
    now[0] += 120
    calls = len(sheets.calls)
    rows = await ledger.read(DECEMBER)
    assert [row.item for row in rows] == ["taxi"]
    assert [kind for kind, _ in sheets.calls[calls:]] == ["values.batchGet"]  # month and tab, one call
    assert (await ledger.categories())[-1].name == "Music"  # no read of its own
    assert len(sheets.calls) == calls + 1


async def test_a_month_read_just_after_the_tab_reads_the_month_alone(sheets, spreadsheet, make_ledger):
    now = [0.0]
    ledger = make_ledger(lambda: now[0])
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("taxi")])
    calls = len(sheets.calls)
    await ledger.read(DECEMBER)
    assert [kind for kind, _ in sheets.calls[calls:]] == ["values.get"]


async def test_a_month_not_made_yet_reads_as_empty_when_the_tab_would_come_along(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(lambda: now[0])
    await ledger.categories()
    now[0] += 120
    assert await ledger.read(DECEMBER) == []  # the batch is refused for the month: read alone, not there


async def test_an_account_serving_many_spreadsheets_reads_each_tab_less_often_at_an_expense(
    sheets, spreadsheet, make_ledger
):
    tab_owner, _ = spreadsheet
    now = [0.0]
    spreadsheets = 300
    ledger = make_ledger(lambda: now[0], neighbours=lambda: spreadsheets)
    await ledger.categories()
    tab_owner.sheet("Categories").rows.append(["Music", "", "piano"])
    calls = len(sheets.calls)
    now[0] += CATEGORIES_SECONDS + 1  # old for a small team, not for an account serving 300 sheets
    assert (await ledger.categories())[-1].name != "Music"
    await asyncio.sleep(0.05)
    assert len(sheets.calls) == calls
    now[0] = spreadsheets * 60 / READS_AT_EXPENSES_PER_MINUTE + 1  # its tabs within a sixth of the read quota
    await ledger.categories()
    while (await ledger.categories())[-1].name != "Music":
        await asyncio.sleep(0.01)
    assert len(sheets.calls) == calls + 1


async def test_on_a_busy_account_a_months_read_keeps_its_header_known_and_an_expense_is_one_call(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(lambda: now[0], neighbours=lambda: 300)  # each header and tab every 30 minutes
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("taxi")])
    now[0] += 25 * 60
    await ledger.read(DECEMBER)  # the monthly round: the month, its header as known, and the tab
    now[0] += 25 * 60
    calls = len(sheets.calls)
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("ink", message_id=2)])
    await asyncio.sleep(0.05)
    assert [kind for kind, _ in sheets.calls[calls:]] == ["append"]


async def test_a_header_a_bookkeeper_changed_is_not_taken_from_a_months_read_but_read_by_the_writer(
    sheets, spreadsheet, make_ledger
):
    tab_owner, _ = spreadsheet
    now = [0.0]
    ledger = make_ledger(lambda: now[0])
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("taxi")])
    tab_owner.sheet("December 2026").insert_column(5, "Notes")  # before Category
    now[0] += 120
    await ledger.read(DECEMBER)
    now[0] += CATEGORIES_SECONDS - 60  # the header known since the first append is old; its read is not
    await ledger.append(DECEMBER, [replace(expense("ink", message_id=2), category="Office supplies")])
    header, _, ink = tab_owner.sheet("December 2026").values()
    assert dict(zip(header, ink, strict=False))["Category"] == "Office supplies"
    assert dict(zip(header, ink, strict=False))["Notes"] == ""


async def test_a_read_after_a_batch_get_asks_only_for_its_own_range(sheets, spreadsheet, make_ledger):
    now = [0.0]
    ledger = make_ledger(lambda: now[0])
    await ledger.categories()
    await ledger.append(DECEMBER, [expense("taxi")])
    now[0] += 120
    await ledger.read(DECEMBER)  # a batchGet of the month and the tab
    now[0] += CATEGORIES_SECONDS + 1
    # The header, read alone before the append, carries no `ranges` left from the batchGet: Google
    # refuses a values.get with one (400), and the expense would wait.
    await ledger.append(DECEMBER, [expense("ink", message_id=2)])
    assert [row.item for row in await ledger.read(DECEMBER)] == ["taxi", "ink"]


def test_a_batch_get_leaves_the_options_it_is_given_as_they_were(sheets, spreadsheet):
    _, key = spreadsheet
    sheets.add_sheet(SHEET, "December 2026", [["No"]])
    client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=lambda _: None)
    options = {"valueRenderOption": "UNFORMATTED_VALUE"}
    client.values_batch_get(SHEET, ["'December 2026'!A:A", "'December 2026'!A1"], params=options)
    assert options == {"valueRenderOption": "UNFORMATTED_VALUE"}  # gspread's own would add the ranges
    assert client.values_get(SHEET, "'December 2026'!A:A", params=options)["values"] == [["No"]]
