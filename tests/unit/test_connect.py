"""Tests for connecting a group to its Google Sheet."""

import pytest

from balance_bot.capture import LedgerProblem
from balance_bot.connect import Connected, ConnectSheet, NotASheet, SheetsNotConfigured, spreadsheet_id_from
from balance_bot.ports import LedgerAccessDenied

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


class Access:
    def __init__(self, error=None):
        self.error, self.checked = error, []

    async def check_write_access(self, spreadsheet_id):
        self.checked.append(spreadsheet_id)
        if self.error:
            raise self.error
        return "Petty cash 2026"


class Connections:
    def __init__(self):
        self.by_chat = {}

    async def connect(self, chat_id, spreadsheet_id):
        self.by_chat[chat_id] = spreadsheet_id

    async def connected(self, chat_id):
        return self.by_chat.get(chat_id)


async def test_a_writable_sheet_is_connected_to_the_group():
    connections = Connections()
    outcome = await ConnectSheet(Access(), connections).connect(
        -100, f"https://docs.google.com/spreadsheets/d/{SHEET_ID}"
    )
    assert outcome == Connected(SHEET_ID, "Petty cash 2026")
    assert connections.by_chat == {-100: SHEET_ID}


async def test_a_sheet_the_bot_cannot_write_is_not_connected_and_says_why():
    connections = Connections()
    denied = LedgerAccessDenied("bot@project.iam.gserviceaccount.com")
    outcome = await ConnectSheet(Access(denied), connections).connect(-100, SHEET_ID)
    assert outcome == LedgerProblem(denied)
    assert connections.by_chat == {}


async def test_a_link_that_is_not_a_sheet_is_not_checked():
    access = Access()
    assert await ConnectSheet(access, Connections()).connect(-100, "see you at 8") == NotASheet()
    assert access.checked == []


async def test_without_google_sheets_there_is_nothing_to_connect():
    assert await ConnectSheet(None, Connections()).connect(-100, SHEET_ID) == SheetsNotConfigured()
