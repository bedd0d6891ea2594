"""Google Sheets store: API calls per expense and time to row-in-sheet, beside the naive gspread pattern."""

from __future__ import annotations

import asyncio
import statistics
import threading
import time
from datetime import date
from decimal import Decimal
from typing import Any

import gspread
from tests.fakes.sheets_api import FakeSheets

from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from infrastructure.sheets.google import GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient, load_credentials
from infrastructure.sheets.template import load_template

EXPENSES = 200
LATENCY_SECONDS = 0.150
DECEMBER = Period(2026, 12)
TITLE = "December 2026"
HEADERS = ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)", "Posted by", "Reference"]
SPREADSHEET_SUFFIX = "sheet-0123456789abcdef"


def expense(number: int) -> LedgerLine:
    money = Money(Decimal("3.50"), Currency.USD)
    return LedgerLine(date(2026, 12, 3), f"coffee {number}", money, "Sokha", EntrySource(-100, number, 0))


def ours(fake: FakeSheets, key: dict[str, str], spreadsheet_id: str) -> list[float]:
    """This project's store: seconds from asking to the row being in the sheet, per expense."""

    async def run() -> list[float]:
        client = SheetsHTTPClient(load_credentials(key), fake.url)
        ledger = GoogleSheetLedger(spreadsheet_id, client, load_template(), "%B %Y", key["client_email"])
        times = []
        for number in range(1, EXPENSES + 1):
            started = time.perf_counter()
            await ledger.append(DECEMBER, [expense(number)])
            times.append(time.perf_counter() - started)
        ledger.close()
        return times

    return asyncio.run(run())


def naive(fake: FakeSheets, key: dict[str, str], spreadsheet_id: str) -> list[float]:
    """What gspread bots typically do per message: open, find the worksheet, read the header, append."""

    class Routed(SheetsHTTPClient):
        def __init__(self, auth: Any, session: Any = None) -> None:
            super().__init__(auth, fake.url)

    client = gspread.Client(load_credentials(key), http_client=Routed)
    times = []
    for number in range(1, EXPENSES + 1):
        started = time.perf_counter()
        spreadsheet = client.open_by_key(spreadsheet_id)
        try:
            worksheet = spreadsheet.worksheet(TITLE)
        except gspread.WorksheetNotFound:
            worksheet = spreadsheet.add_worksheet(TITLE, rows=1000, cols=len(HEADERS))
            worksheet.append_row(HEADERS, value_input_option="RAW")
        header = worksheet.row_values(1)
        line = expense(number)
        row = [number, (line.day - date(1899, 12, 30)).days, line.purpose, float(line.money.amount), ""]
        worksheet.append_row(
            row + ["Sokha", line.source.reference()][: len(header) - len(row)], value_input_option="RAW"
        )
        times.append(time.perf_counter() - started)
    return times


def calls_for(fake: FakeSheets, spreadsheet_id: str) -> int:
    return sum(1 for _, path in fake.calls if f"/spreadsheets/{spreadsheet_id}" in path)


def measure(in_progress: bool) -> dict[str, dict[str, float]]:
    """The patterns in one run on one fake with the same latency, each on its own spreadsheet.

    A month in progress is measured for this project's store only: the naive pattern pays the
    same four calls per expense either way.
    """
    patterns = {"ours": ours} if in_progress else {"ours": ours, "naive": naive}
    fake = FakeSheets()
    fake.start()
    key = fake.service_account_key()
    for name in patterns:
        fake.add_spreadsheet(f"{name}-{SPREADSHEET_SUFFIX}", "Petty cash", {key["client_email"]})
        if in_progress:
            fake.add_sheet(
                f"{name}-{SPREADSHEET_SUFFIX}", TITLE, [HEADERS, [1, 46357, "rent", 300, "", "Dara"]]
            )
    fake.latency_seconds = LATENCY_SECONDS
    results: dict[str, list[float]] = {}

    def run(name: str) -> None:
        results[name] = patterns[name](fake, key, f"{name}-{SPREADSHEET_SUFFIX}")

    threads = [threading.Thread(target=run, args=(name,)) for name in patterns]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    fake.stop()
    return {
        name: {
            "calls_per_expense": calls_for(fake, f"{name}-{SPREADSHEET_SUFFIX}") / EXPENSES,
            "median_ms": statistics.median(results[name]) * 1000,
        }
        for name in patterns
    }


def report() -> None:
    """Print the Google Sheets figures of issue 4."""
    new_month = measure(in_progress=False)
    in_progress = measure(in_progress=True)
    latency = f"{LATENCY_SECONDS * 1000:.0f} ms"
    print(
        f"Sheets calls per expense ours {new_month['ours']['calls_per_expense']:.2f} for a new month, "
        f"{in_progress['ours']['calls_per_expense']:.3f} for a month in progress (one read when first used); "
        f"naive {new_month['naive']['calls_per_expense']:.2f}   ({EXPENSES} expenses, same fake, {latency} "
        "latency)   goal <= 1.0"
    )
    print(
        f"time to row-in-sheet     median ours {new_month['ours']['median_ms']:.0f} ms, "
        f"naive {new_month['naive']['median_ms']:.0f} ms   ({latency} injected per call)"
    )


if __name__ == "__main__":
    report()
