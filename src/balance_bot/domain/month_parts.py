"""A part of a month said loosely: its start, middle or end ('the end of last month', 'early March',
ដើមខែ, ចុងខែមុន), read as its third of the days (1-10, 11-20, 21 to the last), with the days just
inside the other thirds its edge, which a member may have meant too."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from balance_bot.domain.dates import ENGLISH_MONTHS, KHMER_MONTHS, MONTH_NUMBERS
from balance_bot.domain.ledger import Period
from balance_bot.domain.text import either

_THIRD = 10  # days of a month's start and its middle; its end is the rest
_EDGE = 5  # days beyond a loosely said part that may be meant too
_PARTS = {
    "start": 0, "beginning": 0, "early": 0, "ដើម": 0, "derm": 0, "deum": 0,
    "middle": 1, "mid": 1, "កណ្តាល": 1, "កណ្ដាល": 1, "ពាក់កណ្តាល": 1, "ពាក់កណ្ដាល": 1,
    "end": 2, "late": 2, "ចុង": 2, "chong": 2, "jong": 2,
}  # fmt: skip
_PART = re.compile(
    r"\b(?:the\s+)?(?P<part>start|beginning|middle|mid|end|early|late)(?:\s+(?:of|in))?[\s-]+"
    rf"(?P<month>(?:the|this|last|previous)\s+month|{either(ENGLISH_MONTHS)})\b"
    r"|(?P<km>ពាក់កណ្តាល|ពាក់កណ្ដាល|ដើម|កណ្តាល|កណ្ដាល|ចុង|\bderm|\bdeum|\bchong|\bjong)\s?ខែ\s?"
    rf"(?P<km_month>នេះ|មុន|{either(KHMER_MONTHS)})?"
    r"|\b(?P<latin>derm|deum|chong|jong)\s+(?:khae|khe|kher|khea)(?:\s+(?P<latin_month>nis|nih|ni|mun|moun))?\b"
)


@dataclass(frozen=True, slots=True)
class MonthPart:
    """The days of the part of a month said, and the days at its edge."""

    first: date
    last: date
    near_first: date
    near_last: date


def month_part(said: str, today: date) -> tuple[MonthPart, str] | None:
    """The part of a month the words name, and the words without it; None when they name none."""
    found = _PART.search(said)
    if found is None:
        return None
    part = _PARTS[found["part"] or found["km"] or found["latin"]]
    period = _period(found["month"] or found["km_month"] or found["latin_month"] or "", part, today)
    first_day = period.first_day()
    last_day = period.next().first_day() - timedelta(days=1)
    first = first_day + timedelta(days=_THIRD * part)
    last = last_day if part == 2 else first + timedelta(days=_THIRD - 1)
    near = MonthPart(
        first,
        last,
        max(first_day, first - timedelta(days=_EDGE)),
        min(last_day, last + timedelta(days=_EDGE)),
    )
    return near, said[: found.start()] + " " + said[found.end() :]


def _period(month: str, part: int, today: date) -> Period:
    """The month named; unnamed ('ចុងខែ', the end of the month), the latest whose part has begun."""
    this = Period.of(today)
    if month in ("this month", "the month", "នេះ", "nis", "nih", "ni"):
        return this
    if month in ("last month", "previous month", "មុន", "mun", "moun"):
        return this.previous()
    if (number := MONTH_NUMBERS.get(month)) is not None:
        named = Period(today.year, number)
        return named if named <= this else Period(today.year - 1, number)
    return this if today.day > _THIRD * part else this.previous()
