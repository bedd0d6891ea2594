"""The mirror of each ledger's months: their carried balances, and their rows as last read."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Protocol

from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """A month as the mirror knows it: its opening, and its closing once carried forward."""

    period: Period
    opening: Mapping[Currency, Decimal]
    closing: Mapping[Currency, Decimal] | None = None
    # What each member held (positive) or was owed (negative) as the month opened, and as it closed.
    members_opening: Mapping[str, Mapping[Currency, Decimal]] = field(default_factory=dict)
    members_closing: Mapping[str, Mapping[Currency, Decimal]] | None = None


MemberAmounts = Mapping[str, Mapping[Currency, Decimal]]


EMPTY: MemberAmounts = {}


class BalanceMirror(Protocol):
    """The SQLite mirror of each ledger's months: their carried balances, and their rows as last read."""

    async def period(self, ledger: str, period: Period) -> PeriodRecord | None:
        """The month's record, if the mirror has one."""
        ...

    async def open(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> PeriodRecord:
        """Open a month with its opening balance (the box's, the members'); a month already open
        keeps the one it has."""
        ...

    async def close(
        self, ledger: str, period: Period, closing: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Record a month's closing balance (the box's, the members'), the one carried forward."""
        ...

    async def carry(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Set a month's opening to what the month before holds now, opening it if need be."""
        ...

    async def reconcile(self, ledger: str, period: Period, rows: Sequence[SheetRow]) -> None:
        """Replace the month's rows with the sheet's, as they stand now."""
        ...

    async def known_chats(self) -> list[int]:
        """The groups that saved an expense or have a month in the mirror."""
        ...

    async def claim_summary(self, chat_id: int, period: Period) -> bool:
        """True the first time only: the month's summary is posted once to each group."""
        ...
