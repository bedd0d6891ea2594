"""Photos and image files posted in a group without an amount in their caption, read in the background (the
chat's other messages are not held up), and the Save / Edit buttons under a proposal: they draw what the
core's PhotoExpenses plans."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import replace

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.constants import ChatAction
from telegram.error import BadRequest, TelegramError
from telegram.ext import Application, CallbackQueryHandler, ContextTypes, MessageHandler, filters

from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.ports import PostedImage
from balance_bot.receipts.photos import (
    AmountAsked,
    NoAmountRead,
    PhotoButton,
    PhotoExpenses,
    PhotoPlan,
    PhotoReply,
    PostedPhoto,
    ProposalTap,
    Proposed,
    TapResult,
    Unreadable,
)
from infrastructure.telegram import receipts_texts
from infrastructure.telegram.button_taps import answer_tap, button_tap
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.handlers import BotHandlers, author_of
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
SAVE, EDIT = "rcsave", "rcedit"
_ACTIONS = {PhotoButton.SAVE: SAVE, PhotoButton.EDIT: EDIT}
DOWNLOAD_LIMIT = 20 * 1024 * 1024  # the Bot API's: a bot cannot download a larger file
READABLE_TYPES = ("image/jpeg", "image/png", "image/webp")
PHOTO_AS_FILE_TYPES = ("image/heic", "image/heif")  # an iPhone's: the chat converts them when sent as a photo
# The images the receipts read, and the HEIC files they ask to be sent as photos.
IMAGES = filters.PHOTO | filters.Document.MimeType("image/jpeg") | filters.Document.MimeType("image/png")
IMAGES = IMAGES | filters.Document.MimeType("image/webp") | filters.Document.MimeType("image/heic")
IMAGES = IMAGES | filters.Document.MimeType("image/heif") | filters.Document.FileExtension("heic")


class _CaptionWithoutAmount(filters.MessageFilter):
    """An image whose caption, if any, holds no amount: one with an amount is read as a text expense."""

    def __init__(self, has_amount: Callable[[str], bool]) -> None:
        super().__init__(name="CaptionWithoutAmount")
        self._has_amount = has_amount

    def filter(self, message: Message) -> bool:
        return message.caption is None or not self._has_amount(message.caption)


def attach(application: Application, receipts: ReceiptHandlers, groups: filters.BaseFilter) -> None:  # type: ignore[type-arg]
    """The images' handler (ahead of the captions' text handler) and the proposals' buttons."""
    without_amount = _CaptionWithoutAmount(receipts.caption_has_amount)
    images = groups & IMAGES & filters.UpdateType.MESSAGE & without_amount
    application.add_handler(MessageHandler(images, receipts.image_posted))
    for action, tapped in ((SAVE, receipts.save_tapped), (EDIT, receipts.edit_tapped)):
        application.add_handler(CallbackQueryHandler(tapped, pattern=rf"^{action}:[0-9]{{1,10}}$"))


class ReceiptHandlers:
    """A photo read into an expense, at most `at_once` at a time, and the taps under a proposal."""

    def __init__(
        self, bot: BotHandlers, photos: PhotoExpenses, callbacks: CallbackAnswers, at_once: int = 2
    ) -> None:
        self._bot = bot
        self._photos = photos
        self._callbacks = callbacks
        self._reading = asyncio.Semaphore(max(1, at_once))

    def caption_has_amount(self, caption: str) -> bool:
        """Whether a photo's caption is a text expense (the core's reading)."""
        return self._photos.caption_has_amount(caption)

    async def image_posted(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An image without an amount in its caption: the member sees it is being read; the reading runs
        beside the chat's queue, and its reply comes when it is done."""
        message, user = update.message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or author is None:
            return
        document = message.document
        if document is not None and (document.mime_type or "").casefold() not in READABLE_TYPES:
            await self._say(message, receipts_texts.SEND_AS_PHOTO)
            return
        file = message.photo[-1] if message.photo else document
        if file is None:
            return
        if (file.file_size or 0) > DOWNLOAD_LIMIT:
            await self._say(message, receipts_texts.TOO_BIG)
            return
        try:
            await context.bot.send_chat_action(message.chat_id, ChatAction.TYPING)
        except TelegramError as exc:  # only a sign of life: the reading goes on
            log.info("could not show the photo is being read in chat %s: %s", message.chat_id, exc)
        mime_type = document.mime_type if document is not None else "image/jpeg"
        photo = PostedPhoto(
            message.chat_id,
            message.message_id,
            author.id,
            author.name,
            message.date,
            PostedImage(b"", mime_type),
            message.link or "",
            forwarded=message.forward_origin is not None,
        )
        self._bot.in_background(self._read(message, file.file_id, photo))

    async def _read(self, message: Message, file_id: str, photo: PostedPhoto) -> None:
        async with self._reading:
            try:
                file = await message.get_bot().get_file(file_id)
                data = bytes(await file.download_as_bytearray())
            except BadRequest as exc:
                too_big = "too big" in str(exc).casefold()
                await self._say(message, receipts_texts.TOO_BIG if too_big else receipts_texts.NOT_DOWNLOADED)
                return
            except TelegramError as exc:
                log.warning("could not download a photo in chat %s: %s", message.chat_id, exc)
                await self._say(message, receipts_texts.NOT_DOWNLOADED)
                return
            image = PostedImage(data, photo.image.mime_type)
            plan = await self._photos.on_photo(replace(photo, image=image))
        await self.draw(message, plan)

    async def save_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Save under a proposal: saved for the poster's or an admin's tap; anyone else is told alone."""
        await self._tapped(update, context, save=True)

    async def edit_tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Edit under a proposal: the member is asked for the right amount."""
        await self._tapped(update, context, save=False)

    async def _tapped(self, update: Update, context: ContextTypes.DEFAULT_TYPE, *, save: bool) -> None:
        if (tapped := button_tap(update, context, self._bot.user_is_admin)) is None:
            return
        answer = self._photos.save_tapped if save else self._photos.edit_tapped
        tap = await answer(tapped.message.chat_id, tapped.about, tapped.user_id, tapped.is_admin)
        text = _tapper_text(tap)
        await answer_tap(
            self._callbacks, tapped, text, privately=tap.privately, buttons_stay=tap.buttons_stay
        )
        if tap.said is not None:
            await self.draw(tapped.message, tap.said)

    async def draw(self, message: Message, plan: PhotoPlan) -> None:
        """A photo's plan: a saved expense as any is drawn; a proposal with its buttons; a short reply."""
        if plan is None:
            return
        if isinstance(plan, ReplyPlan):
            await self._bot.render(message, plan)
            return
        replies = Replies.of(plan.speech)
        buttons = [
            InlineKeyboardButton(
                photo_button(replies, button), callback_data=f"{_ACTIONS[button]}:{plan.about}"
            )
            for button in plan.buttons
        ]
        markup = InlineKeyboardMarkup([buttons]) if buttons else None
        await self._bot.reply(message, photo_said(replies, plan), markup)

    async def _say(self, message: Message, text: str) -> None:
        replies = await self._bot.replies_for(message)
        await self._bot.reply(message, replies.say(text))


def photo_said(replies: Replies, plan: PhotoReply) -> str:
    """What the group hears about a photo not saved now."""
    say = replies.say
    match plan.shown:
        case Proposed(proposal, transfer):
            day = proposal.day or proposal.posted_at.date()
            return say(
                receipts_texts.PROPOSED_TRANSFER if transfer else receipts_texts.PROPOSED_RECEIPT,
                amount=replies.amount(proposal.money),
                purpose=proposal.purpose or "?",
                day=replies.day(day),
            )
        case AmountAsked():
            return say(receipts_texts.AMOUNT_ASKED)
        case Unreadable():
            return say(receipts_texts.UNREADABLE)
        case NoAmountRead():
            return say(receipts_texts.NO_AMOUNT)
    return PaymentReplies(replies).said(plan.shown)


def photo_button(replies: Replies, button: PhotoButton) -> str:
    """A button's label under a proposal."""
    return replies.say(
        receipts_texts.SAVE_BUTTON if button is PhotoButton.SAVE else receipts_texts.EDIT_BUTTON
    )


def _tapper_text(tap: ProposalTap) -> str | None:
    replies = Replies.of(tap.speech)
    if tap.result is TapResult.NOT_YOURS:
        return replies.say(receipts_texts.NOT_YOURS)
    if tap.result is TapResult.GONE:
        return replies.say(receipts_texts.SAVED_ALREADY)
    return None
