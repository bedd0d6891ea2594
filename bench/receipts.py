"""Issue 37: the project's image set posted through the photos' use case, without any model: totals and
currencies exact, transaction IDs exact on screens, how many are proposed instead of saved, and wrong totals
saved (must be 0). Each image is read by Tesseract as the bot wires it, or, with --texts or where Tesseract is
not installed, from the OCR texts committed beside the set (tests/corpus/images/ocr).

    .venv/bin/python -m bench.receipts [--texts]
"""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import sys
import time
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.fakes.clock import FakeClock
from tests.fakes.image_readers import photo_desk_on, text_image
from tests.fakes.ledger import InMemoryLedger

from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import ImageText, ImageUnreadable, PostedImage
from balance_bot.receipts.image_reading import read_image_text
from balance_bot.receipts.photos import PhotoReply, PostedPhoto, Proposed
from balance_bot.receipts.reading import ImageReading

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "tests" / "corpus" / "images"
CHAT, POSTER = -1001, 7


@dataclass(frozen=True)
class Outcome:
    """What became of one image: saved (its row's money), proposed, silence, or unreadable."""

    expected: dict[str, Any]
    reading: ImageReading | None  # None: the OCR could not read the image
    saved: Money | None = None
    proposed: bool = False


def expected_rows() -> list[dict[str, Any]]:
    """The set's images and what each should be read as."""
    lines = (IMAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def texts_by_ocr(rows: list[dict[str, Any]]) -> tuple[dict[str, ImageText | None], list[float], str]:
    """Each image's lines as Tesseract reads them here, the CPU seconds of each; or the committed texts."""
    use_texts = "--texts" in sys.argv[1:]
    if not use_texts:
        from infrastructure.ocr.tesseract import TesseractOptions, tesseract_found
        from infrastructure.ocr.tesseract import read_image_text as ocr

        if tesseract_found():
            options = TesseractOptions()
            texts: dict[str, ImageText | None] = {}
            seconds = []
            for row in rows:
                started = time.process_time()
                children = _children_cpu()
                try:
                    texts[row["file"]] = ocr(PostedImage((IMAGES / row["file"]).read_bytes()), options)
                except ImageUnreadable:
                    texts[row["file"]] = None
                seconds.append(time.process_time() - started + _children_cpu() - children)
            return texts, seconds, "read by Tesseract here"
    texts = {}
    for row in rows:
        path = IMAGES / "ocr" / f"{row['file']}.txt"
        texts[row["file"]] = (
            ImageText(tuple(path.read_text(encoding="utf-8").splitlines())) if path.exists() else None
        )
    return texts, [], "from the committed OCR texts"


def _children_cpu() -> float:
    """The CPU time of the finished child processes (Tesseract runs as one)."""
    times = os.times()
    return times.children_user + times.children_system


async def through_the_use_case(row: dict[str, Any], text: ImageText | None) -> Outcome:
    """The image posted to the photos' use case (no model) on a ledger of its own."""
    if text is None:
        return Outcome(row, None)
    reading = read_image_text(text)
    ledger, clock = InMemoryLedger(), FakeClock()
    desk = photo_desk_on(ledger, clock)
    try:
        photo = PostedPhoto(CHAT, 100, POSTER, "Sokha", clock.now(), text_image(text.text), "link")
        plan = await desk.photos.on_photo(photo)
        if isinstance(plan, ReplyPlan) and plan.then is not None:
            plan = await plan.then()
    finally:
        await desk.delivery.stop()
    saved = [row.line.money for rows in ledger.sheets.values() for row in rows]
    proposed = isinstance(plan, PhotoReply) and isinstance(plan.shown, Proposed)
    return Outcome(row, reading, saved[0] if saved else None, proposed)


def expected_money(row: dict[str, Any]) -> Money | None:
    """The money the image shows (None: none)."""
    if not row.get("amount"):
        return None
    return Money(Decimal(row["amount"]), Currency(row["currency"]))


def report() -> None:
    """Print the figures."""
    rows = expected_rows()
    texts, seconds, how = texts_by_ocr(rows)
    started = time.process_time()
    outcomes = [asyncio.run(through_the_use_case(row, texts[row["file"]])) for row in rows]
    use_case_ms = (time.process_time() - started) * 1000 / len(rows)
    with_money = [o for o in outcomes if expected_money(o.expected) is not None]
    transfers = [o for o in with_money if o.expected.get("kind") == "transfer"]
    read_right = [
        o for o in with_money if o.reading is not None and o.reading.money == expected_money(o.expected)
    ]
    saved = [o for o in outcomes if o.saved is not None]
    saved_right = [o for o in saved if o.saved == expected_money(o.expected)]
    ids = [
        o
        for o in transfers
        if o.reading is not None and o.reading.transaction_id == o.expected["transaction_id"]
    ]
    proposed = [o for o in with_money if o.proposed]
    unreadable = [o for o in outcomes if o.reading is None]
    no_money = [o for o in outcomes if expected_money(o.expected) is None]
    print(
        f"image set               {len(rows)} images ({how}): {len(with_money)} with money "
        f"({len(transfers)} transfer screens), {len(no_money)} without"
    )
    print(f"total and currency      {len(read_right)}/{len(with_money)} read exact (saved or proposed)")
    print(f"saved at once           {len(saved)}/{len(with_money)}, of them exact {len(saved_right)}")
    print(f"transaction ID exact    {len(ids)}/{len(transfers)} transfer screens")
    print(f"proposed, not saved     {len(proposed)}/{len(with_money)} (Save / Edit asked)")
    print(
        f"silent or unreadable    {len(with_money) - len(saved) - len(proposed)} images with money "
        f"({sum(1 for o in with_money if o.reading is None)} unreadable by the OCR)"
    )
    print(f"wrong totals saved      {len(saved) - len(saved_right)} (goal 0)")
    print(
        f"rows from no money      {sum(1 for o in no_money if o.saved is not None)} "
        f"(goal 0; {len([o for o in unreadable if o in no_money])} refused as unreadable)"
    )
    if seconds:
        ordered = sorted(seconds)
        p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
        print(f"OCR CPU per image       median {statistics.median(seconds):.2f} s, p95 {p95:.2f} s")
    print(f"reading + use case      {use_case_ms:.1f} ms CPU per image (after the OCR)")


if __name__ == "__main__":
    report()
