"""Issue 22: a question to the ledger on a month of 5,000 rows — Sheets reads per answer and the bot's
CPU; and the share of tests/corpus/ask/reader.jsonl the question reader reads, and reads right."""

from __future__ import annotations

import json
import statistics
import time
from datetime import date, timedelta
from decimal import Decimal
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

from balance_bot.domain.ledger import Period
from balance_bot.domain.questions import LedgerQuestion, read_question
from balance_bot.questions.ask import AskLedger, AskPolicy, MembersMay
from bench.balance import CHAT, against_fake_sheets, google_balances
from infrastructure.categories.tab import load_categories_csv
from infrastructure.sheets.template import load_template
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.replies import ENGLISH, Replies

ROUNDS = 9
QUESTIONS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "ask" / "reader.jsonl"
TODAY = date(2026, 11, 18)
YEAR_ASKED = "how much did we spend this year?"  # one worksheet of the twelve months exists
ASKED = ("how much did Dara spend this month?", "how much on ទឹកកក this month", "biggest expenses this month")


async def admin() -> bool:
    return True


async def measure(url: str, key: dict[str, Any], pipe: Connection) -> dict[str, float]:
    """Questions on the 5,000-row month: each after the rows went stale (one read), then a burst."""
    async with google_balances(url, key) as (service, clock, _):
        ask = AskLedger(
            service, clock, AskPolicy(MembersMay.OWN, load_template().void_prefix, lambda: date(2026, 11, 22))
        )
        answers = AskReplies(Replies(ENGLISH), Decimal(4000))
        await ask.ask(CHAT, 1, "Sokha", admin, ASKED[0])  # the first read of the month
        reads, cpu, burst_reads, answer_cpu = [], [], [], []
        for round_number in range(ROUNDS):
            clock.current += timedelta(seconds=10)  # the rows are stale: this answer reads the month
            pipe.send("values.get")
            before = pipe.recv()
            started = time.process_time()
            answers.answer(await ask.ask(CHAT, 1, "Sokha", admin, ASKED[round_number % len(ASKED)]))
            cpu.append((time.process_time() - started) * 1000)
            pipe.send("values.get")
            reads.append(pipe.recv() - before)
            for question in ASKED:
                started = time.process_time()
                answers.answer(await ask.ask(CHAT, 1, "Sokha", admin, question))
                answer_cpu.append((time.process_time() - started) * 1000)
            pipe.send("values.get")
            burst_reads.append(pipe.recv() - before - reads[-1])
        clock.current += timedelta(seconds=10)
        calls_before = sheets_reads(pipe)
        started = time.process_time()
        answers.answer(await ask.ask(CHAT, 1, "Sokha", admin, YEAR_ASKED))
        year_cpu = (time.process_time() - started) * 1000
        year_calls = sheets_reads(pipe) - calls_before
        clock.current += timedelta(seconds=10)  # the same twelve months read one by one, for comparison
        calls_before = sheets_reads(pipe)
        for period in [Period(2026, month) for month in range(1, 13)]:
            await service.rows(CHAT, period)
        monthly_calls = sheets_reads(pipe) - calls_before
    return {
        "reads": statistics.median(reads),
        "max_reads": max(reads),
        "cpu_ms": statistics.median(cpu),
        "burst_reads": max(burst_reads),
        "answer_cpu_ms": statistics.median(answer_cpu),
        "year_calls": year_calls,
        "monthly_calls": monthly_calls,
        "year_cpu_ms": year_cpu,
    }


def sheets_reads(pipe: Connection) -> int:
    """Every read call the fake Sheets API answered so far: values, several ranges, metadata."""
    total = 0
    for kind in ("values.get", "values.batchGet", "get"):
        pipe.send(kind)
        total += pipe.recv()
    return total


def question_set() -> tuple[int, int, int]:
    """(questions, read without a model, read right) over the labelled question set."""
    members = ["Dara", "Sokha"]
    categories = [(category.name, category.name_km) for category in load_categories_csv()]
    total = read = right = 0
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        labelled = json.loads(line)
        total += 1
        reading = read_question(labelled["text"], TODAY, members, categories)
        if not isinstance(reading, LedgerQuestion):
            continue
        read += 1
        span = [reading.span.first.isoformat(), reading.span.last.isoformat()]
        right += (
            reading.measure.value == labelled["measure"]
            and span == labelled["span"]
            and reading.member == labelled["member"]
            and reading.about_me == labelled["me"]
            and list(reading.words) == labelled["words"]
            and reading.category == labelled["category"]
        )
    return total, read, right


def report() -> None:
    """Print the figures of issue 22."""
    total, read, right = question_set()
    print(
        f"questions without a model  {read} of {total} read ({100 * read / total:.0f}%), {right} read right "
        f"({100 * right / total:.0f}%; {QUESTIONS.name}, English and Khmer)"
    )
    figures = against_fake_sheets(measure)
    print(
        f"/ask on 5,000 rows          Sheets reads {figures['reads']:.0f} per answer (at most "
        f"{figures['max_reads']:.0f}; {figures['burst_reads']:.0f} more for {len(ASKED)} questions "
        "within 5 s); "
        f"bot CPU median {figures['answer_cpu_ms']:.1f} ms per answer from the month's rows, "
        f"{figures['cpu_ms']:.1f} ms with the read of the 5,000 rows ({ROUNDS} runs; fake Sheets in its own "
        "process)   goal 1 read, < 50 ms"
    )
    print(
        f"/ask about a year           Sheets read calls {figures['year_calls']:.0f} for “{YEAR_ASKED}” "
        f"(the titles, then the months the spreadsheet has, together; {figures['monthly_calls']:.0f} "
        "when the twelve months are read one by one); "
        f"bot CPU {figures['year_cpu_ms']:.1f} ms with the read"
    )


if __name__ == "__main__":
    report()
