"""The Confirm / Not ours buttons under a bank's notice that waits for an admin: they draw what the core
plans (the notice itself comes with the group's messages, read by BotHandlers.group_text)."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import Update
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import AdminCheck
from balance_bot.payments.recorded_once import NoticeTap, RecordedOnce
from infrastructure.telegram.button_taps import answer_tap, button_tap
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies

Answer = Callable[[int, int, AdminCheck], Awaitable[NoticeTap]]


class PaymentHandlers:
    """The taps on the buttons under a bank's notice."""

    def __init__(self, bot: BotHandlers, notices: RecordedOnce, callbacks: CallbackAnswers) -> None:
        self._bot = bot
        self._notices = notices
        self._callbacks = callbacks

    async def confirm_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Confirm under a notice: recorded for an admin's tap; a member is told alone."""
        await self._tapped(update, context, self._notices.confirm)

    async def not_ours_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Not ours under a notice: let go for an admin's tap, nothing recorded."""
        await self._tapped(update, context, self._notices.not_ours)

    async def _tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
        if (tapped := button_tap(update, context, self._bot.user_is_admin)) is None:
            return
        tap = await answer(tapped.message.chat_id, tapped.about, tapped.is_admin)
        text = PaymentReplies(Replies.of(tap.speech)).tapped(tap)
        await answer_tap(
            self._callbacks, tapped, text, privately=tap.privately, buttons_stay=tap.buttons_stay
        )
        if tap.said is not None:
            await self._bot.render(tapped.message, tap.said)
