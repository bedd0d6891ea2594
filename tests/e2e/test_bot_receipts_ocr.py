"""End to end with the OCR on this machine: images of the project's set posted to the bot through the fake
Bot API land in the fake Google Sheet as their expected rows, linked to their photos."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from infrastructure.ocr.tesseract import tesseract_found
from tests.e2e.test_bot import replies_to, running, shut_down
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.e2e.test_bot_notices import month_rows

GROUP, SOKHA = -1001, 11
IMAGES = Path(__file__).resolve().parents[1] / "corpus" / "images"
EXPECTED = {
    row["file"]: row
    for row in map(json.loads, (IMAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines())
}
pytestmark = pytest.mark.skipif(not tesseract_found(), reason="Tesseract is not installed here")


@pytest.mark.parametrize(
    ("file", "as_document"),
    [("transfer-03-aba-en-usd-photo.jpg", None), ("receipt-03-en-usd.png", "receipt.png")],
)
async def test_an_image_of_the_set_is_read_by_tesseract_and_lands_as_its_expected_row(
    telegram, sheets, key, tmp_path, clock, file, as_document
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    data = (IMAGES / file).read_bytes()
    mime_type = "image/png" if file.endswith(".png") else "image/jpeg"
    async with running(settings, clock) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, data, as_document=as_document, mime_type=mime_type)
        saved = await telegram.wait_for("sendMessage", replies_to(photo), timeout=60)
        await shut_down(application)
    expected = EXPECTED[file]
    assert saved["text"].startswith("Logged:")
    (row,) = month_rows(sheets)
    column = "Amount (KHR)" if expected["currency"] == "KHR" else "Amount (USD)"
    assert Decimal(str(row[column])) == Decimal(expected["amount"])
    assert row["Receipt"] == f"https://t.me/c/{str(GROUP)[4:]}/{photo['message_id']}"
    if expected["kind"] == "transfer":
        assert f"{expected['bank']} Trx {expected['transaction_id']}" in row["Item"]
