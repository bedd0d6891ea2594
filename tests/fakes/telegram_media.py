"""The fake Bot API's photos and documents: sendPhoto, sendDocument and editMessageCaption, with the
refusals the real API gives them (an upload missing or too big, a caption edit that changes nothing,
a message to edit that is not there or has no caption)."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

Params = dict[str, Any]
UPLOAD_LIMIT = 50 * 1024 * 1024  # the Bot API's, for a file a bot sends
NOT_MODIFIED = (
    "Bad Request: message is not modified: specified new message content and reply markup are exactly "
    "the same as a current content and reply markup of the message"
)


@dataclass
class TelegramMedia:
    """What the bot sent with a caption: each message's caption and inline keyboard as they are now."""

    # (chat id, message id) -> {"caption": ..., "reply_markup": ...}
    media: dict[tuple[int, int], Params] = field(default_factory=dict)
    photos: list[tuple[Params, Params]] = field(default_factory=list)  # sendPhoto's parameters, message

    def caption_of(self, photo: Params) -> Params:
        """The photo sent with these sendPhoto parameters as it is now: its caption and keyboard."""
        message = next(message for params, message in self.photos if params is photo)
        return self.media[(message["chat"]["id"], message["message_id"])]

    def media_refusal(self, method: str, params: Params) -> tuple[int, str] | None:
        """The status and description the Bot API refuses these parameters with, if it does."""
        if method == "sendDocument":
            document = params.get("document")
            if not isinstance(document, bytes):
                return 400, "Bad Request: there is no document in the request"
            if len(document) > UPLOAD_LIMIT:
                return 413, "Request Entity Too Large"
        if method == "sendPhoto" and not isinstance(params.get("photo"), bytes | str):
            return 400, "Bad Request: there is no photo in the request"
        if method == "editMessageCaption":
            place = (int(params["chat_id"]), int(params["message_id"]))
            if place not in self.media:
                return 400, "Bad Request: message to edit not found"
            now = self.media[place]
            if (now["caption"], now.get("reply_markup")) == (
                params.get("caption", ""),
                params.get("reply_markup"),
            ):
                return 400, NOT_MODIFIED
        return None

    async def _api_sendPhoto(self, params: Params) -> Params:  # noqa: N802
        message = self._media_message(params)
        message["photo"] = [{"file_id": "photo-1", "file_unique_id": "p1", "width": 900, "height": 420}]
        self.photos.append((params, message))
        return message

    async def _api_sendDocument(self, params: Params) -> Params:  # noqa: N802
        document = params["document"]
        message = self._media_message(params)
        message["document"] = {
            "file_id": f"document-{message['message_id']}",
            "file_unique_id": f"d{message['message_id']}",
            "file_name": params.get("document_filename", "file"),
            "file_size": len(document),
        }
        return message

    async def _api_editMessageCaption(self, params: Params) -> Params:  # noqa: N802
        chat_id, message_id = int(params["chat_id"]), int(params["message_id"])
        kept = self.media[(chat_id, message_id)]
        kept["caption"] = params.get("caption", "")
        kept.pop("reply_markup", None)  # a keyboard not sent again is removed, as Telegram does
        if "reply_markup" in params:
            kept["reply_markup"] = params["reply_markup"]
        message = self._message(chat_id, self._bot_user(), None)  # type: ignore[attr-defined]
        message["message_id"] = message_id
        return {**message, **kept}

    def _media_message(self, params: Params) -> Params:
        """The message a sendPhoto or sendDocument makes: its caption and keyboard kept for edits."""
        message = self._message(int(params["chat_id"]), self._bot_user(), None)  # type: ignore[attr-defined]
        kept: Params = {"caption": params.get("caption", "")}
        if "reply_markup" in params:
            kept["reply_markup"] = params["reply_markup"]
        self.media[(message["chat"]["id"], message["message_id"])] = kept
        return {**message, **kept}
