"""Google's answers that refuse the bot's rows for good, told apart from a missing tab and from a blip."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from gspread.exceptions import APIError
from gspread.http_client import HTTPClient

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.ports import LedgerAccessDenied, LedgerError
from infrastructure.categories.tab import TAB_TITLE
from infrastructure.sheets.google_api import ledger_error

# What Google says, word for word, for each refusal; a 400 that says none of these is something else
# (a missing tab says "Unable to parse range").
_NOT_SUPPORTED = "This operation is not supported for this document"
_PROTECTED = "protected cell or object"
_PAST_THE_GRID = "exceeds grid limits"
# The spreadsheet's title and each tab's protection, as /connect and `check` read them.
PROTECTION_FIELDS = (
    "properties.title,sheets(properties.title,protectedRanges(range,warningOnly,requestingUserCanEdit))"
)


def refusal_of(exc: APIError, share_with: str) -> LedgerRefused | None:
    """The refusal a 400 names, or None when it names none of them."""
    if exc.response.status_code != 400:
        return None
    message = str(exc.error.get("message", ""))
    if exc.error.get("status") == "FAILED_PRECONDITION" or _NOT_SUPPORTED in message:
        return LedgerRefused(
            SheetRefusal.NOT_A_GOOGLE_SHEET,
            "the spreadsheet is an uploaded Excel file (.xlsx), not a Google Sheet: open it, choose "
            "File → Save as Google Sheets, and /connect the new sheet",
        )
    if _PROTECTED in message:
        return protected(share_with)
    if _PAST_THE_GRID in message:
        return LedgerRefused(
            SheetRefusal.PAST_THE_GRID,
            f"the worksheet is too small for the bot's rows ({message}): add rows or columns at its end",
        )
    return None


def protected(share_with: str, tabs: Iterable[str] = ()) -> LedgerRefused:
    """The refusal of a protected tab or range, naming the tabs when they are known."""
    named = ", ".join(f"“{tab}”" for tab in tabs)
    return LedgerRefused(
        SheetRefusal.PROTECTED,
        f"the range the bot writes{' (' + named + ')' if named else ''} is protected: remove the "
        f"protection, or add {share_with} to the people who may edit it",
        share_with,
    )


def read_only(share_with: str) -> LedgerRefused:
    """The refusal of a sheet the bot may read but not write."""
    return LedgerRefused(
        SheetRefusal.READ_ONLY,
        f"the sheet is shared with {share_with} as Viewer: share it as Editor",
        share_with,
    )


def sheets_error(exc: APIError, client: HTTPClient, spreadsheet_id: str, share_with: str) -> LedgerError:
    """What a Sheets error means: a refusal for good when it is one, else what ledger_error says.

    A write answered 403 is a sheet shared as Viewer when the sheet can still be read; one read
    tells it from a sheet not shared at all, which Google answers with the same 403.
    """
    refused = refusal_of(exc, share_with)
    if refused is not None:
        return refused
    denied = ledger_error(exc, spreadsheet_id, share_with)
    written = exc.response.request.method != "GET"
    if isinstance(denied, LedgerAccessDenied) and written and _readable(client, spreadsheet_id):
        return read_only(share_with)
    return denied


def protected_tabs(metadata: Mapping[str, Any], title_format: str) -> list[str]:
    """The tabs the bot writes (months, Categories) with a range it may not edit."""
    return [
        str(sheet["properties"]["title"])
        for sheet in metadata.get("sheets", [])
        if _written_by_the_bot(str(sheet["properties"]["title"]), title_format)
        and any(
            not found.get("warningOnly") and not found.get("requestingUserCanEdit", True)
            for found in sheet.get("protectedRanges", [])
        )
    ]


def _written_by_the_bot(title: str, title_format: str) -> bool:
    """The Categories tab, or a month's: its title, or its title and a year (another year's month)."""
    if title == TAB_TITLE:
        return True
    head, _, year = title.rpartition(" ")
    for candidate in (title, head) if year.isdigit() else (title,):
        try:
            datetime.strptime(candidate, title_format)
        except ValueError:
            continue
        return True
    return False


def _readable(client: HTTPClient, spreadsheet_id: str) -> bool:
    try:
        client.fetch_sheet_metadata(spreadsheet_id, params={"fields": "properties.title"})
    except APIError:
        return False
    return True
