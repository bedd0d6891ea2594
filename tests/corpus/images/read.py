"""Writes what the local reader (Tesseract, as wired) returns for each image of the set, as
ocr/<file>.txt beside this file, so rules for receipts and transfers can be built and tested without
Tesseract. An image the reader refuses gets no text; its reason is printed.

    .venv/bin/python -m tests.corpus.images.read [FILE ...]   (from the project folder)
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from balance_bot.ports.images import ImageUnreadable, PostedImage
from infrastructure.ocr.tesseract import TesseractOptions, read_image_text

HERE = Path(__file__).resolve().parent
OCR_TEXTS = HERE / "ocr"


def image_files() -> list[str]:
    """The files of expected.jsonl, in its order."""
    lines = (HERE / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line)["file"] for line in lines if line.strip()]


def main(names: list[str]) -> None:
    """Read each named image (every one by default) and write its text."""
    OCR_TEXTS.mkdir(exist_ok=True)
    options = TesseractOptions()
    for name in names or image_files():
        started = time.perf_counter()
        try:
            text = read_image_text(PostedImage((HERE / name).read_bytes()), options)
        except ImageUnreadable as exc:
            (OCR_TEXTS / f"{name}.txt").unlink(missing_ok=True)
            print(f"{name}: unreadable ({type(exc).__name__}: {exc})")
            continue
        (OCR_TEXTS / f"{name}.txt").write_text(text.text + "\n", encoding="utf-8")
        print(f"{name}: {len(text.lines)} lines in {time.perf_counter() - started:.1f} s")


if __name__ == "__main__":
    main(sys.argv[1:])
