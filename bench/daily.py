"""Issue 38: the daily jobs' Sheets reads per group per day: the bot's own jobs, wired as `balance-bot run`
wires them, on the fake Sheets API, over a day of a clock moved one JobQueue tick at a time.

Each job is a DailyJob in JOBS: what one tick of it does. A capability with a job of its own (the
recurring costs, the approvals' reminder) adds its DailyJob there, and its reads are counted apart.
"""

from __future__ import annotations

import asyncio
import json
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path

from tests.fakes.clock import FakeClock
from tests.fakes.sheets_api import FakeSheets

from balance_bot.balances.monthly_rounds import TICK_SECONDS, MonthlyRounds
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.groups.membership import GroupMembership
from balance_bot.ports import SavedMessage
from infrastructure.settings import Settings
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.memberships import SqliteMemberships
from infrastructure.wiring.capture import CaptureParts, build_capture
from infrastructure.wiring.changes import build_changes
from infrastructure.wiring.recurring import build_recurring

GROUPS = (10, 100)
EXPENSES_PER_GROUP = 20
DAY = date(2026, 12, 10)
# Midnight in Phnom Penh (UTC+7): the simulated day runs from here for 24 hours.
MIDNIGHT = datetime(2026, 12, 9, 17, 0, tzinfo=UTC)
BOOKKEEPER_EDITS_AT = timedelta(hours=14)
READS = frozenset({"values.get", "values.batchGet", "get"})
FIRST_CHAT = -1001_000_000


@dataclass
class Bench:
    """The bot's parts on the fake Sheets API, the clock they read, and the groups served."""

    parts: CaptureParts
    settings: Settings
    clock: FakeClock
    groups: list[int]
    membership: GroupMembership


@dataclass
class DailyJob:
    """A job of the bot's JobQueue as the bench runs it: `tick` does what one tick of it does."""

    name: str
    tick: Callable[[], Awaitable[None]]
    told: list[int]  # the groups it would have posted to, one entry a post
    once_a_day: bool = True  # False for the rounds, which read every RECONCILE_MINUTES
    # What an admin did before the day, run before the reads are counted (a recurring cost set up).
    prepare: Callable[[], Awaitable[None]] | None = None


def monthly_rounds(bench: Bench) -> DailyJob:
    """The rounds (months read and rolled over, summaries, advance reminders), as app.py ticks them."""
    rounds = MonthlyRounds(
        bench.parts.balances,
        bench.parts.languages,
        bench.membership,
        bench.settings.reconcile_minutes * 60,
        bench.parts.reminders,
    )
    told: list[int] = []

    async def tick() -> None:
        for chat_id in await rounds.next_share():
            plan = await rounds.round(chat_id)
            told.extend([chat_id] * (len(plan.reminders) + (plan.closed is not None)))

    return DailyJob("monthly rounds, reminders and summaries", tick, told, once_a_day=False)


def changes_by_hand(bench: Bench) -> DailyJob:
    """The daily look at what changed in the sheet by hand, at CHANGES_HOUR."""
    parts = bench.parts
    changes = build_changes(
        bench.settings, parts.balances, parts.ledgers, parts.database, parts.clock, bench.membership
    )
    told: list[int] = []

    async def tick() -> None:
        for chat_id in await changes.groups_due():
            report = await changes.daily(chat_id)
            if report is not None:
                await changes.told_of(report)
                told.append(chat_id)

    return DailyJob("changes by hand", tick, told)


def recurring_costs(bench: Bench) -> DailyJob:
    """The recurring costs' rounds, as the JobQueue runs them every ROUND_SECONDS; each group has a cost
    due on the day (rent on the 10th), set up by an admin the day before."""
    recurring = build_recurring(bench.settings, bench.parts)
    told: list[int] = []

    async def admin() -> bool:
        return True

    async def set_up() -> None:
        for chat_id in bench.groups:
            await recurring.commands.command(chat_id, 7, "Dara", "rent 300$ monthly on 10", admin)

    async def tick() -> None:
        for chat_id in await recurring.rounds.groups_due():
            for posted in await recurring.rounds.post_due(chat_id):
                plan = posted.plan
                while plan.then is not None:
                    plan = await plan.then()
                told.append(chat_id)

    return DailyJob("recurring costs", tick, told, prepare=set_up)


# The jobs a day of the bot runs, in the order its JobQueue was given them.
JOBS: list[Callable[[Bench], DailyJob]] = [monthly_rounds, changes_by_hand, recurring_costs]


def settings_for(sheets: FakeSheets, folder: Path, groups: Sequence[int]) -> Settings:
    """A Google bot on the fake Sheets API, one spreadsheet a group; no quota wait (the clock is fake)."""
    key_file = folder / "service-account.json"
    key_file.write_text(json.dumps(sheets.service_account_key()))
    email = json.loads(key_file.read_text())["client_email"]
    by_chat = {}
    for chat_id in groups:
        sheets.add_spreadsheet(spreadsheet_of(chat_id), f"Petty cash {chat_id}", {email})
        by_chat[str(chat_id)] = spreadsheet_of(chat_id)
    return Settings.from_environment(
        {
            "ALLOWED_CHAT_IDS": ",".join(str(chat_id) for chat_id in groups),
            "SHEET_BACKEND": "google",
            "GOOGLE_SERVICE_ACCOUNT_FILE": str(key_file),
            "SHEETS_API_URL": sheets.url,
            "BALANCE_SHEET_BY_CHAT": json.dumps(by_chat),
            "DATABASE_PATH": str(folder / "bot.sqlite3"),
            "RATE_SOURCE": "fixed",  # the rate of the day off the network
            "SHEETS_READS_PER_MINUTE": "1000000",
            "SHEETS_WRITES_PER_MINUTE": "1000000",
            "PARSER_LLM": "none",
        }
    )


def spreadsheet_of(chat_id: int) -> str:
    return f"daily-bench-{-chat_id}"


async def seed(bench: Bench) -> None:
    """Each group's month so far: expenses written by the bot, kept as capture keeps them."""
    state = SqliteCaptureState(bench.parts.database)
    for chat_id in bench.groups:
        lines = [
            LedgerLine(
                DAY - timedelta(days=number % 9),
                f"item {number}",
                Money(Decimal(1 + number % 7), Currency.USD),
                "Sokha",
                EntrySource(chat_id, 1000 + number, 0, 7),
            )
            for number in range(EXPENSES_PER_GROUP)
        ]
        saved = await bench.parts.ledgers.for_chat(chat_id).append(Period.of(DAY), lines)
        await state.record(SavedMessage(chat_id, 1000, 7, bench.clock.now(), tuple(saved)))


def bookkeeper_edits(sheets: FakeSheets, groups: Sequence[int]) -> None:
    """A bookkeeper corrects one amount in every group's sheet."""
    for chat_id in groups:
        rows = sheets.spreadsheets[spreadsheet_of(chat_id)].months[0].rows
        rows[3][3] = 2.5


def reads_per_group(sheets: FakeSheets, groups: Sequence[int], since: int) -> dict[int, int]:
    counted = dict.fromkeys(groups, 0)
    for kind, path in sheets.calls[since:]:
        if kind in READS:
            for chat_id in groups:
                if f"/spreadsheets/{spreadsheet_of(chat_id)}" in path:
                    counted[chat_id] += 1
    return counted


async def a_day(sheets: FakeSheets, folder: Path, count: int) -> dict[str, tuple[list[int], int, bool]]:
    """Every job's reads per group over one day, and how many posts it would have made."""
    groups = [FIRST_CHAT - number for number in range(count)]
    settings = settings_for(sheets, folder, groups)
    clock = FakeClock(MIDNIGHT - timedelta(hours=1))
    parts = build_capture(settings, clock)
    bench = Bench(parts, settings, clock, groups, GroupMembership(SqliteMemberships(parts.database)))
    try:
        await seed(bench)
        jobs = [make(bench) for make in JOBS]
        for job in jobs:
            if job.prepare is not None:
                await job.prepare()
        reads = {job.name: dict.fromkeys(groups, 0) for job in jobs}
        clock.current = MIDNIGHT
        edited = False
        while clock.current < MIDNIGHT + timedelta(days=1):
            if not edited and clock.current >= MIDNIGHT + BOOKKEEPER_EDITS_AT:
                bookkeeper_edits(sheets, groups)
                edited = True
            for job in jobs:
                before = len(sheets.calls)
                await job.tick()
                for chat_id, counted in reads_per_group(sheets, groups, before).items():
                    reads[job.name][chat_id] += counted
            clock.advance(seconds=TICK_SECONDS)
        return {job.name: (list(reads[job.name].values()), len(job.told), job.once_a_day) for job in jobs}
    finally:
        await parts.close()


def figures(count: int) -> dict[str, tuple[list[int], int, bool]]:
    sheets = FakeSheets()
    sheets.start()
    try:
        with tempfile.TemporaryDirectory() as folder:
            return asyncio.run(a_day(sheets, Path(folder), count))
    finally:
        sheets.stop()


def report(counts: Sequence[int] = GROUPS) -> None:
    """Print the figure of issue 38: Sheets reads per group per day, each job's, the once-a-day jobs'
    together, and every job's together (the rounds, which read every RECONCILE_MINUTES, included)."""
    for count in counts:
        started = time.perf_counter()
        measured = figures(count)
        seconds = time.perf_counter() - started
        for name, (reads, posts, _) in measured.items():
            print(
                f"daily job, {count} groups   {name}: {sum(reads) / count:.1f} Sheets reads per group "
                f"per day (most {max(reads)}); {posts} posts"
            )
        daily = _together([reads for reads, _, once in measured.values() if once])
        every = _together([reads for reads, _, _ in measured.values()])
        print(
            f"daily jobs, {count} groups  once-a-day jobs together: {daily / count:.1f} Sheets reads per "
            f"group per day   goal <= 2; with the rounds: {every / count:.1f} (a day of "
            f"{TICK_SECONDS:.0f}-second ticks on a fake clock, fake Sheets API, {seconds:.0f} s)"
        )


def _together(per_job: list[list[int]]) -> int:
    return sum(sum(reads) for reads in per_job)


if __name__ == "__main__":
    report([int(argument) for argument in sys.argv[1:]] or GROUPS)
