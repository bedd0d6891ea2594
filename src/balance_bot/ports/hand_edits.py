"""What the bot keeps to tell what changed in the sheet by hand: the rows it wrote, and what it told."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime
from typing import Protocol

from balance_bot.domain.hand_edits import WrittenRow
from balance_bot.domain.ledger import Period


class WrittenRows(Protocol):
    """Every row the bot wrote, as it wrote it, kept up to date with its own edits."""

    async def keep(self, rows: Sequence[WrittenRow]) -> None:
        """Keep the rows, replacing what was kept of each by reference (an edit, a switch)."""
        ...

    async def categorised(self, reference: str, category: str) -> None:
        """The bot wrote the row's category."""
        ...

    async def voided(self, reference: str) -> None:
        """The bot voided the row (Undo): its absence or its cleared cells are no change by hand."""
        ...

    async def written(self, chat_id: int, periods: Sequence[Period]) -> list[WrittenRow]:
        """The group's rows of those months."""
        ...

    async def forget_before(self, chat_id: int, period: Period) -> None:
        """Let go of the group's rows of the months before this one: they are compared no more."""
        ...


class ToldChanges(Protocol):
    """The changes by hand each group was told of (each is told once), and its daily look."""

    async def told(self, chat_id: int) -> set[str]:
        """The keys of the changes the group was told of."""
        ...

    async def remember(self, chat_id: int, keys: Sequence[str], at: datetime) -> None:
        """The group was just told of these changes."""
        ...

    async def last_told(self, chat_id: int) -> datetime | None:
        """When the group was last told of a change, if ever."""
        ...

    async def forget_before(self, chat_id: int, moment: datetime) -> None:
        """Let go of the changes the group was told of before that moment."""
        ...

    async def claim_day(self, chat_id: int, day: date) -> bool:
        """True only the first time for the group and day: the daily look happens once."""
        ...
