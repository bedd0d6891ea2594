"""Notices the bot sends on its own, not as a reply: the spent LLM budget, once a month."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from infrastructure.llm.expense_parser_client import BudgetReached
from infrastructure.telegram import texts

log = logging.getLogger(__name__)


class BudgetNotices:
    """Tells the group where it happened and each of ADMIN_USER_IDS that paid LLM calls stopped."""

    def __init__(self, admin_user_ids: frozenset[int]) -> None:
        self._admin_user_ids = admin_user_ids
        self._bot: Bot | None = None

    def attach(self, bot: Bot) -> None:
        """The bot to send with, once the application has started."""
        self._bot = bot

    async def budget_reached(self, reached: BudgetReached) -> None:
        """Send the notice; an admin who never opened a chat with the bot cannot be told privately."""
        if self._bot is None:
            log.warning("LLM budget for %s reached before the bot started", reached.month)
            return
        text = texts.budget_reached(reached)
        chats = [reached.chat_id] if reached.chat_id is not None else []
        for chat_id in [*chats, *sorted(self._admin_user_ids)]:
            try:
                await self._bot.send_message(chat_id, text)
            except TelegramError as exc:
                log.warning("could not tell chat %s that the LLM budget is spent: %s", chat_id, exc)
