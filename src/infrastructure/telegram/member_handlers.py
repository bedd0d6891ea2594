"""Handlers for members' money: /advance, /reimburse, /received, returned, /mybalance, /balance @member,
/settings and the reminders about old advances."""

from __future__ import annotations

import logging
from dataclasses import replace
from decimal import Decimal

from telegram import (
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    MessageEntity,
    Update,
    User,
)
from telegram.ext import ContextTypes

from balance_bot.domain.members import MovementKind, PaymentMode, given_back
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.members.movements import CashMovements, Named, PostedHere
from balance_bot.members.payments_question import PaymentsQuestion
from balance_bot.ports import SeenMember
from balance_bot.rates.rates_of_days import RatesOfTheDay
from infrastructure.telegram import approvals_texts, member_texts, texts
from infrastructure.telegram.approval_replies import ApprovalReplies
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of, incoming_of
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
PAYMENTS = "payments"  # the question's buttons: "payments:member", "payments:box"


class MemberHandlers:
    """Cash between the box and members, recorded in the group as rows of their own kind."""

    def __init__(
        self,
        bot: BotHandlers,
        movements: CashMovements,
        settings: GroupSettings,
        khr_per_usd: Decimal,
        payments: PaymentsQuestion | None = None,
        callbacks: CallbackAnswers | None = None,
        rates: RatesOfTheDay | None = None,
    ) -> None:
        self._rates = rates  # today's rate for a member's net; without it, KHR_PER_USD
        self._bot = bot
        self._movements = movements
        self._settings = settings
        self._khr_per_usd = khr_per_usd
        self._payments = payments
        self._callbacks = callbacks

    async def advance(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/advance @member 50$ market: admins record cash given to a member."""
        await self._admin_movement(update, context, MovementKind.ADVANCE)

    async def reimburse(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/reimburse @member 15$: admins record the box paying a member back."""
        await self._admin_movement(update, context, MovementKind.REIMBURSED)

    async def received(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/received @member 20$: admins record change a member gave back."""
        await self._admin_movement(update, context, MovementKind.RETURNED)

    async def returned(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/returned 20$ or 'returned 20$': a member records the change they gave back."""
        message, user = update.effective_message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or user is None or author is None or author.id != user.id:
            return  # an anonymous admin is nobody's member: they use /received @member
        said = _without_command(message)
        text = given_back(said)
        text = said if text is None else text
        member = PostedHere(SeenMember(user.id, author.name, user.username))
        incoming = replace(incoming_of(message, author), text=text)
        outcome = await self._movements.record(incoming, MovementKind.RETURNED, member)
        await self._bot.deliver(message, outcome)

    async def my_balance(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/mybalance: what the member holds of the team's cash this month, or is owed."""
        message, user = update.message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or user is None or author is None:
            return
        outcome = await self._movements.balance_of(
            message.chat_id, PostedHere(SeenMember(user.id, author.name, user.username))
        )
        replies = await self._bot.replies_for(message)
        rate = (
            (await self._rates.rate_on(self._rates.today())).khr_per_usd if self._rates else self._khr_per_usd
        )
        await self._bot.reply(message, MemberReplies(replies).member_balance(outcome, rate))
        if self._payments is not None and await self._payments.due(message.chat_id, outcome):
            await ask_payments(self._bot, message, replies)

    async def payments_answered(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A way tapped under the question: an admin's tap is the group's choice; anyone else is told
        it is for admins, and the buttons stay for them."""
        query = update.callback_query
        if query is None or query.data is None or self._payments is None:
            return
        if not isinstance(query.message, Message):  # too old a question to answer
            await self._answer(query, None)
            return
        chat_id, user_id = query.message.chat.id, query.from_user.id
        replies = await self._bot.replies_for(query.message)
        if not await self._bot.user_is_admin(context, chat_id, user_id):
            await self._answer(query, replies.say(texts.ADMINS_ONLY), alert=True)
            return
        chosen = await self._payments.answered(chat_id, PaymentMode(query.data.split(":", 1)[1]))
        await self._answer(query, None)
        await query.edit_message_text(MemberReplies(replies).payments_answered(chosen))

    async def _answer(self, query: CallbackQuery, text: str | None, *, alert: bool = False) -> None:
        """Answer the tap while Telegram takes it; a refusal too late for an alert is said in the chat."""
        answered = self._callbacks is not None and await self._callbacks.answer(query, text, show_alert=alert)
        if not answered and text is not None and isinstance(query.message, Message):
            await query.message.reply_text(text)

    async def settings(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/settings shows the group's choices; admins change them: payments member|box, reminders on|off,
        approve over AMOUNT|off|at HOUR."""
        message = update.message
        if message is None:
            return
        words = [word.casefold() for word in context.args or []]
        if words:
            message = await self._bot.from_admin(update, context)
            if message is None:
                return
            replies = await self._bot.replies_for(message)
            if not await self._change(message.chat_id, words):
                how = f"{replies.say(member_texts.SETTINGS_HOW)}\n{replies.say(approvals_texts.SETTINGS_HOW)}"
                await self._bot.reply(message, how)
                return
        replies = await self._bot.replies_for(message)
        shown = MemberReplies(replies).settings(await self._settings.of(message.chat_id))
        approvals = ApprovalReplies(replies).setting(await self._settings.approvals(message.chat_id))
        await self._bot.reply(message, f"{shown}\n{approvals}")

    async def _change(self, chat_id: int, words: list[str]) -> bool:
        match words:
            case ["payments", mode] if mode in {choice.value for choice in PaymentMode}:
                await self._settings.set_payment_mode(chat_id, PaymentMode(mode))
            case ["reminders", ("on" | "off") as on]:
                await self._settings.set_advance_reminders(chat_id, on == "on")
            case _:
                return await self._settings.change_approvals(chat_id, words)
        return True

    async def _admin_movement(
        self, update: Update, context: ContextTypes.DEFAULT_TYPE, kind: MovementKind
    ) -> None:
        message = await self._bot.from_admin(update, context)
        author = author_of(message, update.effective_user) if message is not None else None
        if message is None or author is None:
            return
        named = named_member(message, context.bot.id)
        text = _without_mention(_without_command(message), message)
        outcome = await self._movements.record(replace(incoming_of(message, author), text=text), kind, named)
        await self._bot.deliver(message, outcome)


def named_member(message: Message, bot_id: int) -> Named:
    """The members a command names: text mentions (members without @username) and @usernames, or the
    author of the message it replies to (not the bot's)."""
    mentioned: list[SeenMember | PostedHere | str] = []
    for entity in message.entities:
        if entity.type == MessageEntity.TEXT_MENTION and entity.user is not None:
            mentioned.append(_seen(entity.user))
        elif entity.type == MessageEntity.MENTION:
            mentioned.append(message.parse_entity(entity))
    if mentioned:
        return mentioned[0] if len(mentioned) == 1 else tuple(mentioned)
    replied = message.reply_to_message
    author = replied.from_user if replied is not None else None
    # A reply to the bot's own confirmation names nobody: the bot is no member.
    if author is None or author.is_bot or author.id == bot_id:
        return None
    return PostedHere(_seen(author))


def _seen(user: User) -> SeenMember:
    return SeenMember(user.id, user.full_name, user.username)


def _without_command(message: Message) -> str:
    """The text after the command ('/advance@balance_bot'), or the whole text."""
    text = message.text or message.caption or ""
    for entity in message.entities:
        if entity.type == MessageEntity.BOT_COMMAND and entity.offset == 0:
            return message.text[entity.length :].strip() if message.text else ""
    return text.strip()


def _without_mention(text: str, message: Message) -> str:
    """The text without the member's mention, so that only the amount and its note remain."""
    for entity in message.entities:
        if entity.type in (MessageEntity.MENTION, MessageEntity.TEXT_MENTION):
            text = text.replace(message.parse_entity(entity), " ", 1)
    return " ".join(text.split())


async def ask_payments(bot: BotHandlers, message: Message, replies: Replies) -> None:
    """The one question whose money pays, a button for each way; an admin's tap answers it."""
    buttons = [
        [InlineKeyboardButton(label, callback_data=f"{PAYMENTS}:{mode.value}")]
        for mode, label in MemberReplies(replies).payments_buttons()
    ]
    await bot.reply(message, MemberReplies(replies).payments_question(), InlineKeyboardMarkup(buttons))
