"""What the rate of the day needs from adapters: a source that publishes rates, and a store that keeps them.

`DailyRates` is the port the rest of the core asks (approvals, balances): the rate of a day; `MonthRates`
the rates of a month's days at once (budgets).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from balance_bot.domain.day_rates import DayRates, RateOfDay


class RateSourceUnavailable(Exception):
    """The source could not be read (down, slow, an answer that is not its page): the message says how."""


class DailyRates(Protocol):
    """The rate of a day, as the core asks for it."""

    async def rate_on(self, day: date) -> RateOfDay | None:
        """The rate of that day: the last published on or before it; None when none is known."""
        ...


class MonthRates(Protocol):
    """The rates of a span of days at once, for amounts each added at its day's rate."""

    async def rates_for(self, first: date, last: date) -> DayRates:
        """The rates of the days from `first` to `last`."""
        ...


class RateSource(Protocol):
    """Where the day's rate is published."""

    async def published(self) -> RateOfDay | None:
        """The rate the source shows now, with the day it is for; None when it shows none.

        Raises RateSourceUnavailable when it cannot be read."""
        ...


@dataclass(frozen=True, slots=True)
class SourceHealth:
    """When the source was last read, and since when it cannot be, with the last error."""

    last_read: datetime | None = None
    failing_since: datetime | None = None
    last_error: str = ""


class RateStore(DailyRates, Protocol):
    """The rates kept, one per published day, and how reading the source went."""

    async def keep(self, rate: RateOfDay) -> None:
        """Keep a published rate (again: a day's rate read twice is kept once)."""
        ...

    async def rates_between(self, first: date, last: date) -> Sequence[RateOfDay]:
        """The published rates of these days, and the last one before them, oldest first."""
        ...

    async def earliest(self) -> RateOfDay | None:
        """The first rate ever kept."""
        ...

    async def read_at(self, when: datetime) -> None:
        """The source was read: it is failing no more."""
        ...

    async def failed_at(self, when: datetime, error: str) -> None:
        """The source could not be read; the first failure in a row is when it began failing."""
        ...

    async def health(self) -> SourceHealth:
        """How reading the source has gone."""
        ...
