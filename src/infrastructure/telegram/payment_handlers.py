"""A group's messages (a bank notice or an expense, as payments.group_messages plans them) and the Confirm /
Not ours buttons under a notice that waits for an admin: they draw what the core plans."""

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
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import AdminCheck
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.group_messages import GroupMessages
from balance_bot.payments.recorded_once import NoticeButton, NoticePlan, NoticeTap, RecordedOnce
from infrastructure.telegram.button_taps import answer_tap, button_tap
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, from_member
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies

CONFIRM_NOTICE, NOT_OURS = "ntok", "ntno"
_ACTIONS = {NoticeButton.CONFIRM: CONFIRM_NOTICE, NoticeButton.NOT_OURS: NOT_OURS}
Answer = Callable[[int, int, AdminCheck], Awaitable[NoticeTap]]


class PaymentHandlers:
    """A group message that holds a bank notice, and the taps on the buttons under one."""

    def __init__(
        self, bot: BotHandlers, messages: GroupMessages, notices: RecordedOnce, callbacks: CallbackAnswers
    ) -> None:
        self._bot = bot
        self._messages = messages
        self._notices = notices
        self._callbacks = callbacks

    async def group_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A member's message or caption: a bank notice or an expense, as the core plans it."""
        message = update.message
        said = from_member(message, update.effective_user)
        if message is None or said is None:
            return  # a bot, a channel's post, an automatic forward from the linked channel
        sender = forwarded_from(message.forward_origin)
        await self._draw(message, await self._messages.on_message(said.incoming, said.seen, sender))

    async def group_edit(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message or caption: its rows updated; a notice stays as first posted."""
        message = update.edited_message
        said = from_member(message, update.effective_user)
        if message is None or said is None:
            return
        plan = await self._messages.on_edit(said.incoming, said.seen)
        if plan is not None:
            await self._bot.render(message, plan)

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
            await self._draw(tapped.message, tap.said)

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
