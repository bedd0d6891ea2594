"""Receipts and transfer screenshots wired: the photos' use case on the capture flow's parts, the proposals
kept in SQLite, the words read by the OCR on this machine (and a vision model's second opinion, if any)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from typing import TYPE_CHECKING

from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ImageTextReader
from balance_bot.receipts.photos import PhotoExpenses
from infrastructure.ocr.tesseract import tesseract_found
from infrastructure.settings import Settings
from infrastructure.sqlite.proposed_expenses import SqliteProposedExpenses
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.ocr import build_image_text_reader
from infrastructure.wiring.vision import build_image_reader

if TYPE_CHECKING:
    from infrastructure.llm.vision_reader import VisionExpenseReader as ImageReader


def local_text_reader(settings: Settings) -> ImageTextReader | None:
    """Tesseract on this machine; None where it is not installed (the bot starts all the same)."""
    if not tesseract_found():
        return None
    return build_image_text_reader(settings)


@dataclass
class ReceiptParts:
    """The photos' use case, how many images are read at once, and the vision models, closed at the end."""

    photos: PhotoExpenses
    at_once: int
    model: ImageReader | None = None

    async def close(self) -> None:
        """Close the vision models' connections."""
        if self.model is not None:
            await self.model.aclose()


def build_receipts(
    settings: Settings, parts: CaptureParts, text_reader: ImageTextReader | None, *, vision: bool = True
) -> ReceiptParts | None:
    """The photos' use case, asking the vision models (when `vision` and PARSER_LLM has one) of a photo
    the local reading is unsure of; None without a text reader (no OCR on this machine): photos are then
    left alone, as before."""
    if text_reader is None:
        return None
    # An Edit's answer is read as /topup's words are: the parser alone.
    read_words = HeuristicParser(amount_limits(settings), settings.max_entries_per_message).parse
    model = build_image_reader(settings, parts.llm) if vision else None
    photos = PhotoExpenses(
        parts.capture,
        parts.conversation,
        parts.languages,
        text_reader,
        SqliteProposedExpenses(parts.database),
        read_words,
        parts.clock,
        parts.notices,
        model,
        timedelta(seconds=settings.pending_ttl_seconds),
    )
    return ReceiptParts(photos, settings.images_at_once, model)
