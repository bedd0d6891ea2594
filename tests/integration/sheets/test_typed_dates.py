"""Dates a bookkeeper typed as text: the fake keeps them as Sheets does, and both stores read them."""

from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.template import load_template
from infrastructure.sheets.workbook import WorkbookLedger
from tests.integration.sheets.test_google import (  # the fixtures and helpers of the store's own tests
    DECEMBER,
    HEADERS,
    SHEET,
    key,
    line,
    make_ledger,
    outbound,
    serial,
    sheets,
    sleeps,
    spreadsheet,
)
from tests.integration.sheets.test_workbook import bookkeepers_workbook

_fixtures = (key, make_ledger, outbound, sheets, sleeps, spreadsheet)

# What a bookkeeper types in the Date column, and the day each names in the December 2026 worksheet.
TYPED = [
    ("15/12/2026", date(2026, 12, 15)),  # day first, as Cambodia writes it: text in an en_US sheet
    ("16-12-2026", date(2026, 12, 16)),
    ("2026-12-17", date(2026, 12, 17)),
    ("18 Dec", date(2026, 12, 18)),
    ("១៩/១២/២០២៦", date(2026, 12, 19)),  # Khmer digits
    ("២០ ធ្នូ", date(2026, 12, 20)),  # and the Khmer month's name
    ("ថ្ងៃទី២១ ខែធ្នូ ឆ្នាំ២០២៦", date(2026, 12, 21)),
    ("03/12/2026", date(2026, 12, 3)),  # 3 December or 12 March: the worksheet is December's
    ("12/04", date(2026, 12, 4)),  # no year: the worksheet's
]


@pytest.fixture
def client(sheets, key):
    return SheetsHTTPClient(load_credentials(key), sheets.url, sleep=lambda seconds: None)


UNFORMATTED = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}


def test_the_fake_keeps_a_typed_date_as_text_unless_the_spreadsheets_locale_reads_it(
    sheets, spreadsheet, client
):
    sheets.add_sheet(SHEET, "Typed", [["Date"]])
    spreadsheet.today = lambda: date(2026, 12, 5)
    typed = ["12/15/2026", "15/12/2026", "១៥/១២/២០២៦", "'12/15/2026", "Dec 15", "3.5", "1,250"]
    client.values_update(
        SHEET, "Typed!A2:G2", params={"valueInputOption": "USER_ENTERED"}, body={"values": [typed]}
    )
    client.values_update(
        SHEET, "Typed!A3", params={"valueInputOption": "RAW"}, body={"values": [["12/15/2026"]]}
    )

    unformatted = client.values_get(SHEET, "Typed!A2:G3", params=UNFORMATTED)["values"]
    assert unformatted == [
        [46371, "15/12/2026", "១៥/១២/២០២៦", "12/15/2026", 46371, 3.5, 1250],
        ["12/15/2026"],  # RAW: text, whatever it looks like
    ]
    formatted = client.values_get(SHEET, "Typed!A2:G3")["values"]  # FORMATTED_VALUE, the default
    assert formatted == [
        ["12/15/2026", "15/12/2026", "១៥/១២/២០២៦", "12/15/2026", "12/15/2026", "3.5", "1,250"],
        ["12/15/2026"],
    ]
    assert client.fetch_sheet_metadata(SHEET)["properties"]["locale"] == "en_US"


def test_in_a_day_first_locale_the_fake_reads_15_12_as_a_date(sheets, spreadsheet, client):
    spreadsheet.locale = "en_GB"
    sheets.add_sheet(SHEET, "Typed", [["Date"]])
    spreadsheet.type("Typed", "A2", "15/12/2026")
    spreadsheet.type("Typed", "A3", "12/15/2026")
    assert client.values_get(SHEET, "Typed!A2:A3", params=UNFORMATTED)["values"] == [[46371], ["12/15/2026"]]
    assert client.values_get(SHEET, "Typed!A2:A3")["values"] == [["15/12/2026"], ["12/15/2026"]]


async def test_the_fake_shows_the_bots_own_rows_in_the_templates_formats(spreadsheet, make_ledger, client):
    await make_ledger().append(
        DECEMBER, [line("coffee", "1234.5"), line("ice", "5000", Currency.KHR, index=1)]
    )
    shown = client.values_get(SHEET, "'December 2026'!A2:E3")["values"]
    assert shown == [["1", "Dec 03", "coffee", "1,234.50"], ["2", "Dec 03", "ice", "", "5,000"]]
    spreadsheet.type("December 2026", "B3", "12/15/2026")  # typed into the column's date format
    assert client.values_get(SHEET, "'December 2026'!B3")["values"] == [["Dec 15"]]
    assert client.values_get(SHEET, "'December 2026'!B3", params=UNFORMATTED)["values"] == [[46371]]


async def test_the_google_store_reads_the_dates_a_bookkeeper_typed_as_text(sheets, spreadsheet, make_ledger):
    tab = sheets.add_sheet(SHEET, "December 2026", [HEADERS])
    tab.formats[1] = "@"  # she made the Date column Plain text, so Sheets keeps what she types
    for number, (typed, _) in enumerate(TYPED, start=1):
        tab.rows.append([number, None, f"item {number}", 1])
        spreadsheet.type("December 2026", f"B{number + 1}", typed)
    assert [row[1] for row in tab.rows[1:]] == [typed for typed, _ in TYPED]  # text, not serial numbers
    rows = await make_ledger().read(DECEMBER)
    assert [row.day for row in rows] == [day for _, day in TYPED]


async def test_a_date_that_reads_as_neither_the_worksheets_month_nor_any_date_has_no_day(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET,
        "December 2026",
        [
            HEADERS,
            [1, "03/04/2026", "ambiguous, and neither reading is December", 1],
            [2, "next Tuesday", "no date at all", 2],
            [3, "31/12/2026", "readable", 3],
            [4, serial(date(2026, 12, 2)), "a date Sheets parsed", 4],
        ],
    )
    rows = await make_ledger().read(DECEMBER)
    assert [row.day for row in rows] == [None, None, date(2026, 12, 31), date(2026, 12, 2)]


async def test_the_workbook_store_reads_a_text_date_as_the_google_store_does(tmp_path):
    path = tmp_path / "data" / "balance.xlsx"
    bookkeepers_workbook(
        path,
        "December 2026",
        [[number, typed, f"item {number}", 1] for number, (typed, _) in enumerate(TYPED, start=1)],
    )
    store = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    try:
        rows = await store.read(Period(2026, 12))
    finally:
        await store.close()
    assert [row.day for row in rows] == [day for _, day in TYPED]
    assert {row.usd for row in rows} == {Decimal(1)}
