"""The National Bank of Cambodia's exchange-rate page over aiohttp, read at this boundary.

A GET of www.nbc.gov.kh/english/economic_research/exchange_rate.php answers an HTML page naming the
day its rates are for ("Exchange Rate on : <font ...>2026-05-18</font>") and the official rate
("Official Exchange Rate : <font ...>4014</font> KHR / USD"); on a weekend or a holiday it shows the
last published day's, and from the afternoon the next working day's. A day without data shows "There is
no data available." The NBC offers no JSON for it; the page is what its site and the public clients read.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

import aiohttp

from balance_bot.domain.day_rates import NBC, RateOfDay
from balance_bot.rates.ports import RateSourceUnavailable

NBC_PAGE = "https://www.nbc.gov.kh/english/economic_research/exchange_rate.php"
TIMEOUT_SECONDS = 20.0
_TAGS = r"\s*(?:<[^>]*>\s*)*"  # the <font color=...> around a value, and the spaces
_DAY = re.compile(r"Exchange Rate on\s*:" + _TAGS + r"(\d{4}-\d{2}-\d{2})", re.IGNORECASE)
_RATE = re.compile(
    r"Official Exchange Rate\s*:" + _TAGS + r"([^<\s]*)" + _TAGS + r"KHR\s*/\s*USD", re.IGNORECASE
)
_NO_DATA = "There is no data available"
# A riel per dollar outside this is a misread page, not a rate (it has stayed near 4,000 since the 1990s).
_PLAUSIBLE = (Decimal(1000), Decimal(20000))


class NbcRateSource:
    """Reads the official rate from the NBC's page; one connection pool, closed at stop."""

    def __init__(
        self,
        url: str = NBC_PAGE,
        session: aiohttp.ClientSession | None = None,
        timeout_seconds: float = TIMEOUT_SECONDS,
    ) -> None:
        self._url = url
        self._session = session
        self._owns_session = session is None
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    def __repr__(self) -> str:
        return f"NbcRateSource({self._url!r})"

    async def published(self) -> RateOfDay | None:
        """The rate the page shows, for the day it names; None on a day it has no data."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.get(self._url) as response:
                status, body = response.status, await response.text(errors="replace")
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise RateSourceUnavailable(f"{type(exc).__name__} reading {self._url}") from exc
        if status != 200:
            raise RateSourceUnavailable(f"HTTP {status} from {self._url}")
        return read_page(body)

    async def close(self) -> None:
        """Close the connections the client opened."""
        if self._session is not None and self._owns_session:
            await self._session.close()
        self._session = None


def read_page(html: str) -> RateOfDay | None:
    """The page's day and official rate; None when it says it has no data; unavailable when it is not
    the page it should be."""
    day, rate = _DAY.search(html), _RATE.search(html)
    if (rate is None or not rate.group(1)) and _NO_DATA in html:
        return None
    if day is None or rate is None:
        raise RateSourceUnavailable("the page shows no official rate and no day (not the exchange-rate page)")
    try:
        khr_per_usd = Decimal(rate.group(1).replace(",", ""))
        published = date.fromisoformat(day.group(1))
    except (InvalidOperation, ValueError) as exc:
        raise RateSourceUnavailable(f"the official rate {rate.group(1)!r} is not a number") from exc
    if not _PLAUSIBLE[0] <= khr_per_usd <= _PLAUSIBLE[1]:
        raise RateSourceUnavailable(f"the official rate {khr_per_usd} is no rate of the riel")
    return RateOfDay(khr_per_usd, NBC, published)
