"""Tests for connecting a group to its Google Sheet."""

import pytest

from balance_bot.capture.outcomes import LedgerProblem
from balance_bot.groups.connect import (
    Connected,
    ConnectSheet,
    NotASheet,
    SheetsNotConfigured,
    spreadsheet_id_from,
)
from balance_bot.ports import LedgerAccessDenied
from tests.fakes.sheet_connections import InMemorySheetConnections, ScriptedSheetAccess

SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"


@pytest.mark.parametrize(
    "reference",
    [
        f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit#gid=0",
        f"<https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit?usp=sharing>",
        SHEET_ID,
        f"  {SHEET_ID}  ",
    ],
)
def test_the_spreadsheet_id_is_found_in_a_link_or_on_its_own(reference):
    assert spreadsheet_id_from(reference) == SHEET_ID


@pytest.mark.parametrize("reference", ["hello", "https://example.com/sheet", "1234", ""])
def test_something_else_is_not_a_sheet(reference):
    assert spreadsheet_id_from(reference) is None


async def test_a_writable_sheet_is_connected_to_the_group():
    connections = InMemorySheetConnections()
    outcome = await ConnectSheet(ScriptedSheetAccess(), connections).connect(
        -100, f"https://docs.google.com/spreadsheets/d/{SHEET_ID}"
    )
    assert outcome == Connected(SHEET_ID, "Petty cash 2026")
    assert connections.by_chat == {-100: SHEET_ID}


async def test_a_sheet_the_bot_cannot_write_is_not_connected_and_says_why():
    connections = InMemorySheetConnections()
    denied = LedgerAccessDenied("bot@project.iam.gserviceaccount.com")
    outcome = await ConnectSheet(ScriptedSheetAccess(error=denied), connections).connect(-100, SHEET_ID)
    assert outcome == LedgerProblem(denied)
    assert connections.by_chat == {}


async def test_a_link_that_is_not_a_sheet_is_not_checked():
    access = ScriptedSheetAccess()
    assert await ConnectSheet(access, InMemorySheetConnections()).connect(-100, "see you at 8") == NotASheet()
    assert access.checked == []


async def test_without_google_sheets_there_is_nothing_to_connect():
    assert (
        await ConnectSheet(None, InMemorySheetConnections()).connect(-100, SHEET_ID) == SheetsNotConfigured()
    )
