"""Notices the bot sends on its own, not as a reply: the spent LLM budget, a sheet that refuses the rows."""

from __future__ import annotations

import logging

from telegram import Bot
from telegram.error import TelegramError

from balance_bot.capture.refusals import LedgerRefused
from balance_bot.groups.languages import ChatLanguages
from infrastructure.llm.cascade import BudgetReached
from infrastructure.telegram.group_replies import GroupReplies
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)


class BudgetNotices:
    """Tells the group where it happened and each of ADMIN_USER_IDS that paid LLM calls stopped."""

    def __init__(self, admin_user_ids: frozenset[int]) -> None:
        self._admin_user_ids = admin_user_ids
        self._bot: Bot | None = None
        self._languages: ChatLanguages | None = None

    def attach(self, bot: Bot, languages: ChatLanguages) -> None:
        """The bot to send with, and the groups' languages, once the application has started."""
        self._bot = bot
        self._languages = languages

    async def budget_reached(self, reached: BudgetReached) -> None:
        """Send the notice; an admin who never opened a chat with the bot cannot be told privately."""
        if self._bot is None or self._languages is None:
            log.warning("LLM budget for %s reached before the bot started", reached.month)
            return
        notices = (
            [(reached.chat_id, await self._languages.for_group(reached.chat_id))]
            if reached.chat_id is not None
            else []
        )
        # An operator's private chat says no language until they write; theirs is the default.
        notices += [(user_id, self._languages.default) for user_id in sorted(self._admin_user_ids)]
        for chat_id, speech in notices:
            try:
                await self._bot.send_message(
                    chat_id, GroupReplies(Replies.of(speech)).budget_reached(reached)
                )
            except TelegramError as exc:
                log.warning("could not tell chat %s that the LLM budget is spent: %s", chat_id, exc)

    async def sheet_refused(self, chat_id: int, refusal: LedgerRefused) -> None:
        """Tell the group, once (the delivery decides), that its sheet refuses the rows and what to do."""
        if self._bot is None or self._languages is None:
            log.warning("chat %s: the sheet refuses the rows before the bot started: %s", chat_id, refusal)
            return
        speech = await self._languages.for_group(chat_id)
        try:
            await self._bot.send_message(chat_id, Replies.of(speech).sheet_refused(refusal))
        except TelegramError as exc:
            log.warning("could not tell chat %s that its sheet refuses the rows: %s", chat_id, exc)
