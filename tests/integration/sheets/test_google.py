"""Tests for the Google Sheets store through real gspread and google-auth against the fake Sheets API."""

import asyncio
import socket
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from gspread.exceptions import APIError

from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import LedgerAccessDenied, LedgerError, LedgerUnavailable
from infrastructure.sheets.google import CATEGORIES_SECONDS, LAYOUT_SECONDS, GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.template import load_template
from tests.fakes.sheets_api import FakeSheets

DECEMBER = Period(2026, 12)
HEADERS = [
    "No",
    "Date",
    "Item",
    "Amount (USD)",
    "Amount (KHR)",
    "Category",
    "Posted by",
    "Reference",
    "Top-up (USD)",
    "Top-up (KHR)",
    "Movement",
    "Member",
    "Movement (USD)",
    "Movement (KHR)",
    "Status",
    "Receipt",
]
# The header of a worksheet made before the Top-up and Category columns existed.
FIRST_HEADERS = ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)", "Posted by", "Reference"]
SHEET = "1AbCdEfGhIjKlMnOpQrStUvWxYz"


def serial(day):
    return (day - date(1899, 12, 30)).days


def line(purpose, amount="3", currency=Currency.USD, message_id=1, index=0, day=date(2026, 12, 3)):
    return LedgerLine(
        day, purpose, Money(Decimal(amount), currency), "Sokha", EntrySource(-100, message_id, index)
    )


@pytest.fixture
def outbound(monkeypatch):
    """Every connection attempt that is not to loopback, recorded instead of made."""
    attempts = []
    original = socket.socket.connect

    def guarded(sock, address):
        if isinstance(address, tuple) and address[0] not in ("127.0.0.1", "::1", "localhost"):
            attempts.append(address)
            raise OSError("tests make no outbound connection")
        return original(sock, address)

    monkeypatch.setattr(socket.socket, "connect", guarded)
    return attempts


@pytest.fixture
def sheets(outbound):
    fake = FakeSheets()
    fake.start()
    yield fake
    fake.stop()
    assert outbound == []


@pytest.fixture
def key(sheets):
    return sheets.service_account_key()


@pytest.fixture
def sleeps():
    return []


@pytest.fixture
def make_ledger(sheets, key, sleeps):
    ledgers = []

    def make(title_format="%B %Y", spreadsheet_id=SHEET, clock=lambda: 0.0):
        client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=sleeps.append)
        ledger = GoogleSheetLedger(
            spreadsheet_id, client, load_template(), title_format, key["client_email"], clock=clock
        )
        ledgers.append(ledger)
        return ledger

    yield make
    for ledger in ledgers:
        ledger.close()


@pytest.fixture
def spreadsheet(sheets, key):
    return sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]})


async def test_a_top_up_goes_to_its_own_column_and_is_cleared_by_undo(spreadsheet, make_ledger):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee")])
    [saved] = await ledger.append(
        DECEMBER, [replace(line("Top-up: office", "200", message_id=2), topup=True)]
    )
    row = [*spreadsheet.sheet("December 2026").values()[2], "", ""]
    assert row[2:5] == ["Top-up: office", "", ""]  # the spending columns stay clean
    assert row[8:10] == [200, ""]
    rows = await ledger.read(DECEMBER)
    assert [(r.usd, r.topup_usd) for r in rows] == [(Decimal(3), None), (None, Decimal(200))]
    assert await ledger.void(saved)
    assert [*spreadsheet.sheet("December 2026").values()[2], "", ""][8:10] == ["", ""]


async def test_a_worksheet_made_before_the_top_up_columns_gets_their_headers_with_its_first_top_up(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET, "December 2026", [FIRST_HEADERS, [1, serial(date(2026, 12, 1)), "tea", 1, "", "x", ""]]
    )
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee")])
    assert spreadsheet.sheet("December 2026").values()[0] == FIRST_HEADERS  # expenses change nothing
    await ledger.append(DECEMBER, [replace(line("Top-up", "50", message_id=2), topup=True)])
    assert spreadsheet.sheet("December 2026").values()[0] == [*FIRST_HEADERS, "Top-up (USD)", "Top-up (KHR)"]
    assert spreadsheet.sheet("December 2026").values()[3][7:] == [50]


async def test_a_new_month_gets_its_worksheet_and_first_row_in_one_batch_update(
    sheets, spreadsheet, make_ledger
):
    [saved] = await make_ledger().append(DECEMBER, [line("coffee")])
    sheet = spreadsheet.sheet("December 2026")
    assert (saved.worksheet, saved.row, saved.number) == ("December 2026", 2, 1)
    assert sheet.values()[0] == HEADERS
    assert sheet.bold_header
    assert sheet.frozen_rows == 1
    assert (sheet.formats[1], sheet.formats[3], sheet.formats[4]) == ("mmm dd", "#,##0.00", "#,##0")
    assert sheet.values()[1] == [1, serial(date(2026, 12, 3)), "coffee", 3.0, "", "", "Sokha", "tg:-100:1:0"]
    assert sheets.calls == [("batchUpdate", f"POST /v4/spreadsheets/{SHEET}:batchUpdate")]


async def test_every_expense_costs_one_call_from_the_first_one_on(sheets, spreadsheet, make_ledger):
    ledger = make_ledger()
    for message_id in range(1, 52):
        await ledger.append(DECEMBER, [line(f"tea {message_id}", message_id=message_id)])
    assert len(sheets.calls) == 51
    assert sheets.calls_to("append") == 50
    assert [row[0] for row in spreadsheet.sheet("December 2026").values()[1:]] == list(range(1, 52))


async def test_amounts_are_numbers_in_their_currencys_column(spreadsheet, make_ledger):
    await make_ledger().append(DECEMBER, [line("ice", "5000", Currency.KHR), line("oil", "2.5", index=1)])
    rows = spreadsheet.sheet("December 2026").values()[1:]
    assert [row[2:5] for row in rows] == [["ice", "", 5000], ["oil", 2.5, ""]]


async def test_a_new_year_never_reuses_last_years_worksheet_of_a_bare_month_title(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET, "December", [HEADERS, [1, serial(date(2025, 12, 5)), "old coffee", 3, "", "Dara", "x"]]
    )
    [saved] = await make_ledger("%B").append(DECEMBER, [line("new coffee")])
    assert (saved.worksheet, saved.number) == ("December 2026", 1)
    assert len(spreadsheet.sheet("December").values()) == 2


async def test_the_next_no_follows_the_last_numeric_no_in_an_existing_worksheet(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET,
        "December 2026",
        [
            HEADERS,
            [1, serial(date(2026, 12, 1)), "rent", 300],
            [7, serial(date(2026, 12, 2)), "typed", "", 8000],
            ["", "", "receipts in the drawer"],
        ],
    )
    [saved] = await make_ledger().append(DECEMBER, [line("coffee")])
    assert (saved.row, saved.number) == (5, 8)
    assert spreadsheet.sheet("December 2026").values()[3][2] == "receipts in the drawer"


async def test_rows_a_bookkeeper_typed_mid_month_are_numbered_after(sheets, spreadsheet, make_ledger):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee", message_id=1)])
    await ledger.append(DECEMBER, [line("tea", message_id=2)])
    sheet = spreadsheet.sheet("December 2026")
    sheet.rows.append([3, serial(date(2026, 12, 3)), "typed by the bookkeeper", 4])
    [saved] = await ledger.append(DECEMBER, [line("cake", message_id=3)])
    assert (saved.row, saved.number) == (5, 4)
    assert [row[0] for row in sheet.values()[1:]] == [1, 2, 3, 4]


async def test_rows_a_bookkeeper_deleted_mid_month_leave_no_gap_in_the_numbering(
    sheets, spreadsheet, make_ledger
):
    ledger = make_ledger()
    for message_id, purpose in enumerate(["coffee", "tea", "typo row"], start=1):
        await ledger.append(DECEMBER, [line(purpose, message_id=message_id)])
    sheet = spreadsheet.sheet("December 2026")
    del sheet.rows[3]
    [saved] = await ledger.append(DECEMBER, [line("cake", message_id=4)])
    assert (saved.row, saved.number) == (4, 3)
    assert [row[0] for row in sheet.values()[1:]] == [1, 2, 3]


async def test_member_text_that_looks_like_a_formula_is_written_raw_as_text(spreadsheet, make_ledger):
    await make_ledger().append(DECEMBER, [line('=IMPORTXML("http://x", "//a")'), line("+tip", index=1)])
    rows = spreadsheet.sheet("December 2026").values()[1:]
    assert [row[2] for row in rows] == ['=IMPORTXML("http://x", "//a")', "+tip"]


async def test_a_sheet_not_shared_with_the_bot_names_the_email_to_share_it_with(sheets, key, make_ledger):
    sheets.add_spreadsheet(SHEET, "Petty cash", editors={"someone@else.example"})
    with pytest.raises(LedgerAccessDenied) as refused:
        await make_ledger().append(DECEMBER, [line("coffee")])
    assert refused.value.share_with == key["client_email"]


async def test_429_is_retried_after_what_retry_after_asks_then_succeeds(
    sheets, spreadsheet, make_ledger, sleeps
):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee", message_id=1)])
    sheets.fail_next(429, times=2, retry_after=7, path_contains=":append")
    [saved] = await ledger.append(DECEMBER, [line("tea", message_id=2)])
    assert saved.number == 2
    assert sleeps == [7, 7]
    assert sheets.calls_to("append") == 3


async def test_a_sheets_outage_gives_up_after_bounded_retries(sheets, spreadsheet, make_ledger, sleeps):
    sheets.fail_next(503, times=100)
    with pytest.raises(LedgerUnavailable):
        await make_ledger().append(DECEMBER, [line("coffee")])
    assert len(sleeps) == 4
    assert all(0 < pause <= 31 for pause in sleeps)


async def test_replace_and_void_find_the_row_by_reference_after_rows_moved(spreadsheet, make_ledger):
    ledger = make_ledger()
    first, second = await ledger.append(
        DECEMBER, [line("coffee"), line("ice", "5000", Currency.KHR, index=1)]
    )
    sheet = spreadsheet.sheet("December 2026")
    sheet.rows.insert(1, [None, None, "a row the bookkeeper inserted"])
    assert await ledger.replace(first, line("coffee and cake", "5")) is not None
    assert await ledger.void(second)
    rows = sheet.values()
    assert rows[2][:5] == [1, serial(date(2026, 12, 3)), "coffee and cake", 5.0, ""]
    assert rows[3][2:5] == ["[void] ice", "", ""]


async def test_reading_a_month_gives_its_rows_as_they_stand(spreadsheet, make_ledger):
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee", "3.5"), line("ice", "5000", Currency.KHR, index=1)])
    rows = await ledger.read(DECEMBER)
    assert [(r.number, r.day, r.item, r.usd, r.khr) for r in rows] == [
        (1, date(2026, 12, 3), "coffee", Decimal("3.5"), None),
        (2, date(2026, 12, 3), "ice", None, Decimal(5000)),
    ]


async def test_an_existing_worksheet_is_read_once_then_appended_to(sheets, spreadsheet, make_ledger):
    sheets.add_sheet(SHEET, "December 2026", [HEADERS, [1, serial(date(2026, 12, 1)), "rent", 300]])
    ledger = make_ledger()
    await ledger.append(DECEMBER, [line("coffee", message_id=1)])
    await ledger.append(DECEMBER, [line("tea", message_id=2)])
    assert [kind for kind, _ in sheets.calls] == ["batchUpdate", "values.get", "append", "append"]
    assert [row[0] for row in spreadsheet.sheet("December 2026").values()[1:]] == [1, 2, 3]


async def test_reading_a_month_without_a_worksheet_gives_no_rows(spreadsheet, make_ledger):
    assert await make_ledger().read(Period(2026, 11)) == []


async def test_several_months_are_read_in_two_calls_a_missing_month_and_another_years_worksheet_give_no_rows(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(SHEET, "October", [HEADERS, [1, serial(date(2025, 10, 2)), "last year's tea", 1]])
    sheets.add_sheet(SHEET, "November", [HEADERS, [1, serial(date(2026, 11, 2)), "coffee", 3]])
    sheets.add_sheet(SHEET, "December 2026", [HEADERS, [1, serial(date(2026, 12, 1)), "rent", 300]])
    months = [Period(2026, 9), Period(2026, 10), Period(2026, 11), DECEMBER]
    read = await make_ledger("%B").read_months(months)
    assert {period: [row.item for row in rows] for period, rows in read.items()} == {
        Period(2026, 9): [],
        Period(2026, 10): [],  # "October" holds 2025's rows
        Period(2026, 11): ["coffee"],
        DECEMBER: ["rent"],
    }
    assert [kind for kind, _ in sheets.calls] == ["get", "values.batchGet"]


async def test_a_batch_get_naming_a_worksheet_that_is_gone_fails_whole_as_in_the_real_api(
    sheets, spreadsheet, key, sleeps
):
    sheets.add_sheet(SHEET, "November 2026", [HEADERS])
    client = SheetsHTTPClient(load_credentials(key), sheets.url, sleep=sleeps.append)
    with pytest.raises(APIError) as raised:
        client.values_batch_get(SHEET, ["'November 2026'!A:AZ", "'Gone'!A:AZ"])
    assert raised.value.response.status_code == 400
    assert raised.value.error["message"] == "Unable to parse range: 'Gone'!A:AZ"


async def test_an_append_whose_answer_is_lost_is_not_repeated(sheets, spreadsheet, key, sleeps):
    client = SheetsHTTPClient(load_credentials(key), sheets.url, timeout_seconds=0.2, sleep=sleeps.append)
    ledger = GoogleSheetLedger(SHEET, client, load_template(), "%B %Y", key["client_email"])
    await ledger.append(DECEMBER, [line("coffee", message_id=1)])
    sheets.latency_seconds = 0.5
    with pytest.raises(LedgerUnavailable):
        await ledger.append(DECEMBER, [line("tea", message_id=2)])
    ledger.close()
    assert sheets.calls_to("append") == 1  # it may have landed: repeating it could write the row twice
    assert sleeps == []


async def test_a_lines_category_goes_to_the_category_column_and_is_read_back(spreadsheet, make_ledger):
    ledger = make_ledger()
    [saved] = await ledger.append(DECEMBER, [replace(line("taxi"), category="Transport")])
    assert spreadsheet.sheet("December 2026").values()[1][5] == "Transport"
    assert [row.category for row in await ledger.read(DECEMBER)] == ["Transport"]
    changed = await ledger.set_category(saved, "Guests & events")
    assert changed.line.category == "Guests & events"
    assert spreadsheet.sheet("December 2026").values()[1][5] == "Guests & events"


async def test_a_worksheet_made_before_categories_gets_the_column_after_its_last_with_its_first_category(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET, "December 2026", [FIRST_HEADERS, [1, serial(date(2026, 12, 1)), "tea", 1, "", "x", ""]]
    )
    ledger = make_ledger()
    await ledger.append(DECEMBER, [replace(line("taxi"), category="Transport")])
    await ledger.append(DECEMBER, [replace(line("bus", message_id=2), category="Transport")])
    values = spreadsheet.sheet("December 2026").values()
    assert values[0] == [*FIRST_HEADERS, "Category"]
    assert [row[7] for row in values[2:]] == ["Transport", "Transport"]
    assert [row.category for row in await ledger.read(DECEMBER)] == ["", "Transport", "Transport"]
    header_writes = [call for call in sheets.calls if call[0] == "values.batchUpdate"]
    assert len(header_writes) == 1  # the header is completed once


async def test_columns_a_bookkeeper_moved_or_added_are_followed_once_the_header_is_read_again(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(clock=lambda: now[0])
    [first] = await ledger.append(DECEMBER, [replace(line("taxi"), category="Transport")])
    sheet = spreadsheet.sheet("December 2026")
    sheet.move_column(HEADERS.index("Posted by"), len(HEADERS) - 1)  # "Posted by" to the far right
    sheet.insert_column(5, "Notes")  # and a column of the bookkeeper's own before Category
    now[0] += LAYOUT_SECONDS + 1
    await ledger.append(DECEMBER, [replace(line("ink", message_id=2), category="Office supplies")])
    header, _, new = sheet.values()
    assert dict(zip(header, new, strict=False)) | {"Date": None} == {
        "No": 2,
        "Date": None,
        "Item": "ink",
        "Amount (USD)": 3.0,
        "Amount (KHR)": "",
        "Notes": "",
        "Category": "Office supplies",
        "Reference": "tg:-100:2:0",
        "Top-up (USD)": "",
        "Top-up (KHR)": "",
        "Movement": "",
        "Member": "",
        "Movement (USD)": "",
        "Movement (KHR)": "",
        "Status": "",
        "Receipt": "",
        "Posted by": "Sokha",
    }
    rows = await ledger.read(DECEMBER)
    assert [(row.member, row.category) for row in rows] == [
        ("Sokha", "Transport"),
        ("Sokha", "Office supplies"),
    ]
    assert await ledger.void(first)  # found by its reference, in the column the header names


async def test_the_categories_tab_is_made_on_first_use_and_a_bookkeepers_edit_is_read_once_it_is_old(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(clock=lambda: now[0])
    first = await ledger.categories()
    tab = spreadsheet.sheet("Categories")
    assert [category.name for category in first][:3] == ["Transport", "Fuel", "Food & drinks"]
    assert tab.values()[0] == ["Category", "Category (Khmer)", "Words", "Budget (USD)", "Budget (KHR)"]
    assert tab.bold_header
    assert tab.frozen_rows == 1
    tab.rows.append(["Music", "តន្ត្រី", "piano, guitar strings", 50])  # the bookkeeper adds one
    reads = len(sheets.calls)
    assert "Music" not in [category.name for category in await ledger.categories()]  # read 5 minutes ago
    assert len(sheets.calls) == reads
    now[0] += CATEGORIES_SECONDS + 1
    assert "Music" not in [category.name for category in await ledger.categories()]  # read behind
    while (music := (await ledger.categories())[-1]).name != "Music":
        await asyncio.sleep(0.01)
    assert (music.name, music.words, music.budget_usd) == ("Music", ("piano", "guitar strings"), Decimal(50))
    assert len(sheets.calls) == reads + 1  # one read


async def test_a_group_posting_now_and_then_costs_one_read_an_expense_the_tab_and_header_read_together(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(clock=lambda: now[0])
    await ledger.categories()
    await ledger.append(DECEMBER, [replace(line("taxi"), category="Transport")])
    sheet = spreadsheet.sheet("December 2026")
    sheet.insert_column(5, "Notes")  # a bookkeeper's column before Category, half an hour later
    spreadsheet.sheet("Categories").rows.append(["Music", "", "piano"])  # and a category of theirs
    now[0] += max(CATEGORIES_SECONDS, LAYOUT_SECONDS) + 1
    calls = len(sheets.calls)
    await ledger.categories()  # the last reading at once; the tab and the header read behind
    while (await ledger.categories())[-1].name != "Music":
        await asyncio.sleep(0.01)
    await ledger.append(DECEMBER, [replace(line("ink", message_id=2), category="Office supplies")])
    assert [kind for kind, _ in sheets.calls[calls:]] == ["values.batchGet", "append"]
    header, _, new = sheet.values()
    assert dict(zip(header, new, strict=False))["Notes"] == ""
    assert dict(zip(header, new, strict=False))["Category"] == "Office supplies"


async def test_a_categories_tab_a_bookkeeper_made_is_read_not_replaced(sheets, spreadsheet, make_ledger):
    sheets.add_sheet(SHEET, "Categories", [["Words", "Category"], ["diesel", "Van"]])
    assert [(category.name, category.words) for category in await make_ledger().categories()] == [
        ("Van", ("diesel",))
    ]
    assert spreadsheet.sheet("Categories").values() == [["Words", "Category"], ["diesel", "Van"]]


async def test_a_categories_tab_that_cannot_be_read_is_not_asked_again_for_each_expense(
    sheets, spreadsheet, make_ledger
):
    now = [0.0]
    ledger = make_ledger(clock=lambda: now[0])
    sheets.fail_next(403, times=1, path_contains="Categories")
    with pytest.raises(LedgerError):
        await ledger.categories()
    calls = len(sheets.calls)
    with pytest.raises(LedgerUnavailable):
        await ledger.categories()  # within five minutes of the failure: no call
    assert len(sheets.calls) == calls
    now[0] += CATEGORIES_SECONDS + 1
    assert (await ledger.categories())[0].name == "Transport"  # never read: this one waits for it


async def test_a_worksheet_made_before_the_status_column_gets_it_with_its_first_expense_awaiting_approval(
    sheets, spreadsheet, make_ledger
):
    sheets.add_sheet(
        SHEET, "December 2026", [FIRST_HEADERS, [1, serial(date(2026, 12, 1)), "tea", 1, "", "x", ""]]
    )
    ledger = make_ledger()
    [saved] = await ledger.append(DECEMBER, [replace(line("laptop", "240"), status="awaiting approval")])
    values = spreadsheet.sheet("December 2026").values()
    assert values[0] == [*FIRST_HEADERS, "Status"]
    assert values[2][7] == "awaiting approval"
    assert await ledger.set_status(saved, "approved by Dara, 2026-12-03 09:00")
    assert [row.status for row in await ledger.read(DECEMBER)] == ["", "approved by Dara, 2026-12-03 09:00"]


async def test_a_photos_link_lands_in_the_receipt_column_and_a_worksheet_without_one_gets_none(
    sheets, spreadsheet, make_ledger
):
    link = "https://t.me/c/1234567890/42"
    ledger = make_ledger()
    await ledger.append(DECEMBER, [replace(line("receipt"), receipt=link)])
    header, row = spreadsheet.sheet("December 2026").values()
    assert dict(zip(header, row, strict=False))["Receipt"] == link
    sheets.add_sheet(SHEET, "November 2026", [FIRST_HEADERS])
    old_tab = replace(line("old tab", day=date(2026, 11, 3)), receipt=link)
    await make_ledger().append(Period(2026, 11), [old_tab])
    header, row = spreadsheet.sheet("November 2026").values()
    assert "Receipt" not in header  # no column added: the link is left out
    assert link not in row
