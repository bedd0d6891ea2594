"""Issue 37: what a photo costs the bot's CPU on its way to a vision model and back, the model excluded."""

from __future__ import annotations

import json
import statistics
import time
from dataclasses import replace
from decimal import Decimal

from tests.fakes.model_script import answer
from tests.fakes.seen_images import drawn_receipt

from balance_bot.domain.money import AmountLimits
from balance_bot.domain.second_reading import judge_image_proposal
from balance_bot.ports import PostedImage
from infrastructure.llm.answer import TOOL_NAME
from infrastructure.llm.anthropic_reader import MAX_ANSWER_TOKENS, user_content
from infrastructure.llm.shown_images import shown_image
from infrastructure.llm.vision_reader import image_question

RUNS = 5
OCR_HINT = "LUCKY SUPERMARKET\nSubtotal 11.36\nVAT 10% 1.14\nTOTAL USD 12.5?\nCash 20.00\nChange 7.50"
# Noise is the worst case for decoding and encoding alike: no format compresses it.
PHOTOS = {
    "Telegram photo, JPEG 1280x960": lambda: drawn_receipt("white", (1280, 960), "JPEG", noise=True),
    "screenshot, PNG 1080x2400": lambda: drawn_receipt("white", (1080, 2400), "PNG"),
    "photo sent as a file, JPEG 4000x3000": lambda: drawn_receipt("white", (4000, 3000), "JPEG", noise=True),
    "50-megapixel JPEG 8160x6120": lambda: drawn_receipt("white", (8160, 6120), "JPEG", noise=True),
}


def cpu_ms_per_image(data: bytes) -> tuple[float, float, int, tuple[int, int]]:
    """(preparing, building the request and judging the answer) CPU ms, median of RUNS; the bytes
    and size shown."""
    question = image_question()
    payload = answer(12.5, "USD", "Lucky Supermarket")
    prepared, rest = [], []
    for _ in range(RUNS):
        started = time.process_time()
        shown = shown_image(PostedImage(data, "image/jpeg"))
        middle = time.process_time()
        asked = replace(question, image=shown)
        request = {
            "model": "claude-haiku-4-5",
            "max_tokens": MAX_ANSWER_TOKENS,
            "system": asked.system,
            "messages": [{"role": "user", "content": user_content(asked, OCR_HINT)}],
            "tools": [
                {"name": TOOL_NAME, "description": asked.tool_description, "input_schema": asked.schema}
            ],
        }
        json.dumps(request)  # what the client sends
        proposal = asked.answer(json.dumps(payload), 1500, 60).answer
        judge_image_proposal(proposal, AmountLimits())
        asked.tokens_at_most(OCR_HINT)
        ended = time.process_time()
        prepared.append((middle - started) * 1000)
        rest.append((ended - middle) * 1000)
    return statistics.median(prepared), statistics.median(rest), len(shown.data), (shown.width, shown.height)


def report() -> None:
    """Print a line per kind of photo."""
    for name, drawn in PHOTOS.items():
        data = drawn()
        prepare_ms, rest_ms, sent, (width, height) = cpu_ms_per_image(data)
        print(
            f"image to a vision model  {name} ({len(data) / 1e6:.1f} MB): prepare {prepare_ms:.0f} ms CPU, "
            f"request and answer {rest_ms:.1f} ms CPU; sent {width}x{height}, {Decimal(sent) / 1000:.0f} kB "
            f"(median of {RUNS}; the model's own time excluded)"
        )


if __name__ == "__main__":
    report()
