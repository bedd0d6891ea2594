"""Cells of the Sheets API as the Google store writes and reads them: values, formats, ranges."""

from __future__ import annotations

import re
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from gspread.exceptions import APIError
from gspread.http_client import ParamsType

from balance_bot.domain.ledger import LedgerLine, Period, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.domain.typed_dates import cell_day
from balance_bot.ports import LedgerUnavailable

SHEETS_EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet date serial
_UPDATED_START = re.compile(r"!([A-Z]+)(\d+)")


def no_such_worksheet(exc: APIError) -> bool:
    """Whether Google answered that the range names no worksheet (deleted or renamed)."""
    return exc.response.status_code == 400 and "Unable to parse range" in str(exc)


def start_of(updated_range: str) -> tuple[str, int]:
    """The column letters and row number an updatedRange ('Nov'!A12:I13) starts at."""
    found = _UPDATED_START.search(updated_range)
    if found is None:
        raise LedgerUnavailable(f"Google Sheets answered an append with the range {updated_range!r}")
    return found.group(1), int(found.group(2))


def column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def cell_data(value: Any, *, bold: bool = False) -> dict[str, Any]:
    """One cell of an updateCells request: a number, literal text (never a formula), or empty."""
    cell: dict[str, Any] = {}
    if is_number(value):
        cell["userEnteredValue"] = {"numberValue": value}
    elif value not in (None, ""):
        cell["userEnteredValue"] = {"stringValue": str(value)}
    if bold:
        cell["userEnteredFormat"] = {"textFormat": {"bold": True}}
    return cell


def number_format(sheet_id: int, index: int, pattern: str) -> dict[str, Any]:
    kind = "TEXT" if pattern == "@" else "DATE" if "d" in pattern else "NUMBER"
    return {
        "repeatCell": {
            "range": {
                "sheetId": sheet_id,
                "startRowIndex": 1,
                "startColumnIndex": index,
                "endColumnIndex": index + 1,
            },
            "cell": {"userEnteredFormat": {"numberFormat": {"type": kind, "pattern": pattern}}},
            "fields": "userEnteredFormat.numberFormat",
        }
    }


def width_request(sheet_id: int, index: int, characters: int) -> dict[str, Any]:
    return {
        "updateDimensionProperties": {
            "range": {
                "sheetId": sheet_id,
                "dimension": "COLUMNS",
                "startIndex": index,
                "endIndex": index + 1,
            },
            "properties": {"pixelSize": characters * 7},
            "fields": "pixelSize",
        }
    }


def unformatted() -> ParamsType:
    """A read's options: numbers as numbers, dates as serial numbers. A new dict for each call: gspread
    writes a batchGet's ranges into the one it is given, and a shared one then carried them into every
    later read (Google refuses a values.get with `ranges`), or another thread's into a batchGet."""
    return {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}


def amounts(line: LedgerLine) -> tuple[Any, Any]:
    """(USD cell, KHR cell): numbers, so a bookkeeper's SUM works; the other one empty."""
    return cells_of(line) if line.spending else ("", "")  # top-ups and movements stay out of spending


def topups(line: LedgerLine) -> tuple[Any, Any]:
    """(Top-up USD cell, Top-up KHR cell) of a top-up; both empty for an expense."""
    return cells_of(line) if line.topup else ("", "")


def movement_cells(line: LedgerLine) -> dict[str, Any]:
    """A movement's kind, member and amount cells; all empty for any other line."""
    if line.movement is None:
        return {"movement": "", "movement_member": "", "movement_usd": "", "movement_khr": ""}
    usd, khr = cells_of(line)
    return {
        "movement": line.movement.kind.value,
        "movement_member": line.movement.member,
        "movement_usd": usd,
        "movement_khr": khr,
    }


def cells_of(line: LedgerLine) -> tuple[Any, Any]:
    money = line.money
    if money.currency is Currency.KHR:
        return "", int(money.amount)
    return float(money.amount), ""


def quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def letter(column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def number_in(value: object) -> int:
    """A No cell's whole number; 0 when a bookkeeper cleared it or wrote something else."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        return int(value)
    return 0


def sheet_row(cells: dict[str, Any], period: Period | None) -> SheetRow:
    """A row read by its columns' keys; its date read in the worksheet's month, `period`."""
    return SheetRow(
        number=int(cells["no"]) if is_number(cells["no"]) else None,
        day=day_in(cells["date"], period),
        item=str(cells["item"]),
        usd=decimal(cells["usd"]),
        khr=decimal(cells["khr"]),
        member=str(cells["member"]),
        reference=str(cells["reference"]),
        topup_usd=decimal(cells["topup_usd"]),
        topup_khr=decimal(cells["topup_khr"]),
        category=str(cells["category"] or ""),
        movement=str(cells["movement"] or ""),
        movement_member=str(cells["movement_member"] or ""),
        movement_usd=decimal(cells["movement_usd"]),
        movement_khr=decimal(cells["movement_khr"]),
        status=str(cells.get("status") or ""),
    )


def day_in(value: object, period: Period | None) -> date | None:
    """A Date cell's day: the serial number Sheets keeps a date it read as, or text it did not take for
    a date in the spreadsheet's locale ("15/12/2026" in an en_US sheet), read in the worksheet's month."""
    return cell_day(value, period) if isinstance(value, str) else serial_to_date(value)


def serial_to_date(value: object) -> date | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2958466:
        return SHEETS_EPOCH + timedelta(days=int(value))
    return None


def decimal(value: object) -> Decimal | None:
    if not is_number(value):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
