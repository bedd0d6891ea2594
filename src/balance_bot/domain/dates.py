"""Dates in messages: the parser marks the words that name a day, and dateparser reads only those.

dateparser alone reads "3$" or "2.5" as dates, so it never sees a whole message: the patterns
below find the phrases members use ("yesterday", "Dec 3", "3/12", "ម្សិលមិញ", "ថ្ងៃច័ន្ទ"), and
each is rewritten in plain English words dateparser reads the same way every time.
"""

from __future__ import annotations

import re
from collections import deque
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from balance_bot.domain.amounts import Mention, scan_line
from balance_bot.domain.text import DIGITS_TO_ASCII, either

_MONTHS = {
    "jan": 1,
    "january": 1,
    "feb": 2,
    "february": 2,
    "mar": 3,
    "march": 3,
    "apr": 4,
    "april": 4,
    "may": 5,
    "jun": 6,
    "june": 6,
    "jul": 7,
    "july": 7,
    "aug": 8,
    "august": 8,
    "sep": 9,
    "sept": 9,
    "september": 9,
    "oct": 10,
    "october": 10,
    "nov": 11,
    "november": 11,
    "dec": 12,
    "december": 12,
}
_KHMER_MONTHS = {
    "មករា": 1,
    "កុម្ភៈ": 2,
    "កុម្ភះ": 2,
    "មីនា": 3,
    "មេសា": 4,
    "ឧសភា": 5,
    "មិថុនា": 6,
    "កក្កដា": 7,
    "សីហា": 8,
    "កញ្ញា": 9,
    "តុលា": 10,
    "វិច្ឆិកា": 11,
    "ធ្នូ": 12,
}
_MONTH_NAMES = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)
_WEEKDAYS = {
    "monday": "monday",
    "tuesday": "tuesday",
    "wednesday": "wednesday",
    "thursday": "thursday",
    "friday": "friday",
    "saturday": "saturday",
    "sunday": "sunday",
}
# "mon", "sat", "sun" are words too: an abbreviation counts only after "on"/"last" or before a date.
_WEEKDAY_ABBREVIATIONS = {
    "mon": "monday",
    "tue": "tuesday",
    "tues": "tuesday",
    "wed": "wednesday",
    "thu": "thursday",
    "thur": "thursday",
    "thurs": "thursday",
    "fri": "friday",
    "sat": "saturday",
    "sun": "sunday",
}
# Khmer weekdays are named "day of the Moon", "day of Mars"...: ថ្ងៃ is required, for ច័ន្ទ alone is the moon.
_KHMER_WEEKDAYS = {
    "ច័ន្ទ": "monday",
    "អង្គារ": "tuesday",
    "ពុធ": "wednesday",
    "ព្រហស្បតិ៍": "thursday",
    "ព្រហស្បត្តិ៍": "thursday",
    "សុក្រ": "friday",
    "សៅរ៍": "saturday",
    "អាទិត្យ": "sunday",
}
# Month and weekday names as a bookkeeper types them in a Date cell (typed_dates reads those).
MONTH_NUMBERS: Mapping[str, int] = {**_MONTHS, **_KHMER_MONTHS}
ENGLISH_MONTHS: Mapping[str, int] = _MONTHS  # 'nov', 'november': 11
KHMER_MONTHS: Mapping[str, int] = _KHMER_MONTHS  # 'វិច្ឆិកា': 11
WEEKDAY_NAMES = frozenset({*_WEEKDAYS, *_WEEKDAY_ABBREVIATIONS, *_KHMER_WEEKDAYS})
_KHMER_RELATIVE = {
    "ម្សិលម្ង៉ៃ": "day before yesterday",
    "ម្សិលម៉្ងៃ": "day before yesterday",
    "ម្សិលម្ងៃ": "day before yesterday",
    "ម្សិលមិញ": "yesterday",
    "យប់មិញ": "yesterday",  # last night
    "ថ្ងៃនេះ": "today",
    "ព្រឹកនេះ": "today",  # this morning
    "រសៀលនេះ": "today",  # this afternoon
    "ល្ងាចនេះ": "today",  # this evening
    "យប់នេះ": "today",  # tonight
}
_ENGLISH_RELATIVE = {
    "yesterday": "yesterday",
    "yday": "yesterday",
    "yest": "yesterday",
    "ytd": "yesterday",
    "last night": "yesterday",
    "today": "today",
    "tonight": "today",
    "this morning": "today",
    "this afternoon": "today",
    "this evening": "today",
    # Romanised Khmer: ម្សិលមិញ, យប់មិញ, ថ្ងៃនេះ.
    **dict.fromkeys(("msel minh", "msel mign", "msel menh", "msel", "yub minh", "yup minh"), "yesterday"),
    **dict.fromkeys(("tngai nis", "thngai nis", "tngai nih", "thngai nih", "tgnai nis"), "today"),
}
_NUMBER_WORDS = {"a": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


# "on the 3rd floor": an ordinal that counts something other than days.
_NOT_A_DAY_AFTER = (
    r"[ ]+(?:floor|floors|time|times|round|grade|place|class|level|row|room|lesson|attempt|try|"
    r"year|week|month|item|line|page|person|people)\b"
)
_B = r"(?<![^\W_])"  # no letter or digit just before
_E = r"(?![^\W_])"  # no letter or digit just after
_ANY_WEEKDAY = "(?:" + either([*_WEEKDAYS, *_WEEKDAY_ABBREVIATIONS]) + r")\.?,?[ ]+"


def _day(name: str) -> str:
    return rf"(?P<{name}>[0-3]?\d)(?:st|nd|rd|th)?"


def _month(name: str) -> str:
    return rf"(?P<{name}>" + either(_MONTHS) + r")\.?"


def _year(name: str) -> str:
    return rf"(?:,?[ ]+(?P<{name}>20\d\d))?"


_KHMER_MONTH = r"(?P<kmonth>" + either(_KHMER_MONTHS) + ")"
# Three families, each tried only on lines that have its cue (below); the word boundary is
# checked once, before the alternatives, so most positions fail at the first test.
_ENGLISH = re.compile(
    _B
    + "(?:"
    + "|".join(
        (
            # Sat 21 Nov, 3 Dec 2026, 3rd of December
            rf"(?:{_ANY_WEEKDAY})?{_day('day')}[ ]+(?:of[ ]+)?{_month('month')}{_year('year')}{_E}",
            # Dec 3, Sat, Nov 21, December 3rd 2026
            rf"(?:{_ANY_WEEKDAY})?{_month('mmonth')}[ ]+{_day('mday')}{_year('myear')}{_E}",
            # the day before yesterday, yesterday, last night, today
            rf"(?P<before>(?:the[ ]+)?day[ ]+before[ ]+yesterday){_E}",
            r"(?P<relative>" + either(_ENGLISH_RELATIVE).replace(r"\ ", "[ ]+") + rf"){_E}",
            # 2 days ago, two days ago
            r"(?P<ago>\d{1,2}|" + either(_NUMBER_WORDS) + rf")[ ]+days?[ ]+ago{_E}",
            # Monday, last Monday, on Mon
            r"(?:(?:last|on|past)[ ]+)?(?P<weekday>" + either(_WEEKDAYS) + rf"){_E}",
            r"(?:last|on|past)[ ]+(?P<abbreviated>" + either(_WEEKDAY_ABBREVIATIONS) + rf")\.?{_E}",
            # "Thu: fuel 10$", "Fri lunch 6$": an abbreviation heading a line (checked in find_dates)
            r"(?P<leading>" + either(_WEEKDAY_ABBREVIATIONS) + rf")(?P<leading_mark>\.?[:,]|\.)?{_E}",
            # on the 25th, on 3rd; never "on the 3rd floor"
            rf"on[ ]+(?:the[ ]+)?(?P<oday>[0-3]?\d)(?:st|nd|rd|th){_E}(?!{_NOT_A_DAY_AFTER})",
        )
    )
    + ")",
    re.IGNORECASE,
)
_NUMERIC = re.compile(
    # 3/12, 3/12/2026, 03/12/26: day first, as Cambodia writes dates; "on 25/11" anywhere in a line
    r"(?:(?<![^\W_])(?P<non>on)[ ]+)?"
    r"(?<![\d./,:])(?P<nday>[0-3]?\d)/(?P<nmonth>[01]?\d)(?:/(?P<nyear>20\d\d|\d\d))?(?![\d/.,:])(?![ ]?[$៛])"
    # 2026-12-03
    r"|(?<![\d.-])(?P<iso>20\d\d-[01]\d-[0-3]\d)(?![\d-])"
)
_KHMER = re.compile(
    "|".join(
        (
            # ថ្ងៃទី៣ ខែធ្នូ ឆ្នាំ២០២៦, ៣ ធ្នូ, ទី៣ ខែ១២
            r"(?:ថ្ងៃ[ ]?)?(?:ទី[ ]?)?(?<!\d)(?P<kday>[0-3]?\d)[ ]?(?:(?:ខែ[ ]?)?"
            + _KHMER_MONTH
            + r"|ខែ[ ]?(?P<knmonth>[01]?\d)(?!\d))(?:[ ]?(?:ឆ្នាំ[ ]?)?(?P<kyear>20\d\d))?",
            # ២ថ្ងៃមុន: two days ago
            r"(?<!\d)(?P<kago>\d{1,2})[ ]?ថ្ងៃមុន",
            # ម្សិលមិញ, ថ្ងៃនេះ
            "(?:ថ្ងៃ[ ]?)?(?P<krelative>" + either(_KHMER_RELATIVE) + ")",
            # ថ្ងៃច័ន្ទ, ថ្ងៃសុក្រមុន (last Friday)
            "ថ្ងៃ[ ]?(?P<kweekday>" + either(_KHMER_WEEKDAYS) + ")(?:[ ]?មុន)?",
        )
    )
)
# Most lines name no day: a cheap look for the cue every phrase of a family has.
# The romanised ones are looked for by their first word ("msel minh", "tngai nis").
WORDS_NAMING_DAYS = frozenset(
    [*_MONTHS, *_WEEKDAYS, *_WEEKDAY_ABBREVIATIONS, *_ENGLISH_RELATIVE, "yesterday", "ago", "night"]
) | {"msel", "yub", "yup", "tngai", "thngai", "tgnai"}
_KHMER_CUES = ("ថ្ងៃ", "ម្សិល", "យប់", "ព្រឹក", "រសៀល", "ល្ងាច", "ខែ", *_KHMER_MONTHS)
_LATIN_WORD = re.compile(r"[a-z]+")
_ANY_KHMER = re.compile("[\u1780-\u17ff]")
_NUMERIC_CUE = re.compile(r"\d[/-]\d")
_ORDINAL_CUE = re.compile(r"\d(?:st|nd|rd|th)\b", re.IGNORECASE)
# An abbreviation heading a line is a weekday when marked ("Sun:") or capitalised; "sun cream" is not.
_NEVER_BARE = frozenset({"sun"})
# "1/2 kg": a fraction, not the 1st of February.
_UNIT_AFTER = re.compile(
    r"[ ]*(?:kg|g|gram|grams|l|liter|litre|liters|litres|ml|m|cm|km|box|boxes|bag|bags|pack|packs|cup|cups"
    r"|dozen|pcs|pieces|bottle|bottles|can|cans|of|ខ្សែ|គីឡូ|លីត្រ|កញ្ចប់|ដប|កំប៉ុង)(?![^\W_])",
    re.IGNORECASE,
)
_WORD_CHARACTER = re.compile(r"\w")
_NOT_LINE_END = re.compile(r"[^ .,:;!)\-]")


def _candidates(scan: str) -> list[re.Match[str]]:
    """Matches of the families whose cue the line has, in order of where they start."""
    matches: list[re.Match[str]] = []
    if not WORDS_NAMING_DAYS.isdisjoint(_LATIN_WORD.findall(scan.lower())) or _ORDINAL_CUE.search(scan):
        matches += _ENGLISH.finditer(scan)
    if _NUMERIC_CUE.search(scan):
        matches += _NUMERIC.finditer(scan)
    if _ANY_KHMER.search(scan) and any(cue in scan for cue in _KHMER_CUES):
        matches += _KHMER.finditer(scan)
    return sorted(matches, key=lambda match: match.start())


@dataclass(frozen=True, slots=True)
class DateMention:
    """Words of a message that name a day: where they stand, and the same day in dateparser's words."""

    start: int
    end: int
    words: str


def find_dates(line: str, mentions: Sequence[Mention] | None = None) -> list[DateMention]:
    """Every phrase in the line that names a day, in order; none that holds an amount ("May 5$").

    `mentions` are the line's numbers when the caller has scanned them already.
    """
    scan = line.translate(DIGITS_TO_ASCII)
    candidates = _candidates(scan)
    if not candidates:
        return []
    if mentions is None:
        mentions = scan_line(line)
    money = deque((mention.start, mention.end) for mention in mentions if mention.money_like)
    found: list[DateMention] = []
    for match in candidates:
        start, end = match.span()
        if found and start < found[-1].end:
            continue  # two families read the same words
        while money and money[0][1] <= start:
            money.popleft()  # candidates come in order of their start: amounts behind are done
        if money and money[0][0] < end:
            continue  # "May 5$", "៥ខែ ១២$": the number is an amount
        said = match.groupdict()
        dated = said.get("nyear") or said.get("non") or _stands_alone(scan, start, end)
        if said.get("nday") and not dated:
            continue  # "1/2 kg": a fraction
        if said.get("leading") and not _heads_the_line(scan, match):
            continue
        words = _words_of(match)
        if words is not None:
            found.append(DateMention(start, end, words))
    return found


def _stands_alone(scan: str, start: int, end: int) -> bool:
    """'3/12' is a date at the start or the end of a line, but '1/2 kg' is a fraction."""
    if _UNIT_AFTER.match(scan, end):
        return False
    # Searched, not sliced: a line of many dates is read in linear time.
    return _WORD_CHARACTER.search(scan, 0, start) is None or _NOT_LINE_END.search(scan, end) is None


def _heads_the_line(scan: str, match: re.Match[str]) -> bool:
    """'Thu: fuel 10$', 'Fri lunch 6$': a weekday's abbreviation first in the line, marked or
    capitalised ('sun cream 4$' is no Sunday)."""
    if scan[: match.start()].strip(" -•*"):
        return False
    word = match.group("leading")
    if match.group("leading_mark"):
        return True
    return word[:1].isupper() and word[1:].islower() and word.lower() not in _NEVER_BARE


def without_dates(text: str) -> str:
    """The text with its date phrases taken out, as a purpose needs it ("taxi yesterday")."""
    dates = find_dates(text)
    for mention in reversed(dates):
        text = text[: mention.start] + " " + text[mention.end :]
    return " ".join(text.split()) if dates else text


def _words_of(match: re.Match[str]) -> str | None:
    """The day in words dateparser reads one way only; None when the numbers make no date."""
    said = {name: text for name, text in match.groupdict().items() if text}
    if "day" in said:
        return _day_and_month(said["day"], _MONTHS[said["month"].lower()], said.get("year"))
    if "mday" in said:
        return _day_and_month(said["mday"], _MONTHS[said["mmonth"].lower()], said.get("myear"))
    if "nday" in said:
        year = said.get("nyear")
        return _day_and_month(
            said["nday"], int(said["nmonth"]), "20" + year if year and len(year) == 2 else year
        )
    if "kday" in said:
        month = _KHMER_MONTHS[said["kmonth"]] if "kmonth" in said else int(said["knmonth"])
        return _day_and_month(said["kday"], month, said.get("kyear"))
    if "ago" in said or "kago" in said:
        count = said.get("ago", said.get("kago", "")).lower()
        days = _NUMBER_WORDS[count] if count in _NUMBER_WORDS else int(count)
        return f"{days} days ago" if 0 < days <= 99 else None
    if "iso" in said:
        return said["iso"]
    if "before" in said:
        return "day before yesterday"
    if "relative" in said:
        return _ENGLISH_RELATIVE[" ".join(said["relative"].lower().split())]
    if "weekday" in said:
        return _WEEKDAYS[said["weekday"].lower()]
    if "abbreviated" in said:
        return _WEEKDAY_ABBREVIATIONS[said["abbreviated"].lower()]
    if "leading" in said:
        return _WEEKDAY_ABBREVIATIONS[said["leading"].lower()]
    if "oday" in said:
        return f"the {int(said['oday'])}th" if 1 <= int(said["oday"]) <= 31 else None
    if "krelative" in said:
        return _KHMER_RELATIVE[said["krelative"]]
    return _KHMER_WEEKDAYS[said["kweekday"]]


def _day_and_month(day: str, month: int, year: str | None) -> str | None:
    if not (1 <= int(day) <= 31 and 1 <= month <= 12):
        return None
    words = f"{int(day)} {_MONTH_NAMES[month - 1]}"
    return f"{words} {year}" if year else words


def read_with_dateparser(words: str, today: date, settings: Mapping[str, str]) -> date | None:
    """dateparser's day for the words (English and Khmer), seen from today and preferring the past.

    Only for words already known to name a day or a month: dateparser reads '3$' as a date.
    """
    import dateparser  # here, not at the top: its 70 ms would slow every `balance-bot parse` start

    base = datetime(today.year, today.month, today.day, 12)
    found = dateparser.parse(
        words,
        languages=["en", "km"],
        settings={
            "PREFER_DATES_FROM": "past",
            "RETURN_AS_TIMEZONE_AWARE": False,
            "RELATIVE_BASE": base,
            **settings,
        },
    )
    return found.date() if found is not None else None


@lru_cache(maxsize=4096)
def day_named(words: str, today: date) -> date | None:
    """The day the marked words name, seen from today in the team's time zone; None if no such day.

    A day without a year is the latest one not after today ("Dec 3" said in November is last
    December's); a weekday is the last one. Cached: a group names the same few days all day.
    """
    if ordinal := _ORDINAL_DAY.fullmatch(words):
        return _latest_day_numbered(int(ordinal.group(1)), today)
    return read_with_dateparser(words, today, {"DATE_ORDER": "DMY"})


_ORDINAL_DAY = re.compile(r"the (\d+)th")


def _latest_day_numbered(number: int, today: date) -> date | None:
    """'the 25th': this month's if it is not ahead, else last month's; None if that month has none."""
    year, month = (today.year, today.month) if number <= today.day else _month_before(today)
    try:
        return date(year, month, number)
    except ValueError:
        return None


def _month_before(day: date) -> tuple[int, int]:
    return (day.year - 1, 12) if day.month == 1 else (day.year, day.month - 1)


def load_date_reading() -> None:
    """Load dateparser and its English data now, so the first day named is read at once."""
    day_named("yesterday", date(2000, 1, 1))
