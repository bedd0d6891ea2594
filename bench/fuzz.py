"""Issue 15: generated messages through the interpreter: exceptions, the slowest, time per character."""

from __future__ import annotations

import asyncio
import random
import statistics
import tempfile
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.domain.parser import HeuristicParser

MESSAGES = 100_000
SEED = 15
# Pieces members and attackers type; messages are random runs of them, so every shape recurs.
PIECES = [
    "1", "3", "05", "10", "500", "5000", "20000", "1,000", "1.250.000", "12 500", "3,5", "0.5", ".5",
    "$", "US$", "៛", "k", "K", "r", "riel", "usd", "dollars", "cents", " ", " ", " ", "\n", "\n- ",
    ",", ".", ":", "/", "-", "~", "@", "#", "?", "!", "+", "x2", "%", "(", ")", "×",
    "coffee", "taxi", "ice", "total", "or", "and", "each", "per", "room", "paid", "received", "yesterday",
    "Dec 3", "3/12", "2026-12-03", "8:30", "012 345 678", "+855 12 345 678", "1e9", "NaN", "Infinity",
    "ទឹកកក", "សាំង", "ម៉ឺន", "ពាន់", "លាន", "សែន", "រយ", "២", "៥០០០", "ម្សិលមិញ", "ថ្ងៃច័ន្ទ", "រៀល", "ដុល្លារ",
    "☕", "👍🏽", "\u200b", "\u202e", "\x00", "\ud800", "\udfff", "９", "＄",
    "123456789012345678901234567890", "9" * 40, "0." + "0" * 30 + "1",
]  # fmt: skip
# Shapes that once grew faster than the message: a short run repeated to the length.
REPEATED = ["1$", "1 ", "a1$", "coffee 3$\n", "1 000 ", "yesterday 1$ ", "$ 1 ", "១ម៉ឺន", "0 ", "3/12 "]
# A message of spaces alone: a pattern opening with optional spaces reads it once a space.
REPEATED += [" ", "\n"]


def generated(rng: random.Random, length: int) -> str:
    """A message of about `length` characters: random pieces, or a short random run repeated."""
    if rng.random() < 0.2:
        run = "".join(rng.choice(PIECES) for _ in range(rng.randint(1, 4)))
        return (run * (length // max(1, len(run)) + 1))[:length]
    pieces: list[str] = []
    size = 0
    while size < length:
        piece = rng.choice(PIECES)
        pieces.append(piece)
        size += len(piece)
    return "".join(pieces)[:length]


def fuzz_round(count: int = MESSAGES, seed: int = SEED) -> tuple[int, float, int, list[str]]:
    """(exceptions, slowest seconds, its length, the first few exceptions) over `count` messages."""
    rng = random.Random(seed)
    interpreter = MessageInterpreter(HeuristicParser())
    failures: list[str] = []
    slowest, slowest_length = 0.0, 0

    async def run() -> None:
        nonlocal slowest, slowest_length
        for index in range(count):
            length = rng.choice((8, 20, 60, 200, 1000)) if index % 100 else 4096
            text = generated(rng, rng.randint(1, length))
            started = time.perf_counter()
            try:
                await interpreter.interpret(text)
            except Exception as exc:  # counting them is the point
                failures.append(f"{type(exc).__name__} on {text[:60]!r}")
            took = time.perf_counter() - started
            if took > slowest:
                slowest, slowest_length = took, len(text)

    asyncio.run(run())
    return len(failures), slowest, slowest_length, failures[:3]


def repeated_to_about(run: str, length: int) -> str:
    """The run repeated to about `length` characters, a whole multiple of 60 times, so that texts
    of different lengths end alike (how a text ends decides which way the parser reads it)."""
    return run * max(60, length // len(run) // 60 * 60)


def microseconds_per_character(length: int, rounds: int = 5) -> dict[str, float]:
    """Per shape that once grew quadratically: the median parse time per character at about `length`."""
    parser = HeuristicParser()
    figures = {}
    for run in REPEATED:
        text = repeated_to_about(run, length)
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            parser.parse(text)
            times.append(time.perf_counter() - started)
        figures[run] = statistics.median(times) / len(text) * 1e6
    return figures


async def event_loop_hold() -> tuple[float, int]:
    """(longest the event loop was held, in ms; messages) while the real bot handles the worst messages.

    The bot runs in this process against the fake Bot API, with its workbook; a ticker that
    wakes every millisecond measures the longest gap between its wake-ups.
    """
    from tests.e2e.test_bot import running
    from tests.fakes.clock import FakeClock
    from tests.fakes.telegram_api import FakeTelegram

    from infrastructure.settings import Settings

    worst = [(run * 4096)[:4096] for run in REPEATED]
    worst += ["\n".join(f"printed handouts for the parents' evening {n} {n + 1}$" for n in range(50))]
    worst += ["\n".join(f"item {n} {n + 1}$" for n in range(51))]
    answering = [(text, _answered(text)) for text in worst]  # read here, not while the ticker measures
    telegram = FakeTelegram()
    await telegram.start()
    longest = 0.0
    with tempfile.TemporaryDirectory() as workdir:
        env = {
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.url,
            "WORKBOOK_PATH": str(Path(workdir) / "balance.xlsx"),
            "DATABASE_PATH": str(Path(workdir) / "bot.sqlite3"),
            "RATE_SOURCE": "fixed",  # the rate of the day off the network
            "USER_RATE_LIMIT_PER_MINUTE": "1000",
            "PARSER_LLM": "none",
            "ALLOWED_CHAT_IDS": "-1001",  # the group it posts in: no group is served unless allowed
        }
        async with running(Settings.from_environment(env), FakeClock(datetime.now(UTC))):
            await asyncio.sleep(0.5)  # start-up (dateparser, the first workbook) is not a member's message
            stop = asyncio.Event()

            async def tick() -> None:
                nonlocal longest
                last = time.perf_counter()
                while not stop.is_set():
                    await asyncio.sleep(0.001)
                    now = time.perf_counter()
                    longest = max(longest, now - last - 0.001)
                    last = now

            ticker = asyncio.create_task(tick())
            for index, (text, answered) in enumerate(answering * 3):
                message = telegram.user_says(-1001, 100 + index % 7, text)
                if answered:
                    await telegram.wait_for("sendMessage", _replying_to(message["message_id"]), timeout=30)
                else:
                    await asyncio.sleep(0.05)
            stop.set()
            await ticker
    await telegram.stop()
    return longest * 1000, len(worst) * 3


def _replying_to(message_id: int) -> Callable[[dict[str, Any]], bool]:
    return lambda sent: sent.get("reply_parameters", {}).get("message_id") == message_id


def _answered(text: str) -> bool:
    """Whether the bot replies to this message (chatter gets no reply to wait for)."""
    return HeuristicParser().parse(text).status.value != "ignore"


def report() -> None:
    started = time.perf_counter()
    exceptions, slowest, slowest_length, examples = fuzz_round()
    print(
        f"fuzz                    {MESSAGES:,} generated messages through the interpreter: "
        f"{exceptions} exceptions; slowest {slowest * 1000:.1f} ms ({slowest_length:,} characters); "
        f"{time.perf_counter() - started:.0f} s in all   goal 0 exceptions"
    )
    for example in examples:
        print(f"  {example}")
    short, long = microseconds_per_character(2048), microseconds_per_character(8192)
    longest = microseconds_per_character(4096)
    worst = max(longest, key=lambda run: longest[run])
    print(
        f"worst 4,096 characters  {longest[worst] * 4096 / 1000:.1f} ms ({worst!r} repeated)   goal < 20 ms"
    )
    ratios = {run: long[run] / short[run] for run in short}
    print(
        "time per character      at about 8,192 over about 2,048 characters, per repeated shape: "
        + ", ".join(f"{run!r} {ratio:.2f}" for run, ratio in ratios.items())
        + f"; median {statistics.median(ratios.values()):.2f}   linear is about 1"
    )
    held, messages = asyncio.run(event_loop_hold())
    print(
        f"event loop held         at most {held:.1f} ms while the bot handled {messages} of the worst "
        "messages (4,096 characters of each shape, a 50-entry list, a 51-entry one)   goal <= 50 ms"
    )


if __name__ == "__main__":
    report()
