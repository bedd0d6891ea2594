"""The Google store against sheets that refuse its rows for good: an uploaded .xlsx, a Viewer share, a
protected tab, a grid too small; each is its own refusal, and none is read as an empty month."""

from dataclasses import replace

import pytest

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from infrastructure.sheets.google import GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from tests.fakes.sheet_connections import InMemorySheetConnections
from tests.integration.sheets.test_google import DECEMBER, FIRST_HEADERS, HEADERS, SHEET, line, serial

OWNER = "owner@petty-cash.example"
TAB = "December 2026"


@pytest.fixture
def key(sheets):
    return sheets.service_account_key()


@pytest.fixture
def spreadsheet(sheets, key):
    return sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]})


@pytest.fixture
def client(sheets, key):
    return SheetsHTTPClient(load_credentials(key), sheets.url, sleep=lambda _: None)


@pytest.fixture
def make_ledger(client, key):
    ledgers = []

    def make():
        ledgers.append(GoogleSheetLedger(SHEET, client, load_template(), "%B %Y", key["client_email"]))
        return ledgers[-1]

    yield make
    for ledger in ledgers:
        ledger.close()


@pytest.fixture
async def directory(client, key):
    made = GoogleSheets(
        client, load_template(), "%B %Y", key["client_email"], {}, None, InMemorySheetConnections()
    )
    yield made
    await made.close()


def december_tab(sheets):
    return sheets.add_sheet(SHEET, TAB, [HEADERS, [1, serial(DECEMBER.first_day()), "tea", 1]])


async def test_an_uploaded_xlsx_is_refused_as_not_a_google_sheet_on_writing_and_on_reading(
    sheets, spreadsheet, make_ledger
):
    december_tab(sheets)
    spreadsheet.uploaded_xlsx = True
    ledger = make_ledger()
    with pytest.raises(LedgerRefused) as written:
        await ledger.append(DECEMBER, [line("coffee")])
    with pytest.raises(LedgerRefused) as read:
        await ledger.read(DECEMBER)  # never an empty month
    with pytest.raises(LedgerRefused) as months:
        await ledger.read_months([DECEMBER])
    assert {written.value.reason, read.value.reason, months.value.reason} == {SheetRefusal.NOT_A_GOOGLE_SHEET}
    assert "File → Save as Google Sheets" in str(written.value)
    assert written.value.__cause__.error == {  # Google's own body (gspread#732)
        "code": 400,
        "message": "This operation is not supported for this document",
        "status": "FAILED_PRECONDITION",
    }


async def test_a_sheet_shared_as_viewer_is_read_but_its_rows_are_refused_as_read_only(
    sheets, key, make_ledger
):
    spreadsheet = sheets.add_spreadsheet(SHEET, "Petty cash", editors={OWNER})
    spreadsheet.viewers.add(key["client_email"])
    december_tab(sheets)
    ledger = make_ledger()
    assert [row.item for row in await ledger.read(DECEMBER)] == ["tea"]
    with pytest.raises(LedgerRefused) as refused:
        await ledger.append(DECEMBER, [line("coffee")])
    assert refused.value.reason is SheetRefusal.READ_ONLY
    assert f"shared with {key['client_email']} as Viewer: share it as Editor" in str(refused.value)
    assert refused.value.__cause__.error["status"] == "PERMISSION_DENIED"


async def test_a_protected_month_tab_refuses_the_rows_as_protected(sheets, spreadsheet, make_ledger):
    december_tab(sheets).protected_for = {OWNER}
    ledger = make_ledger()
    assert [row.item for row in await ledger.read(DECEMBER)] == ["tea"]
    with pytest.raises(LedgerRefused) as refused:
        await ledger.append(DECEMBER, [line("coffee")])
    assert refused.value.reason is SheetRefusal.PROTECTED
    assert refused.value.__cause__.error["message"].startswith("You are trying to edit a protected cell")
    assert [row[2] for row in sheets.spreadsheets[SHEET].sheet(TAB).values()[1:]] == ["tea"]


async def test_a_write_past_the_worksheets_grid_is_refused_as_past_the_grid(sheets, spreadsheet, make_ledger):
    old = sheets.add_sheet(SHEET, TAB, [FIRST_HEADERS, [1, serial(DECEMBER.first_day()), "tea", 1]])
    old.grid = (1000, len(FIRST_HEADERS))  # a bookkeeper deleted the empty columns after Reference
    with pytest.raises(LedgerRefused) as refused:  # the Category header goes after the last column
        await make_ledger().append(DECEMBER, [replace(line("coffee"), category="Food & drinks")])
    assert refused.value.reason is SheetRefusal.PAST_THE_GRID
    assert "exceeds grid limits. Max rows: 1000, max columns: 7" in str(refused.value)


async def test_a_month_without_a_worksheet_is_still_an_empty_month(sheets, spreadsheet, make_ledger):
    sheets.add_sheet(SHEET, "November 2026", [HEADERS])
    assert await make_ledger().read(DECEMBER) == []


async def test_connecting_names_an_uploaded_xlsx_a_viewer_share_and_a_protected_month(sheets, key, directory):
    xlsx = sheets.add_spreadsheet("x" * 25, "Petty cash.xlsx", {key["client_email"]})
    xlsx.uploaded_xlsx = True
    viewed = sheets.add_spreadsheet("v" * 25, "Petty cash", {OWNER})
    viewed.viewers.add(key["client_email"])
    sheets.add_spreadsheet("p" * 25, "Petty cash", {key["client_email"]})
    sheets.add_sheet("p" * 25, TAB, [HEADERS]).protected_for = {OWNER}
    refusals = {}
    for spreadsheet_id in ("x" * 25, "v" * 25, "p" * 25):
        with pytest.raises(LedgerRefused) as refused:
            await directory.check_write_access(spreadsheet_id)
        refusals[spreadsheet_id[0]] = refused.value
    assert {name: error.reason for name, error in refusals.items()} == {
        "x": SheetRefusal.NOT_A_GOOGLE_SHEET,
        "v": SheetRefusal.READ_ONLY,
        "p": SheetRefusal.PROTECTED,
    }
    assert f"“{TAB}”" in str(refusals["p"])


async def test_a_protected_tab_the_bot_never_writes_does_not_stop_connecting(sheets, key, directory):
    sheets.add_spreadsheet(SHEET, "Petty cash", {key["client_email"]})
    sheets.add_sheet(SHEET, "Summary", [["Total"]]).protected_for = {OWNER}
    mine = sheets.add_sheet(SHEET, TAB, [HEADERS])
    mine.protected_for = {OWNER, key["client_email"]}  # protected, but the bot is among its editors
    assert await directory.check_write_access(SHEET) == "Petty cash"
