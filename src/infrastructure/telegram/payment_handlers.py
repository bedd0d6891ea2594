"""Handlers for bank notices posted in a group, before the message is read as an expense, and for the
Confirm / Not ours buttons under one that waits for an admin: they draw what payments.recorded_once plans."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import (
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageOrigin,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    Update,
)
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import AdminCheck
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.recorded_once import NoticeButton, NoticePlan, NoticeTap, RecordedOnce
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of, incoming_of
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies

CONFIRM_NOTICE, NOT_OURS = "ntok", "ntno"
_ACTIONS = {NoticeButton.CONFIRM: CONFIRM_NOTICE, NoticeButton.NOT_OURS: NOT_OURS}
Answer = Callable[[int, int, AdminCheck], Awaitable[NoticeTap]]


class PaymentHandlers:
    """A group message that holds a bank notice, and the taps on the buttons under one."""

    def __init__(self, bot: BotHandlers, notices: RecordedOnce, callbacks: CallbackAnswers) -> None:
        self._bot = bot
        self._notices = notices
        self._callbacks = callbacks

    async def group_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A member's message or caption: a bank notice as the core plans it; anything else as an expense."""
        message = update.message
        author = author_of(message, update.effective_user) if message is not None else None
        if message is None or author is None or (message.text or message.caption) is None:
            await self._bot.group_text(update, context)
            return
        incoming = incoming_of(message, author)
        plan = await self._notices.on_message(incoming, forwarded_from(message.forward_origin))
        if plan is None:
            await self._bot.group_text(update, context)
            return
        await self._draw(message, plan)

    async def group_edit(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message: a notice stays as first posted (its payment was read from the bank's words)."""
        message = update.edited_message
        text = (message.text or message.caption or "") if message is not None else ""
        if message is not None and self._notices.holds_notice(text, message.date):
            return
        await self._bot.group_edit(update, context)

    async def confirm_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Confirm under a notice: recorded for an admin's tap; a member is told alone."""
        await self._tapped(update, context, self._notices.confirm)

    async def not_ours_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Not ours under a notice: let go for an admin's tap, nothing recorded."""
        await self._tapped(update, context, self._notices.not_ours)

    async def _tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE, answer: Answer) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or not isinstance(query.message, Message):
            return
        message = query.message
        about = int(query.data.split(":", 1)[1])

        async def is_admin() -> bool:
            return await self._bot.user_is_admin(context, message.chat_id, user.id)

        tap = await answer(message.chat_id, about, is_admin)
        text = PaymentReplies(Replies.of(tap.speech)).tapped(tap)
        if tap.privately and text is not None:
            await self._callbacks.tell_tapper(query, text)
        else:
            await self._callbacks.answer(query, text)
        if not tap.buttons_stay:
            try:
                await query.edit_message_reply_markup(None)
            except BadRequest as exc:  # gone already: another admin's tap took them
                if "not modified" not in str(exc):
                    raise
        if tap.said is not None:
            await self._draw(message, tap.said)

    async def _draw(self, message: Message, plan: NoticePlan) -> None:
        """A recording's plan as any top-up's; a notice not recorded now, with its buttons if it waits."""
        if isinstance(plan, ReplyPlan):
            await self._bot.render(message, plan)
            return
        replies = PaymentReplies(Replies.of(plan.speech))
        buttons = [
            InlineKeyboardButton(replies.button(button), callback_data=f"{_ACTIONS[button]}:{plan.about}")
            for button in plan.buttons
        ]
        markup = InlineKeyboardMarkup([buttons]) if buttons else None
        await self._bot.reply(message, replies.said(plan.shown), markup)


def forwarded_from(origin: MessageOrigin | None) -> ForwardedFrom | None:
    """The account a forwarded message was first sent by, as the Bot API's forward_origin names it."""
    match origin:
        case MessageOriginUser(sender_user=sender):
            return ForwardedFrom(SenderKind.BOT if sender.is_bot else SenderKind.PERSON, sender.username)
        case MessageOriginHiddenUser():
            return ForwardedFrom(SenderKind.HIDDEN)
        case MessageOriginChat(sender_chat=chat) | MessageOriginChannel(chat=chat):
            return ForwardedFrom(SenderKind.CHAT, chat.username)
    return None
