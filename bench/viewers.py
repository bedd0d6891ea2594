"""Issue 31: the group's confirmations while 40 members open the Mini App and 3 page through 36 months,
against quiet minutes; and the Sheets reads the viewers cause, against the group's read quota."""

from __future__ import annotations

import asyncio
import json
import os
import socket
import statistics
import tempfile
import time
from datetime import date, datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp
from tests.fakes.sheets_api import FakeSheets
from tests.fakes.telegram_api import FakeTelegram

from balance_bot.domain.ledger import Period
from bench.bot import replied_at, start_bot
from infrastructure.sheets.template import load_template
from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of

GROUP = -1001
SHEET_ID = "viewers-bench-0123456789abcdef"
ZONE = ZoneInfo("Asia/Phnom_Penh")
MONTHS = 36
ROWS_A_MONTH = 150
VIEWERS = 40
PAGERS = 3
# One expense every 3.5 s keeps the group under Telegram's 20 messages a minute, so a confirmation's
# wait is the bot's and the viewers', not the group's reply budget.
EXPENSES = 16
EXPENSE_EVERY = 3.5
PAGE_EVERY = 1.5  # a member paging through old months on a phone
READS_PER_MINUTE = 60  # Google's read quota per user and minute, the bot's SHEETS_READS_PER_MINUTE
SHEETS_LATENCY = 0.08  # Google answers a small read in some tens of milliseconds
MEMBERS = [11, 12, 13, 14]
MESSAGES = ["coffee 3$", "ទឹកកក ៥០០០៛", "taxi 15000 riel", "printer ink 18$"]


def months_back(today: date) -> list[Period]:
    """This month and the 35 before it, newest first, as a member pages back."""
    period, periods = Period.of(today), []
    for _ in range(MONTHS):
        periods.append(period)
        period = period.previous()
    return periods


def month_rows(period: Period) -> list[list[Any]]:
    """A month of a small team: riel and dollar rows by four members, in the template's columns."""
    serial = (date(period.year, period.month, 1) - date(1899, 12, 30)).days
    rows: list[list[Any]] = [load_template().headers]
    for number in range(1, ROWS_A_MONTH + 1):
        member = MEMBERS[number % len(MEMBERS)]
        reference = f"tg:{GROUP}:{period.year * 100 + period.month}{number:04d}:0:u{member}"
        day = serial + number * 27 // ROWS_A_MONTH
        if number % 2:
            rows.append([number, day, f"item {number}", 1 + number % 9, "", "Other", "Sokha", reference])
        else:
            rows.append(
                [number, day, "ទឹកកក", "", 500 * (1 + number % 20), "Food & drinks", "Dara", reference]
            )
    return rows


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def authorization(token: str, user_id: int) -> dict[str, str]:
    """The Mini App's header for a member who opened it from the group's link."""
    fields = {
        "auth_date": str(int(time.time())),
        "start_param": start_param_of(GROUP),
        "user": json.dumps({"id": user_id, "first_name": f"Member {user_id}"}),
    }
    return {"Authorization": f"tma {signed_init_data(fields, token)}"}


async def open_month(
    session: aiohttp.ClientSession, base: str, headers: dict[str, str], month: str | None, statuses: list[int]
) -> None:
    query = f"?month={month}" if month else ""
    async with session.get(f"{base}/api/month{query}", headers=headers) as answer:
        await answer.read()
        statuses.append(answer.status)


async def viewers_open(session: aiohttp.ClientSession, base: str, token: str, statuses: list[int]) -> None:
    """40 members open the page at once, and again half a minute later (after the group's news)."""
    for _ in range(2):
        await asyncio.gather(
            *(
                open_month(session, base, authorization(token, 2000 + n), None, statuses)
                for n in range(VIEWERS)
            )
        )
        await asyncio.sleep(30)


async def page_back(
    session: aiohttp.ClientSession,
    base: str,
    token: str,
    user_id: int,
    periods: list[Period],
    statuses: list[int],
) -> None:
    """A member pages from this month back through 36 months, one every PAGE_EVERY seconds."""
    for period in periods:
        await open_month(session, base, authorization(token, user_id), period.key(), statuses)
        await asyncio.sleep(PAGE_EVERY)


async def post_expenses(telegram: FakeTelegram) -> list[float]:
    """Post expenses at a member's pace and return each one's confirmation time in ms."""
    sent = []
    for number in range(EXPENSES):
        sent.append(
            telegram.user_says(GROUP, MEMBERS[number % len(MEMBERS)], MESSAGES[number % len(MESSAGES)])
        )
        await asyncio.sleep(EXPENSE_EVERY)
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        confirmed = replied_at(telegram)
        if all(message["message_id"] in confirmed for message in sent):
            break
        await asyncio.sleep(0.05)
    confirmed = replied_at(telegram)
    return [
        (confirmed[message["message_id"]] - telegram.delivered_at[message["message_id"]]) * 1000
        for message in sent
        if message["message_id"] in confirmed
    ]


def reads_in_any_minute(sheets: FakeSheets, since: float) -> int:
    """The most Sheets reads within any 60 seconds after `since`."""
    times = sorted(
        at
        for kind, at in sheets.call_times
        if kind in {"values.get", "values.batchGet", "get"} and at >= since
    )
    return max((sum(1 for t in times if start <= t < start + 60) for start in times), default=0)


def reads_since(sheets: FakeSheets, since: float) -> int:
    return sum(
        1
        for kind, at in sheets.call_times
        if kind in {"values.get", "values.batchGet", "get"} and at >= since
    )


async def measure() -> dict[str, Any]:
    telegram = FakeTelegram()
    await telegram.start()
    sheets = FakeSheets()
    sheets.start()
    sheets.latency_seconds = SHEETS_LATENCY
    sheets.reads_per_minute = READS_PER_MINUTE
    key = sheets.service_account_key()
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key["client_email"]})
    periods = months_back(datetime.now(ZONE).date())
    for period in reversed(periods[1:]):  # this month starts empty: the bot makes it
        sheets.add_sheet(SHEET_ID, period.title("%B %Y"), month_rows(period))
    port = free_port()
    try:
        with tempfile.TemporaryDirectory() as workdir:
            key_file = Path(workdir) / "service-account.json"
            key_file.write_text(json.dumps(key))
            env = {
                "PATH": os.environ.get("PATH", ""),
                "TELEGRAM_BOT_TOKEN": telegram.token,
                "TELEGRAM_API_URL": telegram.url,
                "SHEET_BACKEND": "google",
                "GOOGLE_SERVICE_ACCOUNT_FILE": str(key_file),
                "SHEETS_API_URL": sheets.url,
                "BALANCE_SHEET_ID": SHEET_ID,
                "ALLOWED_CHAT_IDS": str(GROUP),
                "DATABASE_PATH": f"{workdir}/bot.sqlite3",
                "RATE_SOURCE": "fixed",  # the rate of the day off the network
                "WEBAPP_URL": "https://bot.example.org/month/",
                "WEBAPP_SHORT_NAME": "month",
                "WEBAPP_PORT": str(port),
                "SHEETS_READS_PER_MINUTE": str(READS_PER_MINUTE),
            }
            bot = await start_bot(env, workdir)
            try:
                await telegram.wait_for("setMyCommands", timeout=30)
                await asyncio.sleep(1)  # the web server starts beside the poller
                warm = telegram.user_says(GROUP, MEMBERS[0], "water 1$")  # the month's sheet is made
                await telegram.wait_for(
                    "sendMessage",
                    lambda p: p.get("reply_parameters", {}).get("message_id") == warm["message_id"],
                    timeout=30,
                )
                quiet = await post_expenses(telegram)
                quiet_reads = 0
                base = f"http://127.0.0.1:{port}"
                statuses: list[int] = []
                paged: list[int] = []
                loaded_since = time.monotonic()
                async with aiohttp.ClientSession() as session:
                    viewing = asyncio.gather(
                        viewers_open(session, base, telegram.token, statuses),
                        *(
                            page_back(session, base, telegram.token, 3000 + n, periods, paged)
                            for n in range(PAGERS)
                        ),
                    )
                    loaded = await post_expenses(telegram)
                    await viewing
                load_seconds = time.monotonic() - loaded_since
                reads = reads_since(sheets, loaded_since)
                busiest_minute = reads_in_any_minute(sheets, loaded_since)
            finally:
                bot.terminate()
                await bot.wait()
    finally:
        await telegram.stop()
        sheets.stop()
    return {
        "quiet": quiet,
        "loaded": loaded,
        "quiet_reads": quiet_reads,
        "opened": statuses,
        "paged": paged,
        "reads": reads,
        "busiest_minute": busiest_minute,
        "load_seconds": load_seconds,
    }


def _p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else float("nan")


def report() -> None:
    """Print confirmations' median and p95, quiet and while the Mini App is busy, and the reads."""
    figures = asyncio.run(measure())
    quiet, loaded = figures["quiet"], figures["loaded"]
    print(
        f"confirmation, quiet       median {statistics.median(quiet):.0f} ms, p95 {_p95(quiet):.0f} ms "
        f"({len(quiet)}/{EXPENSES} confirmed, one expense every {EXPENSE_EVERY} s, Google store, fake Sheets "
        f"answering in {SHEETS_LATENCY * 1000:.0f} ms)"
    )
    opened, paged = figures["opened"], figures["paged"]
    print(
        f"confirmation, Mini App busy median {statistics.median(loaded):.0f} ms, p95 {_p95(loaded):.0f} ms "
        f"({len(loaded)}/{EXPENSES} confirmed while {VIEWERS} members open the page twice and {PAGERS} page "
        f"through {MONTHS} months)   goal: as quiet, within noise"
    )
    print(
        f"Mini App answers          opening: {opened.count(200)}/{len(opened)} 200; paging: "
        f"{paged.count(200)} 200, {paged.count(429)} 429 (a viewer's limit on past months) of {len(paged)}"
    )
    print(
        f"Sheets reads, Mini App busy {figures['reads']} in {figures['load_seconds']:.0f} s, at most "
        f"{figures['busiest_minute']} in any minute   goal <= {READS_PER_MINUTE} (the group's read quota)"
    )


if __name__ == "__main__":
    report()
