"""Which day each entry of a message is for, and which month's worksheet takes them."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol

from balance_bot.capture.outcomes import DateRefusal, DateRefused, Dating
from balance_bot.capture.policy import CapturePolicy
from balance_bot.domain.dates import day_named
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import Period, local_day
from balance_bot.ports import Clock


class OpenPeriods(Protocol):
    """Which months still take expenses in their own worksheet."""

    async def is_open(self, chat_id: int, period: Period) -> bool:
        """Whether an expense dated in the month goes to that month's worksheet."""
        ...


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a message's entries go: each one's day, the month's worksheet, and what to tell."""

    days: list[date]
    period: Period
    dating: Dating


class Placing:
    """Places a message's entries on their days and in a month's worksheet."""

    def __init__(self, clock: Clock, policy: CapturePolicy, periods: OpenPeriods | None = None) -> None:
        self._clock = clock
        self._policy = policy
        self._periods = periods

    async def place(
        self, chat_id: int, entries: Sequence[ExpenseEntry], posted: date
    ) -> Placed | DateRefused:
        """Each entry's day, and the month whose worksheet takes them.

        A named day is read from the day the message was posted. A day in an earlier month goes
        to that month while it is open, else to this month with its own date.
        """
        days = []
        for entry in entries:
            day = day_named(entry.day_words, posted) if entry.day_words else posted
            if refused := self._date_refusal(day, posted, entry.day_words):
                return refused
            assert day is not None
            days.append(day)
        return await self._in_month(chat_id, days, posted, named=any(entry.day_words for entry in entries))

    async def place_on(self, chat_id: int, day: date, posted: date) -> Placed | DateRefused:
        """One entry on a day known exactly (a bank's notice of it), placed as a day a member names is."""
        if refused := self._date_refusal(day, posted, ""):
            return refused
        return await self._in_month(chat_id, [day], posted, named=True)

    async def _in_month(
        self, chat_id: int, days: list[date], posted: date, *, named: bool
    ) -> Placed | DateRefused:
        months = {Period.of(day) for day in days}
        if len(months) > 1:
            return DateRefused(DateRefusal.MONTHS_MIXED, None, self._policy.max_days_back)
        period = months.pop()
        this_month = Period.of(local_day(self._clock.now(), self._policy.timezone))
        if named and period < this_month and not await self._is_open(chat_id, period):
            return Placed(days, this_month, Dating(named=True, closed_month=period))
        return Placed(days, period, Dating(named=any(day != posted for day in days)))

    def _date_refusal(self, day: date | None, posted: date, words: str) -> DateRefused | None:
        limit = self._policy.max_days_back
        if day is None:
            return DateRefused(DateRefusal.NO_SUCH_DAY, None, limit, words)
        if day > posted:
            return DateRefused(DateRefusal.FUTURE, day, limit, words)
        if (posted - day).days > limit:
            return DateRefused(DateRefusal.TOO_OLD, day, limit, words)
        return None

    async def _is_open(self, chat_id: int, period: Period) -> bool:
        if self._periods is None:
            return False  # no months kept: only this month's worksheet is known to be open
        return await self._periods.is_open(chat_id, period)
