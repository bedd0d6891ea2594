"""The bot's rows in the workbook: appended numbered, and changed in place (corrected, a category, void)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from balance_bot.domain.ledger import LedgerLine, Period, SavedLine
from balance_bot.domain.money import Currency
from infrastructure.sheets.openpyxl_lean import Worksheet
from infrastructure.sheets.template import Layout, SheetTemplate
from infrastructure.sheets.workbook_worksheets import WorkbookMonths


def append_rows(months: WorkbookMonths, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
    """The lines as numbered rows at the end of the period's worksheet, made if missing."""
    sheet = months.sheet_for(period, create=True)
    assert sheet is not None
    months.claim(sheet, period)
    tail = months.tail(sheet)
    layout = months.layout(sheet, lines)
    saved = []
    for line in lines:
        tail.last_row += 1
        tail.last_number += 1
        _write(months.template, sheet, layout, tail.last_row, line, number=tail.last_number)
        saved.append(SavedLine(line, sheet.title, tail.last_row, tail.last_number, period))
    return saved


def set_row_category(months: WorkbookMonths, saved: SavedLine, category: str) -> SavedLine | None:
    """Write the category of the saved line's row, found by its reference."""
    return _set_row_text(months, saved, replace(saved.line, category=category), "category", category)


def set_row_status(months: WorkbookMonths, saved: SavedLine, status: str) -> SavedLine | None:
    """Write the Status cell of the saved line's row, found by its reference."""
    return _set_row_text(months, saved, replace(saved.line, status=status), "status", status)


def _set_row_text(
    months: WorkbookMonths, saved: SavedLine, line: LedgerLine, key: str, text: str
) -> SavedLine | None:
    """One text cell of the saved line's row (its column added to a worksheet made before it)."""
    found = _find(months, saved)
    if found is None:
        return None
    sheet, row = found
    _set_text(sheet, months.layout(sheet, [line]), row, key, text)
    no = sheet.cell(row, months.template.index_of("no")).value
    return SavedLine(line, sheet.title, row, no if isinstance(no, int) else saved.number, saved.period)


def replace_row(months: WorkbookMonths, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
    """Rewrite the saved line's row with the line, keeping its No."""
    found = _find(months, saved)
    if found is None:
        return None
    sheet, row = found
    cell = sheet.cell(row, months.template.index_of("no")).value
    number = cell if isinstance(cell, int) else saved.number
    _write(months.template, sheet, months.layout(sheet, [line]), row, line, number=number)
    return SavedLine(line, sheet.title, row, number, saved.period)


def void_row(months: WorkbookMonths, saved: SavedLine) -> SavedLine | None:
    """Clear the saved line's amounts and mark its item void."""
    found = _find(months, saved)
    if found is None:
        return None
    sheet, row = found
    layout = months.layout(sheet)
    void_prefix = months.template.void_prefix
    number = sheet.cell(row, months.template.index_of("no")).value
    item = sheet.cell(row, months.template.index_of("item"))
    text = str(item.value or "")
    if not text.startswith(void_prefix):
        _set_text(sheet, layout, row, "item", void_prefix + text)
    for key in ("usd", "khr", "topup_usd", "topup_khr", "movement_usd", "movement_khr"):
        if layout.has(key):
            sheet.cell(row, layout.column(key)).value = None
    return SavedLine(saved.line, sheet.title, row, number if isinstance(number, int) else 0, saved.period)


def _find(months: WorkbookMonths, saved: SavedLine) -> tuple[Worksheet, int] | None:
    """The worksheet and row of the saved line's reference: where it was, else wherever it went."""
    book = months.file.book()
    if saved.worksheet not in book.sheetnames:
        return None
    sheet = book[saved.worksheet]
    layout = months.layout(sheet)
    if not layout.has("reference"):
        return None
    column = layout.column("reference")
    reference = saved.line.source.reference()
    if sheet.cell(saved.row, column).value == reference:
        return sheet, saved.row
    for row_number, (value,) in enumerate(
        sheet.iter_rows(min_row=2, min_col=column, max_col=column, values_only=True), start=2
    ):
        if value == reference:
            return sheet, row_number
    return None


def _write(
    template: SheetTemplate, sheet: Worksheet, layout: Layout, row: int, line: LedgerLine, *, number: int
) -> None:
    formats = {column.key: column.number_format for column in template.columns}
    usd = line.money.amount if line.money.currency is not Currency.KHR else None
    khr = int(line.money.amount) if line.money.currency is Currency.KHR else None
    moved = line.movement is not None
    values: dict[str, Any] = {
        "no": number,
        "date": line.day,
        "usd": usd if line.spending else None,
        "khr": khr if line.spending else None,
        "topup_usd": usd if line.topup else None,
        "topup_khr": khr if line.topup else None,
        "movement_usd": usd if moved else None,
        "movement_khr": khr if moved else None,
    }
    for key, value in values.items():
        if layout.has(key):
            cell = sheet.cell(row, layout.column(key))
            cell.value = value
            cell.number_format = formats[key]
    _set_text(sheet, layout, row, "item", line.purpose)
    _set_text(sheet, layout, row, "member", line.member)
    _set_text(sheet, layout, row, "reference", line.source.reference())
    if line.category:
        _set_text(sheet, layout, row, "category", line.category)
    if line.status:
        _set_text(sheet, layout, row, "status", line.status)
    if line.receipt:
        _set_text(sheet, layout, row, "receipt", line.receipt)
    if line.movement is not None:
        _set_text(sheet, layout, row, "movement", line.movement.kind.value)
        _set_text(sheet, layout, row, "movement_member", line.movement.member)


def _set_text(sheet: Worksheet, layout: Layout, row: int, key: str, text: str) -> None:
    """Member text is always text: '=SUM(...)' must never become a formula."""
    if not layout.has(key):
        return
    cell = sheet.cell(row, layout.column(key))
    cell.value = text
    cell.data_type = "s"
