"""Webhook mode: Telegram gets its 200 for an update only once the update is kept, so a crash loses none.

PTB's own webhook server answers 200 as soon as the update is queued in memory; a bot killed
right after loses it, and Telegram never sends it again. Here each update is written to the
SQLite update inbox first, then answered, then handled in its chat's order; at start the inbox's
unhandled updates are handled first, as after a crash of the poller.
"""

from __future__ import annotations

import asyncio
import hmac
import json
import logging
from collections.abc import Sequence

from aiohttp import web
from telegram import Update
from telegram.ext import Application

from balance_bot.ports import StorageUnavailable
from infrastructure.listening import listen_on
from infrastructure.telegram.app import run_until_stopped
from infrastructure.telegram.chat_queues import ChatQueues, UpdateInbox

log = logging.getLogger(__name__)
SECRET_HEADER = "X-Telegram-Bot-Api-Secret-Token"
# An update is a few kilobytes; a larger body is no update of Telegram's.
MAX_BODY_BYTES = 1024 * 1024


class WebhookServer:
    """Receives updates on the webhook path: secret checked in constant time, kept, then handled."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        inbox: UpdateInbox,
        secret_token: str,
        url_path: str,
    ) -> None:
        self._application = application
        self._inbox = inbox
        self._secret = secret_token.encode()
        self._path = "/" + url_path.lstrip("/")
        self._chats = ChatQueues(application)
        self._runner: web.AppRunner | None = None

    async def start(
        self, listen: str, port: int, webhook_url: str, allowed_updates: Sequence[str] = Update.ALL_TYPES
    ) -> None:
        """Handle what was kept before a restart, serve the path, then tell Telegram where to post."""
        await self._chats.replay(self._inbox)
        app = web.Application(client_max_size=MAX_BODY_BYTES)
        app.router.add_post(self._path, self._receive)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        await listen_on(self._runner, listen, port, "WEBHOOK_LISTEN or WEBHOOK_PORT")
        await self._application.bot.set_webhook(
            webhook_url, secret_token=self._secret.decode(), allowed_updates=list(allowed_updates)
        )

    async def stop(self) -> None:
        """Stop receiving, then let the updates in hand be handled (the inbox keeps them meanwhile)."""
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None
        await self._chats.drain()

    async def _receive(self, request: web.Request) -> web.Response:
        given = request.headers.get(SECRET_HEADER, "").encode()
        if not hmac.compare_digest(given, self._secret):
            return web.Response(status=403)
        try:
            body = await request.text()
            data = json.loads(body)
        except (UnicodeDecodeError, json.JSONDecodeError, RecursionError):  # too large: 413, by aiohttp
            return web.Response(status=400)
        if not isinstance(data, dict) or not isinstance(data.get("update_id"), int):
            return web.Response(status=400)
        try:
            await self._inbox.keep([(data["update_id"], body)])
        except StorageUnavailable as exc:
            log.error("could not keep update %s; Telegram will send it again: %s", data["update_id"], exc)
            return web.Response(status=503)
        try:
            update = Update.de_json(data, self._application.bot)
        except Exception:  # kept, but PTB cannot read it: nothing to handle, and no reason to resend
            log.exception("update %s could not be read", data["update_id"])
            return web.Response(status=200)
        self._chats.dispatch(update)
        return web.Response(status=200)


def run_webhook(
    application: Application,  # type: ignore[type-arg]
    inbox: UpdateInbox,
    *,
    listen: str,
    port: int,
    url_path: str,
    webhook_url: str,
    secret_token: str,
) -> None:
    """Run the bot on its webhook until SIGINT or SIGTERM, with the application's start and stop."""
    server = WebhookServer(application, inbox, secret_token, url_path)

    async def serve(stop: asyncio.Event) -> None:
        await server.start(listen, port, webhook_url)
        await stop.wait()
        await server.stop()

    asyncio.run(run_until_stopped(application, serve))
