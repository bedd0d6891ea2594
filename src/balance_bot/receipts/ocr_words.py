"""The pieces OCR'd documents are read from: amounts with their currency, dates and times, as printed.

OCR confuses letters and digits (O/0, l/1, S/5), puts spaces inside numbers and reads Khmer digits: a
line is repaired only where a run of characters is mostly digits, so words ("Total", "Cool") stay words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, time
from decimal import Decimal

from balance_bot.domain.dates import MONTH_NUMBERS
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.numerals import read_number
from balance_bot.domain.text import DIGITS_TO_ASCII, either, normalize_message

_LOOKALIKES = str.maketrans({"O": "0", "o": "0", "l": "1", "I": "1", "|": "1", "S": "5"})
# A run of digits and their lookalikes, standing alone (not inside a word).
_NUMBERISH = re.compile(r"(?<![A-Za-z])[0-9OolI|S][0-9OolI|S,.]*(?![A-Za-z])")
# "12 .50", "12. 50", "1 ,250": OCR's spaces around a separator.
_SPLIT_SEPARATOR = re.compile(r"(?<=\d) ?([.,]) (?=\d\d(?!\d))|(?<=\d) ([.,])(?=\d\d(?!\d))")

_USD_BEFORE = r"US\$|USD|\$"
_KHR_BEFORE = r"KHR|៛"
_USD_AFTER = r"USD|\$|ដុល្លារ|dollars?"
_KHR_AFTER = r"KHR|៛|riels?|រៀល"
_NUMBER = (
    r"\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d{1,3}(?:\.\d{3}){1,3}(?=\s*(?:KHR|៛|riel|រៀល))|\d+(?:[.,]\d{1,2})?"
)
_MONEY = re.compile(
    rf"(?P<sign>[-+−])?\s?(?:(?P<before>{_USD_BEFORE}|{_KHR_BEFORE}) {{0,3}})?(?P<number>{_NUMBER})"
    rf"(?: {{0,3}}(?P<after>{_USD_AFTER}|{_KHR_AFTER})(?![A-Za-z]))?",
    re.IGNORECASE,
)
_KHR_MARKS = re.compile(rf"(?:{_KHR_AFTER}|{_KHR_BEFORE})", re.IGNORECASE)
_USD_MARKS = re.compile(rf"(?:{_USD_BEFORE}|ដុល្លារ)", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Amount:
    """A number printed on a document, with the currency printed beside it (None: none printed)."""

    value: Decimal
    currency: Currency | None
    decimals: int
    negative: bool = False
    percent: bool = False

    def money(self, currency: Currency | None = None) -> Money | None:
        """The amount in its printed currency, else in `currency`; None without either."""
        chosen = self.currency or currency
        return Money(self.value, chosen) if chosen is not None else None


def clean_line(line: str) -> str:
    """A line with Khmer digits as ASCII and digit lookalikes repaired inside numbers."""
    line = normalize_message(line).translate(DIGITS_TO_ASCII)
    line = _NUMBERISH.sub(_repaired, line)
    return _SPLIT_SEPARATOR.sub(lambda match: match[1] or match[2], line)


def _repaired(match: re.Match[str]) -> str:
    run = match[0]
    digits = sum(char.isdigit() for char in run)
    lookalikes = sum(char.isalpha() or char == "|" for char in run)
    if digits == 0 or lookalikes > digits:
        return run
    return run.translate(_LOOKALIKES)


def amounts_in(line: str) -> list[Amount]:
    """Every amount of a cleaned line, left to right; a percentage is marked, not dropped."""
    found = []
    for match in _MONEY.finditer(line):
        read = read_number(match["number"])
        if read is None:
            continue
        value, decimals = read
        if "." in match["number"] and decimals == 3:  # 10.000 riel: dots for thousands
            value, decimals = Decimal(match["number"].replace(".", "")), 0
        marker = (match["before"] or match["after"] or "").casefold()
        currency = _currency_of(marker)
        percent = line[match.end() : match.end() + 2].lstrip().startswith("%")
        negative = match["sign"] in ("-", "−")
        found.append(Amount(value, currency, decimals, negative, percent))
    return found


def _currency_of(marker: str) -> Currency | None:
    if not marker:
        return None
    if _KHR_MARKS.fullmatch(marker):
        return Currency.KHR
    return Currency.USD


def currencies_named(text: str) -> set[Currency]:
    """The currencies a document names anywhere (a sign, a code, a word)."""
    named = set()
    if _KHR_MARKS.search(text):
        named.add(Currency.KHR)
    if _USD_MARKS.search(text):
        named.add(Currency.USD)
    return named


_ENGLISH_MONTHS = [name for name in MONTH_NUMBERS if name.isascii()]
_KHMER_MONTHS = [name for name in MONTH_NUMBERS if not name.isascii()]
_MONTH_WORD = rf"(?P<month_name>{either(_ENGLISH_MONTHS)})\.?"
_DATES = (
    re.compile(r"(?<!\d)(?P<year>20\d{2})[-/.](?P<month>\d{1,2})[-/.](?P<day>\d{1,2})(?!\d)"),
    re.compile(r"(?<!\d)(?P<day>\d{1,2})[-/.](?P<month>\d{1,2})[-/.](?P<year>(?:20)?\d{2})(?!\d)"),
    re.compile(rf"(?<!\d)(?P<day>\d{{1,2}})[- ]?{_MONTH_WORD}[-, ]*(?P<year>(?:20)?\d{{2}})(?!\d)", re.I),
    re.compile(rf"(?<![A-Za-z]){_MONTH_WORD} ?(?P<day>\d{{1,2}}),? ?(?P<year>20\d{{2}})(?!\d)", re.I),
    re.compile(
        rf"(?<!\d)(?:ថ្ងៃទី\s*)?(?P<day>\d{{1,2}})\s*(?:ខែ\s*)?(?P<month_name>{either(_KHMER_MONTHS)})"
        rf"\s*(?:ឆ្នាំ\s*)?(?P<year>20\d{{2}})(?!\d)"
    ),
)
_TIME = re.compile(
    r"(?<![\d.])(?P<hour>\d{1,2}):(?P<minute>\d{2})(?:[:.](?P<second>\d{2}))?\s*(?P<period>[AaPp][Mm]|ព្រឹក|ល្ងាច)?(?!\d)"
)


def date_in(line: str) -> date | None:
    """The first date a cleaned line prints: day first for numbers (as Cambodia writes them), unless
    the day cannot be one."""
    for pattern in _DATES:
        for match in pattern.finditer(line):
            found = _date_of(match)
            if found is not None:
                return found
    return None


def _date_of(match: re.Match[str]) -> date | None:
    parts = match.groupdict()
    year = int(parts["year"])
    year = year + 2000 if year < 100 else year
    day = int(parts["day"])
    if parts.get("month_name"):
        month = MONTH_NUMBERS.get(parts["month_name"].casefold(), MONTH_NUMBERS.get(parts["month_name"], 0))
    else:
        month = int(parts["month"])
        if month > 12 >= day:  # 12/25/2025: the month first
            day, month = month, day
    try:
        return date(year, month, day)
    except ValueError:
        return None


def time_in(line: str) -> time | None:
    """The first time of day a cleaned line prints (10:21 AM, 22:05, 10:19ព្រឹក)."""
    for match in _TIME.finditer(line):
        hour, minute = int(match["hour"]), int(match["minute"])
        period = (match["period"] or "").casefold()
        if period in ("pm", "ល្ងាច") and hour < 12:
            hour += 12
        elif period in ("am", "ព្រឹក") and hour == 12:
            hour = 0
        second = int(match["second"] or 0)
        if hour < 24 and minute < 60 and second < 60:
            return time(hour, minute, second)
    return None


def moment_in(lines: list[str]) -> tuple[date | None, datetime | None]:
    """The document's date and, when the same line prints it, its time."""
    for line in lines:
        day = date_in(line)
        if day is not None:
            at = time_in(_without_dates(line))
            return day, datetime.combine(day, at) if at is not None else None
    return None, None


def _without_dates(line: str) -> str:
    for pattern in _DATES:
        line = pattern.sub(" ", line)
    return line


def without_moments(line: str) -> str:
    """A line without its times and dates, whose numbers are no amounts."""
    line = re.sub(r"\d{1,2}:\d{2}(?:[:.]\d{2})?\s*(?:[AaPp][Mm])?|\d{1,2}\.\d{2}\s*[AaPp][Mm]", " ", line)
    return _without_dates(line)
