"""The rate of the day wired: the NBC's page read (or none, RATE_SOURCE=fixed), the rates kept in SQLite."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.ports.clock import Clock
from balance_bot.rates.rates_of_days import RatesOfTheDay
from infrastructure.rates.nbc import NbcRateSource
from infrastructure.settings import Settings
from infrastructure.sqlite.daily_rates import SqliteRateStore
from infrastructure.sqlite.database import Database
from infrastructure.wiring.time_zone import time_zone


@dataclass
class RateParts:
    """The rates of the days, and the source's client, closed when the bot stops."""

    rates: RatesOfTheDay
    source: NbcRateSource | None

    async def close(self) -> None:
        """Close the source's connections."""
        if self.source is not None:
            await self.source.close()


def build_rates(settings: Settings, database: Database, clock: Clock) -> RateParts:
    """The rates kept in the bot's database, on its clock; KHR_PER_USD until a rate is known."""
    source = NbcRateSource(settings.rate_source_url) if settings.rate_source == "nbc" else None
    store = SqliteRateStore(database)
    rates = RatesOfTheDay(store, source, settings.khr_per_usd, clock, time_zone(settings))
    return RateParts(rates, source)
