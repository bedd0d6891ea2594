"""The rows the bot wrote and the changes told, kept in memory as the SQLite stores keep them."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime

from balance_bot.domain.hand_edits import WrittenRow
from balance_bot.domain.ledger import Period


@dataclass
class InMemoryWrittenRows:
    """WrittenRows in a dict by reference, in the order first written."""

    rows: dict[str, WrittenRow] = field(default_factory=dict)

    async def keep(self, rows: Sequence[WrittenRow]) -> None:
        for row in rows:
            self.rows[row.reference] = row

    async def categorised(self, reference: str, category: str) -> None:
        if reference in self.rows:
            self.rows[reference] = dataclasses.replace(self.rows[reference], category=category)

    async def voided(self, reference: str) -> None:
        if reference in self.rows:
            self.rows[reference] = dataclasses.replace(self.rows[reference], voided=True)

    async def written(self, chat_id: int, periods: Sequence[Period]) -> list[WrittenRow]:
        return [row for row in self.rows.values() if row.chat_id == chat_id and row.period in periods]

    async def forget_before(self, chat_id: int, period: Period) -> None:
        self.rows = {
            reference: row
            for reference, row in self.rows.items()
            if row.chat_id != chat_id or row.period >= period
        }


@dataclass
class InMemoryToldChanges:
    """ToldChanges in dicts."""

    keys: dict[int, dict[str, datetime]] = field(default_factory=dict)
    days: dict[int, date] = field(default_factory=dict)

    async def told(self, chat_id: int) -> set[str]:
        return set(self.keys.get(chat_id, {}))

    async def remember(self, chat_id: int, keys: Sequence[str], at: datetime) -> None:
        for key in keys:
            self.keys.setdefault(chat_id, {}).setdefault(key, at)

    async def last_told(self, chat_id: int) -> datetime | None:
        return max(self.keys.get(chat_id, {}).values(), default=None)

    async def forget_before(self, chat_id: int, moment: datetime) -> None:
        kept = {key: at for key, at in self.keys.get(chat_id, {}).items() if at >= moment}
        self.keys[chat_id] = kept

    async def claim_day(self, chat_id: int, day: date) -> bool:
        if self.days.get(chat_id, date.min) >= day:
            return False
        self.days[chat_id] = day
        return True
