"""/photo FILE in `balance-bot try`: an image of the project's set read through the photos' use case, saved
or proposed with /save and /fix as its buttons, as in the group."""

from datetime import UTC, datetime
from pathlib import Path

import pytest

from infrastructure.ocr.tesseract import tesseract_found
from tests.integration.test_help_in_try import typing_at

IMAGES = Path(__file__).resolve().parents[1] / "corpus" / "images"
NOW = datetime(2026, 3, 9, 5, 0, tzinfo=UTC)
pytestmark = pytest.mark.skipif(not tesseract_found(), reason="Tesseract is not installed here")


@pytest.fixture
async def typing(tmp_path):
    async with typing_at(tmp_path, NOW) as typing:
        yield typing


async def test_a_receipt_read_from_a_file_is_saved_as_in_the_group(typing):
    said = await typing.says(f"/photo {IMAGES / 'receipt-03-en-usd.png'}")
    assert "Logged for Sun 8 Mar: 74.53 USD – Lim Hardware" in said  # on the receipt's day


async def test_a_missing_file_is_named_and_nothing_is_saved(typing):
    said = await typing.says("/photo no-such-receipt.jpg")
    assert "There is no image at no-such-receipt.jpg" in said
