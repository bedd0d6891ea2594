"""python-telegram-bot's networking on aiohttp: the same Bot API calls for less CPU.

The bot makes two calls per expense (getUpdates, sendMessage). Through PTB, a sendMessage costs
about a fifth less CPU on aiohttp than on PTB's default httpx backend; `python -m bench.components`
prints both. PTB documents BaseRequest as the hook for another HTTP library; its own error handling (status
codes, RetryAfter, JSON) stays in BaseRequest.
"""

from __future__ import annotations

import aiohttp
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData


class AiohttpRequest(BaseRequest):
    """A BaseRequest on one aiohttp session with a bounded connection pool."""

    def __init__(
        self,
        connection_pool_size: int = 8,
        read_timeout: float | None = 5.0,
        write_timeout: float | None = 5.0,
        connect_timeout: float | None = 5.0,
        pool_timeout: float | None = 1.0,
    ) -> None:
        self._pool_size = connection_pool_size
        self._read_timeout = read_timeout
        self._write_timeout = write_timeout
        self._connect_timeout = connect_timeout
        self._pool_timeout = pool_timeout
        self._session: aiohttp.ClientSession | None = None

    @property
    def read_timeout(self) -> float | None:
        """The default time to wait for Telegram's answer."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session; proxies from the environment (HTTPS_PROXY) apply, as with PTB's default."""
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector, trust_env=True)

    async def shutdown(self) -> None:
        """Close the session and its connections."""
        if self._session is not None and not self._session.closed:
            await self._session.close()
        self._session = None

    async def do_request(
        self,
        url: str,
        method: str,
        request_data: RequestData | None = None,
        read_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        write_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        connect_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
        pool_timeout: ODVInput[float] = BaseRequest.DEFAULT_NONE,
    ) -> tuple[int, bytes]:
        """One HTTP request; failures become PTB's TimedOut and NetworkError."""
        if self._session is None:
            await self.initialize()
        assert self._session is not None
        timeout = aiohttp.ClientTimeout(
            total=None,
            connect=_or_default(pool_timeout, self._pool_timeout),
            sock_connect=_or_default(connect_timeout, self._connect_timeout),
            sock_read=_or_default(read_timeout, self._read_timeout),
        )
        try:
            async with self._session.request(
                method, url, data=_body_of(request_data), timeout=timeout
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut(f"Telegram did not answer in time: {exc!r}") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {exc!r}") from exc


def _or_default(value: ODVInput[float], default: float | None) -> float | None:
    return default if isinstance(value, DefaultValue) else value


def _body_of(request_data: RequestData | None) -> aiohttp.FormData | dict[str, str] | None:
    if request_data is None:
        return None
    if not request_data.contains_files:
        return request_data.json_parameters
    form = aiohttp.FormData()
    for name, value in request_data.json_parameters.items():
        form.add_field(name, value)
    for name, (filename, content, mime_type) in request_data.multipart_data.items():
        form.add_field(name, content, filename=filename, content_type=mime_type)
    return form
