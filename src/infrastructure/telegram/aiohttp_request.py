"""python-telegram-bot's networking on aiohttp: the same Bot API calls for less CPU.

The bot makes two calls per expense (getUpdates, sendMessage). Through PTB, a sendMessage costs
about a fifth less CPU on aiohttp than on PTB's default httpx backend; `python -m bench.components`
prints both. PTB documents BaseRequest as the hook for another HTTP library; its own error handling (status
codes, RetryAfter, JSON) stays in BaseRequest.
"""

from __future__ import annotations

import asyncio

import aiohttp
from aiohttp.helpers import get_env_proxy_for_url
from telegram._utils.defaultvalue import DefaultValue
from telegram._utils.types import ODVInput
from telegram.error import NetworkError, TimedOut
from telegram.request import BaseRequest, RequestData
from yarl import URL

# A proxy for a server (its scheme, host and port), with the proxy's credentials.
Proxy = tuple[URL | None, aiohttp.BasicAuth | None]


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
        self._proxies: dict[str, Proxy] = {}

    @property
    def read_timeout(self) -> float | None:
        """The default time to wait for Telegram's answer."""
        return self._read_timeout

    async def initialize(self) -> None:
        """Open the session; proxies from the environment (HTTPS_PROXY) apply, as with PTB's default.

        They are looked up once per server, not by aiohttp for every request (trust_env): that read
        the environment and ~/.netrc on a thread twice per call, a fifth of each call's CPU.
        """
        if self._session is None or self._session.closed:
            connector = aiohttp.TCPConnector(limit=self._pool_size)
            self._session = aiohttp.ClientSession(connector=connector)

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
        proxy, proxy_auth = await self._proxy_for(url)
        try:
            async with self._session.request(
                method, url, data=_body_of(request_data), timeout=timeout, proxy=proxy, proxy_auth=proxy_auth
            ) as response:
                return response.status, await response.read()
        except TimeoutError as exc:
            raise TimedOut(f"Telegram did not answer in time: {exc!r}") from exc
        except aiohttp.ClientError as exc:
            raise NetworkError(f"aiohttp: {exc!r}") from exc

    async def _proxy_for(self, url: str) -> Proxy:
        """The environment's proxy for the URL's server (none when NO_PROXY spares it), read once."""
        server = "/".join(url.split("/", 3)[:3])
        if server not in self._proxies:
            self._proxies[server] = await asyncio.get_running_loop().run_in_executor(
                None, _environment_proxy, URL(server)
            )
        return self._proxies[server]


def _environment_proxy(server: URL) -> Proxy:
    try:
        return get_env_proxy_for_url(server)
    except LookupError:
        return None, None


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
