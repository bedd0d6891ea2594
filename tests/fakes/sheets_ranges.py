"""A1 notation as the Sheets API reads it: 'Title'!A2:C9, a whole column, a sheet by its name alone."""

from __future__ import annotations

import re

_A1 = re.compile(r"^(?:(?P<sheet>'(?:[^']|'')+'|[^!]+)!)?(?P<cells>.*)$")
_CELL = re.compile(r"^([A-Z]*)(\d*)$")


def a1_range(a1: str) -> tuple[str, tuple[int, int, int, int]]:
    """('Title', (first column, last column, first row, last row)): columns 0-based, rows 1-based.

    A reversed range (A2:A1) is turned round, as the real API does.
    """
    match = _A1.match(a1)
    assert match is not None
    sheet, cells = match.group("sheet"), match.group("cells")
    if sheet is None and not all(_CELL.match(part) for part in cells.split(":")):
        sheet, cells = cells, ""  # a range that is only a sheet's name: the whole sheet
    title = (sheet or "Sheet1").strip("'").replace("''", "'")
    start, _, end = cells.partition(":")
    start_letters, start_digits = _parts(start)
    end_letters, end_digits = _parts(end) if end else (start_letters, start_digits) if start else ("", "")
    first_column = _column(start_letters) if start_letters else 0
    last_column = _column(end_letters) if end_letters else 25
    first_row = int(start_digits) if start_digits else 1
    last_row = int(end_digits) if end_digits else 10**6
    return title, (
        min(first_column, last_column),
        max(first_column, last_column),
        min(first_row, last_row),
        max(first_row, last_row),
    )


def _parts(reference: str) -> tuple[str, str]:
    match = _CELL.match(reference)
    assert match is not None, reference
    return match.group(1), match.group(2)


def _column(letters: str) -> int:
    column = 0
    for letter in letters:
        column = column * 26 + ord(letter) - 64
    return column - 1


def a1_cell(reference: str) -> tuple[int, int]:
    """(column 0-based, row 1-based) of one cell's reference ('B3')."""
    letters, digits = _parts(reference)
    return _column(letters or "A"), int(digits) if digits else 1


def column_letters(column: int) -> str:
    """The letters of a 0-based column index (0 is A, 26 is AA)."""
    letters = ""
    column += 1
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters
