"""Issue 37: photos read on this machine: CPU time to read one image of the set (Tesseract's child process
counted), the memory it takes, and how often the printed amount and transaction ID come out of the reading.

    python -m bench.ocr            (about a minute and a half on one core)

`make bench` runs it in a process of its own, so the memory figures are the reading's alone.
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import threading
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
    """CPU time so far of this thread, which reads the images, and of the finished children (Tesseract
    runs as one); the memory watch's thread is not counted."""
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return time.thread_time() + children.ru_utime + children.ru_stime


def shown(case: dict[str, Any]) -> str:
    """The amount as the image prints it."""
    amount = Decimal(case["amount"])
    return f"{amount:,.2f}" if case["currency"] == "USD" else f"{amount:,.0f}"


class TesseractMemoryWatch:
    """The largest peak resident memory (VmHWM) of this process's Tesseract children, read from /proc every
    few milliseconds: the children's rusage would count this process's own pages, copied at the fork."""

    def __init__(self) -> None:
        self.peak_kb = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, daemon=True)

    def __enter__(self) -> TesseractMemoryWatch:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._stop.set()
        self._thread.join()

    def _watch(self) -> None:
        # The reading runs on the main thread, whose id is the process's: its children are listed here.
        children = Path(f"/proc/{os.getpid()}/task/{os.getpid()}/children")
        while not self._stop.wait(0.01):
            try:
                pids = children.read_text().split()
            except OSError:
                return  # no /proc (not Linux): not measured
            for pid in pids:
                try:
                    status = Path(f"/proc/{pid}/status").read_text()
                except OSError:
                    continue  # ended meanwhile
                # An ended child not yet waited for has no memory lines left.
                peaks = [line.split()[1] for line in status.splitlines() if line.startswith("VmHWM:")]
                if "\nName:\ttesseract\n" in "\n" + status and peaks:
                    self.peak_kb = max(self.peak_kb, int(peaks[0]))


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
    with TesseractMemoryWatch() as tesseract:
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
    print(
        f"OCR time per image       median {statistics.median(times):.2f} s CPU, "
        f"p95 {percentile(times, 0.95):.2f} s, "
        f"slowest {max(times):.2f} s ({len(times)} images read, {refused} refused; the bot's process and "
        f"Tesseract's, languages {options.languages}, psm {options.page_layout})   goal median <= 3 s"
    )
    print(
        f"OCR memory               peak {own_peak / 1024:.0f} MB resident in the reading process "
        f"({resident_before / 1024:.0f} MB before the first image), "
        + (f"{tesseract.peak_kb / 1024:.0f} MB" if tesseract.peak_kb else "not measured (no /proc here)")
        + " in the largest Tesseract process   goal well under the server's 1 GB"
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
