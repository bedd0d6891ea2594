"""A month's rows as an .xlsx workbook and a .csv file, as the sheet has them; never a formula."""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from balance_bot.domain.ledger import SheetRow

HEADERS = (
    "No", "Date", "Item", "Amount (USD)", "Amount (KHR)", "Category", "Posted by", "Reference",
    "Top-up (USD)", "Top-up (KHR)", "Movement", "Member", "Movement (USD)", "Movement (KHR)",
)  # fmt: skip
_USD_COLUMNS = (3, 8, 12)  # dollars are written with their cents: 5.00
CENT = Decimal("0.01")
# A cell starting with one of these is a formula to a spreadsheet app opening the CSV.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def month_xlsx(title: str, rows: Sequence[SheetRow]) -> bytes:
    """The rows in a workbook of one worksheet; member text is always text."""
    # Imported here: openpyxl costs the bot ~7 MB of memory, and only /export needs it.
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = title[:31]
    sheet.append(HEADERS)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    for number, row in enumerate(rows, start=2):
        for column, value in enumerate(_values(row), start=1):
            cell = sheet.cell(number, column)
            cell.value = value
            if isinstance(value, str):
                cell.data_type = "s"  # '=SUM(...)' typed by a member stays text
            elif column == 2 and value is not None:
                cell.number_format = "yyyy-mm-dd"
    sheet.freeze_panes = "A2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def month_csv(rows: Sequence[SheetRow]) -> bytes:
    """The rows as UTF-8 CSV (with a BOM, so spreadsheet apps read Khmer right); text that would
    start a formula is quoted with a leading apostrophe."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(HEADERS)
    for row in rows:
        values = _values(row)
        for column in _USD_COLUMNS:
            values[column] = None if values[column] is None else values[column].quantize(CENT)
        writer.writerow(["" if value is None else _safe(value) for value in values])
    return ("\ufeff" + out.getvalue()).encode("utf-8")


def _values(row: SheetRow) -> list[Any]:
    return [
        row.number,
        row.day,
        row.item,
        row.usd,
        row.khr,
        row.category,
        row.member,
        row.reference,
        row.topup_usd,
        row.topup_khr,
        row.movement,
        row.movement_member,
        row.movement_usd,
        row.movement_khr,
    ]


def _safe(value: object) -> str:
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return "'" + text if isinstance(value, str) and text.startswith(_FORMULA_START) else text
