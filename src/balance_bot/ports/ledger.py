"""The ledger: the monthly worksheets, the sheet each group writes to, the check before connecting one."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Protocol

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow


class LedgerStore(Protocol):
    """The monthly worksheets: the system of record that bookkeepers also edit."""

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Add the lines as numbered rows of the period's worksheet, in order."""
        ...

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite one of the bot's rows; None when a bookkeeper removed it. It keeps the No it has now."""
        ...

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write one of the bot's rows' category, found by its reference; None if the row is gone."""
        ...

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write one of the bot's rows' Status cell, found by its reference; None if the row is gone."""
        ...

    async def categories(self) -> list[Category]:
        """The spreadsheet's Categories tab, made from the default one on first use; read again at most
        every few minutes, so a bookkeeper's change applies without a restart."""
        ...

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Void one of the bot's rows, leaving every other row as it is; None when it is gone.

        The row as it stands, with the No it has now (a bookkeeper may have renumbered it).
        """
        ...

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand, bookkeepers' edits included."""
        ...

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows at once, in as few calls as the store can (a missing month has none)."""
        ...

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines already in the period's worksheet (not voided), found by their reference."""
        ...

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """Those of the periods the sheet has a worksheet for: a month it has none of is not an empty
        month, and nothing can be said of it."""
        ...

    async def flush(self) -> None:
        """Make what was written durable; a store that writes through does nothing."""
        ...

    def link(self) -> str | None:
        """Where a member can look at the ledger, if it can be linked to."""
        ...

    async def identity(self) -> str:
        """Which ledger this is (a spreadsheet id, a file), so groups sharing one share its months."""
        ...


class SheetAccess(Protocol):
    """Checks that the bot can write to a spreadsheet before a group is connected to it."""

    async def check_write_access(self, spreadsheet_id: str) -> str:
        """The spreadsheet's title; raises a LedgerError when it cannot be written."""
        ...


class SheetConnections(Protocol):
    """Which spreadsheet an admin connected each group to."""

    async def connect(self, chat_id: int, spreadsheet_id: str) -> None:
        """Remember a group's spreadsheet, replacing an earlier one."""
        ...

    async def connected(self, chat_id: int) -> str | None:
        """The spreadsheet an admin connected the group to, if any."""
        ...


class LedgerDirectory(Protocol):
    """Which ledger a group writes to."""

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The ledger of one group."""
        ...

    async def is_connected(self, chat_id: int) -> bool:
        """Whether the group has a ledger to write to."""
        ...


@dataclass(frozen=True, slots=True)
class AccountLoad:
    """One account of the pool that writes to spreadsheets, and what it carried lately.

    `group` is what shares a quota with it (a Google Cloud project); `busiest_*` is the most requests
    in one minute of the last hour, as the bot counted them.
    """

    account: str
    group: str
    spreadsheets: int
    writes_last_minute: int = 0
    reads_last_minute: int = 0
    writes_last_hour: int = 0
    reads_last_hour: int = 0
    busiest_writes: int = 0
    busiest_reads: int = 0


class SheetAccounts(Protocol):
    """The pool of accounts the bot writes to spreadsheets with: which serves each, and their loads."""

    async def loads(self) -> list[AccountLoad]:
        """Every account of the pool, in its configured order, with its load."""
        ...

    async def serving(self, spreadsheet_id: str) -> str | None:
        """The account kept for the spreadsheet, if one is."""
        ...

    async def serve(self, spreadsheet_id: str, account: str) -> None:
        """Keep this account for the spreadsheet, replacing an earlier one."""
        ...

    async def check_write_access(self, spreadsheet_id: str, account: str) -> str:
        """The spreadsheet's title, as the account sees it; raises a LedgerError when it cannot write."""
        ...
