"""Confirmations out to the groups: at once when a chat is idle, merged when they pile up."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from dataclasses import dataclass

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import TelegramError

from infrastructure.telegram import texts

log = logging.getLogger(__name__)
# A message can carry many buttons; a burst of confirmations keeps the Undo buttons of the latest.
MAX_BUTTON_ROWS = 20


@dataclass(frozen=True, slots=True)
class Confirmation:
    """One saved message's confirmation: its text, its buttons, and whether a reaction may do."""

    chat_id: int
    reply_to_message_id: int
    text: str
    buttons: tuple[InlineKeyboardButton, ...]
    quiet: bool


class ConfirmationQueue:
    """Per chat, one confirmation in flight; what arrives meanwhile goes out as one message.

    Handlers never wait for Telegram here, so a burst never holds up reading the next updates,
    and the rate limiter's waits turn into fewer, fuller messages instead of a backlog.
    """

    def __init__(self, bot: Bot) -> None:
        self._bot = bot
        self._waiting: defaultdict[int, list[Confirmation]] = defaultdict(list)
        self._senders: dict[int, asyncio.Task[None]] = {}

    def submit(self, confirmation: Confirmation) -> None:
        """Queue a confirmation; it goes out as soon as the chat has nothing in flight."""
        self._waiting[confirmation.chat_id].append(confirmation)
        if confirmation.chat_id not in self._senders:
            task = asyncio.get_running_loop().create_task(self._send_all(confirmation.chat_id))
            self._senders[confirmation.chat_id] = task

    async def drain(self) -> None:
        """Wait until every queued confirmation has been sent (or given up)."""
        while self._senders:
            await asyncio.gather(*self._senders.values(), return_exceptions=True)

    async def _send_all(self, chat_id: int) -> None:
        try:
            while batch := self._waiting.pop(chat_id, []):
                try:
                    await self._send(chat_id, batch)
                except TelegramError as exc:
                    log.warning(
                        "could not deliver %d confirmation(s) in chat %s: %s", len(batch), chat_id, exc
                    )
        finally:
            del self._senders[chat_id]

    async def _send(self, chat_id: int, batch: list[Confirmation]) -> None:
        if len(batch) == 1 and batch[0].quiet:
            await self._bot.set_message_reaction(
                chat_id, batch[0].reply_to_message_id, texts.CONFIRM_REACTION
            )
            return
        first = batch[0]
        rows = [[button] for confirmation in batch for button in confirmation.buttons][-MAX_BUTTON_ROWS:]
        await self._bot.send_message(
            chat_id,
            first.text if len(batch) == 1 else texts.merged_confirmation([c.text for c in batch]),
            reply_parameters=ReplyParameters(first.reply_to_message_id, allow_sending_without_reply=True)
            if len(batch) == 1
            else None,
            reply_markup=InlineKeyboardMarkup(rows) if rows else None,
        )
