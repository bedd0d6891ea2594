"""The python-telegram-bot Application: built from the settings, with the handlers registered."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable, Sequence

from telegram import BotCommand
from telegram.ext import (
    AIORateLimiter,
    Application,
    CallbackQueryHandler,
    CommandHandler,
    MessageHandler,
    filters,
)

from balance_bot.capture import CaptureService
from balance_bot.connect import ConnectSheet
from infrastructure.health import beat
from infrastructure.settings import Settings
from infrastructure.telegram import texts
from infrastructure.telegram.aiohttp_request import AiohttpRequest
from infrastructure.telegram.confirmations import ConfirmationQueue
from infrastructure.telegram.handlers import BotHandlers, QuietChats

log = logging.getLogger(__name__)
Hook = Callable[[], Awaitable[None]]


def build_application(
    settings: Settings,
    capture: CaptureService,
    connect: ConnectSheet,
    quiet_chats: QuietChats,
    startups: Sequence[Hook] = (),
    cleanups: Sequence[Hook] = (),
) -> Application:  # type: ignore[type-arg]
    """The bot, talking to TELEGRAM_API_URL, within Telegram's rate limits."""
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is required to run the bot")
    confirmations: ConfirmationQueue | None = None
    background: list[asyncio.Task[None]] = []

    async def start(application: Application) -> None:  # type: ignore[type-arg]
        me = application.bot.bot
        if not me.can_read_all_group_messages:
            log.warning(texts.PRIVACY_WARNING)
        await application.bot.set_my_commands([BotCommand(name, about) for name, about in texts.COMMANDS])
        for startup in startups:
            await startup()
        # Owned here rather than by application.create_task, which expects a running application.
        background.append(asyncio.create_task(beat(settings.database_path.parent / "heartbeat")))
        log.info("balance-bot is running as @%s", me.username)

    async def stop(application: Application) -> None:  # type: ignore[type-arg]
        for task in background:
            task.cancel()
        if confirmations is not None:
            await confirmations.drain()
        for cleanup in cleanups:
            await cleanup()

    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(f"{settings.telegram_api_url}/bot")
        .base_file_url(f"{settings.telegram_api_url}/file/bot")
        .request(AiohttpRequest())
        # getUpdates has a connection of its own, so a long poll never holds up a reply.
        .get_updates_request(AiohttpRequest(connection_pool_size=1))
        .rate_limiter(AIORateLimiter(max_retries=3))
        .post_init(start)
        .post_stop(stop)
        .build()
    )
    confirmations = ConfirmationQueue(application.bot)
    handlers = BotHandlers(capture, connect, confirmations, quiet_chats, settings.admin_user_ids)
    groups: filters.BaseFilter = filters.ChatType.GROUPS
    if settings.allowed_chat_ids:
        groups = groups & filters.Chat(chat_id=settings.allowed_chat_ids)
    text = filters.TEXT & ~filters.COMMAND & ~filters.VIA_BOT
    application.add_handler(CommandHandler(["start", "help"], handlers.help))
    application.add_handler(CommandHandler("undo", handlers.undo_command, filters=groups))
    application.add_handler(CommandHandler("quiet", handlers.quiet_command, filters=groups))
    application.add_handler(CommandHandler("connect", handlers.connect_command, filters=groups))
    application.add_handler(MessageHandler(groups & text & filters.UpdateType.MESSAGE, handlers.group_text))
    application.add_handler(
        MessageHandler(groups & text & filters.UpdateType.EDITED_MESSAGE, handlers.group_edit)
    )
    application.add_handler(CallbackQueryHandler(handlers.undo_button, pattern=r"^undo:\d+$"))
    application.add_handler(CallbackQueryHandler(handlers.switch_button, pattern=r"^switch:\d+$"))
    return application
