"""The Google ledgers of a pool of service accounts: which spreadsheet each group writes to, with which."""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping, Sequence
from typing import TypeVar

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.groups.sheet_accounts import SheetAccountChoice, not_shared_with
from balance_bot.ports import LedgerError, LedgerNotConnected, LedgerStore, SheetConnections
from infrastructure.sheets.google import GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient
from infrastructure.sheets.google_pool import GooglePool, PoolAccount
from infrastructure.sheets.template import SheetTemplate

log = logging.getLogger(__name__)
T = TypeVar("T")


class GoogleSheets:
    """The ledgers of a pool of service accounts: which spreadsheet a group writes to, and with which
    account, and access checks.

    A group writes to its spreadsheet from BALANCE_SHEET_BY_CHAT, else the one an admin connected
    with /connect, else BALANCE_SHEET_ID; an admin's connection for their own group wins over the
    operator's default for all groups. A group upgraded to a supergroup keeps the
    BALANCE_SHEET_BY_CHAT entry of its old id (`former_id`) until the operator updates it.

    Each spreadsheet is written by the account kept for it, else by the pool's first one. When that
    account is refused (the sheet is not shared with it) and the pool has others, `choice` finds the
    one the sheet is shared with and keeps it. Without a `pool`, `client` and `share_with` make a
    pool of one account.
    """

    def __init__(
        self,
        client: SheetsHTTPClient | None,
        template: SheetTemplate,
        title_format: str,
        share_with: str,
        by_chat: Mapping[int, str],
        default: str | None,
        connections: SheetConnections,
        former_id: Callable[[int], Awaitable[int | None]] | None = None,
        pool: GooglePool | None = None,
    ) -> None:
        if pool is None:
            assert client is not None, "a client or a pool"
            pool = GooglePool([PoolAccount(share_with, "", client)], title_format)
        self.pool = pool
        self.choice = SheetAccountChoice(pool)
        self._several = len(pool.accounts) > 1
        self._former_id = former_id
        self._template = template
        self._title_format = title_format
        self.share_with = pool.accounts[0].email
        self._by_chat = dict(by_chat)
        self._default = default
        self._connections = connections
        self._ledgers: dict[str, GoogleSheetLedger] = {}
        self._retired: list[GoogleSheetLedger] = []
        self._served: Counter[str] = Counter()  # spreadsheets made a ledger for, by account

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The group's ledger, resolved when it is first written to."""
        return _ChatLedger(self, chat_id)

    async def is_connected(self, chat_id: int) -> bool:
        """Whether the group has a spreadsheet from the settings or from /connect."""
        return await self._spreadsheet_of(chat_id) is not None

    async def _spreadsheet_of(self, chat_id: int) -> str | None:
        return (
            self._by_chat.get(chat_id)
            or await self._by_former_id(chat_id)
            or await self._connections.connected(chat_id)
            or self._default
        )

    async def _by_former_id(self, chat_id: int) -> str | None:
        if not self._by_chat or self._former_id is None:
            return None  # no per-group setting to follow: no lookup
        former = await self._former_id(chat_id)
        return self._by_chat.get(former) if former is not None else None

    async def ledger_for(self, chat_id: int) -> GoogleSheetLedger:
        """The spreadsheet ledger of a group; LedgerNotConnected when it has none."""
        spreadsheet_id = await self._spreadsheet_of(chat_id)
        if spreadsheet_id is None:
            raise LedgerNotConnected(f"chat {chat_id} has no spreadsheet")
        await self.pool.record_now_and_then()
        if not self._several:
            return self._ledger(spreadsheet_id, self.share_with)
        account = await self.pool.serving(spreadsheet_id) or self.share_with
        return self._ledger(spreadsheet_id, account)

    async def moved(self, ledger: GoogleSheetLedger) -> GoogleSheetLedger | None:
        """The spreadsheet's ledger on another account of the pool, after `ledger`'s was refused; None
        when there is no other, or none can write either."""
        if not self._several:
            return None
        try:
            found = await self.choice.find(ledger.spreadsheet_id, skip=ledger.account)
        except LedgerError:
            return None
        if found.account == ledger.account:
            return None
        log.info("spreadsheet %s is now written by %s", ledger.spreadsheet_id, found.account)
        return self._ledger(ledger.spreadsheet_id, found.account)

    def _ledger(self, spreadsheet_id: str, account: str) -> GoogleSheetLedger:
        known = self._ledgers.get(spreadsheet_id)
        if known is not None and known.account == account:
            return known
        if known is not None:
            self._retired.append(known)  # its worker may still finish a call: closed at the end
            self._served[known.account] -= 1
        serving = self.pool.account(account)
        self._served[account] += 1
        self._ledgers[spreadsheet_id] = GoogleSheetLedger(
            spreadsheet_id,
            serving.client,
            self._template,
            self._title_format,
            account,
            threads=serving.threads,
            neighbours=lambda: self._served[account],
        )
        return self._ledgers[spreadsheet_id]

    async def check_write_access(self, spreadsheet_id: str) -> str:
        """The spreadsheet's title, checked with the account that serves it (see GooglePool)."""
        account = await self.pool.serving(spreadsheet_id) or self.share_with
        return await self.pool.check_write_access(spreadsheet_id, account)

    async def close(self) -> None:
        """Stop the worker threads; keep the accounts' last counts."""
        for ledger in [*self._ledgers.values(), *self._retired]:
            ledger.close()
        await self.pool.close()


class _ChatLedger:
    """One group's LedgerStore: finds the group's spreadsheet on each call, so /connect applies at once.

    A call its account is refused (the sheet is not, or no longer, shared with it) is made once more
    on the account of the pool the sheet is shared with, when there is one: a refused call wrote
    nothing, so nothing is written twice.
    """

    def __init__(self, sheets: GoogleSheets, chat_id: int) -> None:
        self._sheets = sheets
        self._chat_id = chat_id
        self._last: GoogleSheetLedger | None = None

    async def _ledger(self) -> GoogleSheetLedger:
        self._last = await self._sheets.ledger_for(self._chat_id)
        return self._last

    async def _on(self, call: Callable[[GoogleSheetLedger], Awaitable[T]]) -> T:
        ledger = await self._ledger()
        try:
            return await call(ledger)
        except LedgerError as error:
            if not not_shared_with(error):
                raise
            moved = await self._sheets.moved(ledger)
            if moved is None:
                raise
        self._last = moved
        return await call(moved)

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Append to the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.append(period, lines))

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite a row in the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.replace(saved, line))

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Void a row in the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.void(saved))

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category in the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.set_category(saved, category))

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write a row's Status in the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.set_status(saved, status))

    async def categories(self) -> list[Category]:
        """The Categories tab of the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.categories())

    async def read(self, period: Period) -> list[SheetRow]:
        """Read a month of the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.read(period))

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """LedgerStore.months_kept, on the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.months_kept(periods))

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Read several months of the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.read_months(periods))

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Find lines in the group's spreadsheet."""
        return await self._on(lambda ledger: ledger.find(period, lines))

    async def flush(self) -> None:
        """Nothing to do: Sheets writes through."""

    def link(self) -> str | None:
        """The link of the spreadsheet last written to."""
        return self._last.link() if self._last is not None else None

    async def identity(self) -> str:
        """The group's spreadsheet, as it is connected now."""
        return await (await self._ledger()).identity()
