"""Receipts and transfer screenshots wired: the photos' use case on the capture flow's parts, the proposals
kept in SQLite, the words read by the OCR on this machine (and a vision model's second opinion, if any)."""

from __future__ import annotations

from datetime import timedelta

from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ImageExpenseReader, ImageTextReader
from balance_bot.receipts.photos import PhotoExpenses
from infrastructure.ocr.tesseract import tesseract_found
from infrastructure.settings import Settings
from infrastructure.sqlite.proposed_expenses import SqliteProposedExpenses
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.ocr import build_image_text_reader


def local_text_reader(settings: Settings) -> ImageTextReader | None:
    """Tesseract on this machine; None where it is not installed (the bot starts all the same)."""
    if not tesseract_found():
        return None
    return build_image_text_reader(settings)


def build_receipts(
    settings: Settings,
    parts: CaptureParts,
    text_reader: ImageTextReader | None,
    model: ImageExpenseReader | None = None,
) -> tuple[PhotoExpenses, int] | None:
    """The photos' use case and how many images are read at once; None without a text reader (no OCR on
    this machine): photos are then left alone, as before."""
    if text_reader is None:
        return None
    # An Edit's answer is read as /topup's words are: the parser alone.
    read_words = HeuristicParser(amount_limits(settings), settings.max_entries_per_message).parse
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
    return photos, settings.ocr_at_once
