"""Issue 15: generated messages through the interpreter: exceptions, the slowest, time per character."""

from __future__ import annotations

import asyncio
import random
import statistics
import time

from balance_bot.domain.parser import HeuristicParser
from balance_bot.interpret import MessageInterpreter

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


def microseconds_per_character(length: int, rounds: int = 5) -> dict[str, float]:
    """Per shape that once grew quadratically: the median parse time per character at `length`."""
    parser = HeuristicParser()
    figures = {}
    for run in REPEATED:
        text = (run * (length // len(run) + 1))[:length]
        times = []
        for _ in range(rounds):
            started = time.perf_counter()
            parser.parse(text)
            times.append(time.perf_counter() - started)
        figures[run] = statistics.median(times) / length * 1e6
    return figures


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
    short, long = microseconds_per_character(4096), microseconds_per_character(16384)
    worst = max(short, key=lambda run: short[run] * 4096)
    print(f"worst 4,096 characters  {short[worst] * 4096 / 1000:.1f} ms ({worst!r} repeated)   goal < 20 ms")
    ratios = {run: long[run] / short[run] for run in short}
    print(
        "time per character      at 16,384 over 4,096 characters, per repeated shape: "
        + ", ".join(f"{run!r} {ratio:.2f}" for run, ratio in ratios.items())
        + f"; median {statistics.median(ratios.values()):.2f}   linear is about 1"
    )


if __name__ == "__main__":
    report()
