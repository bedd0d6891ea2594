"""The whole suite again with every process's clock shifted (libfaketime) to the days that break dates.

Run as `make test-dates` (or `python -m tests.other_days [pytest arguments]`): each day below is a
separate pytest run whose processes (the bot, the fakes, the browser) all see the shifted time.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
LIBRARIES = (
    Path("/usr/lib/x86_64-linux-gnu/faketime/libfaketimeMT.so.1"),
    Path("/usr/lib/aarch64-linux-gnu/faketime/libfaketimeMT.so.1"),
    Path("/usr/local/lib/faketime/libfaketimeMT.so.1"),
)


@dataclass(frozen=True)
class Day:
    """A moment the suite must pass at, and why it is worth a run."""

    why: str
    at: datetime


DAYS = (
    Day(
        "00:20 on 1 January in Phnom Penh (still 31 December in UTC)",
        datetime(2027, 1, 1, 0, 20, tzinfo=PHNOM_PENH),
    ),
    Day(
        "23:50 on 29 February 2028 in Phnom Penh (a leap day, then March)",
        datetime(2028, 2, 29, 23, 50, tzinfo=PHNOM_PENH),
    ),
    Day("the 1st of a 30-day month (1 June 2027, 9:00)", datetime(2027, 6, 1, 9, 0, tzinfo=PHNOM_PENH)),
    Day(
        "the last day of a 30-day month (30 June 2027, 15:00)",
        datetime(2027, 6, 30, 15, 0, tzinfo=PHNOM_PENH),
    ),
    Day(
        "a Sunday night (7 March 2027, 23:40: Monday starts a week)",
        datetime(2027, 3, 7, 23, 40, tzinfo=PHNOM_PENH),
    ),
    Day(
        "17:30 UTC on 30 September 2027 (already 1 October in Phnom Penh)",
        datetime(2027, 9, 30, 17, 30, tzinfo=UTC),
    ),
)


def library() -> Path:
    """libfaketime's multi-threaded library, or a word on how to install it."""
    for path in LIBRARIES:
        if path.exists():
            return path
    sys.exit("libfaketime is not installed (Debian: apt-get install libfaketime)")


def run_on(day: Day, pytest_args: list[str], preload: Path) -> int:
    """The suite with every process's clock moved to the day; pytest's exit status."""
    offset = round((day.at - datetime.now(UTC)).total_seconds())
    env = {**os.environ, "LD_PRELOAD": str(preload), "FAKETIME": f"{offset:+d}s", "FAKETIME_DONT_RESET": "1"}
    seen = float(subprocess.check_output([sys.executable, "-c", "import time; print(time.time())"], env=env))
    if abs(seen - day.at.timestamp()) > 60:  # a library that does not take would pass every day for nothing
        sys.exit(f"libfaketime did not shift the clock: a process saw {datetime.fromtimestamp(seen, UTC)}")
    print(f"\n=== {day.why}: FAKETIME={env['FAKETIME']}", flush=True)
    started = time.monotonic()
    status = subprocess.call(
        [sys.executable, "-m", "pytest", "-p", "no:cacheprovider", *pytest_args], env=env
    )
    verdict = "passed" if status == 0 else f"FAILED ({status})"
    print(f"=== {day.why}: {verdict} in {time.monotonic() - started:.0f} s")
    return status


def main() -> int:
    """Every day in turn; fails when any day fails."""
    preload = library()
    failed = [day.why for day in DAYS if run_on(day, sys.argv[1:], preload) != 0]
    print("\nEvery shifted day passed." if not failed else "\nFailed on: " + "; ".join(failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
