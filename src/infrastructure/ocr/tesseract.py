"""ImageTextReader on Tesseract 5 (English and Khmer), run by pytesseract as a child process, a few images
at a time and off the event loop."""

from __future__ import annotations

import asyncio
import os
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from balance_bot.ports.images import ImageText, ImageUnreadable, PostedImage

if TYPE_CHECKING:
    from PIL import Image

# pytesseract, PIL and numpy (about 17 MB) are imported with the first photo, on the thread that
# reads it: a bot whose groups post no photos never loads them.

# Tesseract's own threads (OpenMP) would compete with the chat for the few cores: one each.
os.environ.setdefault("OMP_THREAD_LIMIT", "1")


@dataclass(frozen=True)
class TesseractOptions:
    """How Tesseract is run: its languages, page layout, how long it may take, and the largest image."""

    languages: str = "eng+khm"
    # 6: one block of text, so a label and its value on the right stay on one line.
    page_layout: int = 6
    timeout_seconds: float = 30.0
    max_pixels: int = 40_000_000

    @property
    def config(self) -> str:
        """Tesseract's command-line options: the LSTM engine, the layout, spaces kept inside a line."""
        return f"--oem 1 --psm {self.page_layout} -c preserve_interword_spaces=1"


def read_image_text(image: PostedImage, options: TesseractOptions) -> ImageText:
    """The image's lines, read on this thread (it blocks for the whole reading)."""
    from infrastructure.ocr.opening import open_image
    from infrastructure.ocr.preparing import prepare

    prepared = prepare(open_image(image.data, options.max_pixels))
    return ImageText(recognised_lines(prepared, options))


def recognised_lines(prepared: Image.Image, options: TesseractOptions) -> tuple[str, ...]:
    """Tesseract's lines of the prepared image, blank ones left out."""
    import pytesseract

    try:
        text = pytesseract.image_to_string(
            prepared, lang=options.languages, config=options.config, timeout=options.timeout_seconds
        )
    except RuntimeError as exc:
        # pytesseract raises a bare RuntimeError when it ends Tesseract at the timeout.
        raise ImageUnreadable(f"Tesseract took longer than {options.timeout_seconds} s") from exc
    except pytesseract.TesseractError as exc:
        raise ImageUnreadable(f"Tesseract failed: {exc.message}") from exc
    return tuple(line.strip() for line in text.splitlines() if line.strip())


class LocalImageTextReader:
    """Reads images on worker threads, at most `at_once` at a time; the others wait their turn."""

    def __init__(self, read: Callable[[PostedImage], ImageText], at_once: int) -> None:
        self._read = read
        self._turns = asyncio.Semaphore(at_once)

    async def read_text(self, image: PostedImage) -> ImageText:
        """The image's lines; raises ImageUnreadable when it cannot be read at all."""
        async with self._turns:
            return await asyncio.to_thread(self._read, image)


def tesseract_reader(options: TesseractOptions, at_once: int) -> LocalImageTextReader:
    """The reader on Tesseract with these options."""
    return LocalImageTextReader(lambda image: read_image_text(image, options), at_once)


def tesseract_found() -> bool:
    """Whether the tesseract program runs here (asked as pytesseract would, without importing it)."""
    try:
        subprocess.run(
            ["tesseract", "--version"], capture_output=True, stdin=subprocess.DEVNULL, check=True, timeout=30
        )
    except (OSError, subprocess.SubprocessError):
        return False
    return True
