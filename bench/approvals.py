"""Approvals (issue 38): the time to decide 1,000 pending rows, two admins' taps racing on each, on the
bot's SQLite store; and the daily reminder's round over them."""

from __future__ import annotations

import asyncio
import statistics
import tempfile
import time
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from zoneinfo import ZoneInfo

from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger

from balance_bot.approvals.decisions import ApprovalRefused, Approvals, Tapper
from balance_bot.capture.reply_plan import Button
from balance_bot.domain.ledger import AWAITING_APPROVAL, EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.ports import PendingApproval, SavedMessage
from infrastructure.sqlite.approvals import SqliteApprovals
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.database import Database

PENDING = 1000
GROUP, POSTER, DARA, VANNA = -1001, 7, 8, 9
DECEMBER = Period(2026, 12)
SHEETS_WRITES_PER_MINUTE = 60  # Google's quota per service account, the bot's default


async def _yes() -> bool:
    return True


async def _no() -> bool:
    return False


async def _settled(chat_id: int) -> None:
    """Nothing waits in an outbox here."""


def _buttons(saved: SavedMessage) -> tuple[Button, ...]:
    return (Button.UNDO,)


async def _pending(folder: Path) -> tuple[Approvals, Database]:
    """1,000 expenses awaiting approval: their rows in the (in-memory) sheet, kept in SQLite."""
    database = Database(folder / "bench.sqlite3")
    store, state, ledger = SqliteApprovals(database), SqliteCaptureState(database), InMemoryLedger()
    clock = FakeClock(datetime(2026, 12, 3, 4, 0, tzinfo=UTC))
    for number in range(PENDING):
        message_id = 1000 + number
        line = LedgerLine(
            date(2026, 12, 3),
            f"laptop {number}",
            Money(Decimal(240), Currency.USD),
            "Sokha",
            EntrySource(GROUP, message_id, 0, POSTER),
            status=AWAITING_APPROVAL,
        )
        lines = tuple(await ledger.append(DECEMBER, [line]))
        await state.record(SavedMessage(GROUP, message_id, POSTER, clock.now(), lines))
        amounts = {Currency.USD: Decimal(240), Currency.KHR: Decimal(0)}
        await store.open(PendingApproval(GROUP, message_id, POSTER, clock.now(), amounts))
    settings = GroupSettings(SqliteChatPreferences(database), Money(Decimal(100), Currency.USD))
    approvals = Approvals(
        store,
        state,
        ledger,
        settings,
        english_by_default(),
        clock,
        ZoneInfo("Asia/Phnom_Penh"),
        _settled,
        _buttons,
    )
    return approvals, database


async def measure() -> dict[str, float]:
    """Decide every pending row, Dara's Approve and Vanna's Reject racing on each; a reminder round first."""
    with tempfile.TemporaryDirectory() as folder:
        approvals, database = await _pending(Path(folder))
        started = time.perf_counter()
        [due] = await approvals.reminders()
        reminder_ms = (time.perf_counter() - started) * 1000
        waiting = len(due.waiting)
        each, decided, refused = [], 0, 0
        started = time.perf_counter()
        for number in range(PENDING):
            message_id = 1000 + number
            tap = time.perf_counter()
            plans = await asyncio.gather(
                approvals.approve(GROUP, message_id, Tapper(DARA, "Dara", _yes, _no)),
                approvals.reject(GROUP, message_id, Tapper(VANNA, "Vanna", _yes, _no)),
            )
            each.append((time.perf_counter() - tap) * 1000)
            decided += sum(1 for plan in plans if not isinstance(plan.outcome, ApprovalRefused))
            refused += sum(1 for plan in plans if isinstance(plan.outcome, ApprovalRefused))
        total_ms = (time.perf_counter() - started) * 1000
        await database.close()
    each.sort()
    return {
        "total_ms": total_ms,
        "median_ms": statistics.median(each),
        "p95_ms": each[int(len(each) * 0.95)],
        "decided": decided,
        "refused": refused,
        "reminder_ms": reminder_ms,
        "waiting": waiting,
    }


def report() -> None:
    """The figures, as the other bench lines print them."""
    figures = asyncio.run(measure())
    sheets_minutes = PENDING / SHEETS_WRITES_PER_MINUTE
    print(
        f"approvals decided       {PENDING:,} pending rows in {figures['total_ms']:,.0f} ms "
        f"(median {figures['median_ms']:.2f} ms, p95 {figures['p95_ms']:.2f} ms a row; two admins' taps "
        f"raced on each: {figures['decided']:,.0f} decided, {figures['refused']:,.0f} told it was decided; "
        "SQLite compare-and-set, Status written to an in-memory sheet)"
    )
    print(
        f"approvals reminder      {figures['reminder_ms']:,.0f} ms for the daily round over "
        f"{figures['waiting']:,.0f} pending rows; on Google Sheets each decision is one Status write "
        f"(and one read), so {PENDING:,} take at least {sheets_minutes:.0f} min at "
        f"{SHEETS_WRITES_PER_MINUTE} writes/min (computed, not measured)"
    )


if __name__ == "__main__":
    report()
