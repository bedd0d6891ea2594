"""Changes to one of the bot's rows, found by its reference: a corrected line, category, status, a void."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from gspread.exceptions import APIError

from balance_bot.domain.ledger import LedgerLine, SavedLine
from infrastructure.sheets.google_cells import (
    amounts,
    letter,
    no_such_worksheet,
    number_in,
    quoted,
    topups,
    unformatted,
)
from infrastructure.sheets.google_worksheets import MonthWorksheets


def replace_row(sheets: MonthWorksheets, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
    """Rewrite the item and amounts of the saved line's row (and its category if the line changed it)."""
    found = _find(sheets, saved)
    if found is None:
        return None
    row, _, number = found
    _write_item(sheets, saved.worksheet, row, line.purpose, line)
    if line.category and line.category != saved.line.category:
        _write_cells(sheets, saved.worksheet, row, {"category": line.category}, [line])
    return SavedLine(line, saved.worksheet, row, number, saved.period)


def set_row_category(sheets: MonthWorksheets, saved: SavedLine, category: str) -> SavedLine | None:
    """Write the category of the saved line's row."""
    return _set_row_cell(sheets, saved, replace(saved.line, category=category), "category", category)


def set_row_status(sheets: MonthWorksheets, saved: SavedLine, status: str) -> SavedLine | None:
    """Write the Status cell of the saved line's row."""
    return _set_row_cell(sheets, saved, replace(saved.line, status=status), "status", status)


def _set_row_cell(
    sheets: MonthWorksheets, saved: SavedLine, line: LedgerLine, key: str, value: str
) -> SavedLine | None:
    """One cell of the saved line's row (its column added to a worksheet made before it)."""
    found = _find(sheets, saved)
    if found is None:
        return None
    row, _, number = found
    _write_cells(sheets, saved.worksheet, row, {key: value}, [line])
    return SavedLine(line, saved.worksheet, row, number, saved.period)


def void_row(sheets: MonthWorksheets, saved: SavedLine) -> SavedLine | None:
    """Clear the saved line's amounts and mark its item void."""
    found = _find(sheets, saved)
    if found is None:
        return None
    row, item, number = found
    prefix = sheets.template.void_prefix
    _write_item(sheets, saved.worksheet, row, item if item.startswith(prefix) else prefix + item, None)
    if saved.line.topup:
        _write_topup(sheets, saved.worksheet, row, None)
    if saved.line.movement is not None:  # out of a bookkeeper's sums, as a top-up is
        _write_cells(sheets, saved.worksheet, row, {"movement_usd": "", "movement_khr": ""}, [])
    return SavedLine(saved.line, saved.worksheet, row, number, saved.period)


def _write_topup(sheets: MonthWorksheets, title: str, row: int, line: LedgerLine | None) -> None:
    """The Top-up cells of a row: the line's amount, or empty."""
    usd, khr = topups(line) if line is not None else ("", "")
    _write_cells(sheets, title, row, {"topup_usd": usd, "topup_khr": khr}, [line] if line else [])


def _write_cells(
    sheets: MonthWorksheets, title: str, row: int, values: dict[str, Any], lines: Sequence[LedgerLine]
) -> None:
    """Some cells of one row, wherever the worksheet has their columns: one call."""
    layout = sheets.layout_for_writing(title, lines)
    present = sorted((layout.column(key), value) for key, value in values.items() if layout.has(key))
    if not present:
        return
    first, last = present[0][0], present[-1][0]
    if last - first + 1 == len(present):  # side by side: one range
        sheets.client.values_update(
            sheets.spreadsheet_id,
            f"{quoted(title)}!{letter(first)}{row}:{letter(last)}{row}",
            params={"valueInputOption": "RAW"},
            body={"values": [[value for _, value in present]]},
        )
        return
    sheets.write_cells_apart(title, row, present)


def _write_item(sheets: MonthWorksheets, title: str, row: int, item: str, line: LedgerLine | None) -> None:
    usd, khr = amounts(line) if line is not None else ("", "")
    first, last = letter(sheets.template.index_of("item")), letter(sheets.template.index_of("khr"))
    sheets.client.values_update(
        sheets.spreadsheet_id,
        f"{quoted(title)}!{first}{row}:{last}{row}",
        params={"valueInputOption": "RAW"},
        body={"values": [[item, usd, khr]]},
    )


def _find(sheets: MonthWorksheets, saved: SavedLine) -> tuple[int, str, int] | None:
    """(row, current item, current No) of the saved line's reference: where it was, else wherever
    it went. The No is 0 when a bookkeeper cleared it."""
    title = saved.worksheet
    reference = saved.line.source.reference()
    try:
        layout = sheets.layout(title)
        cells = sheets.client.values_get(
            sheets.spreadsheet_id,
            f"{quoted(title)}!A{saved.row}:{letter(layout.width)}{saved.row}",
            params=unformatted(),
        )
    except APIError as exc:
        if no_such_worksheet(exc):
            return None  # its worksheet was deleted or renamed: nothing left to change
        raise
    if not layout.has("reference"):
        return None
    values = layout.cells((cells.get("values") or [[]])[0])
    if values["reference"] == reference:
        return saved.row, str(values["item"]), number_in(values["no"])
    whole = sheets.client.values_get(
        sheets.spreadsheet_id, f"{quoted(title)}!A:{letter(layout.width)}", params=unformatted()
    ).get("values", [])
    for row_number, row in enumerate(whole, start=1):
        values = layout.cells(row)
        if values["reference"] == reference:
            return row_number, str(values["item"]), number_in(values["no"])
    return None
