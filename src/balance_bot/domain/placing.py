"""Which day each entry of a message is for, and which month's worksheet takes them (pure decisions; the
capture use case asks the ledger whether an earlier month is still open, when it matters)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from balance_bot.domain.dates import day_named
from balance_bot.domain.entry_checks import DateRefusal, DateRefused, Dating
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import Period


@dataclass(frozen=True, slots=True)
class Placed:
    """Where a message's entries go: each one's day, the month's worksheet, and what to tell."""

    days: list[date]
    period: Period
    dating: Dating


def days_of(entries: Sequence[ExpenseEntry], posted: date, max_days_back: int) -> list[date] | DateRefused:
    """Each entry's day: a named day is read from the day the message was posted; else that day."""
    days = []
    for entry in entries:
        day = day_named(entry.day_words, posted) if entry.day_words else posted
        if refused := date_refusal(day, posted, entry.day_words, max_days_back):
            return refused
        assert day is not None
        days.append(day)
    return days


def date_refusal(day: date | None, posted: date, words: str, max_days_back: int) -> DateRefused | None:
    """Why a day cannot be used (no such day, ahead of the posting, too far back), or None."""
    if day is None:
        return DateRefused(DateRefusal.NO_SUCH_DAY, None, max_days_back, words)
    if day > posted:
        return DateRefused(DateRefusal.FUTURE, day, max_days_back, words)
    if (posted - day).days > max_days_back:
        return DateRefused(DateRefusal.TOO_OLD, day, max_days_back, words)
    return None


def month_of(days: Sequence[date], max_days_back: int) -> Period | DateRefused:
    """The one month the days are in; one message's days in two months are refused."""
    months = {Period.of(day) for day in days}
    if len(months) > 1:
        return DateRefused(DateRefusal.MONTHS_MIXED, None, max_days_back)
    return months.pop()


def asks_if_open(period: Period, this_month: Period, *, named: bool) -> bool:
    """Whether the month's worksheet must be asked if it still takes expenses: a day named in an
    earlier month."""
    return named and period < this_month


def placed(days: list[date], period: Period, posted: date, this_month: Period, *, still_open: bool) -> Placed:
    """The days in their month's worksheet while it is open (`still_open`: asked when asks_if_open),
    else in this month's with their own dates."""
    if period < this_month and not still_open:
        return Placed(days, this_month, Dating(named=True, closed_month=period))
    return Placed(days, period, Dating(named=any(day != posted for day in days)))
