"""Issue 38, part 2: the recurring costs' rounds and the sheet. A group with five costs (rent on the 1st,
salaries on the 31st, internet every 3 months on the 15th, cleaning every Monday, water every 2 weeks) over a
year, a round every hour as the JobQueue runs them (every minute in the bot: the same reads, more idle
rounds), the bot down for five days in March; the reads of months' rows per group per day, and the rows.

    python -m bench.recurring
"""

from __future__ import annotations

import asyncio
from collections import Counter
from datetime import UTC, date, datetime, timedelta

from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.pending_notices import PHNOM_PENH
from tests.fakes.recurring_costs import RecurringOnFakes

from balance_bot.domain.ledger import Period, local_day
from balance_bot.recurring.commands import Added

CHAT, ADMIN = -100, 7
COSTS = (
    "rent 300$ monthly on 1",
    "salaries 1200$ monthly on the 31st",
    "internet 60$ every 3 months on 15",
    "cleaning 20$ weekly on Monday",
    "water 15$ every 2 weeks",
)
START = datetime(2026, 12, 31, 3, 0, tzinfo=UTC)  # 10:00 on 31 December in Phnom Penh
DAYS = 365
DOWN = (date(2027, 3, 10), date(2027, 3, 14))  # the bot is off these days, both included


class CountingLedger(InMemoryLedger):
    """The in-memory ledger, counting the reads of months' rows by the day (Phnom Penh's) they are made."""

    def __init__(self, clock: FakeClock) -> None:
        super().__init__()
        self.clock = clock
        self.reads: Counter[date] = Counter()

    async def read(self, period):  # type: ignore[no-untyped-def]
        self.reads[local_day(self.clock.now(), PHNOM_PENH)] += 1
        return await super().read(period)

    async def read_months(self, periods):  # type: ignore[no-untyped-def]
        self.reads[local_day(self.clock.now(), PHNOM_PENH)] += 1
        return {period: await InMemoryLedger.read(self, period) for period in periods}


async def year() -> tuple[Counter[date], int, int]:
    """The reads by day, the rows written, and the rounds run."""
    clock = FakeClock(START)
    ledger = CountingLedger(clock)
    team = RecurringOnFakes(ledger, clock, hour=7)

    async def admin() -> bool:
        return True

    for words in COSTS:
        assert isinstance((await team.commands.command(CHAT, ADMIN, "Dara", words, admin)).shown, Added)
    rounds = 0
    try:
        for _ in range(DAYS * 24):
            clock.advance(hours=1)
            today = local_day(clock.now(), PHNOM_PENH)
            if DOWN[0] <= today <= DOWN[1]:
                continue
            for chat_id in await team.rounds.groups_due():
                for posted in await team.rounds.post_due(chat_id):
                    plan = posted.plan
                    while plan.then is not None:
                        plan = await plan.then()
            rounds += 1
    finally:
        await team.delivery.stop()
    rows = sum(len(rows) for rows in ledger.sheets.values())
    keys = {item for title in ledger.sheets for _, item, _ in ledger.items(title)}
    assert len(keys) == rows, "a day written twice"
    return ledger.reads, rows, rounds


def report() -> None:
    """Print the recurring rounds' figures."""
    reads, rows, rounds = asyncio.run(year())
    most = max(reads.values(), default=0)
    first = START.date()
    months = {Period.of(first + timedelta(days=day)) for day in range(DAYS)}
    print(
        f"recurring costs' reads   at most {most} read of a group's months per day; {len(reads)} of {DAYS} "
        f"days read at all ({rows} rows of {len(COSTS)} costs over {len(months)} months, {rounds} hourly "
        f"rounds, the bot off {DOWN[0]:%d}-{DOWN[1]:%d %b}; a read of one month is 1 Sheets request, 2 "
        f"before its tab exists; of two months, 2 at most)   goal <= 2 a day with the other daily jobs"
    )


if __name__ == "__main__":
    report()
