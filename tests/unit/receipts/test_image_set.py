"""Tests of the readers on the project's image set, as the OCR on this machine read each image: no total
saved wrong, and most images read sure (the rules are the documents', not these files')."""

import json
from decimal import Decimal
from pathlib import Path

from balance_bot.ports.images import ImageText
from balance_bot.receipts.image_reading import read_image_text
from balance_bot.receipts.reading import ImageReading

IMAGES = Path(__file__).resolve().parents[2] / "corpus" / "images"


def readings() -> list[tuple[dict[str, str], ImageReading]]:
    """Each image the OCR could read, with what it should say and what the readers say."""
    found = []
    for line in (IMAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        expected = json.loads(line)
        ocr = IMAGES / "ocr" / f"{expected['file']}.txt"
        if ocr.exists():
            lines = tuple(ocr.read_text(encoding="utf-8").splitlines())
            found.append((expected, read_image_text(ImageText(lines))))
    return found


def right(expected: dict[str, str], reading: ImageReading) -> bool:
    if not expected.get("amount"):
        return reading.money is None
    money = reading.money
    return money is not None and (money.amount, money.currency.value) == (
        Decimal(expected["amount"]),
        expected["currency"],
    )


def test_no_image_of_the_set_is_read_sure_with_a_wrong_total() -> None:
    sure = [(expected, reading) for expected, reading in readings() if reading.sure]
    assert [expected["file"] for expected, reading in sure if not right(expected, reading)] == []


def test_most_images_of_the_set_are_read_sure_and_right_and_transfers_with_their_id() -> None:
    read = readings()
    with_money = [(expected, reading) for expected, reading in read if expected.get("amount")]
    sure_and_right = [pair for pair in with_money if pair[1].sure and right(*pair)]
    assert len(sure_and_right) >= 0.8 * len(with_money)
    ids = [
        reading.transaction_id == expected["transaction_id"]
        for expected, reading in sure_and_right
        if expected["kind"] == "transfer"
    ]
    assert sum(ids) >= 0.9 * len(ids)


def test_images_without_money_read_as_nothing() -> None:
    assert all(reading.money is None for expected, reading in readings() if not expected.get("amount"))
