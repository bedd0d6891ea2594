"""Issue 6: the share of messages decided without an LLM, and the LLM path's reply time."""

from __future__ import annotations

import asyncio
import json
import statistics
import tempfile
import time
from pathlib import Path

from tests.fakes.model_script import answer
from tests.fakes.ollama_api import FakeOllama
from tests.fakes.telegram_api import FakeTelegram

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.domain.expenses import ParseResult
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ParseHints
from bench.bot import replied_at, start_bot, workbook_bot_env

CORPUS = Path(__file__).resolve().parent.parent.parent / "shared" / "corpus" / "expenses-dev.jsonl"
LLM_LATENCY_SECONDS = 0.300
GROUPS = 20
# Each round posts one message the parser is unsure of and four it is sure of, in other groups.
ROUNDS = 40
PER_SECOND = 10
SURE = ["coffee 3$", "ទឹកកក ៥០០០៛", "taxi 15000 riel", "printer ink 18$"]


class CountingSecondOpinion:
    """Counts the messages that would be sent to an LLM; answers nothing."""

    def __init__(self) -> None:
        self.asked = 0

    async def parse_message(self, text: str, hints: ParseHints) -> ParseResult | None:
        self.asked += 1
        return None


def share_without_llm() -> tuple[int, int]:
    """(decided without an LLM, messages) over the dev corpus, through the bot's interpreter."""
    texts = [json.loads(line)["text"] for line in CORPUS.read_text(encoding="utf-8").splitlines() if line]
    second = CountingSecondOpinion()
    interpreter = MessageInterpreter(HeuristicParser(), second)

    async def run() -> None:
        for text in texts:
            await interpreter.interpret(text)

    asyncio.run(run())
    return len(texts) - second.asked, len(texts)


def unsure_message(number: int) -> str:
    return f"paid {10 + number} to the driver who brought the chairs"


async def reply_times() -> dict[str, float]:
    """Run `balance-bot run` with a fake Ollama answering in 300 ms; time replies on both paths."""
    telegram, ollama = FakeTelegram(), FakeOllama()
    await telegram.start()
    ollama_url = await ollama.start()
    ollama.script.latency = LLM_LATENCY_SECONDS
    for number in range(ROUNDS):
        ollama.script.answers[unsure_message(number)] = answer(10 + number, "USD", "driver")
    with tempfile.TemporaryDirectory() as workdir:
        env = workbook_bot_env(
            telegram, workdir, PARSER_LLM="ollama", OLLAMA_HOST=ollama_url, USER_RATE_LIMIT_PER_MINUTE="1000"
        )
        bot = await start_bot(env, workdir)
        unsure, sure = [], []
        posted_at: dict[int, float] = {}
        try:
            await telegram.wait_for("setMyCommands", timeout=30)
            started = time.perf_counter()
            for number in range(ROUNDS * 5):
                group, member = -1000 - number % GROUPS, 10 + number % 50
                if number % 5 == 0:
                    unsure.append(telegram.user_says(group, member, unsure_message(number // 5)))
                else:
                    sure.append(telegram.user_says(group, member, SURE[number % len(SURE)]))
                posted_at[(unsure if number % 5 == 0 else sure)[-1]["message_id"]] = time.perf_counter()
                await asyncio.sleep(max(0.0, started + (number + 1) / PER_SECOND - time.perf_counter()))
            deadline = time.perf_counter() + 60
            while time.perf_counter() < deadline and len(replied_at(telegram)) < len(unsure) + len(sure):
                await asyncio.sleep(0.05)
        finally:
            bot.terminate()
            await bot.wait()
            await telegram.stop()
            await ollama.stop()
    replied = replied_at(telegram)

    def latencies(messages: list[dict[str, object]]) -> list[float]:
        # From the post, not from getUpdates: a bot busy with one message polls late for the next.
        return [
            (replied[m["message_id"]] - posted_at[m["message_id"]]) * 1000  # type: ignore[index]
            for m in messages
            if m["message_id"] in replied
        ]

    unsure_ms, sure_ms = latencies(unsure), latencies(sure)
    return {
        "unsure_replied": len(unsure_ms),
        "unsure_median_ms": statistics.median(unsure_ms) if unsure_ms else float("nan"),
        "sure_replied": len(sure_ms),
        "sure_median_ms": statistics.median(sure_ms) if sure_ms else float("nan"),
        "sure_p95_ms": statistics.quantiles(sure_ms, n=20)[-1] if len(sure_ms) > 1 else float("nan"),
        "ollama_calls": len(ollama.script.asked),
    }


LOAD_SECONDS = 3.0
COLD_RUNS = 3


async def first_reply_after_start_ms(*, unloaded: bool) -> float:
    """`balance-bot run` with a fake Ollama that takes LOAD_SECONDS to load its model: the reply time
    of the first hard message, once the bot's warm-up loaded the model, or with the model unloaded
    again just before (as Ollama does to an idle model)."""
    telegram, ollama = FakeTelegram(), FakeOllama()
    await telegram.start()
    ollama_url = await ollama.start()
    ollama.load_seconds = LOAD_SECONDS
    ollama.script.latency = LLM_LATENCY_SECONDS
    ollama.script.answers[unsure_message(0)] = answer(10, "USD", "driver")
    with tempfile.TemporaryDirectory() as workdir:
        env = workbook_bot_env(telegram, workdir, PARSER_LLM="ollama", OLLAMA_HOST=ollama_url)
        bot = await start_bot(env, workdir)
        try:
            await telegram.wait_for("setMyCommands", timeout=30)
            deadline = time.perf_counter() + 30
            while not ollama.loaded and time.perf_counter() < deadline:
                await asyncio.sleep(0.05)
            if unloaded:
                ollama.unload()
            message = telegram.user_says(-1000, 10, unsure_message(0))
            posted = time.perf_counter()
            deadline = posted + 30
            while message["message_id"] not in replied_at(telegram) and time.perf_counter() < deadline:
                await asyncio.sleep(0.02)
            return (replied_at(telegram).get(message["message_id"], float("nan")) - posted) * 1000
        finally:
            bot.terminate()
            await bot.wait()
            await telegram.stop()
            await ollama.stop()


def report_cold_model() -> None:
    """Print the figures of issue 24: the first hard message with the model warm, and unloaded."""
    warm = [asyncio.run(first_reply_after_start_ms(unloaded=False)) for _ in range(COLD_RUNS)]
    cold = [asyncio.run(first_reply_after_start_ms(unloaded=True)) for _ in range(COLD_RUNS)]
    print(
        f"first hard message      warmed at start: median {statistics.median(warm):.0f} ms; model unloaded "
        f"before it: median {statistics.median(cold):.0f} ms ({COLD_RUNS} runs each; fake Ollama loading "
        f"in {LOAD_SECONDS:.0f} s, answering in {LLM_LATENCY_SECONDS * 1000:.0f} ms)"
    )


def report() -> None:
    """Print the figures of issues 6 and 24."""
    if CORPUS.exists():
        alone, total = share_without_llm()
        share = 100 * alone / total
        print(f"decided without an LLM  {alone}/{total} of {CORPUS.name} ({share:.1f}%)   goal >= 90%")
    else:
        print("decided without an LLM  skipped: the shared corpus is not beside this checkout")
    figures = asyncio.run(reply_times())
    print(
        f"LLM path reply time     median {figures['unsure_median_ms']:.0f} ms "
        f"({figures['unsure_replied']:.0f}/{ROUNDS} replied, {figures['ollama_calls']:.0f} Ollama calls; "
        f"fake Ollama answering in {LLM_LATENCY_SECONDS * 1000:.0f} ms; `balance-bot run`, fake Bot API)"
    )
    print(
        f"  sure messages meanwhile  median {figures['sure_median_ms']:.1f} ms, "
        f"p95 {figures['sure_p95_ms']:.1f} ms "
        f"({figures['sure_replied']:.0f}/{ROUNDS * 4} replied; {PER_SECOND} messages/s over {GROUPS} groups, "
        "one in five sent to the LLM)"
    )
    report_cold_model()


if __name__ == "__main__":
    report()
