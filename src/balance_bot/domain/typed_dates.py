"""Dates a bookkeeper typed as text in a month's worksheet: "15/12/2026", "2026-12-15", "15 Dec", "១៥ ធ្នូ".

Sheets turns typed text into a date only when it reads in the spreadsheet's locale ("12/15/2026" in
an en_US sheet); anything else stays text, and both stores read it here, in the worksheet's month:
a year left out is the one nearest that month, and a day and month that read either way round
("03/12/2026") are the reading that falls in it. Neither reading in the month: no date.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from balance_bot.domain.dates import MONTH_NUMBERS, WEEKDAY_NAMES
from balance_bot.domain.ledger import Period
from balance_bot.domain.text import DIGITS_TO_ASCII, either

_MONTH = "(" + either(MONTH_NUMBERS) + ")"
_ORDINAL = r"(?:st|nd|rd|th)?"
_YEAR = r"(\d{4}|\d{2})"
_NUMERIC = re.compile(r"^(\d{1,4})([/.\-])(\d{1,2})(?:\2(\d{1,4}))?$")
_DAY_ALONE = re.compile(r"^(\d{1,2})" + _ORDINAL + "$")
_DAY_MONTH = re.compile(
    r"^(\d{1,2})" + _ORDINAL + r"[ .,/\-]*(?:of )?" + _MONTH + r"\.?(?:[ .,/\-]*" + _YEAR + ")?$"
)
_MONTH_DAY = re.compile("^" + _MONTH + r"\.?[ .,/\-]*(\d{1,2})" + _ORDINAL + r"(?:[ .,/\-]+" + _YEAR + ")?$")
_TIME = re.compile(r"(?:[ t]+|^)\d{1,2}:\d{2}(?::\d{2})?(?: ?[ap]\.?m\.?)?$")
_WEEKDAY = re.compile("^(?:ថ្ងៃ ?)?(?:" + either(WEEKDAY_NAMES) + r")\.?,? *")
# Khmer writes "ថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២៦": day number, month, year, each after its word.
_KHMER_WORDS = re.compile("ថ្ងៃទី|ថ្ងៃ|ទី|ខែ|ឆ្នាំ")
_NUMBERS_APART = re.compile(r"(?<=\d) +(?=\d)")


def typed_date(text: str, period: Period) -> date | None:
    """The day a Date cell's text names in the worksheet's month; None when it names none."""
    written = _plain(text)
    if found := _NUMERIC.match(written):
        first, _, second, year = found.groups()
        return _numeric(first, second, year, period)
    if found := _DAY_ALONE.match(written):  # "15" in December's worksheet: the 15th of December
        return _valid(period.year, period.month, int(found.group(1)))
    if found := _DAY_MONTH.match(written):
        day, month, year = found.groups()
    elif found := _MONTH_DAY.match(written):
        month, day, year = found.groups()
    else:
        return None
    number = MONTH_NUMBERS[month]
    return _valid(_year(year, number, period), number, int(day))


def cell_day(value: object, period: Period | None) -> date | None:
    """A Date cell's day as a store holds it: a date (or a date and time) as it is, text as typed_date
    reads it in the worksheet's month (None when the month is not known)."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if isinstance(value, str) and period is not None:
        return typed_date(value, period)
    return None


def _plain(text: str) -> str:
    """The text in one form: ASCII digits, lower case, single spaces, no weekday, time or Khmer labels."""
    written = unicodedata.normalize("NFC", text).translate(DIGITS_TO_ASCII).casefold()
    written = " ".join(written.split()).strip(" .,")
    written = _TIME.sub("", _WEEKDAY.sub("", written))
    khmer = _KHMER_WORDS.sub(" ", written)
    if khmer != written:  # "១៥ ខែ១២ ២០២៦": day, month and year as numbers, apart
        written = _NUMBERS_APART.sub("/", " ".join(khmer.split()))
    return written


def _numeric(first: str, second: str, year: str | None, period: Period) -> date | None:
    """A date written in numbers: year first (2026-12-15), else day and month in either order, and the
    reading in the worksheet's month wins when both are dates."""
    if len(first) == 4:
        return _valid(int(first), int(second), int(year)) if year is not None and len(year) <= 2 else None
    if len(first) == 3 or (year is not None and len(year) == 3):
        return None
    readings = set()
    for day, month in ((int(first), int(second)), (int(second), int(first))):
        reading = _valid(_year(year, month, period), month, day) if 1 <= month <= 12 else None
        if reading is not None:
            readings.add(reading)
    if len(readings) == 1:
        return readings.pop()
    in_month = [reading for reading in readings if reading.month == period.month]
    return in_month[0] if len(in_month) == 1 else None


def _year(written: str | None, month: int, period: Period) -> int:
    """The year as written (two digits are this century's); none written: the one that puts the month
    nearest the worksheet's ("31 Dec" in January's worksheet is last year's)."""
    if written is not None:
        return int(written) + (2000 if len(written) == 2 else 0)
    if month - period.month > 6:
        return period.year - 1
    if period.month - month > 6:
        return period.year + 1
    return period.year


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
