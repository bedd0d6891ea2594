"""A burst in one group: 300 expenses in 60 seconds through `balance-bot run` to the fake Sheets API."""

from __future__ import annotations

import asyncio
import json
import os
import statistics
import tempfile
import time
from pathlib import Path

from tests.fakes.sheets_api import FakeSheets
from tests.fakes.telegram_api import FakeTelegram

from balance_bot.domain.ledger import EntrySource
from bench.bot import start_bot

EXPENSES = 300
SECONDS = 60.0
MEMBERS = 60  # five expenses each: within the default USER_RATE_LIMIT_PER_MINUTE
LATENCY_SECONDS = 0.150
GROUP = -1001
SHEET_ID = "burst-sheet-0123456789abcdef"


def rows_seen(sheets: FakeSheets, first_seen: dict[str, float]) -> list[str]:
    """The references in the sheet now; the first time each was seen is noted."""
    spreadsheet = sheets.spreadsheets[SHEET_ID]
    with sheets._lock:
        rows = [list(row) for sheet in spreadsheet.months for row in sheet.rows[1:]]
    now = time.monotonic()
    # A row's reference names its member too ("tg:-1001:7:0:u100"): the bench keys by the message's entry.
    sources = [EntrySource.parse(str(row[7])) for row in rows if len(row) > 7 and row[7]]
    references = [f"tg:{source.chat_id}:{source.message_id}:{source.index}" for source in sources if source]
    for reference in references:
        first_seen.setdefault(reference, now)
    return references


async def measure() -> dict[str, float]:
    """Run the bot on Google Sheets, post the burst at an even pace, and watch the rows arrive."""
    telegram, sheets = FakeTelegram(), FakeSheets()
    telegram_url, sheets_url = await telegram.start(), sheets.start()
    key = sheets.service_account_key()
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key["client_email"]})
    sheets.latency_seconds = LATENCY_SECONDS
    with tempfile.TemporaryDirectory() as workdir:
        Path(workdir, "key.json").write_text(json.dumps(key))
        env = {
            "PATH": os.environ.get("PATH", ""),
            "ALLOWED_CHAT_IDS": str(GROUP),  # no group is served unless the operator allowed it
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram_url,
            "SHEET_BACKEND": "google",
            "GOOGLE_SERVICE_ACCOUNT_FILE": f"{workdir}/key.json",
            "SHEETS_API_URL": sheets_url,
            "BALANCE_SHEET_ID": SHEET_ID,
            "DATABASE_PATH": f"{workdir}/bot.sqlite3",
            "RATE_SOURCE": "fixed",  # the rate of the day off the network
        }
        bot = await start_bot(env, workdir)
        posted_at: dict[str, float] = {}
        first_seen: dict[str, float] = {}
        try:
            await telegram.wait_for("setMyCommands", timeout=30)
            started = time.monotonic()
            for number in range(EXPENSES):
                message = telegram.user_says(
                    GROUP, 100 + number % MEMBERS, f"item {number} {number % 9 + 1}$"
                )
                posted_at[f"tg:{GROUP}:{message['message_id']}:0"] = time.monotonic()
                while time.monotonic() < started + (number + 1) * SECONDS / EXPENSES:
                    rows_seen(sheets, first_seen)
                    await asyncio.sleep(0.01)
            while len(first_seen) < EXPENSES and time.monotonic() - started < SECONDS + 120:
                rows_seen(sheets, first_seen)
                await asyncio.sleep(0.01)
            await asyncio.sleep(2)  # room for a late duplicate to show up, if there were one
            references = rows_seen(sheets, first_seen)
        finally:
            bot.terminate()
            await bot.wait()
            await telegram.stop()
            sheets.stop()
    latencies = [(first_seen[ref] - posted) * 1000 for ref, posted in posted_at.items() if ref in first_seen]
    return {
        "saved": len(set(references) & set(posted_at)),
        "lost": len(set(posted_at) - set(references)),
        "duplicated": len(references) - len(set(references)),
        "writes_in_any_minute": sheets.writes_in_any_minute(),
        "writes": sum(1 for kind, _ in sheets.call_times if kind not in ("values.get", "get")),
        "median_ms": statistics.median(latencies),
        "p95_ms": statistics.quantiles(latencies, n=20)[-1],
    }


def report() -> None:
    """Print the outbox figures of issue 5."""
    result = asyncio.run(measure())
    print(
        f"burst of {EXPENSES} in {SECONDS:.0f} s, one group: saved {result['saved']}, lost {result['lost']}, "
        f"duplicated {result['duplicated']}; Sheets writes {result['writes']} in all, at most "
        f"{result['writes_in_any_minute']} in any minute   goal 0 lost, 0 duplicated, <= 60 writes a minute"
    )
    print(
        f"message to row-in-sheet  median {result['median_ms']:.0f} ms, p95 {result['p95_ms']:.0f} ms "
        f"({LATENCY_SECONDS * 1000:.0f} ms injected per Sheets call)"
    )


if __name__ == "__main__":
    report()
