"""Months' rows as they stand in the spreadsheet, read by each worksheet's header; lines already in it."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from gspread.exceptions import APIError

from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow, lines_already_written
from infrastructure.sheets.google_categories import TAB_RANGE, CategoriesTab
from infrastructure.sheets.google_cells import letter, no_such_worksheet, quoted, sheet_row, unformatted
from infrastructure.sheets.google_worksheets import WIDEST, MonthWorksheets, two_ranges
from infrastructure.sheets.template import SheetTemplate


def read_period(sheets: MonthWorksheets, period: Period, tab: CategoriesTab | None = None) -> list[SheetRow]:
    """The period's rows, in one call (on the reader thread), with the Categories `tab` when its
    reading is old: the monthly rounds keep it fresh, and expenses need not read it."""
    found = _period_values(sheets, period, reading=True, tab=tab)
    return [row for _, row in _numbered_rows(sheets.template, found[1], period)] if found is not None else []


def periods_with_worksheet(sheets: MonthWorksheets, periods: Sequence[Period]) -> set[Period]:
    """The periods with a worksheet of their title."""
    titles = _titles(sheets)
    return {period for period in periods if any(t in titles for t in sheets.candidates(period))}


def read_periods(sheets: MonthWorksheets, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
    """Several months' rows in two calls: the worksheets' titles, then those the spreadsheet has."""
    titles = _titles(sheets)
    wanted = list(dict.fromkeys(t for period in periods for t in sheets.candidates(period) if t in titles))
    values: dict[str, list[list[Any]]] = {}
    if wanted:
        ranges = [f"{quoted(title)}!A:{letter(WIDEST)}" for title in wanted]
        answer = sheets.client.values_batch_get(sheets.spreadsheet_id, ranges, params=unformatted())
        for title, value_range in zip(wanted, answer.get("valueRanges", []), strict=True):
            values[title] = value_range.get("values", [])
            sheets.remember(title, values[title], first_only=True)
    months: dict[Period, list[SheetRow]] = {}
    for period in periods:
        owned = [t for t in sheets.candidates(period) if t in values and sheets.belongs(t, period)]
        rows = values[owned[0]] if owned else []
        months[period] = [row for _, row in _numbered_rows(sheets.template, rows, period)]
    return months


def find_written(sheets: MonthWorksheets, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
    """Those of the lines whose reference is in the period's worksheet, not voided; one read."""
    found = _period_values(sheets, period)
    if found is None:
        return []
    title, rows = found
    prefix = sheets.template.void_prefix
    return lines_already_written(lines, _numbered_rows(sheets.template, rows), title, prefix, period)


def _period_values(
    sheets: MonthWorksheets, period: Period, *, reading: bool = False, tab: CategoriesTab | None = None
) -> tuple[str, list[list[Any]]] | None:
    """The title and values of the period's worksheet, if it has one (`reading`: on the reader)."""
    for title in sheets.candidates(period):
        try:
            rows = None
            if tab is not None and tab.due_beside_a_month():
                rows = _values_and_tab(sheets, title, tab)
                tab = None  # once a read: a month not made yet must not cost two calls a title
            if rows is None:
                rows = sheets.read_values(title)
        except APIError as exc:
            if no_such_worksheet(exc):  # not the other 400s: a refusal is no empty month
                continue
            raise
        sheets.remember(title, rows, first_only=reading)
        if sheets.belongs(title, period):
            return title, rows
    return None


def _values_and_tab(sheets: MonthWorksheets, title: str, tab: CategoriesTab) -> list[list[Any]] | None:
    """The worksheet's values, and the Categories tab's given to it, in one batchGet; None when that
    cannot be (either is missing), for the worksheet to be read alone."""
    both = two_ranges(sheets.client, sheets.spreadsheet_id, f"{quoted(title)}!A:{letter(WIDEST)}", TAB_RANGE)
    if both is None:
        return None
    values, tab_rows = both
    tab.read_beside(tab_rows)
    return values


def _titles(sheets: MonthWorksheets) -> set[str]:
    metadata = sheets.client.fetch_sheet_metadata(
        sheets.spreadsheet_id, params={"fields": "sheets.properties.title"}
    )
    return {str(sheet["properties"]["title"]) for sheet in metadata.get("sheets", [])}


def _numbered_rows(
    template: SheetTemplate, rows: list[list[Any]], period: Period | None = None
) -> Iterator[tuple[int, SheetRow]]:
    """The non-empty rows below the header, with their row numbers, read by the header's columns;
    dates typed as text are read in the worksheet's month, `period`."""
    layout = template.layout_of(rows[0] if rows else [])
    empty = dict.fromkeys((column.key for column in template.columns), "")
    for row_number, values in enumerate(rows[1:], start=2):
        cells = empty | layout.cells(values)
        if not all(value in (None, "") for value in cells.values()):
            yield row_number, sheet_row(cells, period)
