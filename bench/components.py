"""Where the bot's CPU goes: one Bot API call per HTTP backend, and the capture path without Telegram."""

from __future__ import annotations

import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from decimal import Decimal

from telegram import Bot
from telegram.request import BaseRequest, HTTPXRequest
from tests.fakes.telegram_api import FakeTelegram

from balance_bot.capture.service import IncomingMessage
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import EntrySource, LedgerLine, SavedLine
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import SavedMessage
from infrastructure.bootstrap import build_capture
from infrastructure.settings import Settings
from infrastructure.telegram.aiohttp_request import AiohttpRequest
from infrastructure.telegram.replies import Replies

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


async def _capture_cpu(workdir: str) -> float:
    settings = Settings.from_environment(
        {
            "WORKBOOK_PATH": f"{workdir}/balance.xlsx",
            "DATABASE_PATH": f"{workdir}/bot.sqlite3",
            "USER_RATE_LIMIT_PER_MINUTE": str(MESSAGES),
            # The hundred groups it posts in: no group is served unless allowed.
            "ALLOWED_CHAT_IDS": ",".join(str(-100 - number) for number in range(100)),
        }
    )
    parts = build_capture(settings)
    started = time.process_time()
    for number in range(MESSAGES):
        message = IncomingMessage(
            -100 - number % 100, number, 10 + number % 200, "Sokha", "coffee 3$", datetime.now(UTC)
        )
        await parts.capture.on_message(message)
    used = time.process_time() - started
    await parts.close()
    return used * 1000 / MESSAGES


def capture_path_cpu() -> float:
    """Median CPU per message of the capture flow alone: parser, SQLite state, workbook (saves excluded)."""
    runs = []
    for _ in range(ROUNDS):
        with tempfile.TemporaryDirectory() as workdir:
            runs.append(asyncio.run(_capture_cpu(workdir)))
    return statistics.median(runs)


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
    print(
        f"capture path CPU         {capture_path_cpu():.2f} ms per message "
        f"(parser, SQLite, workbook; no Telegram; median of {ROUNDS} x {MESSAGES})"
    )
    rendered = ", ".join(f"{name} {micros:.1f} µs" for name, micros in confirmation_render_us().items())
    print(
        f"confirmation rendering   {rendered} per confirmation and its Undo button "
        f"(gettext catalogs, CLDR formats; medians of {ROUNDS} x {RENDERS})"
    )


if __name__ == "__main__":
    report()
