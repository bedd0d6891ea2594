"""/photo FILE in `try`: a receipt or a bank screen saved on this computer, read through the same use case
as a photo posted in the group; a proposal's Save / Edit buttons as the terminal's /save and /edit."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path

from balance_bot.capture.outcomes import AdminCheck
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.payments.recorded_once import NoticePlan
from balance_bot.ports import PostedImage
from balance_bot.receipts.photos import (
    PhotoButton,
    PhotoExpenses,
    PhotoPlan,
    PhotoReply,
    PostedPhoto,
    TapResult,
)
from infrastructure.telegram import receipts_texts, texts
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.receipt_handlers import photo_button, photo_said
from infrastructure.telegram.replies import Replies

PHOTO_COMMANDS = {PhotoButton.SAVE: "/save", PhotoButton.EDIT: "/fix"}
Render = Callable[[ReplyPlan], Awaitable[None]]
_TYPES = {".png": "image/png", ".webp": "image/webp", ".heic": "image/heic"}


class TryPhotos:
    """What the group's receipt handlers do, for the terminal: the core's plan drawn as lines."""

    def __init__(
        self,
        photos: PhotoExpenses | None,
        chat_id: int,
        say: Callable[[str], None],
        buttons: Callable[[str], None],
    ) -> None:
        self._photos = photos  # None: no OCR on this computer
        self._chat_id = chat_id
        self._say = say
        self._buttons = buttons
        self._waiting: int | None = None  # the proposal /save and /fix answer

    async def posted(self, path: str, message: IncomingMessage, render: Render) -> None:
        """/photo FILE: the image read as if posted by the member in `message`."""
        if self._photos is None:
            self._say(receipts_texts.TRY_NO_OCR)
            return
        file = Path(path).expanduser()
        if not file.is_file():
            self._say(receipts_texts.TRY_NO_PHOTO_FILE.format(path=path))
            return
        image = PostedImage(file.read_bytes(), _TYPES.get(file.suffix.casefold(), "image/jpeg"))
        photo = PostedPhoto(
            message.chat_id, message.message_id, message.user_id, message.member_name, message.sent_at, image
        )
        await self._draw(await self._photos.on_photo(photo), render)

    async def tapped(self, command: str, user_id: int, is_admin: AdminCheck, render: Render) -> None:
        """/save or /fix: the last proposal answered as a tap on its button."""
        if self._photos is None:
            self._say(receipts_texts.TRY_NO_OCR)
            return
        answer = self._photos.save_tapped if command == "/save" else self._photos.edit_tapped
        tap = await answer(self._chat_id, self._waiting or 0, user_id, is_admin)
        if tap.privately:
            refused = (
                receipts_texts.NOT_YOURS
                if tap.result is TapResult.NOT_YOURS
                else receipts_texts.SAVED_ALREADY
            )
            self._say(Replies.of(tap.speech).say(refused))
        if not tap.buttons_stay:
            self._waiting = None
        await self._draw(tap.said, render)

    async def _draw(self, plan: PhotoPlan | NoticePlan, render: Render) -> None:
        if plan is None:
            self._say(receipts_texts.TRY_NOTHING_READ)
        elif isinstance(plan, ReplyPlan):
            await render(plan)
        elif isinstance(plan, PhotoReply):
            replies = Replies.of(plan.speech)
            self._say(photo_said(replies, plan))
            if plan.buttons:
                self._waiting = plan.about
                shown = [
                    texts.TRY_BUTTON.format(
                        label=photo_button(replies, button), command=PHOTO_COMMANDS[button]
                    )
                    for button in plan.buttons
                ]
                self._buttons(texts.TRY_BUTTONS.format(buttons=" · ".join(shown)))
        else:
            self._say(PaymentReplies(Replies.of(plan.speech)).said(plan.shown))
