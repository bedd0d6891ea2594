"""Print every benchmark figure; timings are medians of repeated runs on one pinned core."""

from __future__ import annotations

import json
import os
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from balance_bot.domain.dates import day_named
from balance_bot.domain.parser import HeuristicParser
from bench import (
    approvals,
    ask,
    balance,
    bot,
    categories,
    components,
    daily,
    fuzz,
    llm,
    notices,
    ocr,
    outbox,
    questions,
    receipts,
    recurring,
    scale,
    sheets,
    thousand,
    trip,
    viewers,
    vision,
    webapp,
    webhook,
)

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus" / "expenses-dev.jsonl"
OWN_CORPUS = ROOT / "tests" / "corpus" / "parser-round-two.jsonl"
NOT_SPENDING = ROOT / "tests" / "corpus" / "not-spending.jsonl"
# Numbers in words, Khmer written without spaces and English, for the words path's figure.
NUMBER_WORD_MESSAGES = [
    "ការ៉េម ប្រាំពាន់រៀល",
    "ទឹកកកពីរម៉ឺនប្រាំពាន់រៀល",
    "ជួសជុលម៉ូតូ ប្រាំមួយសែនរៀល",
    "កាហ្វេបីដុល្លារកន្លះ",
    "សៀវភៅ ដប់ដុល្លារ",
    "បាយថ្ងៃត្រង់ សាមសិបពាន់រៀល",
    "ទឹកសុទ្ធ បួនពាន់ប្រាំរយរៀល",
    "យើងមកពីរនាក់",
    "coffee five dollars",
    "market twenty thousand riel",
    "lunch five dollars fifty",
    "water one and a half dollars",
]
SCORER = ROOT / "bench" / "score.py"
ROUNDS = 9
# Used when the shared corpus is not beside the checkout: the same kinds of message.
FALLBACK_MESSAGES = [
    "coffee 3$",
    "ទឹកកក ៥០០០៛",
    "taxi 15000 riel",
    "Market today:\n- fish 20000៛\n- oil 2$",
    "see you at 8:30",
    "Hi all, bought coffee for the team 7.5$ ☕",
    "សាំង ២ម៉ឺន៥ពាន់រៀល",
    "room 204 aircon repair 35$",
    "call me 012 345 678",
    "ice 5000",
    "3$",
    "coffee 3$ or 4$?",
]


def pin_to_one_core() -> str:
    """Run on a single core so the figure is per core, whatever the machine has."""
    if hasattr(os, "sched_setaffinity"):
        core = min(os.sched_getaffinity(0))
        os.sched_setaffinity(0, {core})
        return f"pinned to core {core}"
    return "not pinned (no sched_setaffinity here)"


def corpus_messages() -> tuple[list[str], str]:
    if CORPUS.exists():
        lines = CORPUS.read_text(encoding="utf-8").splitlines()
        return [json.loads(line)["text"] for line in lines if line.strip()], CORPUS.name
    return FALLBACK_MESSAGES, "built-in sample"


# Ways members name the day, put in front of messages for the dated throughput figure.
DATE_PREFIXES = [
    "yesterday ",
    "Dec 3 ",
    "3/12 ",
    "ម្សិលមិញ ",
    "ថ្ងៃច័ន្ទ ",
    "Sat 21 Nov: ",
    "the day before yesterday ",
    "ថ្ងៃទី៣ ខែវិច្ឆិកា ",
]


def dated(messages: list[str]) -> list[str]:
    """Each message with a day named in front of it, the forms taken in turn."""
    return [DATE_PREFIXES[index % len(DATE_PREFIXES)] + text for index, text in enumerate(messages)]


def parse_throughput(messages: list[str]) -> list[float]:
    """Messages per second, dates read as `balance-bot parse` does; one figure per round of >= 0.3 s."""
    parser = HeuristicParser()
    today = date.today()
    rates = []
    for _ in range(ROUNDS):
        count, started = 0, time.perf_counter()
        while (elapsed := time.perf_counter() - started) < 0.3:
            for message in messages:
                for entry in parser.parse(message).entries:
                    if entry.day_words:
                        day_named(entry.day_words, today)
            count += len(messages)
        rates.append(count / elapsed)
    return rates


def longest_message_ms() -> float:
    """Median time to parse a 4,096-character message, the longest Telegram allows."""
    parser = HeuristicParser()
    message = ("fish 20000៛, rice 15000៛, oil 2$ and 3 boxes of A4 paper 9$\n" * 70)[:4096]
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        parser.parse(message)
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def import_time_ms() -> list[float]:
    """Time to import the parser in a fresh interpreter, as the bot and the CLI do at start."""
    probe = (
        "import time; started = time.perf_counter(); import balance_bot.domain.parser; "
        "print((time.perf_counter() - started) * 1000)"
    )
    return [
        float(
            subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True).stdout
        )
        for _ in range(ROUNDS)
    ]


def parse_command_start_ms() -> list[float]:
    """Wall time of `balance-bot parse` on no input: how long other tools wait for it to start."""
    command = [str(Path(sys.executable).parent / "balance-bot"), "parse"]
    times = []
    for _ in range(ROUNDS):
        started = time.perf_counter()
        subprocess.run(command, input="", capture_output=True, text=True, check=True)
        times.append((time.perf_counter() - started) * 1000)
    return times


def corpus_score(corpus: Path = CORPUS) -> str:
    if not corpus.exists():
        return "skipped: the shared corpus is not beside this checkout"
    command = [
        sys.executable,
        str(SCORER),
        str(corpus),
        "--quiet",
        "--",
        str(Path(sys.executable).parent / "balance-bot"),
        "parse",
    ]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    return done.stdout.strip().splitlines()[-1] if done.stdout.strip() else done.stderr.strip()[-300:]


def heldout() -> None:
    """The held-out sets, when BENCH_HELDOUT names their folder: figures only, never their cases."""
    folder = Path(os.environ.get("BENCH_HELDOUT", ""))
    if not os.environ.get("BENCH_HELDOUT") or not folder.is_dir():
        return
    if (folder / "messages.jsonl").exists():
        print(f"held-out messages       {corpus_score(folder / 'messages.jsonl')}")
    if (folder / "ask-month.json").exists():
        print(questions.report(folder / "ask-month.json", folder / "questions.jsonl").splitlines()[0])
    if (folder / "purposes.jsonl").exists():
        print(categories.fresh_report(folder / "purposes.jsonl", show=False))


def main() -> None:
    all_cores = os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else set()
    print(f"balance-bot bench  (python {sys.version.split()[0]}, {pin_to_one_core()})")
    messages, source = corpus_messages()
    day_named("yesterday", date.today())  # dateparser loads on its first call; the bot loads it at start
    rates = parse_throughput(messages)
    print(
        f"parse throughput        median {statistics.median(rates):,.0f} messages/s "
        f"(min {min(rates):,.0f}, max {max(rates):,.0f}; "
        f"{ROUNDS} rounds over {len(messages)} messages of {source})   goal >= 5,000"
    )
    dated_messages = dated(messages)
    dated_rates = parse_throughput(dated_messages)
    print(
        f"parse throughput, dated median {statistics.median(dated_rates):,.0f} messages/s "
        f"(min {min(dated_rates):,.0f}, max {max(dated_rates):,.0f}; the same messages, each with a day "
        f"named in front: {len(DATE_PREFIXES)} forms, English and Khmer)   goal >= 5,000"
    )
    word_rates = parse_throughput(NUMBER_WORD_MESSAGES)
    print(
        f"parse throughput, words median {statistics.median(word_rates):,.0f} messages/s "
        f"(min {min(word_rates):,.0f}, max {max(word_rates):,.0f}; {len(NUMBER_WORD_MESSAGES)} messages with "
        "numbers in words, Khmer (also without spaces) and English)   goal >= 5,000"
    )
    longest = longest_message_ms()
    print(f"longest message         median {longest:.2f} ms to parse 4,096 characters   goal < 20 ms")
    imports = import_time_ms()
    print(
        f"parser import time      median {statistics.median(imports):.1f} ms "
        f"(min {min(imports):.1f}, max {max(imports):.1f}; {ROUNDS} fresh interpreters)"
    )
    starts = parse_command_start_ms()
    print(
        f"parse command start-up  median {statistics.median(starts):.0f} ms "
        f"(min {min(starts):.0f}; {ROUNDS} runs of `balance-bot parse` on no input)"
    )
    print(f"dev corpus score        {corpus_score()}   goal >= 98% correct, 0 wrong_saved, 0 false_alarm")
    print(
        f"own corpus score        {corpus_score(OWN_CORPUS)}   ({OWN_CORPUS.name}: issue 18's capabilities)"
    )
    categories.report(CORPUS)
    print("-- never confidently wrong (issue 32) --")
    for written in sorted(NOT_SPENDING.parent.glob("not-spending*.jsonl")):
        print(f"not spending            {corpus_score(written)}   ({written.name}: goal 0 false alarms)")
    print(questions.reports())
    for labelled_set in categories.project_sets():
        print(categories.fresh_report(labelled_set, show=False))
    print("-- bank notices read as top-ups (issue 36) --")
    notices.report()
    print("-- recurring costs (issue 38) --")
    recurring.report()
    heldout()
    if sys.argv[1:] == ["parser"]:
        return  # `python -m bench parser`: the parser's figures alone
    print("-- photos read on this machine (issue 37); takes about a minute and a half --")
    ocr.report()
    print("-- receipts and transfer screens into rows, no model (issue 37); takes about three minutes --")
    receipts.report()
    print("-- hostile input (issue 15); takes about half a minute --")
    fuzz.report()
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, all_cores)  # the bot and the fake Bot API run as on a real server
    print("-- capture in a group (issue 3); takes about three minutes --")
    bot.report()
    components.report()
    print("-- Google Sheets store (issue 4); takes about two and a half minutes --")
    sheets.report()
    print("-- nothing lost: a burst through the outbox (issue 5); takes about a minute and a half --")
    outbox.report()
    print("-- the LLM second opinion (issue 6); takes about half a minute --")
    llm.report()
    print("-- a photo's way to a vision model, the model excluded (issue 37); takes about twenty seconds --")
    vision.report()
    print("-- balances (issue 7); takes about ten seconds --")
    balance.report()
    print("-- ask the ledger (issue 22); takes about ten seconds --")
    ask.report()
    print("-- the Mini App (issue 23); takes about twenty seconds --")
    webapp.report()
    print("-- the Mini App beside the group's confirmations (issue 31); takes about three minutes --")
    viewers.report()
    print("-- real Telegram and Google (issue 16); takes about fifteen seconds --")
    webhook.report()
    scale.report()
    print("-- 1,000 groups on the real bot, a day sped up x60 (issue 39); takes about twelve minutes --")
    thousand.report()
    print("-- one expense's trip through the code (issue 35); takes a few seconds --")
    trip.report()
    print("-- the daily jobs' Sheets reads (issue 38); takes about three minutes --")
    daily.report()
    print("-- approvals above a threshold (issue 38); takes a few seconds --")
    approvals.report()


if __name__ == "__main__":
    main()
