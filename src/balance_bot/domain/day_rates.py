"""A day's KHR/USD rate, the rule that finds the rate of any day, and amounts added at their days' rates."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from balance_bot.domain.money import CENT, WHOLE, ZERO, Currency

NBC = "NBC"  # the National Bank of Cambodia's official exchange rate
FIXED = "fixed"  # KHR_PER_USD, the operator's own


@dataclass(frozen=True, slots=True)
class RateOfDay:
    """How many riel a dollar was worth on a day, by whom: NBC's rate published for `day`, or the
    operator's fixed rate (no day)."""

    khr_per_usd: Decimal
    source: str
    day: date | None = None

    def __post_init__(self) -> None:
        if not self.khr_per_usd.is_finite() or self.khr_per_usd <= 0:
            raise ValueError(f"a rate is a positive number of riel, got {self.khr_per_usd}")

    @property
    def published(self) -> bool:
        """Whether it is a published rate of a day, rather than the fixed one."""
        return self.day is not None

    def dollars(self, riel: Decimal) -> Decimal:
        """Riel in dollars at this rate, unrounded: sums are rounded once, at their end."""
        return riel / self.khr_per_usd

    def riel(self, dollars: Decimal) -> Decimal:
        """Dollars in whole riel at this rate."""
        return (dollars * self.khr_per_usd).quantize(WHOLE)


class DayRates:
    """The rates known for a span of days: a day's is the last one published on or before it (a weekend
    or holiday has Friday's, or the eve's); a day before any known has the earliest known; with none
    known, every day has the fallback (the fixed rate)."""

    def __init__(self, published: Iterable[RateOfDay], fallback: RateOfDay) -> None:
        self._rates = sorted((rate for rate in published if rate.day is not None), key=_day_of)
        self._days = [_day_of(rate) for rate in self._rates]
        self._fallback = fallback

    def on(self, day: date | None) -> RateOfDay:
        """The rate of that day; an undated row is counted at the latest rate known."""
        if not self._rates:
            return self._fallback
        if day is None:
            return self._rates[-1]
        at = bisect_right(self._days, day)
        return self._rates[at - 1] if at else self._rates[0]

    @property
    def latest(self) -> RateOfDay:
        """The last rate known (or the fallback)."""
        return self._rates[-1] if self._rates else self._fallback

    def used(self, days: Iterable[date | None]) -> list[RateOfDay]:
        """The distinct rates those days are counted at, in the order of their days."""
        seen: dict[RateOfDay, None] = {}
        for day in sorted(days, key=lambda day: day or date.max):
            seen.setdefault(self.on(day), None)
        return list(seen)


# What riel are counted at: one rate for every day (KHR_PER_USD, or a month's), or each day's own.
Rates = DayRates | Decimal


def khr_per_usd_on(rates: Rates, day: date | None) -> Decimal:
    """How many riel a dollar was worth on that day."""
    return rates.on(day).khr_per_usd if isinstance(rates, DayRates) else rates


def _day_of(rate: RateOfDay) -> date:
    assert rate.day is not None  # only published rates are kept
    return rate.day


def dollars_by_day(amounts: Mapping[date | None, Mapping[Currency, Decimal]], rates: DayRates) -> Decimal:
    """Each day's dollars and riel added in dollars, its riel at that day's rate; to the cent."""
    total = ZERO
    for day, spent in amounts.items():
        total += spent.get(Currency.USD, ZERO) + rates.on(day).dollars(spent.get(Currency.KHR, ZERO))
    return total.quantize(CENT)


def riel_by_day(amounts: Mapping[date | None, Mapping[Currency, Decimal]], rates: DayRates) -> Decimal:
    """The same in riel: each day's dollars at that day's rate, riel rounded to whole riel once."""
    total = ZERO
    for day, spent in amounts.items():
        total += spent.get(Currency.KHR, ZERO) + spent.get(Currency.USD, ZERO) * rates.on(day).khr_per_usd
    return total.quantize(WHOLE)


def per_day(
    rows: Sequence[tuple[date | None, Currency, Decimal]],
) -> dict[date | None, dict[Currency, Decimal]]:
    """Amounts (a row's day, its currency, its amount) summed per day and currency."""
    days: dict[date | None, dict[Currency, Decimal]] = {}
    for day, currency, amount in rows:
        spent = days.setdefault(day, {Currency.USD: ZERO, Currency.KHR: ZERO})
        spent[currency] = spent.get(currency, ZERO) + amount
    return days
