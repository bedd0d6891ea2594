"""A clock the test moves by hand, and a timer whose waits take no time."""

from __future__ import annotations

import asyncio
import time
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta


@dataclass
class FakeClock:
    """Stands still until advanced."""

    current: datetime = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
    slept: list[float] = field(default_factory=list)

    def now(self) -> datetime:
        """The time the test set."""
        return self.current

    def advance(self, **delta: float) -> None:
        """Move time forward, e.g. advance(minutes=5)."""
        self.current += timedelta(**delta)

    async def sleep(self, seconds: float) -> None:
        """An asyncio.sleep that moves this clock instead of waiting; other tasks still get their turn."""
        self.slept.append(seconds)
        self.current += timedelta(seconds=seconds)
        await asyncio.sleep(0.001 if seconds >= 1 else 0)  # a retry loop must not spin the test's CPU


@dataclass
class FakeTimer:
    """Real elapsed time, plus every wait asked for, which is skipped rather than waited."""

    slept: list[float] = field(default_factory=list)
    skipped: float = 0.0

    def monotonic(self) -> float:
        """Seconds elapsed, counting the skipped waits as passed."""
        return time.perf_counter() + self.skipped

    async def sleep(self, seconds: float) -> None:
        """Note the wait and move on."""
        self.slept.append(seconds)
        self.skipped += seconds
        await asyncio.sleep(0)
