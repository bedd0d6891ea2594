"""ChecksBakong over aiohttp: Bakong Open API's check_transaction_by_md5, its answers mapped at this boundary.

Bakong answers 200 with `responseCode` 0 and the transaction for a QR paid, `responseCode` 1 with
`errorCode` 1 (not found) or 3 (failed) for one that is not; 401 (or `errorCode` 6) to a token expired
or wrong, and 403 to any address outside Cambodia.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from decimal import Decimal, InvalidOperation
from functools import partial
from typing import Any

import aiohttp

from balance_bot.domain.money import CURRENCIES, Currency, Money
from balance_bot.payments.qr_ports import BakongPayment, BakongRefusal, BakongRefused, BakongUnavailable

CHECK_PATH = "/v1/check_transaction_by_md5"
TIMEOUT_SECONDS = 10.0
_NOT_FOUND, _FAILED, _UNAUTHORIZED = 1, 3, 6  # Bakong's errorCodes
_read_json = partial(json.loads, parse_float=Decimal)  # amounts as Decimal from the start


class BakongClient:
    """Asks Bakong whether a QR was paid, with the operator's token; one connection pool, closed at stop.

    `session` may be given (a test's, another transport's); else the client makes its own.
    The token goes in the Authorization header only: no error or log line names it.
    """

    def __init__(
        self,
        api_url: str,
        token: str,
        session: aiohttp.ClientSession | None = None,
        timeout_seconds: float = TIMEOUT_SECONDS,
    ) -> None:
        self._url = api_url.rstrip("/") + CHECK_PATH
        self._headers = {"Authorization": f"Bearer {token}"}
        self._session = session
        self._owns_session = session is None
        self._timeout = aiohttp.ClientTimeout(total=timeout_seconds)

    def __repr__(self) -> str:
        return f"BakongClient({self._url!r})"

    async def paid(self, md5: str) -> BakongPayment | None:
        """The payment of the QR with this md5, or None while it has none."""
        if self._session is None:
            self._session = aiohttp.ClientSession(timeout=self._timeout)
        try:
            async with self._session.post(self._url, json={"md5": md5}, headers=self._headers) as response:
                status, body = response.status, await response.text()
        except (aiohttp.ClientError, TimeoutError) as exc:
            raise BakongUnavailable(f"{type(exc).__name__} asking {self._url}") from exc
        return answer(status, body)

    async def close(self) -> None:
        """Close the connections the client opened."""
        if self._session is not None and self._owns_session:
            await self._session.close()
        self._session = None


def answer(status: int, body: str) -> BakongPayment | None:
    """Bakong's answer as the core reads it: a payment, none yet, or why it cannot say."""
    if status == 401:
        raise BakongRefused(BakongRefusal.TOKEN, "HTTP 401: Bakong refused BAKONG_TOKEN (expired or wrong)")
    if status == 403:
        raise BakongRefused(
            BakongRefusal.OUTSIDE_CAMBODIA, "HTTP 403: Bakong answers only addresses in Cambodia"
        )
    try:
        read = _read_json(body)
    except ValueError as exc:
        raise BakongUnavailable(f"HTTP {status}, not JSON: {body[:80]!r}") from exc
    if not isinstance(read, dict) or "responseCode" not in read:
        raise BakongUnavailable(f"HTTP {status}, not Bakong's answer: {body[:80]!r}")
    code, error = read.get("responseCode"), read.get("errorCode")
    if code == 0 and status == 200:
        return _payment(read.get("data"))
    if error == _UNAUTHORIZED:
        raise BakongRefused(BakongRefusal.TOKEN, f"errorCode 6: {read.get('responseMessage')}")
    if code == 1 and error in (_NOT_FOUND, _FAILED):
        return None  # not paid (yet): a failed attempt leaves the QR payable
    raise BakongUnavailable(f"HTTP {status}, errorCode {error}: {read.get('responseMessage')}")


def _payment(data: Any) -> BakongPayment:
    """The transaction of a paid answer; an answer without one usable is no answer."""
    try:
        if not isinstance(data, dict):
            raise TypeError("no data")
        amount = data["amount"]
        if isinstance(amount, bool) or not isinstance(amount, int | Decimal | str):
            raise TypeError(f"amount {amount!r}")
        money = Money(Decimal(amount), Currency(str(data["currency"]).upper()))
        if money.currency not in CURRENCIES:
            raise ValueError(f"currency {money.currency}")
        paid_ms = data.get("acknowledgedDateMs") or data.get("createdDateMs")
        hash_ = data["hash"]
        if not isinstance(hash_, str) or not hash_ or money.amount <= 0:
            raise ValueError(f"hash {hash_!r}, amount {money}")
        return BakongPayment(
            hash=hash_,
            from_account=str(data.get("fromAccountId") or ""),
            to_account=str(data.get("toAccountId") or ""),
            money=money,
            description=str(data.get("description") or ""),
            paid_at=datetime.fromtimestamp(int(paid_ms) / 1000, UTC) if paid_ms else None,
        )
    except (KeyError, TypeError, ValueError, InvalidOperation) as exc:
        raise BakongUnavailable(f"a paid answer without a usable transaction: {exc}") from exc
