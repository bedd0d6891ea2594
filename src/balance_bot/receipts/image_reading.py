"""A photo's words read as a transfer screen or a receipt, whichever it is, and how sure the reading is."""

from __future__ import annotations

from balance_bot.ports.images import ImageText
from balance_bot.receipts.ocr_words import clean_line
from balance_bot.receipts.reading import NOTHING_READ, ImageReading, Sureness
from balance_bot.receipts.receipt_totals import read_receipt
from balance_bot.receipts.transfers import looks_like_transfer, read_transfer


def read_image_text(text: ImageText) -> ImageReading:
    """The reading of an image's lines: a bank screen by its transaction ID, else a receipt by its total;
    nothing when no amount is on it."""
    lines = [cleaned for cleaned in (clean_line(line).strip() for line in text.lines) if cleaned]
    if not lines:
        return NOTHING_READ
    receipt = read_receipt(lines)
    if looks_like_transfer(lines):
        transfer = read_transfer(lines)
        if transfer.sure or not receipt.sure:  # a receipt paid by KHQR prints its reference too
            return transfer if transfer.money is not None or receipt.money is None else receipt
    if receipt.sureness is Sureness.NONE:
        return NOTHING_READ
    return receipt
