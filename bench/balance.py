"""Issue 7: /balance on a month of 5,000 rows — Sheets reads per /balance and the bot's own time."""

from __future__ import annotations

import asyncio
import multiprocessing
import statistics
import tempfile
import time
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from datetime import UTC, date, datetime
from decimal import Decimal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any, TypeVar
from zoneinfo import ZoneInfo

from tests.fakes.clock import FakeClock
from tests.fakes.sheet_connections import InMemorySheetConnections
from tests.fakes.sheets_api import FakeSheets

from balance_bot.balances.service import Balance, BalanceService
from balance_bot.domain.ledger import Period
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.mirror import SqliteMirror
from infrastructure.telegram.replies import ENGLISH, Replies

T = TypeVar("T")
ZONE = ZoneInfo("Asia/Phnom_Penh")

replies = Replies(ENGLISH)

ROWS = 5000
ROUNDS = 9
CHAT = -1001
SHEET_ID = "balance-bench-0123456789abcdef"
NOVEMBER = Period(2026, 11)
MEMBERS = ["Sokha", "Dara", "Vannak", "Sreymom", "Bopha", "Kosal", "Chenda", "Rithy"]


def month_rows() -> list[list[Any]]:
    """A busy month: riel and dollar expenses by eight members, a top-up every 500 rows."""
    serial = (date(2026, 11, 1) - date(1899, 12, 30)).days
    rows: list[list[Any]] = [load_template().headers]
    for number in range(1, ROWS + 1):
        day = serial + number * 30 // ROWS
        member = MEMBERS[number % len(MEMBERS)]
        reference = f"tg:{CHAT}:{number}:0"
        # In the template's columns: No, Date, Item, USD, KHR, Category, Posted by, Reference, Top-ups.
        if number % 500 == 0:
            rows.append([number, day, "Top-up: office", "", "", "", member, reference, 500, ""])
        elif number % 3:
            usd = round(1 + number % 37 * 0.25, 2)
            rows.append([number, day, f"item {number}", usd, "", "Office supplies", member, reference])
        else:
            khr = 500 * (1 + number % 40)
            rows.append([number, day, f"ទឹកកក {number}", "", khr, "Food & drinks", member, reference])
    return rows


def serve_sheets(pipe: Connection) -> None:
    """The fake Sheets API in its own process, so the bench process's CPU time is the bot's alone."""
    sheets = FakeSheets()
    url = sheets.start()
    key = sheets.service_account_key()
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key["client_email"]})
    sheets.add_sheet(SHEET_ID, "November 2026", month_rows())
    pipe.send((url, key))
    while (request := pipe.recv()) != "stop":
        pipe.send(sheets.calls_to(request))
    sheets.stop()


def against_fake_sheets(measure: Callable[[str, dict[str, Any], Connection], Awaitable[T]]) -> T:
    """Run `measure(url, key, pipe)` against serve_sheets in its own process, then stop it."""
    parent, child = multiprocessing.Pipe()
    server = multiprocessing.get_context("spawn").Process(target=serve_sheets, args=(child,), daemon=True)
    server.start()
    url, key = parent.recv()
    try:
        return asyncio.run(measure(url, key, parent))
    finally:
        parent.send("stop")
        server.join(timeout=10)


def sheets_directory(url: str, key: dict[str, Any]) -> GoogleSheets:
    """The bot's Google store on the fake Sheets API of serve_sheets, connected to its spreadsheet."""
    client = SheetsHTTPClient(load_credentials(key), url)
    return GoogleSheets(
        client, load_template(), "%B %Y", key["client_email"], {}, SHEET_ID, InMemorySheetConnections()
    )


@asynccontextmanager
async def google_balances(
    url: str, key: dict[str, Any]
) -> AsyncIterator[tuple[BalanceService, FakeClock, Database]]:
    """The bot's BalanceService on its Google store against serve_sheets, its mirror in a temporary
    SQLite database, on a clock the measurement moves; closed afterwards."""
    with tempfile.TemporaryDirectory() as workdir:
        database = Database(Path(workdir) / "bot.sqlite3")
        directory = sheets_directory(url, key)
        clock = FakeClock(datetime(2026, 11, 22, 3, 0, tzinfo=UTC))
        service = BalanceService(directory, SqliteMirror(database), clock, ZONE, load_template().void_prefix)
        try:
            yield service, clock, database
        finally:
            await directory.close()
            await database.close()


async def measure(url: str, key: dict[str, Any], pipe: Connection) -> dict[str, float]:
    """Nine /balance answers after the month was opened: reads each, CPU and wall time each."""
    async with google_balances(url, key) as (service, _, _):
        first = await service.balance_named(CHAT, "")  # opens the month (the group's first)
        if not isinstance(first, Balance):
            raise RuntimeError(f"the first /balance gave {first!r}")
        reads, cpu, wall = [], [], []
        for _ in range(ROUNDS):
            pipe.send("values.get")
            before_reads = pipe.recv()
            cpu_before, wall_before = time.process_time(), time.perf_counter()
            replies.balance_reply(await service.balance_named(CHAT, "November"), Decimal(4000))
            cpu.append((time.process_time() - cpu_before) * 1000)
            wall.append((time.perf_counter() - wall_before) * 1000)
            pipe.send("values.get")
            reads.append(pipe.recv() - before_reads)
    return {
        "reads": statistics.median(reads),
        "max_reads": max(reads),
        "cpu_ms": statistics.median(cpu),
        "wall_ms": statistics.median(wall),
    }


def report() -> None:
    """Print the figures of issue 7."""
    figures = against_fake_sheets(measure)
    print(
        f"/balance on {ROWS:,} rows    Sheets reads {figures['reads']:.0f} per /balance "
        f"(at most {figures['max_reads']:.0f}); bot CPU median {figures['cpu_ms']:.0f} ms, "
        f"wall {figures['wall_ms']:.0f} ms ({ROUNDS} runs; fake Sheets in its own process, no latency)"
        "   goal 1 read, <= 300 ms"
    )


if __name__ == "__main__":
    report()
