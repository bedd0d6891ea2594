"""The local image reader on Debian's Tesseract (`make test` installs it), reading the project's image set."""

import asyncio
import io
import json
import os
import struct
import threading
import zlib
from decimal import Decimal
from pathlib import Path

import pytest
from PIL import Image

from balance_bot.ports.images import (
    ImageDamaged,
    ImageFormatRefused,
    ImageText,
    ImageTooLarge,
    ImageUnreadable,
    NotAnImage,
    PostedImage,
)
from infrastructure.ocr.tesseract import (
    LocalImageTextReader,
    TesseractOptions,
    read_image_text,
    tesseract_reader,
)
from infrastructure.settings import Settings
from infrastructure.wiring.ocr import build_image_text_reader

IMAGES = Path(__file__).resolve().parents[2] / "corpus" / "images"
EXPECTED = {
    case["file"]: case
    for case in map(json.loads, (IMAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines())
}
OPTIONS = TesseractOptions()


def posted(name: str) -> PostedImage:
    return PostedImage((IMAGES / name).read_bytes(), "image/png" if name.endswith(".png") else "image/jpeg")


def shown_amount(case: dict) -> str:
    """The expected amount as the image prints it (1,280.33 or 51,300)."""
    amount = Decimal(case["amount"])
    return f"{amount:,.2f}" if case["currency"] == "USD" else f"{amount:,.0f}"


def encoded(image: Image.Image, image_format: str) -> bytes:
    data = io.BytesIO()
    image.save(data, image_format)
    return data.getvalue()


def line_with(text: ImageText, *words: str) -> str | None:
    return next((line for line in text.lines if all(word in line for word in words)), None)


@pytest.mark.parametrize(
    "name",
    [
        "transfer-01-aba-en-usd.png",
        "transfer-04-aba-km-usd.png",
        "transfer-08-acleda-en-usd.png",
        "transfer-16-wing-km-khr.png",
        "transfer-01-aba-en-usd-photo.jpg",
        "transfer-09-acleda-en-khr-photo.jpg",
        "transfer-13-wing-en-usd-photo.jpg",
    ],
)
async def test_a_transfer_screen_reads_to_lines_holding_its_amount_and_its_transaction_id(name):
    case = EXPECTED[name]
    text = await tesseract_reader(OPTIONS, at_once=1).read_text(posted(name))
    assert line_with(text, shown_amount(case)), text.text
    assert line_with(text, case["transaction_id"]), text.text


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("receipt-01-en-usd.png", "TOTAL"),
        ("receipt-03-en-usd.png", "Amount due"),
        ("receipt-15-km-khr.png", "សរុប"),
        ("receipt-01-en-usd-photo.jpg", "TOTAL"),
        ("receipt-04-en-usd-long-photo.jpg", "TOTAL"),
        ("receipt-17-km-khr-photo.jpg", "សរុប"),
    ],
)
async def test_a_receipt_reads_to_a_line_holding_its_total_label_and_amount(name, label):
    case = EXPECTED[name]
    text = await tesseract_reader(OPTIONS, at_once=1).read_text(posted(name))
    assert line_with(text, label, shown_amount(case)), text.text


async def test_a_big_photo_is_read_at_a_reduced_size_and_its_total_still_found():
    receipt = Image.open(IMAGES / "receipt-01-en-usd.png")
    big = receipt.resize((receipt.width * 7, receipt.height * 7), Image.Resampling.BICUBIC)
    assert big.width * big.height > 20_000_000
    photo = PostedImage(encoded(big, "JPEG"), "image/jpeg")
    text = await tesseract_reader(OPTIONS, at_once=1).read_text(photo)
    assert line_with(text, "TOTAL", "27.23"), text.text


@pytest.mark.parametrize(
    ("name", "reason"),
    [
        ("none-corrupt.jpg", ImageDamaged),
        ("none-not-an-image.pdf", NotAnImage),
        ("none-iphone.heic", ImageFormatRefused),
    ],
)
async def test_a_file_that_is_no_readable_image_is_unreadable_with_its_reason(name, reason):
    with pytest.raises(reason):
        await tesseract_reader(OPTIONS, at_once=1).read_text(posted(name))


async def test_empty_bytes_are_not_an_image():
    with pytest.raises(NotAnImage):
        await tesseract_reader(OPTIONS, at_once=1).read_text(PostedImage(b""))


async def test_a_fifty_megapixel_photo_is_refused_as_too_large_without_being_decoded():
    fifty_megapixels = encoded(Image.new("L", (8660, 5780), 255), "JPEG")
    with pytest.raises(ImageTooLarge):
        await tesseract_reader(OPTIONS, at_once=1).read_text(PostedImage(fifty_megapixels, "image/jpeg"))


def png_claiming(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG whose header claims a huge picture (a decompression bomb's shape)."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(bytes(10_000)))
        + chunk(b"IEND", b"")
    )


async def test_a_decompression_bomb_is_refused_as_too_large():
    with pytest.raises(ImageTooLarge):
        await tesseract_reader(OPTIONS, at_once=1).read_text(PostedImage(png_claiming(100_000, 100_000)))


async def test_a_picture_without_words_reads_to_no_amount():
    text = await tesseract_reader(OPTIONS, at_once=1).read_text(posted("none-landscape.jpg"))
    assert not any(char.isdigit() for char in text.text), text.text


@pytest.mark.parametrize(
    "data",
    [
        encoded(Image.new("L", (1, 1), 255), "PNG"),
        encoded(Image.new("RGB", (800, 600), "white"), "WEBP"),
        encoded(Image.new("RGBA", (300, 100), (0, 0, 0, 0)), "PNG"),
        encoded(Image.new("L", (1, 9000), 128), "PNG"),
    ],
    ids=["one pixel", "blank WebP", "transparent PNG", "a line 9000 pixels long"],
)
async def test_a_tiny_blank_or_odd_shaped_image_reads_to_no_lines(data):
    text = await tesseract_reader(OPTIONS, at_once=1).read_text(PostedImage(data))
    assert text.lines == ()


async def test_a_reading_past_its_timeout_is_ended_and_unreadable():
    hasty = TesseractOptions(timeout_seconds=0.01)
    with pytest.raises(ImageUnreadable, match="longer than"):
        await tesseract_reader(hasty, at_once=1).read_text(posted("receipt-01-en-usd.png"))


class Gate:
    """Holds each reading on its worker thread until opened, counting how many are inside at once."""

    def __init__(self) -> None:
        self.opened = threading.Event()
        self.entered = threading.Semaphore(0)
        self._lock = threading.Lock()
        self.inside = 0
        self.most_inside = 0

    def read(self, image: PostedImage) -> ImageText:
        with self._lock:
            self.inside += 1
            self.most_inside = max(self.most_inside, self.inside)
        self.entered.release()
        self.opened.wait(timeout=60)
        try:
            return read_image_text(image, OPTIONS)
        finally:
            with self._lock:
                self.inside -= 1


async def test_at_most_the_set_number_of_images_are_read_at_once_and_the_others_wait_their_turn():
    gate = Gate()
    reader = LocalImageTextReader(gate.read, at_once=2)
    image = posted("receipt-17-km-khr.png")
    readings = [asyncio.create_task(reader.read_text(image)) for _ in range(4)]
    for _ in range(2):
        assert await asyncio.to_thread(gate.entered.acquire, timeout=30)
    for _ in range(50):
        await asyncio.sleep(0)
    assert gate.inside == 2
    assert not gate.entered.acquire(blocking=False)
    gate.opened.set()
    texts = await asyncio.gather(*readings)
    assert gate.most_inside == 2
    assert all(line_with(text, "សរុប") for text in texts)


async def test_the_chat_goes_on_while_an_image_is_being_read():
    gate = Gate()
    reader = LocalImageTextReader(gate.read, at_once=1)
    reading = asyncio.create_task(reader.read_text(posted("receipt-17-km-khr.png")))
    assert await asyncio.to_thread(gate.entered.acquire, timeout=30)

    async def another_message() -> str:
        await asyncio.sleep(0)
        return "answered"

    assert await asyncio.wait_for(another_message(), timeout=5) == "answered"
    assert not reading.done()
    gate.opened.set()
    assert line_with(await reading, "សរុប")


def test_tesseract_runs_on_one_thread_so_the_chat_keeps_a_core():
    assert os.environ["OMP_THREAD_LIMIT"] == "1"


async def test_the_wiring_builds_a_reader_from_the_settings():
    settings = Settings.from_environment({"OCR_LANGUAGES": "eng", "MAX_IMAGES_AT_ONCE": "2"})
    reader = build_image_text_reader(settings)
    text = await reader.read_text(posted("receipt-01-en-usd.png"))
    assert line_with(text, "TOTAL", "27.23"), text.text
