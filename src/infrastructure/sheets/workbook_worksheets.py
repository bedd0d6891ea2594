"""The workbook's month worksheets: which is a month's, made from the template, where it ends, its columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from balance_bot.domain.ledger import LedgerLine, Period, owning_period
from balance_bot.domain.typed_dates import cell_day
from infrastructure.sheets.openpyxl_lean import Font, Worksheet, get_column_letter
from infrastructure.sheets.template import Layout, SheetTemplate, keys_filled
from infrastructure.sheets.workbook_file import WorkbookFile


@dataclass
class Tail:
    """Where a worksheet ends: the last row with anything in it, and the last numeric No."""

    last_row: int
    last_number: int


class WorkbookMonths:
    """The monthly worksheets of the workbook file, and what the bot learned of them since it read
    the file (forgotten when the file is read again); used on the ledger's worker thread only."""

    def __init__(self, path: Path, template: SheetTemplate, title_format: str) -> None:
        self.template = template
        self._title_format = title_format
        self._tails: dict[str, Tail] = {}
        # Each worksheet's columns as its header has them: reading the header asks openpyxl for the
        # sheet's width, a walk over every cell, which cost more than the row itself at 1,000 rows.
        self._layouts: dict[str, Layout] = {}
        self._owners: dict[str, Period | None] = {}
        self.file = WorkbookFile(path, on_load=self._forget)

    def sheet_for(self, period: Period, *, create: bool) -> Worksheet | None:
        """The period's worksheet; a same-named one of another year ('December') is left alone."""
        book = self.file.book()
        title = period.title(self._title_format)
        for candidate in (title, f"{title} {period.year}"):
            if candidate in book.sheetnames:
                sheet = book[candidate]
                if self._belongs_to(sheet, period):
                    return sheet
            elif create:
                return self._create(candidate)
        return None

    def claim(self, sheet: Worksheet, period: Period) -> None:
        """The worksheet holds the period's rows, as the bot is writing one there."""
        self._owners[sheet.title] = period

    def tail(self, sheet: Worksheet) -> Tail:
        """Where to write next: below the last used row, numbered after the last numeric No."""
        if sheet.title not in self._tails:
            last_row, last_number = 1, 0
            number_column = self.template.index_of("no")
            for row_number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
                if any(value not in (None, "") for value in values):
                    last_row = row_number
                    number = values[number_column - 1]
                    if isinstance(number, int | float) and not isinstance(number, bool):
                        last_number = int(number)
            self._tails[sheet.title] = Tail(last_row, last_number)
        return self._tails[sheet.title]

    def layout(self, sheet: Worksheet, lines: Sequence[LedgerLine] = ()) -> Layout:
        """The worksheet's columns, found by its header (a bookkeeper may move them or add their own),
        with a header cell added after the last column for each these lines fill that it lacks."""
        known = self._layouts.get(sheet.title)
        if known is None:
            header = [cell.value for cell in sheet[1]] if sheet.max_row >= 1 else []
            known = self.template.layout_of(header)
        needed = [key for line in lines for key in keys_filled(line)]
        layout, added = known.completed(self.template, needed)
        for number, text in added:
            cell = sheet.cell(1, number)
            cell.value = text
            cell.font = Font(bold=True)
        # Only the bot changes the workbook until it is read again, and it writes within these columns.
        self._layouts[sheet.title] = layout
        return layout

    def _forget(self) -> None:
        self._tails.clear()
        self._owners.clear()
        self._layouts.clear()

    def _belongs_to(self, sheet: Worksheet, period: Period) -> bool:
        """Whether the worksheet is this period's; read once per worksheet, as only the bot writes between."""
        if sheet.title not in self._owners:
            self._owners[sheet.title] = self._owner_of(sheet)
        owner = self._owners[sheet.title]
        return owner is None or owner == period

    def _owner_of(self, sheet: Worksheet) -> Period | None:
        date_column = self.template.index_of("date")
        rows = sheet.iter_rows(min_row=2, min_col=date_column, max_col=date_column, values_only=True)
        return owning_period((cell_day(value, None) for (value,) in rows), sheet.title, self._title_format)

    def _create(self, title: str) -> Worksheet:
        sheet: Worksheet = self.file.book().create_sheet(title)
        sheet.append(self.template.headers)
        bold = Font(bold=True)
        for number, column in enumerate(self.template.columns, start=1):
            sheet.cell(1, number).font = bold
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.freeze_panes = "A2"
        self._tails[title] = Tail(last_row=1, last_number=0)
        self._layouts.pop(title, None)
        return sheet
