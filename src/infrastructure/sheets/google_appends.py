"""Numbered rows at the end of a month's worksheet, which is made from the template with its first rows."""

from __future__ import annotations

import logging
import random
from collections.abc import Sequence
from typing import Any

from gspread.exceptions import APIError

from balance_bot.domain.ledger import LedgerLine, Period, SavedLine
from infrastructure.sheets.google_cells import (
    SHEETS_EPOCH,
    amounts,
    cell_data,
    column_number,
    is_number,
    letter,
    movement_cells,
    no_such_worksheet,
    number_format,
    quoted,
    start_of,
    topups,
    unformatted,
    width_request,
)
from infrastructure.sheets.google_worksheets import MonthWorksheets, Tail

log = logging.getLogger(__name__)


def append_rows(
    sheets: MonthWorksheets, period: Period, lines: Sequence[LedgerLine], *, again: bool = False
) -> list[SavedLine]:
    """The lines as numbered rows of the period's worksheet, created from the template if missing."""
    candidates = sheets.candidates(period)
    for title in candidates:
        if title not in sheets.tails:
            created = _create_with(sheets, title, period, lines)
            if created is not None:
                return created
            sheets.learn(title)  # it was there already: read it once
        if sheets.belongs(title, period) or title == candidates[-1]:
            try:
                return _append_to(sheets, title, period, lines)
            except APIError as exc:
                if again or not no_such_worksheet(exc):
                    raise
            # Deleted or renamed since it was read: made again from the template, rows and all.
            log.info("the worksheet %r is gone; making it again", title)
            sheets.forget(title)
            return append_rows(sheets, period, lines, again=True)
    raise AssertionError("unreachable: the last candidate is always used")


def _append_to(
    sheets: MonthWorksheets, title: str, period: Period, lines: Sequence[LedgerLine]
) -> list[SavedLine]:
    layout = sheets.layout_for_writing(title, lines)
    tail = sheets.tails[title]
    numbers = [tail.last_number + offset for offset in range(1, len(lines) + 1)]
    rows = [layout.row(_values(number, line)) for number, line in zip(numbers, lines, strict=True)]
    answer = sheets.client.values_append(
        sheets.spreadsheet_id,
        f"{quoted(title)}!A:{letter(layout.width)}",
        params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
        body={"values": rows},
    )
    column, landed = start_of(answer["updates"]["updatedRange"])
    if column != "A":
        _move_to_column_a(sheets, title, column, landed, rows, layout.width)
    if landed != tail.last_row + 1:
        numbers = _renumber(sheets, title, landed, numbers)
    sheets.written(title, period, Tail(last_row=landed + len(lines) - 1, last_number=numbers[-1]))
    return [
        SavedLine(line, title, landed + offset, number, period)
        for offset, (line, number) in enumerate(zip(lines, numbers, strict=True))
    ]


def _move_to_column_a(
    sheets: MonthWorksheets, title: str, column: str, landed: int, rows: list[list[Any]], width: int
) -> None:
    """Google's table detection put the rows to the right (a header with empty cells): put them in
    column A, where the template has them, and clear the cells they spilled into."""
    log.warning("the rows landed from column %s of %r; moving them to column A", column, title)
    last = landed + len(rows) - 1
    sheets.client.values_update(
        sheets.spreadsheet_id,
        f"{quoted(title)}!A{landed}:{letter(width)}{last}",
        params={"valueInputOption": "RAW"},
        body={"values": rows},
    )
    spilled_from = width + 1
    spilled_to = column_number(column) + width - 1
    if spilled_to >= spilled_from:
        sheets.client.values_clear(
            sheets.spreadsheet_id,
            f"{quoted(title)}!{letter(spilled_from)}{landed}:{letter(spilled_to)}{last}",
        )


def _renumber(sheets: MonthWorksheets, title: str, landed: int, numbers: list[int]) -> list[int]:
    """The sheet changed since the last append: number after the last numeric No above the new rows."""
    if landed <= 2:
        column: list[list[Any]] = []  # nothing above the new rows but the header: never ask for A2:A1
    else:
        column = sheets.client.values_get(
            sheets.spreadsheet_id, f"{quoted(title)}!A2:A{landed - 1}", params=unformatted()
        ).get("values", [])
    last_number = max((int(row[0]) for row in column if row and is_number(row[0])), default=0)
    correct = [last_number + offset for offset in range(1, len(numbers) + 1)]
    if correct != numbers:
        sheets.client.values_update(
            sheets.spreadsheet_id,
            f"{quoted(title)}!A{landed}:A{landed + len(numbers) - 1}",
            params={"valueInputOption": "RAW"},
            body={"values": [[number] for number in correct]},
        )
    return correct


def _create_with(
    sheets: MonthWorksheets, title: str, period: Period, lines: Sequence[LedgerLine]
) -> list[SavedLine] | None:
    """Create the worksheet from the template with the first rows, in one batchUpdate.

    None when a worksheet of that title exists already; nothing is changed then, as a
    batchUpdate is applied whole or not at all.
    """
    template = sheets.template
    sheet_id = random.randrange(1_000_000, 2**31 - 1)  # chosen here, so the same batch can fill it
    numbers = list(range(1, len(lines) + 1))
    header = [cell_data(header, bold=True) for header in template.headers]
    rows = [
        [cell_data(value) for value in template.layout().row(_values(n, line))]
        for n, line in zip(numbers, lines, strict=True)
    ]
    requests_: list[dict[str, Any]] = [
        {
            "addSheet": {
                "properties": {
                    "sheetId": sheet_id,
                    "title": title,
                    "gridProperties": {
                        "frozenRowCount": 1,
                        "columnCount": max(len(template.columns), 26),
                    },
                }
            }
        },
        {
            "updateCells": {
                "start": {"sheetId": sheet_id, "rowIndex": 0, "columnIndex": 0},
                "rows": [{"values": row} for row in [header, *rows]],
                "fields": "userEnteredValue,userEnteredFormat.textFormat.bold",
            }
        },
    ]
    for index, column in enumerate(template.columns):
        requests_.append(number_format(sheet_id, index, column.number_format))
        requests_.append(width_request(sheet_id, index, column.width))
    try:
        sheets.client.batch_update(sheets.spreadsheet_id, {"requests": requests_})
    except APIError as exc:
        if exc.response.status_code == 400 and "already exists" in str(exc):
            return None
        raise
    sheets.written(title, period, Tail(last_row=1 + len(lines), last_number=len(lines)), template.layout())
    return [SavedLine(line, title, 1 + n, n, period) for n, line in zip(numbers, lines, strict=True)]


def _values(number: int, line: LedgerLine) -> dict[str, Any]:
    """A row's cells by column key; the layout puts each where the worksheet has it."""
    usd, khr = amounts(line)
    return {
        "no": number,
        "date": (line.day - SHEETS_EPOCH).days,
        "item": line.purpose,
        "usd": usd,
        "khr": khr,
        "category": line.category,
        "member": line.member,
        "reference": line.source.reference(),
        "receipt": line.receipt,
        "topup_usd": topups(line)[0],
        "topup_khr": topups(line)[1],
        **movement_cells(line),
        "status": line.status,
    }
