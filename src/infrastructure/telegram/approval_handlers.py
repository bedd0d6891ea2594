"""Approve and Reject under a confirmation, the rejecting admin's reason, and the daily reminder: each
drawn as the core's Approvals plan it."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import Bot, CallbackQuery, InlineKeyboardMarkup, Message, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from balance_bot.approvals.decisions import ApprovalPlan, Approvals, Tapper
from infrastructure.telegram.approval_replies import ApprovalReplies
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of
from infrastructure.telegram.rendering import drawn_buttons
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
APPROVAL_REMINDERS = "approval reminders"  # bot_data key: the reminders' round, for tests and `run_once`
REMINDER_SECONDS = 600  # how often the reminders look at the clock: each group's hour comes within it

Handler = Callable[[Update, ContextTypes.DEFAULT_TYPE], Coroutine[Any, Any, None]]


class ApprovalHandlers:
    """Taps on Approve and Reject; the reason after a Reject; the reminders' round."""

    def __init__(self, bot: BotHandlers, approvals: Approvals, callbacks: CallbackAnswers) -> None:
        self._bot = bot
        self._approvals = approvals
        self._callbacks = callbacks

    async def approve(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Approve tapped under a confirmation."""
        await self._tapped(update, context, self._approvals.approve)

    async def reject(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Reject tapped under a confirmation."""
        await self._tapped(update, context, self._approvals.reject)

    def reading_reasons(self, then: Handler) -> Handler:
        """The group's messages: a rejecting admin's next one is the reason; every other goes on to `then`."""

        async def read(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
            message, user = update.message, update.effective_user
            author = author_of(message, user) if message is not None else None
            if message is not None and author is not None and message.text:
                plan = await self._approvals.reason(message.chat_id, author.id, message.text)
                if plan is not None:
                    text = ApprovalReplies(Replies.of(plan.speech)).outcome(plan.outcome)
                    await self._bot.reply(message, text)
                    return
            await then(update, context)

        return read

    async def remind(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """The reminders due now, each group's once a day at its hour."""
        for due in await self._approvals.reminders():
            text = ApprovalReplies(Replies.of(due.speech)).reminder(due)
            try:
                await bot.send_message(due.chat_id, text)
            except TelegramError as exc:
                log.warning("could not remind the admins of chat %s: %s", due.chat_id, exc)

    async def _tapped(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        decide: Callable[[int, int, Tapper], Awaitable[ApprovalPlan]],
    ) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or query.message is None:
            return
        chat_id, message_id = query.message.chat.id, int(query.data.split(":")[1])

        async def is_admin() -> bool:
            return await self._bot.user_is_admin(context, chat_id, user.id)

        async def only_admin() -> bool:
            """Whether the tapper is the group's one human admin: then they may approve their own."""
            try:
                admins = await context.bot.get_chat_administrators(chat_id)
            except TelegramError as exc:
                log.warning("could not list the admins of chat %s: %s", chat_id, exc)
                return False
            people = [admin.user.id for admin in admins if not admin.user.is_bot]
            return people == [user.id]

        plan = await decide(chat_id, message_id, Tapper(user.id, user.full_name, is_admin, only_admin))
        await self._draw(query, plan)

    async def _draw(self, query: CallbackQuery, plan: ApprovalPlan) -> None:
        """An alert for the tapper alone, or the group told, the confirmation's buttons redrawn."""
        replies = Replies.of(plan.speech)
        text = ApprovalReplies(replies).outcome(plan.outcome)
        if plan.privately:
            await self._callbacks.tell_tapper(query, text)
            return
        await self._callbacks.answer(query)
        message = query.message if isinstance(query.message, Message) else None
        if message is None:
            return
        if plan.buttons is not None:
            labelled = tuple((kind, replies.label(kind, plan.saved, {})) for kind in plan.buttons)
            about = plan.saved.message_id if plan.saved is not None else None
            drawn = drawn_buttons(labelled, about, self._bot.month_link_for(message))
            try:
                # No buttons left (a rejected expense): the keyboard is removed, as Telegram wants it.
                markup = InlineKeyboardMarkup([[button] for button in drawn]) if drawn else None
                await query.edit_message_reply_markup(markup)
            except TelegramError as exc:  # the confirmation is gone: the decision stands all the same
                log.info("could not redraw a confirmation's buttons in chat %s: %s", message.chat_id, exc)
        await message.reply_text(text)
