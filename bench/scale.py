"""Issue 16: 1,000 groups on one service account through a working day, on a virtual clock.

The bot's own Delivery (one worker per group, several messages in one append) and an outbox run on
an event loop whose clock jumps to the next timer, so ten hours pass in seconds. The Sheets calls
are simulated: each append or read takes a token from a bucket that keeps Google's per-minute
quota, as `google_api.RequestQuota` does for the real client (burst 5, the rest spread over the
minute), and answers after a latency. Monthly rounds read each group once per RECONCILE_MINUTES,
a share of the groups each minute, as `MonthlyRounds.tick` does.
"""

from __future__ import annotations

import asyncio
import math
import random
import resource
import statistics
import time
from collections import Counter
from collections.abc import Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.outbox import InMemoryOutbox

from balance_bot.capture.delivery import Delivery, Landed
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine, SheetRow
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import QueuedMessage

GROUPS = 1000
EXPENSES_PER_GROUP = 20
HOURS = 10
LUNCH_PEAK = 3.0  # 12:00-13:00 carries three times the rate of the other hours
PER_MINUTE = 60  # Google's quota per service account, reads and writes each
RECONCILE_MINUTES = 30
LATENCY_SECONDS = 0.3
DECEMBER = Period(2026, 12)


class VirtualTimeLoop(asyncio.SelectorEventLoop):
    """An event loop whose clock jumps to the next timer when nothing is ready: no real waiting."""

    def __init__(self) -> None:
        super().__init__()
        self._now = 0.0

    def time(self) -> float:
        return self._now

    def _run_once(self) -> None:  # type: ignore[override]
        if not self._ready and self._scheduled:  # type: ignore[attr-defined]
            self._now = max(self._now, self._scheduled[0]._when)  # type: ignore[attr-defined]
        super()._run_once()  # type: ignore[misc]


class Bucket:
    """Google's per-minute quota kept as RequestQuota keeps it: a burst of 5, the rest spread evenly."""

    def __init__(self, per_minute: int) -> None:
        self._burst = 5
        self._per_second = (per_minute - self._burst) / 60
        self._tokens = float(self._burst)
        self._updated = 0.0
        self._lock = asyncio.Lock()
        self.calls: list[float] = []

    async def take(self) -> None:
        async with self._lock:
            loop = asyncio.get_running_loop()
            while True:
                now = loop.time()
                self._tokens = min(self._burst, self._tokens + (now - self._updated) * self._per_second)
                self._updated = now
                if self._tokens >= 1 - 1e-9:
                    self._tokens -= 1
                    self.calls.append(now)
                    return
                await asyncio.sleep((1 - self._tokens) / self._per_second)


class SimulatedSheets:
    """LedgerDirectory and LedgerStore for every group: each call waits for the quota and the latency."""

    def __init__(self) -> None:
        self.writes, self.reads = Bucket(PER_MINUTE), Bucket(PER_MINUTE)
        self._rows: Counter[int] = Counter()

    def for_chat(self, chat_id: int) -> SimulatedSheets:
        return self

    async def is_connected(self, chat_id: int) -> bool:
        return True

    def link(self) -> str | None:
        return None

    async def identity(self) -> str:
        return "simulated"

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        await self.writes.take()
        await asyncio.sleep(LATENCY_SECONDS)
        chat = lines[0].source.chat_id
        saved = []
        for line in lines:
            self._rows[chat] += 1
            saved.append(SavedLine(line, "December 2026", self._rows[chat] + 1, self._rows[chat]))
        return saved

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        return []

    async def read(self, period: Period) -> list[SheetRow]:
        await self.reads.take()
        await asyncio.sleep(LATENCY_SECONDS)
        return []

    async def flush(self) -> None:
        """Every append is in the sheet once it returns."""


def arrival_times(rng: random.Random) -> list[tuple[float, int]]:
    """(second of the day, group) of every expense: uniform over the day, lunch three times as busy."""
    weights = [LUNCH_PEAK if hour == 4 else 1.0 for hour in range(HOURS)]  # 08:00 + 4 h = noon
    arrivals = []
    for group in range(GROUPS):
        for _ in range(EXPENSES_PER_GROUP):
            hour = rng.choices(range(HOURS), weights)[0]
            arrivals.append((hour * 3600 + rng.random() * 3600, group))
    return sorted(arrivals)


async def working_day() -> dict[str, float]:
    rng = random.Random(16)
    sheets = SimulatedSheets()
    outbox = InMemoryOutbox(InMemoryCaptureState())
    delivery = Delivery(outbox, sheets)
    loop = asyncio.get_running_loop()
    waits: list[float] = []
    pending: set[asyncio.Task[None]] = set()

    async def expense(group: int, number: int) -> None:
        posted = loop.time()
        money, source = Money(Decimal(1), Currency.USD), EntrySource(-group - 1, number, 0)
        line = LedgerLine(date(2026, 12, 3), f"item {number}", money, "Sokha", source)
        queued = QueuedMessage(-group - 1, number, 7, datetime(2026, 12, 3, tzinfo=UTC), DECEMBER, (line,))
        landing = await delivery.accept(queued)
        assert landing is not None
        outcome = await landing
        while not isinstance(outcome, Landed):  # waiting on a failure: it lands on a later try
            outcome = await delivery.landed(landing, 3600)
        waits.append(loop.time() - posted)

    async def rounds() -> None:
        share, start = math.ceil(GROUPS / RECONCILE_MINUTES), 0
        while loop.time() < HOURS * 3600:
            tick = loop.time()
            for group in range(start, start + share):
                await sheets.for_chat(-(group % GROUPS) - 1).read(DECEMBER)
            start += share
            await asyncio.sleep(max(0.0, tick + 60 - loop.time()))

    reading = asyncio.create_task(rounds())
    for number, (at, group) in enumerate(arrival_times(rng), start=1):
        await asyncio.sleep(max(0.0, at - loop.time()))
        task = asyncio.create_task(expense(group, number))
        pending.add(task)
        task.add_done_callback(pending.discard)
    await asyncio.gather(*pending)
    reading.cancel()
    await delivery.stop()
    return {
        "expenses": len(waits),
        "writes_per_minute": _busiest_minute(sheets.writes.calls),
        "reads_per_minute": _busiest_minute(sheets.reads.calls),
        "longest_wait": max(waits),
        "median_wait": statistics.median(waits),
        "writes": len(sheets.writes.calls),
        "reads": len(sheets.reads.calls),
    }


def _busiest_minute(calls: list[float]) -> int:
    """The most calls within any 60 seconds."""
    busiest, first = 0, 0
    for last, at in enumerate(calls):
        while calls[first] <= at - 60:
            first += 1
        busiest = max(busiest, last - first + 1)
    return busiest


def report() -> None:
    cpu_started, wall_started = time.process_time(), time.perf_counter()
    loop = VirtualTimeLoop()
    try:
        figures = loop.run_until_complete(working_day())
    finally:
        loop.close()
    cpu = time.process_time() - cpu_started
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    f = figures
    longest = timedelta(seconds=round(f["longest_wait"]))
    print(
        f"1,000 groups, one day   {f['expenses']:,.0f} expenses over {HOURS} h (lunch {LUNCH_PEAK:.0f}x), "
        f"simulated: writes at most {f['writes_per_minute']:.0f} a minute ({f['writes']:,.0f} in all), "
        f"reads at most {f['reads_per_minute']:.0f} a minute ({f['reads']:,.0f}), "
        f"longest wait for a row {longest} (median {f['median_wait']:.1f} s); "
        f"this process: CPU {cpu:.1f} s, peak RSS {rss_mb:.0f} MB, "
        f"{time.perf_counter() - wall_started:.0f} s of wall time   goal <= 60 a minute each"
    )


if __name__ == "__main__":
    report()
