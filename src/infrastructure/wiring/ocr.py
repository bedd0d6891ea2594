"""The local image reader from the settings: Tesseract in OCR_LANGUAGES, MAX_IMAGES_AT_ONCE at once."""

from __future__ import annotations

from balance_bot.ports.images import ImageTextReader
from infrastructure.ocr.tesseract import TesseractOptions, tesseract_reader
from infrastructure.settings import Settings


def build_image_text_reader(settings: Settings) -> ImageTextReader:
    """The reader of posted images' words, on this machine."""
    options = TesseractOptions(
        languages=settings.ocr_languages,
        timeout_seconds=settings.ocr_timeout_seconds,
        max_pixels=settings.ocr_max_megapixels * 1_000_000,
    )
    return tesseract_reader(options, settings.images_at_once)
