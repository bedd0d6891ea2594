"""Every button tap answered while Telegram still takes the answer, however long its work takes."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict

from telegram import Bot, CallbackQuery, Message, Update
from telegram.error import TelegramError

from infrastructure.telegram.confirmations import utf16_length

log = logging.getLogger(__name__)

CALLBACK_ANSWERS = "callback_answers"  # bot_data key: the chat queues tell it of each tap's arrival
# Telegram takes an answer for 10 to 15 s after the tap, and the member's button shows a progress bar
# until then: a handler that has its answer within this time gives it (with its alert, if any). It
# covers a workbook's save (2 s) before an Undo, and leaves the rest of Telegram's time to spare.
ANSWER_WITHIN_SECONDS = 4.0
# Telegram's longest answer to a button tap; a longer one is said in the chat instead.
MAX_ALERT_LENGTH = 200
_REMEMBERED = 1000  # taps answered by the watchdog, remembered so their handler knows it came too late


class CallbackAnswers:
    """A tap's answer comes from its handler when ready in time, else from a watchdog, empty.

    The chat queues call `arrived` as a tap comes in, before it waits behind its chat's other
    updates; the handler calls `answer` once it knows what to say. When the watchdog was first,
    `answer` says so (False) and the handler tells the group instead of the tapper."""

    def __init__(self, bot: Bot, within_seconds: float = ANSWER_WITHIN_SECONDS) -> None:
        self._bot = bot
        self.within_seconds = within_seconds
        self._waiting: dict[str, asyncio.TimerHandle] = {}
        self._answered_late: OrderedDict[str, None] = OrderedDict()
        self._tasks: set[asyncio.Task[None]] = set()

    def arrived(self, update: Update) -> None:
        """Start the tap's clock; an update that is not a tap, or one already waiting, is left alone."""
        query = update.callback_query
        if query is None or query.id in self._waiting:
            return
        loop = asyncio.get_running_loop()
        self._waiting[query.id] = loop.call_later(self.within_seconds, self._answer_empty, query.id)

    def forget(self, update: Update) -> None:
        """Leave a tap unanswered: from a group the bot does not serve, nothing is said."""
        query = update.callback_query
        if query is not None and (timer := self._waiting.pop(query.id, None)) is not None:
            timer.cancel()

    async def answer(
        self, query: CallbackQuery, text: str | None = None, *, show_alert: bool = False
    ) -> bool:
        """Answer the tap now; False when the watchdog answered it already (or Telegram no longer
        takes it), so that what the text says must reach the group another way."""
        timer = self._waiting.pop(query.id, None)
        if timer is not None:
            timer.cancel()
        elif query.id in self._answered_late:
            return False
        try:
            await query.answer(text, show_alert=show_alert)
        except TelegramError as exc:  # "query is too old": the work outlasted Telegram's patience
            log.info("a tap's answer came too late: %s", exc)
            self._remember_answered(query.id)
            return False
        return True

    async def tell_tapper(self, query: CallbackQuery, text: str) -> None:
        """An alert only the member who tapped sees, while Telegram takes one; else said in the chat."""
        if utf16_length(text) <= MAX_ALERT_LENGTH and await self.answer(query, text, show_alert=True):
            return
        await self.answer(query)
        if isinstance(query.message, Message):
            await query.message.reply_text(text)

    async def close(self) -> None:
        """Answer the taps still waiting (on shutdown), so no member's button spins on."""
        for query_id in list(self._waiting):
            self._answer_empty(query_id)
        if self._tasks:
            await asyncio.gather(*self._tasks, return_exceptions=True)

    def _answer_empty(self, query_id: str) -> None:
        self._waiting.pop(query_id, None)
        self._remember_answered(query_id)
        task = asyncio.get_running_loop().create_task(self._send_empty(query_id))
        self._tasks.add(task)
        task.add_done_callback(self._tasks.discard)

    def _remember_answered(self, query_id: str) -> None:
        self._answered_late[query_id] = None
        while len(self._answered_late) > _REMEMBERED:
            self._answered_late.popitem(last=False)

    async def _send_empty(self, query_id: str) -> None:
        try:
            await self._bot.answer_callback_query(query_id)
        except TelegramError as exc:
            log.info("a tap could not be answered: %s", exc)
