"""When a recurring cost falls: every n months on a day of the month, or every n weeks on a weekday."""

from __future__ import annotations

import calendar
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum


class Every(StrEnum):
    """The unit a schedule counts in; its value is how the database keeps it."""

    MONTH = "month"
    WEEK = "week"


# A schedule repeats at least once a year: "every 13 months" is a typo more likely than a cost.
MOST_MONTHS = 12
MOST_WEEKS = 52


@dataclass(frozen=True, slots=True)
class Schedule:
    """Every `interval` months on day `day` (1-31; a shorter month's last day stands for a later one),
    or every `interval` weeks on weekday `day` (0 is Monday). `first` is the first day it falls on,
    which fixes which weeks or months of the interval are its own."""

    every: Every
    interval: int
    day: int
    first: date

    def __post_init__(self) -> None:
        most = MOST_MONTHS if self.every is Every.MONTH else MOST_WEEKS
        if not 1 <= self.interval <= most:
            raise ValueError(f"an interval of {self.interval} {self.every}s is not a schedule")
        if self.every is Every.MONTH and not 1 <= self.day <= 31:
            raise ValueError(f"day {self.day} is no day of a month")
        if self.every is Every.WEEK and not 0 <= self.day <= 6:
            raise ValueError(f"weekday {self.day} is no weekday")

    @classmethod
    def starting_after(cls, every: Every, interval: int, day: int, today: date) -> Schedule:
        """The schedule whose first day is the first one after today that matches: a cost set up on
        its own day starts with the next one (today's may be in the sheet already, typed by hand)."""
        if every is Every.WEEK:
            ahead = (day - today.weekday() - 1) % 7 + 1
            return cls(every, interval, day, today + timedelta(days=ahead))
        this_month = _in_month(today.year, today.month, day)
        if this_month > today:
            return cls(every, interval, day, this_month)
        year, month = _months_on(today.year, today.month, 1)
        return cls(every, interval, day, _in_month(year, month, day))

    def days(self) -> Iterator[date]:
        """Every day it falls on, from the first, in order, without end."""
        if self.every is Every.WEEK:
            step = timedelta(weeks=self.interval)
            day = self.first
            while True:
                yield day
                day += step
        count = 0
        while True:
            year, month = _months_on(self.first.year, self.first.month, count * self.interval)
            yield _in_month(year, month, self.day)
            count += 1

    def between(self, after: date, until: date) -> list[date]:
        """The days it falls on after `after`, up to `until` included, in order."""
        found: list[date] = []
        for day in self.days():
            if day > until:
                return found
            if day > after:
                found.append(day)
        raise AssertionError("unreachable: days() never ends")

    def next_after(self, day: date) -> date:
        """The first day it falls on after `day`."""
        return next(falls for falls in self.days() if falls > day)


def _in_month(year: int, month: int, day: int) -> date:
    """The day in that month; the month's last day for a day it does not have (the 31st in April)."""
    return date(year, month, min(day, calendar.monthrange(year, month)[1]))


def _months_on(year: int, month: int, months: int) -> tuple[int, int]:
    """The year and month `months` after the given one."""
    index = year * 12 + (month - 1) + months
    return index // 12, index % 12 + 1
