"""Handlers for questions to the ledger: /ask and mentions, /recent, /mine, /export, and the Confirm and
Cancel buttons of a change an admin asked for in words."""

from __future__ import annotations

import logging
from dataclasses import replace
from datetime import tzinfo
from decimal import Decimal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, MessageEntity, Update
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import ActionRefusal, ActionRefused
from balance_bot.capture.service import CaptureService
from balance_bot.domain.day_rates import Rates
from balance_bot.domain.language import answering
from balance_bot.domain.ledger import Period
from balance_bot.domain.months import month_named
from balance_bot.domain.questions import TopUpRequest, UndoRequest
from balance_bot.ports import LedgerError
from balance_bot.questions.ask import Answered, AskLedger, BudgetAnswer, CannotAnswer, ConfirmWrite
from balance_bot.rates.rates_of_days import RatesOfTheDay
from infrastructure.export.month_files import month_csv, month_xlsx
from infrastructure.telegram import ask_texts
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of, incoming_of
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
CONFIRM, CANCEL = "askok", "askno"


class AskHandlers:
    """Questions answered from the rows; a change asked for in words is done only on its admin's Confirm."""

    def __init__(
        self,
        bot: BotHandlers,
        ask: AskLedger,
        capture: CaptureService,
        khr_per_usd: Decimal,
        timezone: tzinfo,
        callbacks: CallbackAnswers,
        rates: RatesOfTheDay | None = None,
    ) -> None:
        self._rates = rates  # the rate of each row's day; without it, KHR_PER_USD
        self._callbacks = callbacks
        self._timezone = timezone
        self._bot = bot
        self._ask = ask
        self._capture = capture
        self._khr_per_usd = khr_per_usd

    async def _rates_of_days(self) -> Rates:
        """The rates of the year up to today, each row counted at its day's (a question may span months)."""
        if self._rates is None:
            return self._khr_per_usd
        return await self._rates.of_questions()

    async def ask_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/ask QUESTION: the answer, from the sheet as it stands."""
        message = update.message
        if message is None:
            return
        question = " ".join(context.args or [])
        if not question:
            await self._bot.reply(message, (await self._bot.replies_for(message)).say(ask_texts.ASK_HOW))
            return
        await self._answer(update, context, message, question)

    async def mentioned(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A message that mentions the bot with a question; any other is an ordinary message (an
        expense that names a member, or one addressed to the bot)."""
        message = update.message
        if message is None or message.text is None:
            return
        username = f"@{context.bot.username}".casefold()
        mentions = [
            message.parse_entity(entity)
            for entity in message.entities
            if entity.type == MessageEntity.MENTION and message.parse_entity(entity).casefold() == username
        ]
        question = message.text
        for mention in mentions:
            question = question.replace(mention, " ")
        asked = " ".join(question.split())
        if not mentions or not await self._answer(update, context, message, asked, mentioned=True):
            await self._bot.group_text(update, context)

    async def recent(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/recent: the last 10 entries."""
        message = update.message
        if message is None:
            return
        replies = await self._bot.replies_for(message)
        try:
            rows = await self._ask.recent(message.chat_id)
        except LedgerError as exc:
            await self._bot.reply(message, replies.balance_problem(exc))
            return
        await self._bot.reply(message, AskReplies(replies, await self._rates_of_days()).recent(rows))

    async def mine(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/mine: the member's entries this month."""
        message, user = update.message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or author is None:
            return
        replies = await self._bot.replies_for(message)
        try:
            found = await self._ask.mine(message.chat_id, author.id, author.name)
        except LedgerError as exc:
            await self._bot.reply(message, replies.balance_problem(exc))
            return
        period = Period.of(message.date.astimezone(self._timezone).date())
        await self._bot.reply(message, AskReplies(replies, await self._rates_of_days()).mine(found, period))

    async def export(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/export [month]: admins get the month as .xlsx and .csv, from the sheet as it stands."""
        message = await self._bot.from_admin(update, context)
        if message is None:
            return
        replies = await self._bot.replies_for(message)
        today = message.date.astimezone(self._timezone).date()
        period = month_named(" ".join(context.args or []), today)
        if period is None or period > Period.of(today):
            await self._bot.reply(message, replies.say(ask_texts.EXPORT_UNKNOWN_MONTH))
            return
        try:
            rows = await self._ask.month_rows(message.chat_id, period)
        except LedgerError as exc:
            await self._bot.reply(message, replies.balance_problem(exc))
            return
        title = period.title("%B %Y")
        name = f"{period.key()}-petty-cash"
        caption = replies.say(
            ask_texts.EXPORT_CAPTION,
            month=replies.period(period),
            count=replies.count(ask_texts.ROWS, len(rows)),
        )
        await message.reply_document(month_xlsx(title, rows), filename=f"{name}.xlsx", caption=caption)
        await message.reply_document(month_csv(rows), filename=f"{name}.csv")

    async def confirmed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Confirm or Cancel under a change an admin asked for: only that admin's tap counts."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or not isinstance(query.message, Message):
            return
        action, _, token = query.data.partition(":")
        message = query.message
        replies = await self._bot.replies_for(message)
        if action == CANCEL:
            done = self._ask.cancel(token, message.chat_id, user.id)
            said = replies.say(ask_texts.CANCELLED if done else ask_texts.CONFIRM_GONE)
            if not await self._callbacks.answer(query, said, show_alert=not done):
                await self._bot.reply(message, said)
            if done:
                await query.edit_message_reply_markup(None)
            return
        request = self._ask.confirm(token, message.chat_id, user.id)
        if request is None:
            if not await self._callbacks.answer(query, replies.say(ask_texts.CONFIRM_GONE), show_alert=True):
                await self._bot.reply(message, replies.say(ask_texts.CONFIRM_GONE))
            return
        await self._callbacks.answer(query)
        await query.edit_message_reply_markup(None)
        asked = message.reply_to_message or message
        author = author_of(asked, user) or author_of(message, user)
        if author is None:
            return
        incoming = replace(
            incoming_of(asked, author), text=request.text if isinstance(request, TopUpRequest) else ""
        )
        if isinstance(request, TopUpRequest):
            await self._bot.deliver(asked, await self._capture.top_up(incoming))
            return
        await self._undo(asked, request, user.id)

    async def _undo(self, asked: Message, request: UndoRequest, user_id: int) -> None:
        replies = await self._bot.replies_for(asked)
        try:
            message_id = await self._ask.message_of_row(
                asked.chat_id, Period.of(asked.date.astimezone(self._timezone).date()), request.number
            )
        except LedgerError as exc:
            await self._bot.reply(asked, replies.balance_problem(exc))
            return
        if message_id is None:
            await self._bot.reply(
                asked, replies.say(ask_texts.NO_SUCH_NUMBER, number=replies.formats.number(request.number))
            )
            return

        async def admin() -> bool:
            return True  # confirmed by the admin who asked

        outcome = await self._capture.undo(asked.chat_id, message_id, user_id, admin)
        if isinstance(outcome, ActionRefused) and outcome.reason is ActionRefusal.UNKNOWN:
            await self._bot.reply(
                asked, replies.say(ask_texts.NO_SUCH_NUMBER, number=replies.formats.number(request.number))
            )
            return
        await self._bot.deliver(asked, outcome)

    async def _answer(
        self,
        update: Update,
        context: ContextTypes.DEFAULT_TYPE,
        message: Message,
        question: str,
        *,
        mentioned: bool = False,
    ) -> bool:
        """Answer the question; False when it reads as no question and came with a mention (then it
        is read as an ordinary message)."""
        user = update.effective_user
        author = author_of(message, user)
        if author is None or user is None:
            return True
        replies = Replies.of(answering((await self._bot.replies_for(message)).speech, question))

        async def is_admin() -> bool:
            return await self._bot.is_admin(context, message, user.id)

        outcome = await self._ask.ask(message.chat_id, author.id, author.name, is_admin, question)
        if mentioned and isinstance(outcome, CannotAnswer):
            return False
        named_categories = isinstance(outcome, Answered | BudgetAnswer)
        book = await self._ask.categories(message.chat_id) if named_categories else None
        shown = replies.category_names(book) if book is not None else {}
        text = AskReplies(replies, await self._rates_of_days()).answer(outcome, shown)
        if isinstance(outcome, ConfirmWrite):
            confirm = InlineKeyboardButton(
                replies.say(ask_texts.CONFIRM_BUTTON), callback_data=f"{CONFIRM}:{outcome.token}"
            )
            cancel = InlineKeyboardButton(
                replies.say(ask_texts.CANCEL_BUTTON), callback_data=f"{CANCEL}:{outcome.token}"
            )
            buttons = InlineKeyboardMarkup([[confirm, cancel]])
            await message.reply_text(text, reply_markup=buttons)
            return True
        await self._bot.reply(message, text)
        return True
