"""What an admin types after /recurring, read: list them, stop one, or a cost and when it falls.

Schedules are read as admins type them in English or Khmer ("monthly on 1", "every month on the 5th",
"weekly on Monday", "every 2 weeks", "រៀងរាល់ខែ ថ្ងៃទី១", "រៀងរាល់ថ្ងៃចន្ទ"); the words left over are
the cost, read by the parser as /topup reads its amount.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from balance_bot.domain.number_words import ENGLISH_UNITS, KHMER_UNITS
from balance_bot.domain.text import DIGITS_TO_ASCII, either, normalize_message
from balance_bot.recurring.schedules import MOST_MONTHS, MOST_WEEKS, Every


@dataclass(frozen=True, slots=True)
class ListCosts:
    """/recurring alone (or 'list'): the group's recurring costs."""


@dataclass(frozen=True, slots=True)
class StopCost:
    """/recurring stop 2: the cost numbered 2 ends."""

    number: int


@dataclass(frozen=True, slots=True)
class ScheduleWords:
    """A schedule as typed: its unit and interval; its day of the month or weekday (0 is Monday) when
    one was said; and the rest of the words, the cost itself ('rent 300$')."""

    every: Every
    interval: int
    day: int | None
    rest: str


@dataclass(frozen=True, slots=True)
class NotUnderstood:
    """Words that are none of these: the admin is shown how to say it."""


RecurringWords = ListCosts | StopCost | ScheduleWords | NotUnderstood

_LIST = {"", "list", "ls", "show", "បញ្ជី", "មើល"}
_STOP = re.compile(
    r"(?:stop|end|cancel|delete|remove|ឈប់|បញ្ឈប់|លុប|បោះបង់)\s*(?:no\.?\s*|#\s*|លេខ\s*)?([0-9]{1,9})",
    re.IGNORECASE,
)

_WEEKDAYS_EN = {
    "monday": 0,
    "mon": 0,
    "tuesday": 1,
    "tues": 1,
    "tue": 1,
    "wednesday": 2,
    "wed": 2,
    "thursday": 3,
    "thurs": 3,
    "thur": 3,
    "thu": 3,
    "friday": 4,
    "fri": 4,
    "saturday": 5,
    "sat": 5,
    "sunday": 6,
    "sun": 6,
}
_FULL_WEEKDAYS_EN = {name: day for name, day in _WEEKDAYS_EN.items() if name.endswith("day")}
# Khmer weekdays follow ថ្ងៃ ("day"): ចន្ទ alone is the moon, អាទិត្យ alone the week.
_WEEKDAYS_KM = {
    "ចន្ទ": 0,
    "អង្គារ": 1,
    "អង្គារ៍": 1,
    "ពុធ": 2,
    "ពុធន៍": 2,
    "ព្រហស្បតិ៍": 3,
    "ព្រហស្បត្តិ៍": 3,
    "ព្រហ": 3,
    "សុក្រ": 4,
    "សៅរ៍": 5,
    "សៅរិ៍": 5,
    "អាទិត្យ": 6,
}
# "every 2 weeks", "every two weeks", "every other week", "រៀងរាល់ពីរសប្តាហ៍": a count in digits or words.
_COUNTS = {
    **ENGLISH_UNITS,
    **KHMER_UNITS,
    "ដប់": 10,
    "ដប់មួយ": 11,
    "ដប់ពីរ": 12,
    "other": 2,
    "second": 2,
    "third": 3,
}
_COUNT = rf"(?P<count>[0-9]{{1,2}}|{either(_COUNTS)})"
_EVERY_EN = r"(?:every|each|per|a|once\s+a)"
_WEEK_KM = r"(?<!ថ្ងៃ)(?:សប្[តដ]ាហ៍|អាទិត្យ)"
_ONCE_KM = r"(?:\s*ម្[តដ]ង)"
_EVERY_KM = r"(?:ជា\s*)?(?:រៀង\s*)?រាល់"
# A number the parser would read as an amount: a currency follows it.
_NOT_AN_AMOUNT = r"(?![0-9]|[.,][0-9])(?!\s*(?:\$|៛|usd\b|khr\b|riels?\b|dollars?\b|bucks?\b|k\b|រៀល|ដុល្លា))"
_DAY = r"(?P<day>[0-9]{1,2})"
_ORDINAL = r"(?:st|nd|rd|th)"
_MONTH_EN = r"(?:the|each|every|a)\s+month"


@dataclass(frozen=True, slots=True)
class _Phrase:
    """One way of saying part of a schedule; what its match says (`count` and `day` read from it)."""

    pattern: re.Pattern[str]
    every: Every | None = None
    interval: int | None = None  # None: the match's count, else 1
    weekdays: dict[str, int] | None = None  # the match's `weekday` named in these words
    month_day: int | None = None  # a fixed day of the month (31 for its last day)


def _phrase(pattern: str, **says: object) -> _Phrase:
    return _Phrase(re.compile(pattern, re.IGNORECASE), **says)  # type: ignore[arg-type]


_WEEKDAY_EN = rf"(?P<weekday>{either(_WEEKDAYS_EN)})s?\b"
_WEEKDAY_KM = rf"(?:ថ្ងៃ\s*)(?P<weekday>{either(_WEEKDAYS_KM)})"
_WEEKDAY_KM_ALONE = rf"(?P<weekday>{either(day for day in _WEEKDAYS_KM if day != 'អាទិត្យ')})"
# In the order they are looked for: a longer way of saying it before the shorter one inside it.
_PHRASES = (
    # "1st of every month", "on the 5th of each month", "day 5 of the month"
    _phrase(
        rf"\b(?:on\s+)?(?:the\s+)?(?:day\s+)?{_DAY}{_ORDINAL}?\s+(?:day\s+)?of\s+{_MONTH_EN}\b",
        every=Every.MONTH,
    ),
    _phrase(
        rf"\b(?:on\s+)?(?:the\s+)?(?:last\s+day|end)\s+of\s+{_MONTH_EN}\b|\bmonth[- ]?end\b",
        every=Every.MONTH,
        month_day=31,
    ),
    _phrase(r"\b(?:on\s+)?the\s+last\s+day\b", month_day=31),
    # "every other Friday", "every 2 Mondays", "every Monday", "on Mondays"
    _phrase(rf"\b{_EVERY_EN}\s+(?:{_COUNT}\s+)?{_WEEKDAY_EN}", every=Every.WEEK, weekdays=_WEEKDAYS_EN),
    _phrase(rf"\bon\s+{_WEEKDAY_EN}", weekdays=_WEEKDAYS_EN),
    _phrase(rf"\b(?P<weekday>{either(_FULL_WEEKDAYS_EN)})s?\b", weekdays=_FULL_WEEKDAYS_EN),
    _phrase(r"\b(?:bi-?weekly|fortnightly|(?:every|each)\s+fortnight)\b", every=Every.WEEK, interval=2),
    _phrase(rf"\bevery\s+{_COUNT}\s+weeks?\b", every=Every.WEEK),
    _phrase(rf"\b(?:weekly|{_EVERY_EN}\s+week)\b", every=Every.WEEK, interval=1),
    _phrase(r"\bquarterly\b", every=Every.MONTH, interval=3),
    _phrase(rf"\bevery\s+{_COUNT}\s+months?\b", every=Every.MONTH),
    _phrase(rf"\b(?:monthly|{_EVERY_EN}\s+month)\b|/\s*month\b", every=Every.MONTH, interval=1),
    # "on 1", "on the 1st", "on day 5", "the 5th", "day 5"
    _phrase(rf"\bon\s+(?:the\s+)?(?:day\s+)?{_DAY}{_ORDINAL}?\b{_NOT_AN_AMOUNT}"),
    _phrase(rf"\b(?:the\s+)?{_DAY}{_ORDINAL}\b"),
    _phrase(rf"\bday\s+{_DAY}\b{_NOT_AN_AMOUNT}"),
    # Khmer: "រៀងរាល់ថ្ងៃចន្ទ", "នៅថ្ងៃសុក្រ", "រៀងរាល់ ២ សប្តាហ៍", "ពីរអាទិត្យម្តង", "រៀងរាល់ខែ", "ថ្ងៃទី១"
    _phrase(rf"{_EVERY_KM}\s*(?:នៅ\s*)?{_WEEKDAY_KM}", every=Every.WEEK, weekdays=_WEEKDAYS_KM),
    # After រាល់ a weekday needs no ថ្ងៃ ("រៀងរាល់អង្គារ"), but អាទិត្យ alone there is the week.
    _phrase(rf"{_EVERY_KM}\s*{_WEEKDAY_KM_ALONE}", every=Every.WEEK, weekdays=_WEEKDAYS_KM),
    _phrase(rf"(?:នៅ\s*)?{_WEEKDAY_KM}", weekdays=_WEEKDAYS_KM),
    _phrase(rf"{_EVERY_KM}\s*{_COUNT}\s*{_WEEK_KM}{_ONCE_KM}?", every=Every.WEEK),
    _phrase(rf"{_COUNT}\s*{_WEEK_KM}{_ONCE_KM}", every=Every.WEEK),
    _phrase(rf"{_EVERY_KM}\s*{_WEEK_KM}|ប្រចាំ\s*{_WEEK_KM}", every=Every.WEEK, interval=1),
    _phrase(r"(?:នៅ\s*)?(?:ថ្ងៃ\s*)?ចុង\s*ខែ", every=Every.MONTH, month_day=31),
    _phrase(rf"{_EVERY_KM}\s*{_COUNT}\s*ខែ{_ONCE_KM}?", every=Every.MONTH),
    _phrase(rf"{_COUNT}\s*ខែ{_ONCE_KM}", every=Every.MONTH),
    _phrase(rf"{_EVERY_KM}\s*ខែ|ប្រចាំ\s*ខែ", every=Every.MONTH, interval=1),
    _phrase(rf"(?:នៅ\s*)?(?:ថ្ងៃ\s*)?ទី\s*{_DAY}(?![0-9])"),
)
# Words that only join a schedule to the cost: left over once the schedule is taken out.
_JOINING = {
    "on",
    "the",
    "of",
    "at",
    "every",
    "each",
    "from",
    "starting",
    "and",
    ",",
    "-",
    "នៅ",
    "ជា",
    "រៀងរាល់",
}


def read_recurring(words: str) -> RecurringWords:
    """What the words after /recurring ask for."""
    written = normalize_message(words).strip()
    scan = written.translate(DIGITS_TO_ASCII)  # one for one: a span in scan is the same in written
    if scan.casefold() in _LIST:
        return ListCosts()
    if stop := _STOP.fullmatch(scan):
        return StopCost(int(stop.group(1)))
    return _schedule(written, scan)


def _schedule(written: str, scan: str) -> ScheduleWords | NotUnderstood:
    """The schedule the words say, and the words left for the cost; NotUnderstood for none, or for
    words that say two things ("monthly on Monday", "weekly every 2 weeks")."""
    said: dict[str, int | Every] = {}
    taken = [False] * len(scan)
    for phrase in _PHRASES:
        for match in phrase.pattern.finditer(scan):
            if any(taken[match.start() : match.end()]):
                continue
            facts = _facts(phrase, match)
            if facts is None or any(said.get(name, value) != value for name, value in facts.items()):
                return NotUnderstood()
            said |= facts
            taken[match.start() : match.end()] = [True] * (match.end() - match.start())
    every = said.get("every")
    if "weekday" in said:
        every = every or Every.WEEK
    elif "month_day" in said:
        every = every or Every.MONTH
    if not isinstance(every, Every) or ("weekday" in said and "month_day" in said):
        return NotUnderstood()
    if (every is Every.WEEK and "month_day" in said) or (every is Every.MONTH and "weekday" in said):
        return NotUnderstood()
    interval = int(said.get("interval", 1))
    if interval > (MOST_MONTHS if every is Every.MONTH else MOST_WEEKS):
        return NotUnderstood()
    day = said.get("weekday", said.get("month_day"))
    rest = "".join(" " if taken[index] else char for index, char in enumerate(written))
    return ScheduleWords(every, interval, None if day is None else int(day), _without_joining(rest))


def _facts(phrase: _Phrase, match: re.Match[str]) -> dict[str, int | Every] | None:
    """What one phrase says; None for a day no month has."""
    facts: dict[str, int | Every] = {}
    if phrase.every is not None:
        facts["every"] = phrase.every
    groups = match.groupdict()
    if phrase.interval is not None:
        facts["interval"] = phrase.interval
    elif groups.get("count"):
        count = groups["count"].casefold()
        interval = int(count) if count.isdigit() else _COUNTS[count]
        if interval < 1:
            return None
        facts["interval"] = interval
    elif phrase.every is not None:
        facts["interval"] = 1
    if phrase.weekdays is not None and groups.get("weekday"):
        facts["weekday"] = phrase.weekdays[groups["weekday"].casefold()]
    if phrase.month_day is not None:
        facts["month_day"] = phrase.month_day
    elif groups.get("day"):
        day = int(groups["day"])
        if not 1 <= day <= 31:
            return None
        facts["month_day"] = day
    return facts


def _without_joining(rest: str) -> str:
    """The cost's words, without the joining words a schedule left behind at either end."""
    tokens = rest.split()
    while tokens and tokens[0].casefold() in _JOINING:
        tokens.pop(0)
    while tokens and tokens[-1].casefold() in _JOINING:
        tokens.pop()
    return " ".join(tokens)
