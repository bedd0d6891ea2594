"""The Mini App's server in the bot's own process: started with the bot, stopped with it."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta, tzinfo
from decimal import Decimal

from aiohttp import web
from aiohttp.web_protocol import RequestHandler
from telegram import Bot, ChatMemberRestricted, MenuButtonWebApp, WebAppInfo
from telegram.constants import ChatMemberStatus
from telegram.error import TelegramError

from balance_bot.balances.month_view import MonthView
from balance_bot.capture.service import CaptureService
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import Clock
from infrastructure.listening import listen_on
from infrastructure.webapp.server import (
    GroupsOf,
    Memberships,
    MonthRatesOf,
    Serves,
    WebAppConfig,
    build_webapp,
)

log = logging.getLogger(__name__)
SLOW_CLIENT_SECONDS = 10.0  # to send a whole request, or to send the next one on a kept connection
MAX_CONNECTIONS = 200  # past this, a new connection is closed at once: the proxy should cap its own


class MiniAppServer:
    """Serves the page and its API on WEBAPP_LISTEN:WEBAPP_PORT, behind the operator's https proxy."""

    def __init__(
        self,
        view: MonthView,
        capture: CaptureService,
        languages: ChatLanguages,
        clock: Clock,
        listen: str,
        port: int,
        auth_max_age: timedelta,
        timezone: tzinfo,
        khr_per_usd: Decimal,
        admin_user_ids: frozenset[int],
        url: str,
        serves: Serves,
        groups_of: GroupsOf | None = None,
        button_text: str = "📊 This month",
        slow_client_seconds: float = SLOW_CLIENT_SECONDS,
        max_connections: int = MAX_CONNECTIONS,
        rates: MonthRatesOf | None = None,
    ) -> None:
        self._rates = rates
        self._slow_client_seconds = slow_client_seconds
        self._max_connections = max_connections
        self._url = url
        self._serves = serves
        self._groups_of = groups_of
        self._button_text = button_text
        self._view = view
        self._capture = capture
        self._languages = languages
        self._clock = clock
        self._listen = listen
        self._port = port
        self._auth_max_age = auth_max_age
        self._timezone = timezone
        self._khr_per_usd = khr_per_usd
        self._admin_user_ids = admin_user_ids
        self._runner: web.AppRunner | None = None

    async def start(self, bot: Bot) -> None:
        """Serve, asking Telegram through the bot whether a viewer belongs to the group."""

        async def status(chat_id: int, user_id: int) -> str | None:
            try:
                member = await bot.get_chat_member(chat_id, user_id)
            except TelegramError as exc:  # no such user there, or the bot was removed
                log.info("getChatMember %s in %s: %s", user_id, chat_id, exc)
                return None
            if isinstance(member, ChatMemberRestricted) and not member.is_member:
                return str(ChatMemberStatus.LEFT)  # restricted, but no longer in the group
            return str(member.status)

        titles: dict[int, str | None] = {}

        async def title(chat_id: int) -> str | None:
            if chat_id not in titles:
                try:
                    titles[chat_id] = (await bot.get_chat(chat_id)).title
                except TelegramError:
                    titles[chat_id] = None
            return titles[chat_id]

        config = WebAppConfig(
            bot.token,
            self._auth_max_age,
            self._timezone,
            self._khr_per_usd,
            self._admin_user_ids,
            self._rates,
        )
        app = build_webapp(
            config,
            self._view,
            self._capture,
            Memberships(status),
            self._clock,
            self._languages,
            self._serves,
            groups_of=self._groups_of,
            title_of=title,
        )
        # No line per request in the bot's log. A client that has not sent a whole request within
        # the keep-alive time is dropped (aiohttp counts it from the connection), so 200 clients
        # trickling headers hold nothing for long; and there are at most so many connections.
        self._runner = web.AppRunner(app, access_log=None, keepalive_timeout=self._slow_client_seconds)
        await self._runner.setup()
        _cap_connections(self._runner, self._max_connections)
        await listen_on(self._runner, self._listen, self._port, "WEBAPP_LISTEN or WEBAPP_PORT")
        log.info("the Mini App is served on %s:%s", self._listen, self._port)
        try:  # private chats' menu button opens it, with a picker of the member's groups
            await bot.set_chat_menu_button(
                menu_button=MenuButtonWebApp(self._button_text, WebAppInfo(self._url))
            )
        except TelegramError as exc:
            log.warning("could not set the menu button to the Mini App: %s", exc)

    async def stop(self) -> None:
        """Stop serving."""
        if self._runner is not None:
            await self._runner.cleanup()


def _cap_connections(runner: web.AppRunner, most: int) -> None:
    """Close each connection made past `most` open ones, as soon as it is made."""
    server = runner.server
    assert server is not None
    made = server.connection_made

    def capped(handler: RequestHandler, transport: asyncio.Transport) -> None:
        made(handler, transport)
        if len(server.connections) > most:
            log.warning("the Mini App has %s connections open: a new one was closed", most)
            handler.force_close()
            transport.close()

    server.connection_made = capped  # type: ignore[method-assign]
