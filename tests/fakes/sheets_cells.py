"""What Google Sheets keeps of a value typed into a cell under a spreadsheet's locale, and how it renders one.

Sheets turns typed text into a date only when it reads as one in the spreadsheet's locale: in en_US
"12/15/2026" becomes the serial number of 15 December (its cell formatted as a date), while
"15/12/2026" stays the text it was. What was sent RAW is kept as sent. A read with UNFORMATTED_VALUE
gives numbers (dates as serial numbers) and text as it is; FORMATTED_VALUE, the API's default,
gives every cell as the string the grid shows.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

Cell = Any
SHEETS_EPOCH = date(1899, 12, 30)  # day 0 of a date serial

# The locales the fake knows: whether a numeric date puts its day first, and the format Sheets gives
# a cell a date was typed into (when the cell had no date format of its own).
LOCALES = {
    "en_US": (False, "M/d/yyyy"),
    "en_GB": (True, "dd/MM/yyyy"),
    "km_KH": (True, "d/M/yyyy"),
}
_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("jan", "january"),
            ("feb", "february"),
            ("mar", "march"),
            ("apr", "april"),
            ("may",),
            ("jun", "june"),
            ("jul", "july"),
            ("aug", "august"),
            ("sep", "sept", "september"),
            ("oct", "october"),
            ("nov", "november"),
            ("dec", "december"),
        ),
        start=1,
    )
    for name in names
}
_NUMERIC_DATE = re.compile(r"^(\d{1,4})([/-])(\d{1,2})(?:\2(\d{1,4}))?$")
_MONTH_FIRST = re.compile(r"^([a-z]+)\.?[ -](\d{1,2})(?:,?[ -](\d{4}))?$")
_DAY_FIRST = re.compile(r"^(\d{1,2})[ -]([a-z]+)\.?(?:[ -](\d{4}))?$")
_NUMBER = re.compile(r"^[-+]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$")
_DATE_PART = re.compile(r"yyyy|yy|mmmm|mmm|mm|m|dddd|ddd|dd|d", re.IGNORECASE)


@dataclass(frozen=True)
class Entered:
    """A cell as Sheets keeps it: its value, and the format Sheets gave it from what was typed (a date's,
    or thousands separators) when the cell had none that fits."""

    value: Cell
    number_format: str | None = None


def entered(value: Cell, locale: str, today: date, cell_format: str | None) -> Entered:
    """What Sheets keeps of a value typed into a cell (valueInputOption USER_ENTERED)."""
    if not isinstance(value, str):
        return Entered(value)
    if cell_format == "@":  # a cell formatted as plain text keeps what is typed
        return Entered(value)
    if value.startswith("'"):  # the apostrophe says "text", and is not kept
        return Entered(value[1:])
    if value.startswith("="):
        return Entered({"formula": value})
    text = value.strip()
    if _NUMBER.match(text):
        number = float(text.replace(",", ""))
        grouped = "," in text and cell_format is None
        return Entered(
            int(number) if number.is_integer() and "." not in text else number, "#,##0" if grouped else None
        )
    day = typed_day(text, locale, today)
    if day is None:
        return Entered(value)
    automatic = None if is_date_format(cell_format) else LOCALES[locale][1]
    return Entered((day - SHEETS_EPOCH).days, automatic)


def typed_day(text: str, locale: str, today: date) -> date | None:
    """The date Sheets reads in typed text under the locale; None when it keeps the text as text."""
    day_first = LOCALES[locale][0]
    lowered = text.strip().lower()
    if numeric := _NUMERIC_DATE.match(lowered):
        first, _, second, third = numeric.groups()
        if len(first) == 4:
            if third is None:
                return None
            return _valid(int(first), int(second), int(third))
        if len(first) > 2:
            return None
        day, month = (first, second) if day_first else (second, first)
        return _valid(_year(third, today), int(month), int(day))
    if named := _MONTH_FIRST.match(lowered):
        month_name, day_number, year = named.groups()
    elif named := _DAY_FIRST.match(lowered):
        day_number, month_name, year = named.groups()
    else:
        return None
    if month_name not in _MONTHS:
        return None
    return _valid(_year(year, today), _MONTHS[month_name], int(day_number))


def rendered(value: Cell, pattern: str | None, value_option: str, date_option: str) -> Cell:
    """A stored value as a read returns it under valueRenderOption and dateTimeRenderOption."""
    if isinstance(value, dict) and "formula" in value:
        return value["formula"] if value_option == "FORMULA" else value
    if value_option in ("UNFORMATTED_VALUE", "FORMULA"):
        if date_option == "FORMATTED_STRING" and is_date_format(pattern) and _is_number(value):
            return displayed(value, pattern)
        return value
    return displayed(value, pattern)


def displayed(value: Cell, pattern: str | None) -> str:
    """A value as the grid shows it in its number format."""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if not _is_number(value):
        return "" if value is None else str(value)
    if is_date_format(pattern):
        assert pattern is not None
        day = SHEETS_EPOCH + timedelta(days=int(value))
        return _DATE_PART.sub(lambda part: _date_part(part.group().lower(), day), pattern)
    if pattern in (None, "", "@", "General"):
        return str(int(value)) if float(value).is_integer() else f"{value:.10g}"
    whole, _, fraction = pattern.partition(".")
    decimals = fraction.count("0")
    return f"{value:{',' if ',' in whole else ''}.{decimals}f}"


def is_date_format(pattern: str | None) -> bool:
    """Whether a number format shows a date ('mmm dd', 'M/d/yyyy'), not a number ('#,##0.00')."""
    return bool(pattern) and pattern != "@" and bool(re.search(r"[dy]", pattern or "", re.IGNORECASE))


def _date_part(part: str, day: date) -> str:
    return {
        "yyyy": f"{day.year:04d}",
        "yy": f"{day.year % 100:02d}",
        "mmmm": f"{day:%B}",
        "mmm": f"{day:%b}",
        "mm": f"{day.month:02d}",
        "m": str(day.month),
        "dddd": f"{day:%A}",
        "ddd": f"{day:%a}",
        "dd": f"{day.day:02d}",
        "d": str(day.day),
    }[part]


def _year(written: str | None, today: date) -> int:
    """A typed year: none is this year; two digits are 2000-2029 below 30, else the 1900s."""
    if written is None:
        return today.year
    year = int(written)
    if len(written) <= 2:
        return 2000 + year if year < 30 else 1900 + year
    return year


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _is_number(value: Cell) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
