"""A recurring cost as the bot keeps it, the port that keeps them, and the key its rows carry.

Each row a cost writes names the cost and its day in its Item, where a bookkeeper sees it ("rent
(recurring #2, 2026-12-01)"): the sheet itself then says which days are written, so a restart, a
database restored from an older copy, or two rounds at once never write a day twice.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Protocol

from balance_bot.domain.money import Money
from balance_bot.recurring.schedules import Schedule

# The message ids a cost's rows are filed under: past any message id Telegram gives (a 32-bit
# number), within the ten digits the bot's buttons carry while costs are numbered below 70,000: a cost
# has one for each day of 270 years from DAY_ZERO, and a day's row has the same one whichever round
# writes it.
ROW_MESSAGE_BASE = 3_000_000_000
DAYS_PER_COST = 100_000
DAY_ZERO = date(2020, 1, 1)


@dataclass(frozen=True, slots=True)
class NewCost:
    """A cost as an admin sets it up in one group: its words, amount, category and schedule; `added_by`
    (a member's Telegram id and name) is the member its rows are posted by."""

    chat_id: int
    item: str
    money: Money
    category: str
    schedule: Schedule
    added_by: int
    added_by_name: str

    @property
    def before_first(self) -> date:
        """The day before its first: the days done, while none is written yet."""
        return self.schedule.first - timedelta(days=1)


@dataclass(frozen=True, slots=True)
class RecurringCost(NewCost):
    """A cost kept: `number` names it in the group's commands and in its rows; `done_through` is the
    last day whose row is written (or was found written)."""

    number: int
    done_through: date

    def due(self, today: date) -> list[date]:
        """The days it falls on whose rows are not written yet, up to today, oldest first."""
        return self.schedule.between(self.done_through, today)

    def row_message_id(self, day: date) -> int:
        """The message the row of one day is filed under (its reference, its Undo)."""
        return ROW_MESSAGE_BASE + self.number * DAYS_PER_COST + (day - DAY_ZERO).days


class RecurringStore(Protocol):
    """The port to where the costs are kept: across restarts, numbered once for good (a stopped cost's
    number is never given again, since its rows in the sheet name it)."""

    async def add(self, cost: NewCost, added_at: datetime) -> RecurringCost:
        """Keep a new cost, set up at `added_at`; it is written from the first day of its schedule."""
        ...

    async def active(self, chat_id: int) -> list[RecurringCost]:
        """The group's costs not stopped, by number."""
        ...

    async def chats_due(self, today: date) -> list[int]:
        """The groups with a running cost whose next day due is today or before."""
        ...

    async def stop(self, chat_id: int, number: int, stopped_at: datetime) -> RecurringCost | None:
        """End the group's cost of that number; None when it has none such, or it ended already."""
        ...

    async def done(self, number: int, day: date, next_day: date) -> None:
        """The cost's row of that day is written (or was found): the days up to it are done, and
        `next_day` is the next one due. A day before one done already changes nothing."""
        ...


def row_item(cost: RecurringCost, day: date, marker: str) -> str:
    """The row's Item: the cost's words, then the marker in the group's words, its number and its day."""
    return f"{cost.item} ({marker} {row_key(cost.number, day)})"


def row_key(number: int, day: date) -> str:
    """What names one day's row of a cost within the ledger, in every language: '#2, 2026-12-01'."""
    return f"#{number}, {day.isoformat()}"


# A row key as written in an Item, wherever in it a bookkeeper left it.
_KEY = re.compile(r"(?<![\w#])#([0-9]{1,9}), ([0-9]{4}-[0-9]{2}-[0-9]{2})(?![0-9])")


def keys_in(items: Iterable[str]) -> set[tuple[int, date]]:
    """The (cost number, day) of every row key the Items name."""
    found: set[tuple[int, date]] = set()
    for item in items:
        for number, day in _KEY.findall(item):
            try:
                found.add((int(number), date.fromisoformat(day)))
            except ValueError:  # '2026-02-30' typed by hand: no row of the bot's
                continue
    return found
