"""A RateStore in memory for the core's tests: the rates kept per day, and how reading the source went."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from balance_bot.domain.day_rates import RateOfDay
from balance_bot.rates.ports import SourceHealth


@dataclass
class FakeRateStore:
    """Keeps rates as SqliteRateStore does: one per day, the last published on or before a day found."""

    rates: dict[date, RateOfDay] = field(default_factory=dict)
    state: SourceHealth = field(default_factory=SourceHealth)

    async def keep(self, rate: RateOfDay) -> None:
        assert rate.day is not None
        self.rates[rate.day] = rate

    async def rate_on(self, day: date) -> RateOfDay | None:
        before = [known for known in sorted(self.rates) if known <= day]
        return self.rates[before[-1]] if before else None

    async def rates_between(self, first: date, last: date) -> list[RateOfDay]:
        before = await self.rate_on(first)
        within = [self.rates[day] for day in sorted(self.rates) if first < day <= last]
        return ([before] if before is not None else []) + within

    async def earliest(self) -> RateOfDay | None:
        return self.rates[min(self.rates)] if self.rates else None

    async def read_at(self, when: datetime) -> None:
        self.state = SourceHealth(last_read=when)

    async def failed_at(self, when: datetime, error: str) -> None:
        since = self.state.failing_since or when
        self.state = SourceHealth(self.state.last_read, since, error)

    async def health(self) -> SourceHealth:
        return self.state


@dataclass
class FakeRateSource:
    """A source that publishes what the test says, or fails as told; counts its reads."""

    shows: RateOfDay | None = None
    failure: str | None = None
    reads: int = 0

    async def published(self) -> RateOfDay | None:
        from balance_bot.rates.ports import RateSourceUnavailable

        self.reads += 1
        if self.failure is not None:
            raise RateSourceUnavailable(self.failure)
        return self.shows
