"""`balance-bot check`'s look at the rate of the day: whether its source can be read now, and what it says."""

from __future__ import annotations

from balance_bot.rates.ports import RateSourceUnavailable
from infrastructure.rates.nbc import NbcRateSource
from infrastructure.settings import Settings

CHECK_TIMEOUT_SECONDS = 10.0


async def rate_source_said(settings: Settings) -> tuple[str, str]:
    """A verdict (OK, WARN, SKIP) and what the source shows, or what the bot does while it cannot be read."""
    if settings.rate_source == "fixed":
        return "SKIP", f"RATE_SOURCE=fixed: {settings.khr_per_usd} KHR per USD (KHR_PER_USD)"
    source = NbcRateSource(settings.rate_source_url, timeout_seconds=CHECK_TIMEOUT_SECONDS)
    try:
        rate = await source.published()
    except RateSourceUnavailable as exc:
        return "WARN", f"{exc}: the last rate known is used (KHR_PER_USD until one is)"
    finally:
        await source.close()
    if rate is None:
        return "OK", "the NBC's page shows no rate today: the last one published is used"
    return "OK", f"{rate.source} {rate.khr_per_usd} KHR per USD, published for {rate.day}"
