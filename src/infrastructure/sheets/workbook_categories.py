"""The workbook's Categories tab: its rows as they stand, and the default one added on first use."""

from __future__ import annotations

from infrastructure.categories.tab import TAB_TITLE, TAB_WIDTHS, default_rows
from infrastructure.sheets.openpyxl_lean import Font, Worksheet, get_column_letter
from infrastructure.sheets.workbook_file import WorkbookFile


def categories_rows(file: WorkbookFile) -> list[list[object]] | None:
    """The tab's cells, row by row, from the file as it stands; None when it has no such tab."""
    file.refresh_if_edited_on_disk()
    book = file.book()
    if TAB_TITLE not in book.sheetnames:
        return None
    return [list(row) for row in book[TAB_TITLE].iter_rows(values_only=True)]


def add_categories_tab(file: WorkbookFile) -> None:
    """The default Categories tab, unless the workbook has one."""
    book = file.book()
    if TAB_TITLE in book.sheetnames:
        return
    sheet: Worksheet = book.create_sheet(TAB_TITLE)
    for row in default_rows():
        sheet.append(row)
    bold = Font(bold=True)
    for number, width in enumerate(TAB_WIDTHS, start=1):
        sheet.cell(1, number).font = bold
        sheet.column_dimensions[get_column_letter(number)].width = width
    sheet.freeze_panes = "A2"
