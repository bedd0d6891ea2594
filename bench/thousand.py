"""Issue 39: 1,000 groups through a working day on the real bot, `balance-bot run`, in compressed time.

The bot runs unmodified as its own process under libfaketime: its clock starts at 07:40 on a
working day in Phnom Penh and runs SPEED times faster, and libfaketime shortens its sleeps and
its poll, epoll and socket timeouts alike, so its own quota buckets, retries and rounds see the
day's minutes. (Not a threading lock's timed wait: libfaketime 0.9.10 leaves sem_clockwait
alone, so such a wait never ends under it; the bot runs the day without one.) The fake Bot API
and the fake Sheets API run in this process on a clock with the same start and rate, so Google's
per-minute quotas (answered with 429 by the fake) count the same minutes. Members post 20,000
expenses over ten hours, the lunch hour three times as busy as the others (as bench/scale.py
models it); each group has its own spreadsheet. At the end every group's sheet is read: each
expense once, in the order posted.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import re
import sys
import tempfile
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tests.fakes.sheets_api import FakeSheets, FakeSpreadsheet
from tests.fakes.telegram_api import FakeTelegram, Params
from tests.other_days import LIBRARIES, PHNOM_PENH

from bench.bot import MESSAGES, TICKS, cpu_seconds, replied_at, resident_mb
from bench.scale import LUNCH_PEAK
from infrastructure.sheets.template import load_template

GROUPS = 1000
EXPENSES = 20_000
HOURS = 10
ACCOUNTS = 3
# The day runs this many times faster than real time: ten hours in ten minutes.
SPEED = 60.0
# The bot starts a little before the first expense at 08:00, as on a server started in the morning.
BOT_STARTS = datetime(2026, 12, 3, 7, 40, tzinfo=PHNOM_PENH)
DAY_STARTS = datetime(2026, 12, 3, 8, 0, tzinfo=PHNOM_PENH)
# After the day's last expense, how long (in the day's time) the bench waits for the last rows.
DRAIN = timedelta(minutes=60)
# Google answers a call in about a fifth of a second, in the day's time.
LATENCY_SECONDS = 0.2
MONTH_TAB = "December 2026"
# Starts of the bot before the bench gives up (see run_day).
STARTS = 3
# Above this share of a core in real time the bot cannot keep up with the sped-up day for long.
SATURATED = 0.5
# What the bot logs when a call to the fakes took longer than its timeout.
TIMED_OUT = re.compile(r"time(?:d)? ?out", re.IGNORECASE)
PER_ACCOUNT, PER_PROJECT = 60, 300  # Google's quotas a minute, reads and writes each
PROJECT = "petty-cash"


@dataclass
class DayClock:
    """The day's time, as a Unix time, running `speed` times faster than real time from `start`."""

    start: float
    speed: float
    _real: float = field(default_factory=time.monotonic)

    def now(self) -> float:
        return self.start + (time.monotonic() - self._real) * self.speed

    def restart(self) -> None:
        """The day starts over at `start` now: called as the bot's process, with the same start, is made."""
        self._real = time.monotonic()

    def real_seconds(self, day_seconds: float) -> float:
        return day_seconds / self.speed


class DaySheets(FakeSheets):
    """The fake Sheets API noting when each appended row landed, in the day's time, by its reference."""

    def __init__(self) -> None:
        super().__init__()
        self.landed: dict[int, float] = {}  # message id -> when its first row landed
        self.appends = 0
        # An append may carry several messages' rows (those that waited together): a message written
        # twice shows here, not in the count of appends.
        self.rows_appended = 0

    def _append(
        self, spreadsheet: FakeSpreadsheet, a1: str, body: dict[str, Any], query: dict[str, str]
    ) -> tuple[int, dict[str, Any]]:
        status, answer = super()._append(spreadsheet, a1, body, query)
        if status == 200:
            at = self.clock()
            self.appends += 1
            self.rows_appended += len(body["values"])
            for row in body["values"]:
                message = message_of(row)
                if message is not None:
                    self.landed.setdefault(message, at)
        return status, answer


class DayTelegram(FakeTelegram):
    """The fake Bot API holding a long poll for as long as the bot asked, in the day's time."""

    speed: float = 1.0

    async def _api_getUpdates(self, params: Params) -> list[Params]:  # noqa: N802
        timeout = float(params.get("timeout") or 0) / self.speed
        return await super()._api_getUpdates({**params, "timeout": timeout})


def message_of(row: Sequence[object]) -> int | None:
    """The Telegram message id in a row's reference ('tg:<chat>:<message>:<index>...')."""
    for cell in row:
        if isinstance(cell, str) and cell.startswith("tg:"):
            return int(cell.split(":")[2])
    return None


def arrivals(rng: random.Random, groups: int, expenses: int, hours: int) -> list[tuple[float, int]]:
    """(second of the day, group) of every expense, each group posting as many: uniform within an
    hour, the fifth hour (noon) LUNCH_PEAK times as busy as the others."""
    weights = [LUNCH_PEAK if hour == 4 else 1.0 for hour in range(hours)]
    chosen = rng.choices(range(hours), weights, k=expenses)
    return sorted((hour * 3600 + rng.random() * 3600, number % groups) for number, hour in enumerate(chosen))


def chat_of(group: int) -> int:
    return -1001000000000 - group


def spreadsheet_of(group: int) -> str:
    return f"bench-thousand-{group:04d}-petty-cash-sheet"


def library() -> Path | None:
    """libfaketime's multi-threaded library, if installed."""
    return next((path for path in LIBRARIES if path.exists()), None)


@dataclass
class Day:
    """One run's settings and what it saw."""

    groups: int = GROUPS
    expenses: int = EXPENSES
    hours: int = HOURS
    accounts: int = ACCOUNTS
    speed: float = SPEED
    starts: int = STARTS
    sent: dict[int, tuple[int, float]] = field(default_factory=dict)  # message id -> (group, when)
    figures: dict[str, Any] = field(default_factory=dict)


def prepare(day: Day, sheets: DaySheets, workdir: Path) -> dict[str, str]:
    """The accounts' key files, each group's spreadsheet (shared with one account, in turn) with the
    month's tab as on any working day, and the bot's settings beside them."""
    keys = workdir / "keys"
    keys.mkdir()
    emails = []
    for number in range(day.accounts):
        email = f"balance-bot-{number + 1}@{PROJECT}.iam.gserviceaccount.com"
        key = sheets.service_account_key(email, PROJECT)
        (keys / f"account-{number + 1}.json").write_text(json.dumps(key), encoding="utf-8")
        emails.append(key["client_email"])
    headers = load_template().headers
    for group in range(day.groups):
        sheets.add_spreadsheet(spreadsheet_of(group), f"Petty cash {group}", {emails[group % day.accounts]})
        sheets.add_sheet(spreadsheet_of(group), MONTH_TAB, [headers])
    accounts = (
        {"GOOGLE_SERVICE_ACCOUNT_FILE": str(keys / "account-1.json")}
        if day.accounts == 1
        else {"GOOGLE_SERVICE_ACCOUNT_FILES": str(keys)}
    )
    return {
        **accounts,
        "SHEET_BACKEND": "google",
        "SHEETS_API_URL": sheets.url,
        "BALANCE_SHEET_BY_CHAT": json.dumps({str(chat_of(g)): spreadsheet_of(g) for g in range(day.groups)}),
        "ALLOWED_CHAT_IDS": ",".join(str(chat_of(group)) for group in range(day.groups)),
        "DATABASE_PATH": str(workdir / "bot.sqlite3"),
        "PARSER_LLM": "none",
        "RATE_SOURCE": "fixed",
        "TIMEZONE": "Asia/Phnom_Penh",
    }


async def start_bot(
    settings: dict[str, str], telegram: FakeTelegram, clock: DayClock, preload: Path, workdir: Path
) -> asyncio.subprocess.Process:
    """`balance-bot run` under libfaketime, its clock at the day's clock; its log in workdir/bot.log."""
    (workdir / ".env").touch()
    env = {
        "PATH": os.environ.get("PATH", ""),
        "TZ": "UTC",  # FAKETIME's start is read in the process's zone
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "LD_PRELOAD": str(preload),
        "FAKETIME": f"@{_utc(clock.start)} x{clock.speed:g}",
        **settings,
    }
    clock.restart()
    with (workdir / "bot.log").open("ab") as log:  # the bot keeps its own copy of the file
        return await asyncio.create_subprocess_exec(
            str(Path(sys.executable).parent / "balance-bot"),
            "run",
            env=env,
            cwd=workdir,
            stdout=log,
            stderr=log,
        )


async def ready(bot: asyncio.subprocess.Process, telegram: FakeTelegram) -> bool:
    """Whether the bot set its commands, as it does once started, rather than stopping first."""
    waiting = asyncio.create_task(telegram.wait_for("setMyCommands", timeout=120))
    stopped = asyncio.create_task(bot.wait())
    await asyncio.wait({waiting, stopped}, return_when=asyncio.FIRST_COMPLETED)
    if not waiting.done():
        waiting.cancel()
        return False
    stopped.cancel()
    waiting.result()
    return True


def _utc(unix: float) -> str:
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(unix))


async def post_the_day(day: Day, telegram: FakeTelegram, clock: DayClock) -> None:
    """Members post every expense at its second of the day (late ones at once)."""
    begins = DAY_STARTS.timestamp()
    for number, (at, group) in enumerate(arrivals(random.Random(39), day.groups, day.expenses, day.hours)):
        ahead = begins + at - clock.now()
        if ahead > 0:
            await asyncio.sleep(clock.real_seconds(ahead))
        member = 100_000 + group * 10 + number % 5
        message = telegram.user_says(chat_of(group), member, MESSAGES[number % len(MESSAGES)])
        day.sent[message["message_id"]] = (group, clock.now())


async def run_day(day: Day, preload: Path) -> None:
    """The whole run: fakes up, the bot started, the day posted, the last rows awaited, figures read."""
    clock = DayClock(BOT_STARTS.timestamp(), day.speed)
    sheets = DaySheets()
    sheets.clock = clock.now
    sheets.latency_seconds = clock.real_seconds(LATENCY_SECONDS)
    sheets.google_quotas(PER_ACCOUNT, PER_PROJECT)
    sheets.start()
    telegram = DayTelegram(now=clock.now)
    telegram.speed = day.speed
    await telegram.start()
    with tempfile.TemporaryDirectory() as folder:
        workdir = Path(folder)
        settings = prepare(day, sheets, workdir)
        bot = await start_bot(settings, telegram, clock, preload, workdir)
        # Its start-up calls wait seconds of the day, a small part of a real second: on a busy
        # machine a first try may give up, and it is started again, as systemd does (exit status 1).
        for _ in range(day.starts - 1):
            if await ready(bot, telegram):
                break
            bot = await start_bot(settings, telegram, clock, preload, workdir)
        wall_started = time.monotonic()
        try:
            if not await ready(bot, telegram):
                raise RuntimeError(
                    f"the bot stopped ({bot.returncode}) before it was ready:\n{_tail(workdir)}"
                )
            day.figures["ready_at"] = clock.now()
            cpu_before = cpu_seconds(bot.pid)
            await post_the_day(day, telegram, clock)
            last_posted = clock.now()
            while len(sheets.landed.keys() & day.sent.keys()) < len(day.sent) and bot.returncode is None:
                if clock.now() > last_posted + DRAIN.total_seconds():
                    break
                await asyncio.sleep(0.2)
            if bot.returncode is not None:
                raise RuntimeError(f"the bot stopped ({bot.returncode}):\n{_tail(workdir)}")
            day.figures["cpu_seconds"] = cpu_seconds(bot.pid) - cpu_before
            day.figures["loop_cpu_seconds"], day.figures["threads"] = threads_of(bot.pid)
            day.figures["cpu_by_thread"] = cpu_by_thread(bot.pid)
            day.figures["rss_mb"], day.figures["peak_rss_mb"] = resident_mb(bot.pid)
            day.figures["ended_at"] = clock.now()
            day.figures["wall_seconds"] = time.monotonic() - wall_started
        finally:
            if bot.returncode is None:
                bot.terminate()
            await bot.wait()
            await telegram.stop()
            sheets.stop()
            day.figures["log_tail"] = _tail(workdir)
            log = (workdir / "bot.log").read_text(errors="replace").splitlines()
            day.figures["timeouts"] = sum(1 for line in log if TIMED_OUT.search(line))
    count_calls(day, sheets)
    check_sheets(day, sheets)
    confirmed = replied_at(telegram)
    replies = sorted(
        (confirmed[m] - telegram.delivered_at[m]) * day.speed for m in day.sent if m in confirmed
    )
    day.figures.update(
        confirmed=len(replies),
        reply_median=replies[len(replies) // 2] if replies else float("nan"),
        reply_longest=replies[-1] if replies else float("nan"),
        load=os.getloadavg()[0],
    )


def threads_of(pid: int) -> tuple[float, int]:
    """CPU seconds of the process's main thread (the event loop) since it started, and its threads."""
    tasks = list(Path(f"/proc/{pid}/task").iterdir())
    return _cpu_of(Path(f"/proc/{pid}/task/{pid}")), len(tasks)


def cpu_by_thread(pid: int) -> Counter[str]:
    """CPU seconds since start by what the bot's threads do, from their names in the OS: the event
    loop, Sheets calls (writes, reads, access checks), SQLite, and any other."""
    spent: Counter[str] = Counter()
    for task in Path(f"/proc/{pid}/task").iterdir():
        spent[_kind_of(task, pid)] += _cpu_of(task)
    return spent


def _kind_of(task: Path, pid: int) -> str:
    name = (task / "comm").read_text().strip()  # 'sheets-write-ba', 'sheets-read-ba', 'sqlite'
    if task.name == str(pid):
        return "event loop"
    if name.startswith("sheets-"):
        return {"write": "Sheets writes", "read": "Sheets reads"}.get(name.split("-")[1], "Sheets checks")
    return "SQLite" if name == "sqlite" else "other"


def _cpu_of(task: Path) -> float:
    fields = (task / "stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def _tail(workdir: Path) -> str:
    """The end of the bot's log."""
    return (workdir / "bot.log").read_text(errors="replace")[-3000:]


def count_calls(day: Day, sheets: DaySheets) -> None:
    """The busiest minute of writes and of reads let through, for each account and for the project,
    and how many calls Google's quotas refused (429)."""
    for kind in ("write", "read"):
        for by in ("account", "project"):
            day.figures[f"{kind}s_per_{by}"] = max(sheets.most_in_any_minute(kind, by).values(), default=0)
        day.figures[f"{kind}s"] = sum(
            len(minutes) and sum(minutes.values()) for minutes in sheets.per_minute(kind).values()
        )
        day.figures[f"{kind}s_refused"] = sum(
            count for (refused, _), count in sheets.quotas.refused.items() if refused == kind
        )
    day.figures["appends"] = sheets.appends
    day.figures["rows_appended"] = sheets.rows_appended
    day.figures["calls"] = Counter(kind for kind, _ in sheets.calls)
    day.figures["reads_of"] = Counter(read_of(call) for kind, call in sheets.calls if kind == "values.get")


def read_of(call: str) -> str:
    """What a values.get read: a Categories tab, a worksheet's header (its first row), its column A, or
    a whole month."""
    a1 = call.rsplit("/values/", 1)[-1]
    if a1.startswith("'Categories'!"):
        return "Categories tab"
    if re.search(r"!A\d+:A\d+$", a1):
        return "column A"  # the Nos above rows a bookkeeper moved, to number after them
    return "header" if re.search(r"!A1:[A-Z]+1$", a1) else "whole month"


def check_sheets(day: Day, sheets: DaySheets) -> None:
    """Every group's month tab: each message's row once, in the order the group posted them."""
    posted: dict[int, list[int]] = defaultdict(list)
    for message, (group, _) in sorted(day.sent.items()):
        posted[group].append(message)
    lost = duplicated = out_of_order = 0
    for group in range(day.groups):
        tab = sheets.spreadsheets[spreadsheet_of(group)].sheet(MONTH_TAB)
        found = [m for m in (message_of(row) for row in tab.rows[1:]) if m is not None]
        duplicated += len(found) - len(set(found))
        lost += len(set(posted[group]) - set(found))
        first_rows = list(dict.fromkeys(found))
        out_of_order += first_rows != [m for m in posted[group] if m in set(found)]
    waits = [sheets.landed[m] - at for m, (_, at) in day.sent.items() if m in sheets.landed]
    day.figures.update(
        lost=lost,
        duplicated=duplicated,
        groups_out_of_order=out_of_order,
        longest_wait=max(waits, default=float("nan")),
        median_wait=sorted(waits)[len(waits) // 2] if waits else float("nan"),
    )


def lines(day: Day) -> list[str]:
    """The figures, each with its goal."""
    f, expenses = day.figures, len(day.sent)
    hours = (f["ended_at"] - f["ready_at"]) / 3600
    share = f["cpu_seconds"] / f["wall_seconds"] * 100
    calls = ", ".join(f"{kind} {count:,}" for kind, count in f["calls"].most_common())
    quotas = f"goal <= {PER_ACCOUNT} per account, <= {PER_PROJECT} per project"
    return [
        f"the real bot, {day.groups:,} groups, {day.accounts} account(s) in one project: {expenses:,} "
        f"expenses over {day.hours} h (lunch {LUNCH_PEAK:.0f}x); {hours:.1f} h of the day took "
        f"{f['wall_seconds']:.0f} s of real time (libfaketime x{day.speed:g}, the fakes on the same clock)",
        f"  rows in the sheets     {f['lost']} missing at the end, {f['duplicated']} duplicated, "
        f"{f['groups_out_of_order']} groups out of order ({f['appends']:,} appends of "
        f"{f['rows_appended']:,} rows)"
        "   goal 0 lost, 0 duplicated",
        f"  longest wait for a row {timedelta(seconds=round(f['longest_wait']))} (median "
        f"{f['median_wait']:.1f} s), message sent to row in the sheet, in the day's time   goal <= 2 min",
        f"  writes a minute        at most {f['writes_per_account']} per account, {f['writes_per_project']} "
        f"per project ({f['writes']:,} in all; {f['writes_refused']} refused with 429)   {quotas}",
        f"  reads a minute         at most {f['reads_per_account']} per account, {f['reads_per_project']} "
        f"per project ({f['reads']:,} in all; {f['reads_refused']} refused with 429)   {quotas}",
        f"  Sheets calls           {calls}; values.get read "
        + ", ".join(f"{what} {count:,}" for what, count in f["reads_of"].most_common()),
        f"  bot CPU per expense    {f['cpu_seconds'] * 1000 / max(1, expenses):.2f} ms "
        f"({f['cpu_seconds']:.0f} s for the whole day, from /proc: {share:.0f}% of a core in real time; the "
        f"event loop's thread {f['loop_cpu_seconds']:.0f} s since start, {f['threads']:,} threads)"
        "   goal <= 5 ms",
        "  bot CPU by thread      "
        + ", ".join(
            f"{kind} {seconds * 1000 / max(1, expenses):.2f} ms"
            for kind, seconds in f["cpu_by_thread"].most_common()
        )
        + " an expense (since start, from each thread's name in /proc)",
        f"  bot RSS                {f['rss_mb']:.0f} MB at the end, peak {f['peak_rss_mb']:.0f} MB"
        "   goal <= 200 MB",
        f"  confirmations          {f['confirmed']:,}, median {f['reply_median']:.1f} s, longest "
        f"{f['reply_longest']:.0f} s after the bot got the message, in the day's time (near a core, or this "
        f"machine's load {f['load']:.1f} above its cores, and the bot lags the sped-up day: waits grow); "
        f"{f['timeouts']} lines of the bot's log say a call timed out",
    ]


def verdict(day: Day) -> str | None:
    """A warning when the bot could not keep up with the sped-up day: its waits are then this machine's."""
    f = day.figures
    share = f["cpu_seconds"] / f["wall_seconds"]
    if share < SATURATED and f["reply_median"] < 60:
        return None
    return (
        f"  NOTE the bot used {share:.0%} of a core, confirmed a message a median {f['reply_median']:.0f} s "
        "after it came: it lagged the sped-up day on this machine, so the waits above (and the retries after "
        "its timeouts, in its CPU) are this run's; run slower (--speed) on a quieter machine to see the bot's"
    )


def report(accounts: int = ACCOUNTS) -> None:
    """Run the day and print its figures."""
    preload = library()
    if preload is None:
        print("1,000 groups, real bot  skipped: libfaketime is not installed (apt-get install libfaketime)")
        return
    day = Day(accounts=accounts)
    asyncio.run(run_day(day, preload))
    print("\n".join(lines(day)))
    if (note := verdict(day)) is not None:
        print(note)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--accounts", type=int, default=ACCOUNTS)
    parser.add_argument("--groups", type=int, default=GROUPS)
    parser.add_argument("--expenses", type=int, default=EXPENSES)
    parser.add_argument("--hours", type=int, default=HOURS)
    parser.add_argument("--speed", type=float, default=SPEED)
    args = parser.parse_args()
    preload = library()
    if preload is None:
        sys.exit("libfaketime is not installed (Debian: apt-get install libfaketime)")
    day = Day(args.groups, args.expenses, args.hours, args.accounts, args.speed)
    asyncio.run(run_day(day, preload))
    print("\n".join(lines(day)))
    if (note := verdict(day)) is not None:
        print(note)
    if day.figures["lost"]:
        print(day.figures["log_tail"])


if __name__ == "__main__":
    main()
