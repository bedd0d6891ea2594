"""A month's rows as they stand in the workbook file, read by its worksheet's header; lines already in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from decimal import Decimal, InvalidOperation

from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow, lines_already_written
from balance_bot.domain.typed_dates import cell_day
from infrastructure.sheets.openpyxl_lean import Worksheet
from infrastructure.sheets.workbook_worksheets import WorkbookMonths


def read_period(months: WorkbookMonths, period: Period) -> list[SheetRow]:
    """The period's rows, from the file as it stands."""
    months.file.refresh_if_edited_on_disk()
    sheet = months.sheet_for(period, create=False)
    return [row for _, row in _numbered_rows(months, sheet, period)] if sheet is not None else []


def find_written(months: WorkbookMonths, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
    """Those of the lines whose reference is in the period's worksheet, not voided."""
    months.file.refresh_if_edited_on_disk()
    sheet = months.sheet_for(period, create=False)
    if sheet is None:
        return []
    return lines_already_written(
        lines, _numbered_rows(months, sheet), sheet.title, months.template.void_prefix, period
    )


def _numbered_rows(
    months: WorkbookMonths, sheet: Worksheet, period: Period | None = None
) -> Iterator[tuple[int, SheetRow]]:
    """The worksheet's non-empty rows below the header, with their row numbers, by its header; a
    date typed as text read in the worksheet's month, `period`."""
    layout = months.layout(sheet)
    empty = dict.fromkeys((column.key for column in months.template.columns), None)
    for row_number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
        cells = empty | layout.cells(values)
        if all(value in (None, "") for value in cells.values()):
            continue
        yield (
            row_number,
            SheetRow(
                number=cells["no"] if isinstance(cells["no"], int) else None,
                day=cell_day(cells["date"], period),
                item=str(cells["item"] or ""),
                usd=_as_decimal(cells["usd"]),
                khr=_as_decimal(cells["khr"]),
                member=str(cells["member"] or ""),
                reference=str(cells["reference"] or ""),
                topup_usd=_as_decimal(cells.get("topup_usd")),
                topup_khr=_as_decimal(cells.get("topup_khr")),
                category=str(cells["category"] or ""),
                movement=str(cells["movement"] or ""),
                movement_member=str(cells["movement_member"] or ""),
                movement_usd=_as_decimal(cells.get("movement_usd")),
                movement_khr=_as_decimal(cells.get("movement_khr")),
                status=str(cells.get("status") or ""),
            ),
        )


def _as_decimal(value: object) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
