"""The use case: the day's rate read from its source once a day, kept, and found for any day.

When the source cannot be read, the last rate known stands in; how long it has failed is kept for
`balance-bot status`. With no source (RATE_SOURCE=fixed) or nothing known yet, the fixed rate is used.
"""

from __future__ import annotations

import logging
from datetime import date, timedelta, tzinfo
from decimal import Decimal

from balance_bot.domain.day_rates import FIXED, DayRates, RateOfDay
from balance_bot.domain.ledger import Period
from balance_bot.ports.clock import Clock
from balance_bot.rates.ports import RateSource, RateSourceUnavailable, RateStore, SourceHealth

log = logging.getLogger(__name__)
QUESTIONS_REACH_DAYS = 366  # the rates of days read for a question; older rows count at the oldest


class RatesOfTheDay:
    """The rate of each day: the source's, kept in the store; the fixed rate when none is known."""

    def __init__(
        self, store: RateStore, source: RateSource | None, fixed: Decimal, clock: Clock, timezone: tzinfo
    ) -> None:
        self._store = store
        self._source = source
        self.fixed = RateOfDay(fixed, FIXED)
        self._clock = clock
        self._timezone = timezone

    def today(self) -> date:
        """The local date now."""
        return self._clock.now().astimezone(self._timezone).date()

    async def refresh_if_due(self) -> RateOfDay | None:
        """Read the source unless it was read today already (a restart does not read it again)."""
        if self._source is None:
            return None
        last_read = (await self._store.health()).last_read
        if last_read is not None and last_read.astimezone(self._timezone).date() >= self.today():
            return None
        return await self.refresh()

    async def refresh(self) -> RateOfDay | None:
        """Read the source now and keep what it publishes; None when it cannot be read or shows none."""
        if self._source is None:
            return None
        now = self._clock.now()
        try:
            published = await self._source.published()
        except RateSourceUnavailable as exc:
            log.warning("the rate of the day could not be read, the last one known stands: %s", exc)
            await self._store.failed_at(now, str(exc))
            return None
        if published is not None:
            await self._store.keep(published)
        await self._store.read_at(now)
        return published

    async def rate_on(self, day: date) -> RateOfDay:
        """The rate of that day: the last published on or before it, else the earliest known, else the
        fixed rate."""
        if self._source is None:
            return self.fixed
        return await self._store.rate_on(day) or await self._store.earliest() or self.fixed

    async def rate_today(self) -> RateOfDay:
        """Today's rate (the last published, on a weekend or holiday)."""
        return await self.rate_on(self.today())

    async def rate_of_month(self, period: Period) -> RateOfDay:
        """The rate a month's balance is told at: today's while it runs, its last day's once it is over."""
        return await self.rate_on(min(self.today(), period.last_day()))

    async def of_month(self, period: Period) -> tuple[DayRates, RateOfDay]:
        """The rates of a month's days (its spending each at its day's), and the rate it is told at."""
        return await self.rates_for(period.first_day(), period.last_day()), await self.rate_of_month(period)

    async def of_balance(self, period: Period | None) -> tuple[DayRates | None, RateOfDay]:
        """What /balance adds riel at: a month's days' rates and the one it is told at; for a member's
        figures (no month), today's rate alone."""
        if period is None:
            return None, await self.rate_today()
        return await self.of_month(period)

    async def of_questions(self) -> DayRates:
        """The rates of the year up to today, each row counted at its day's (a question may span months)."""
        today = self.today()
        return await self.rates_for(today - timedelta(days=QUESTIONS_REACH_DAYS), today)

    async def rates_for(self, first: date, last: date) -> DayRates:
        """The rates of a span of days (a month), read at once, for amounts each at their day's rate."""
        if self._source is None:
            return DayRates([], self.fixed)
        known = list(await self._store.rates_between(first, last))
        if not known:
            earliest = await self._store.earliest()
            known = [earliest] if earliest is not None else []
        return DayRates(known, self.fixed)

    async def health(self) -> SourceHealth:
        """How reading the source has gone."""
        return await self._store.health()
