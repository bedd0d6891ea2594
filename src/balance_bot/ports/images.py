"""Reading a photo a member posted: its words read on this machine, and a model's reading when unsure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from balance_bot.domain.expenses import ParseResult


@dataclass(frozen=True, slots=True)
class PostedImage:
    """An image's bytes as the chat delivered them, and the type the sender's app declared, if any."""

    data: bytes
    mime_type: str | None = None


@dataclass(frozen=True, slots=True)
class ImageText:
    """The words found on an image, one line of the image a line, top to bottom."""

    lines: tuple[str, ...]

    @property
    def text(self) -> str:
        """The lines joined as one text."""
        return "\n".join(self.lines)


class ImageUnreadable(Exception):
    """Not an image, a damaged one, or one too large to read: no words can be taken from it."""


class NotAnImage(ImageUnreadable):
    """Bytes of no image format the reader knows (a PDF, a text, a video)."""


class ImageDamaged(ImageUnreadable):
    """An image's format, but bytes cut short or broken: it cannot be decoded."""


class ImageTooLarge(ImageUnreadable):
    """More pixels than the reader decodes (a camera's full-size file, a decompression bomb)."""


class ImageFormatRefused(ImageUnreadable):
    """An image in a format the reader does not decode (HEIC, an iPhone's file): sent as a photo, the chat
    converts it to JPEG."""


class ImageTextReader(Protocol):
    """Reads the words on an image (OCR, on this machine), a few images at a time."""

    async def read_text(self, image: PostedImage) -> ImageText:
        """The image's lines; raises ImageUnreadable when it cannot be read at all."""
        ...


class ImageExpenseReader(Protocol):
    """A second opinion on an image the local reading is unsure of (a vision model, in practice)."""

    async def read_image(
        self, image: PostedImage, local_text: ImageText | None, chat_id: int
    ) -> ParseResult | None:
        """The model's reading in the text contract; None when there is no answer (down, slow,
        invalid or over budget)."""
        ...
