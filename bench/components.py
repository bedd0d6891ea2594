"""Where the bot's CPU goes: one Bot API call per HTTP backend, and the capture path without Telegram."""

from __future__ import annotations

import asyncio
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from dataclasses import replace
from datetime import UTC, datetime
from decimal import Decimal
from pathlib import Path
from typing import TypeVar

from telegram import Bot
from telegram.request import BaseRequest, HTTPXRequest
from tests.fakes.telegram_api import FakeTelegram

from balance_bot.capture.service import IncomingMessage
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import SavedMessage
from infrastructure.bootstrap import build_capture
from infrastructure.settings import Settings
from infrastructure.sheets.template import load_template
from infrastructure.sheets.workbook import WorkbookLedger
from infrastructure.telegram.aiohttp_request import AiohttpRequest
from infrastructure.telegram.replies import Replies

T = TypeVar("T")
CALLS = 300
MESSAGES = 1000
ROUNDS = 3
# The fake Bot API runs in a process of its own, so its CPU is not counted with the client's.
_SERVE_FAKE = (
    "import asyncio, sys\n"
    "from tests.fakes.telegram_api import FakeTelegram\n"
    "async def main():\n"
    "    fake = FakeTelegram()\n"
    "    print(await fake.start(), flush=True)\n"
    "    await asyncio.sleep(3600)\n"
    "asyncio.run(main())\n"
)


async def _cpu_per_call(url: str, request: BaseRequest) -> float:
    """Milliseconds of this process's CPU per sendMessage through one backend."""
    # The fake refuses any other token, as Telegram does.
    bot = Bot(FakeTelegram.token, base_url=f"{url}/bot", request=request)
    async with bot:
        for chat in range(20):  # warm the connection pool
            await bot.send_message(-1000 - chat, "warm-up")
        started = time.process_time()
        for call in range(CALLS):
            await bot.send_message(
                -1000 - call % 100, "Logged: 3.00 USD – coffee. Saved to row 12 (December 2026)."
            )
        return (time.process_time() - started) * 1000 / CALLS


def bot_api_call_cpu() -> dict[str, float]:
    """Median CPU per Bot API call through PTB's default httpx backend and through aiohttp."""
    fake = subprocess.Popen([sys.executable, "-c", _SERVE_FAKE], stdout=subprocess.PIPE, text=True)
    try:
        assert fake.stdout is not None
        url = fake.stdout.readline().strip()
        httpx = [asyncio.run(_cpu_per_call(url, HTTPXRequest())) for _ in range(ROUNDS)]
        aiohttp = [asyncio.run(_cpu_per_call(url, AiohttpRequest())) for _ in range(ROUNDS)]
    finally:
        fake.kill()
        fake.wait()
    return {"httpx": statistics.median(httpx), "aiohttp": statistics.median(aiohttp)}


def _capture_settings(workdir: str) -> Settings:
    return Settings.from_environment(
        {
            "WORKBOOK_PATH": f"{workdir}/balance.xlsx",
            "DATABASE_PATH": f"{workdir}/bot.sqlite3",
            "USER_RATE_LIMIT_PER_MINUTE": str(MESSAGES),
            # The hundred groups it posts in: no group is served unless allowed.
            "ALLOWED_CHAT_IDS": ",".join(str(-100 - number) for number in range(100)),
        }
    )


def _message(number: int) -> IncomingMessage:
    return IncomingMessage(
        -100 - number % 100, number, 10 + number % 200, "Sokha", "coffee 3$", datetime.now(UTC)
    )


async def _capture_cpu(workdir: str) -> tuple[float, float]:
    """CPU per message, and SQLite transactions per message, of the capture flow."""
    parts = build_capture(_capture_settings(workdir))
    transactions = 0
    run = parts.database.run

    async def counted(work: Callable[[sqlite3.Connection], T]) -> T:
        nonlocal transactions
        transactions += 1
        return await run(work)

    parts.database.run = counted  # type: ignore[method-assign]
    started = time.process_time()
    for number in range(MESSAGES):
        await parts.capture.on_message(_message(number))
    used = time.process_time() - started
    await parts.close()
    return used * 1000 / MESSAGES, transactions / MESSAGES


def capture_path_cpu() -> tuple[float, float]:
    """Median CPU per message of the capture flow alone (parser, SQLite state, workbook; saves
    excluded), and how many SQLite transactions a message makes."""
    runs = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as workdir:
            runs.append(asyncio.run(_capture_cpu(workdir)))
    return statistics.median(cpu for cpu, _ in runs), statistics.median(count for _, count in runs)


async def _stage_costs(workdir: str) -> dict[str, float]:
    """Milliseconds of CPU of each stage of an expense on the hot path, each measured alone."""
    parts = build_capture(_capture_settings(workdir))
    parser = HeuristicParser()
    line = LedgerLine(
        datetime.now(UTC).date(), "coffee", Money(Decimal(3), Currency.USD), "Sokha", EntrySource(-100, 1, 0)
    )
    await parts.capture.categorised(-100, [line])  # the Categories tab read and its book made once
    ledger = WorkbookLedger(Path(workdir) / "stages.xlsx", load_template(), "%B %Y")
    period = Period.of(line.day)

    async def each(stage: Callable[[int], Awaitable[object]]) -> float:
        started = time.process_time()
        for number in range(MESSAGES):
            await stage(number)
        return (time.process_time() - started) * 1000 / MESSAGES

    async def reading(number: int) -> object:
        return parser.parse("coffee 3$")

    async def categorising(number: int) -> object:
        return await parts.capture.categorised(-100 - number % 100, [line])

    async def transaction(number: int) -> object:
        await parts.database.prove_writable()  # one row written and committed (fsync'd)
        return None

    async def row(number: int) -> object:
        return await ledger.append(period, [replace(line, source=EntrySource(-100, number, 0))])

    costs = {
        "reading": await each(reading),
        "categories": await each(categorising),
        "SQLite transaction": await each(transaction),
        "workbook row": await each(row),
    }
    started = time.process_time()
    await ledger.close()  # one save of the MESSAGES rows, as the coalesced saves do every few seconds
    costs["workbook save"] = (time.process_time() - started) * 1000
    await parts.close()
    return costs


def hot_path_stages() -> dict[str, float]:
    """Median CPU of each stage of an expense's hot path, measured alone (see _stage_costs)."""
    runs = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as workdir:
            runs.append(asyncio.run(_stage_costs(workdir)))
    return {stage: statistics.median(run[stage] for run in runs) for stage in runs[0]}


RENDERS = 5000
SPEECHES = {
    "English": Speech(Language.ENGLISH),
    "Khmer": Speech(Language.KHMER),
    "Khmer digits": Speech(Language.KHMER, khmer_digits=True),
}


def confirmation_render_us() -> dict[str, float]:
    """Median microseconds to render one expense's confirmation and its Undo button, per language."""
    day = datetime.now(UTC).date()
    line = LedgerLine(day, "coffee", Money(Decimal(3), Currency.USD), "Sokha", EntrySource(-1, 7, 0))
    saved = SavedMessage(-1, 7, 11, datetime.now(UTC), (SavedLine(line, "November 2026", 13, 12),), False)
    medians = {}
    for name, speech in SPEECHES.items():
        replies = Replies.of(speech)
        runs = []
        for _ in range(ROUNDS):
            started = time.perf_counter()
            for _ in range(RENDERS):
                replies.confirmation(saved, None)
                replies.undo_button(saved)
            runs.append((time.perf_counter() - started) * 1e6 / RENDERS)
        medians[name] = statistics.median(runs)
    return medians


def report() -> None:
    """Print where the bot's CPU per expense goes."""
    calls = bot_api_call_cpu()
    print(
        f"Bot API call CPU         httpx {calls['httpx']:.2f} ms, aiohttp {calls['aiohttp']:.2f} ms "
        f"per sendMessage (PTB Bot, no rate limiter; medians of {ROUNDS} x {CALLS} calls, "
        "the fake in its own process)"
    )
    capture, transactions = capture_path_cpu()
    print(
        f"capture path CPU         {capture:.2f} ms per message "
        f"(parser, SQLite, workbook; no Telegram; median of {ROUNDS} x {MESSAGES})"
    )
    stages = hot_path_stages()
    print(
        f"hot path by stage        reading {stages['reading']:.3f} ms, "
        f"categories {stages['categories']:.3f} ms, "
        f"{transactions:.0f} SQLite transactions x {stages['SQLite transaction']:.3f} ms, workbook row "
        f"{stages['workbook row']:.3f} ms (+ one save of {MESSAGES} rows {stages['workbook save']:.0f} ms) "
        f"per expense (each stage alone, medians of {ROUNDS} x {MESSAGES}); the rest of the capture path "
        "is the flow's own, and each Telegram call costs the aiohttp figure above"
    )
    rendered = ", ".join(f"{name} {micros:.1f} µs" for name, micros in confirmation_render_us().items())
    print(
        f"confirmation rendering   {rendered} per confirmation and its Undo button "
        f"(gettext catalogs, CLDR formats; medians of {ROUNDS} x {RENDERS})"
    )


if __name__ == "__main__":
    report()
