"""KHQR top-ups in the group: /topup qr 50$ answered with the QR's photo, the Received button's taps, and
the watch's rounds on PTB's JobQueue; each draws what the core decided (payments.qr_top_ups, qr_watch)."""

from __future__ import annotations

import logging
import re

from telegram import (
    Bot,
    CallbackQuery,
    InlineKeyboardButton,
    InlineKeyboardMarkup,
    Message,
    ReplyParameters,
    Update,
)
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import Refused, TopUpUnclear
from balance_bot.domain.language import Speech
from balance_bot.payments.qr_ports import BakongRefusal
from balance_bot.payments.qr_top_ups import (
    QrAsked,
    QrCaption,
    QrChange,
    QrNotRecorded,
    QrNotSetUp,
    QrRequest,
    QrState,
    QrTapRefused,
    QrTopUps,
)
from balance_bot.payments.qr_watch import QrWatch
from balance_bot.ports import StorageUnavailable
from infrastructure.bakong.qr_image import qr_png
from infrastructure.telegram import khqr_texts
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
RECEIVED = "khqr_received"  # the Received button's callback data: the QR is the message it is under
# "/topup qr 50$", "/topup@balance_bot QR 200000៛": what this module answers instead of /topup.
QR_COMMAND = re.compile(r"^/topup(?:@\w+)?\s+qr(?:\s|$)", re.IGNORECASE)
ROUND_SECONDS = 5.0  # how often the JobQueue runs the watch's round; each QR is asked about when due


def caption_text(caption: QrCaption) -> str:
    """The QR's caption in the group's words."""
    replies = Replies.of(caption.speech)
    say, amount = replies.say, replies.amount(caption.money)
    time = replies.formats.digits(f"{caption.expires_at:%H:%M}")
    if caption.state is QrState.PAID:
        if caption.number is None or caption.month is None:
            return say(khqr_texts.PAID_NOT_IN_SHEET_YET, amount=amount)
        number = replies.formats.digits(str(caption.number))
        return say(khqr_texts.PAID, amount=amount, number=number, month=replies.period(caption.month))
    if caption.state is QrState.EXPIRED:
        return say(khqr_texts.EXPIRED, time=time)
    how = khqr_texts.WATCHED if caption.by_hand is None else khqr_texts.BY_HAND[caption.by_hand]
    return f"{say(khqr_texts.CAPTION, amount=amount, merchant=caption.merchant, time=time)}\n{say(how)}"


def caption_buttons(caption: QrCaption) -> InlineKeyboardMarkup | None:
    """The Received button, under a QR an admin confirms."""
    if not caption.received_button:
        return None
    label = Replies.of(caption.speech).say(khqr_texts.RECEIVED_BUTTON)
    return InlineKeyboardMarkup([[InlineKeyboardButton(label, callback_data=RECEIVED)]])


class KhqrHandlers:
    """/topup qr, the Received button, and the watch's rounds."""

    def __init__(
        self,
        bot: BotHandlers,
        top_ups: QrTopUps,
        watch: QrWatch,
        operators: frozenset[int],
        operators_speech: Speech,
        callbacks: CallbackAnswers | None = None,
    ) -> None:
        self._bot = bot
        self._top_ups = top_ups
        self._watch = watch
        self._operators = operators
        self._operators_speech = operators_speech
        self._callbacks = callbacks

    async def topup_qr(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/topup qr 50$: admins get the KHQR of that amount into the team's Bakong account."""
        message = await self._bot.from_admin(update, context)
        author = author_of(message, update.effective_user) if message is not None else None
        if message is None or author is None:
            return
        words = " ".join((context.args or [])[1:])  # after "qr"
        request = await self._top_ups.request(message.chat_id, words)
        if not isinstance(request, QrAsked):
            await self._bot.reply(message, await self._refusal(message, request))
            return
        caption = request.caption
        try:
            sent = await message.reply_photo(
                qr_png(request.khqr.text),
                caption=caption_text(caption),
                reply_markup=caption_buttons(caption),
                reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
            )
        except TelegramError as exc:
            log.warning("could not send the KHQR to chat %s: %s", message.chat_id, exc)
            return
        try:
            await self._top_ups.shown(message.chat_id, sent.message_id, request, author.id)
        except StorageUnavailable as exc:
            log.warning("the KHQR shown in chat %s could not be kept: %s", message.chat_id, exc)
            not_kept = Replies.of(caption.speech).say(khqr_texts.NOT_KEPT)
            await _edit(context.bot, message.chat_id, sent.message_id, not_kept, None)

    async def received(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Received tapped under a QR: an admin's tap records the payment; anyone else is told privately."""
        query = update.callback_query
        if query is None or not isinstance(query.message, Message):
            return
        chat_id, message_id, user = query.message.chat.id, query.message.message_id, query.from_user
        tap = await self._top_ups.received(
            chat_id,
            message_id,
            user.id,
            user.full_name,
            lambda: self._bot.user_is_admin(context, chat_id, user.id),
        )
        if isinstance(tap, QrTapRefused):
            await self._answer(query, Replies.of(tap.speech).say(khqr_texts.TAP_REFUSED[tap.reason]))
            return
        await self._answer(query, None)
        if isinstance(tap, QrNotRecorded):
            problem = Replies.of(tap.speech).reply_for(tap.problem, "")
            await self._bot.reply(query.message, problem or "")
            return
        await self._redraw(context.bot, tap)

    async def round(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback: one round of the watch."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """One round: the captions of the QRs paid, expired or handed to the admins redrawn; the
        operators told once that Bakong refuses the bot."""
        watched = await self._watch.round()
        for change in watched.changes:
            await self._redraw(bot, change)
        if watched.refused is not None:
            await self._tell_refused(bot, watched.refused, watched.changes)

    async def _tell_refused(self, bot: Bot, refused: BakongRefusal, changes: tuple[QrChange, ...]) -> None:
        """The operators, who can renew the token or move the bot; without any, the groups whose QRs
        were handed to their admins."""
        told = [(user_id, self._operators_speech) for user_id in sorted(self._operators)]
        if not told:
            told = list({change.chat_id: change.caption.speech for change in changes}.items())
        for chat_id, speech in told:
            try:
                await bot.send_message(chat_id, Replies.of(speech).say(khqr_texts.OPERATORS[refused]))
            except TelegramError as exc:
                log.warning("could not tell chat %s that Bakong refuses the bot: %s", chat_id, exc)

    async def _redraw(self, bot: Bot, change: QrChange) -> None:
        caption = change.caption
        await _edit(bot, change.chat_id, change.message_id, caption_text(caption), caption_buttons(caption))

    async def _refusal(self, message: Message, request: QrRequest) -> str:
        replies = await self._bot.replies_for(message)
        if isinstance(request, QrNotSetUp):
            return replies.say(khqr_texts.NOT_SET_UP)
        if isinstance(request, Refused):
            return replies.reply_for(request, "") or ""
        assert isinstance(request, TopUpUnclear)
        return replies.say(khqr_texts.HOW)

    async def _answer(self, query: CallbackQuery, text: str | None) -> None:
        """Answer the tap while Telegram takes it; a refusal too late for that is said in the chat."""
        callbacks = self._callbacks
        answered = callbacks is not None and await callbacks.answer(query, text, show_alert=text is not None)
        if not answered and text is not None and isinstance(query.message, Message):
            await self._bot.reply(query.message, text)


async def _edit(
    bot: Bot, chat_id: int, message_id: int, caption: str, markup: InlineKeyboardMarkup | None
) -> None:
    """A QR's caption and buttons redrawn; a QR deleted meanwhile is left alone."""
    try:
        await bot.edit_message_caption(
            chat_id=chat_id, message_id=message_id, caption=caption, reply_markup=markup
        )
    except TelegramError as exc:
        log.warning("could not redraw the KHQR %s in chat %s: %s", message_id, chat_id, exc)
