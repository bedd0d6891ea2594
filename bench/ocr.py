"""Issue 37: photos read on this machine: CPU time to read one image of the set (Tesseract's child process
counted), the memory it takes, and how often the printed amount and transaction ID come out of the reading.

    python -m bench.ocr            (about a minute and a half on one core)

`make bench` runs it in a process of its own, so the memory figures are the reading's alone.
"""

from __future__ import annotations

import json
import resource
import statistics
import subprocess
import sys
import time
from decimal import Decimal
from pathlib import Path
from typing import Any

from balance_bot.ports.images import ImageText, ImageUnreadable, PostedImage
from infrastructure.ocr.tesseract import TesseractOptions, read_image_text

ROOT = Path(__file__).resolve().parent.parent
IMAGES = ROOT / "tests" / "corpus" / "images"


def labelled() -> list[dict[str, Any]]:
    """The image set's expected fields, one case a file."""
    lines = (IMAGES / "expected.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def cpu_seconds() -> float:
    """CPU time so far of this process and of its finished children (Tesseract runs as one)."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.process_time() + children.ru_utime + children.ru_stime


def shown(case: dict[str, Any]) -> str:
    """The amount as the image prints it."""
    amount = Decimal(case["amount"])
    return f"{amount:,.2f}" if case["currency"] == "USD" else f"{amount:,.0f}"


def percentile(values: list[float], share: float) -> float:
    """The value below which `share` of the values lie (nearest rank)."""
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(share * len(ordered)) - 1))]


def figures() -> None:
    """Read every image of the set once and print the figures."""
    options = TesseractOptions()
    resident_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    times: list[float] = []
    texts: dict[str, ImageText] = {}
    refused = 0
    for case in labelled():
        data = (IMAGES / case["file"]).read_bytes()
        started = cpu_seconds()
        try:
            texts[case["file"]] = read_image_text(PostedImage(data), options)
        except ImageUnreadable:
            refused += 1
            continue
        times.append(cpu_seconds() - started)
    own_peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tesseract_peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    print(
        f"OCR time per image       median {statistics.median(times):.2f} s CPU, "
        f"p95 {percentile(times, 0.95):.2f} s, "
        f"slowest {max(times):.2f} s ({len(times)} images read, {refused} refused; the bot's process and "
        f"Tesseract's, languages {options.languages}, psm {options.page_layout})   goal median <= 3 s"
    )
    print(
        f"OCR memory               peak {own_peak / 1024:.0f} MB resident in the reading process "
        f"({resident_before / 1024:.0f} MB before the first image), {tesseract_peak / 1024:.0f} MB in the "
        "largest Tesseract process   goal well under the server's 1 GB"
    )
    money = [case for case in labelled() if case["kind"] != "none"]
    read = {case["file"]: texts[case["file"]].text if case["file"] in texts else "" for case in money}
    amounts = [case for case in money if shown(case) in read[case["file"]]]
    transfers = [case for case in money if case["transaction_id"]]
    ids = [case for case in transfers if case["transaction_id"] in read[case["file"]]]
    degraded = [case for case in money if case["degraded"]]
    degraded_amounts = [case for case in amounts if case["degraded"]]
    print(
        f"OCR amounts seen         {len(amounts)} of {len(money)} images show their amount as printed "
        f"({len(degraded_amounts)} of {len(degraded)} degraded photos); transaction IDs {len(ids)} of "
        f"{len(transfers)} transfer screens   goal all (the rules can read only what OCR saw)"
    )
    for case in money:
        missing = [
            wanted
            for wanted in (shown(case), case["transaction_id"])
            if wanted and wanted not in read[case["file"]]
        ]
        if missing:
            print(f"  {case['file']}: {', '.join(missing)} not read")


def report() -> None:
    """The figures from a process of their own, so its memory peak is the reading's."""
    result = subprocess.run(
        [sys.executable, "-m", "bench.ocr"], cwd=ROOT, capture_output=True, text=True, check=False
    )
    print(result.stdout, end="")
    if result.returncode:
        print(f"OCR bench failed: {result.stderr.strip().splitlines()[-1:]}")


if __name__ == "__main__":
    figures()
