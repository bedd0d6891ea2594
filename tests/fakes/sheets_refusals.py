"""Google's error answers for the fake Sheets API, and the refusals a spreadsheet may hold for good.

The bodies are the real ones (gspread#732, the Sheets API's protection and grid messages): a test
marks a spreadsheet as an uploaded .xlsx, shared as Viewer, with a protected tab or with a tab's
grid too small, and the fake answers each call as Google does.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any, Protocol

from tests.fakes.sheets_ranges import a1_range

NOT_SUPPORTED = "This operation is not supported for this document"
NO_PERMISSION = "The caller does not have permission"
PROTECTED = (
    "You are trying to edit a protected cell or object. Please contact the spreadsheet owner to "
    "remove protection if you need to edit."
)
_STATUSES = {
    400: "INVALID_ARGUMENT",
    401: "UNAUTHENTICATED",
    403: "PERMISSION_DENIED",
    404: "NOT_FOUND",
    429: "RESOURCE_EXHAUSTED",
    500: "INTERNAL",
    503: "UNAVAILABLE",
}
_SHEET_REQUESTS = ("updateCells", "repeatCell", "updateDimensionProperties", "updateSheetProperties")
Answer = tuple[int, dict[str, Any]]
# A range's (title, (first column, last column, first row, last row)), as sheets_api reads A1.


class _Sheet(Protocol):
    sheet_id: int
    title: str
    protected_for: set[str] | None
    grid: tuple[int, int] | None


class _Spreadsheet(Protocol):
    uploaded_xlsx: bool
    editors: set[str]
    viewers: set[str]

    @property
    def sheets(self) -> Any: ...


def error(code: int, message: str, status: str | None = None) -> dict[str, Any]:
    """Google's error body: {"error": {"code", "message", "status"}}."""
    return {"error": {"code": code, "message": message, "status": status or _STATUSES.get(code, "UNKNOWN")}}


def refused_for_good(
    spreadsheet: _Spreadsheet,
    email: str,
    method: str,
    rest: str,
    body: dict[str, Any],
) -> Answer | None:
    """The error Google answers this call with for good, or None when it goes through."""
    if spreadsheet.uploaded_xlsx:  # every Sheets call, reads included, on an Office file in Drive
        return 400, error(400, NOT_SUPPORTED, "FAILED_PRECONDITION")
    if email not in spreadsheet.editors and (email not in spreadsheet.viewers or method != "GET"):
        return 403, error(403, NO_PERMISSION)
    if method == "GET":
        return None
    for sheet, cells in _written(spreadsheet, rest, body):
        if sheet.protected_for is not None and email not in sheet.protected_for:
            return 400, error(400, PROTECTED)
        if sheet.grid is not None and cells is not None:
            rows, columns = sheet.grid
            _, last_column, _, last_row = cells
            appended = rest.endswith(":append")  # an append adds rows, never columns
            if last_column >= columns or (not appended and last_row > rows):
                reach = f"{rest.removeprefix('/values/').removesuffix(':append')}"
                return 400, error(
                    400,
                    f"Range ({reach}) exceeds grid limits. Max rows: {rows}, max columns: {columns}",
                )
    return None


def protected_ranges(sheet: _Sheet, email: str) -> list[dict[str, Any]]:
    """The sheet's protectedRanges as the metadata lists them for the caller."""
    if sheet.protected_for is None:
        return []
    return [
        {
            "protectedRangeId": sheet.sheet_id + 1,
            "range": {"sheetId": sheet.sheet_id},
            "warningOnly": False,
            "requestingUserCanEdit": email in sheet.protected_for,
        }
    ]


def _written(
    spreadsheet: _Spreadsheet, rest: str, body: dict[str, Any]
) -> Iterator[tuple[_Sheet, tuple[int, int, int, int] | None]]:
    """The worksheets a write touches, with the cells when the call names them in A1."""
    by_title = {sheet.title: sheet for sheet in spreadsheet.sheets}
    by_id = {sheet.sheet_id: sheet for sheet in spreadsheet.sheets}
    if rest == "/values:batchUpdate":
        a1s = [data["range"] for data in body.get("data", [])]
    elif rest.startswith("/values/"):
        a1s = [re.sub(r":(append|clear)$", "", rest.removeprefix("/values/"))]
    else:
        a1s = []
        for request in body.get("requests", []):
            ((kind, spec),) = request.items()
            if kind in _SHEET_REQUESTS:
                where = spec.get("start") or spec.get("range") or spec.get("properties") or {}
                if where.get("sheetId") in by_id:
                    yield by_id[where["sheetId"]], None
    for a1 in a1s:
        title, cells = a1_range(a1)
        if title in by_title:
            yield by_title[title], cells


def service_disabled(project: str) -> dict[str, Any]:
    """The real 403 for a project where the Sheets API was never enabled."""
    activation = (
        f"https://console.developers.google.com/apis/api/sheets.googleapis.com/overview?project={project}"
    )
    return {
        "error": {
            "code": 403,
            "message": (
                f"Google Sheets API has not been used in project {project} before or it is disabled. "
                f"Enable it by visiting {activation} then retry. If you enabled this API recently, "
                "wait a few minutes for the action to propagate to our systems and retry."
            ),
            "status": "PERMISSION_DENIED",
            "details": [
                {
                    "@type": "type.googleapis.com/google.rpc.ErrorInfo",
                    "reason": "SERVICE_DISABLED",
                    "domain": "googleapis.com",
                    "metadata": {
                        "consumer": f"projects/{project}",
                        "service": "sheets.googleapis.com",
                        "activationUrl": activation,
                    },
                }
            ],
        }
    }
