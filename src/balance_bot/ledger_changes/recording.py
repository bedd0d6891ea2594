"""The ledger, with every row the bot writes (and each of its own edits) kept as it wrote it."""

from __future__ import annotations

import functools
import logging
from collections.abc import Awaitable, Sequence

from balance_bot.domain.categories import Category
from balance_bot.domain.hand_edits import WrittenRow
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerDirectory, LedgerStore, StorageUnavailable, WrittenRows

log = logging.getLogger(__name__)
# The groups whose composed store is kept: each store finds its sheet on each use, so keeping one is
# only sparing the composing on every call; a bound keeps strangers' chat ids from piling up.
STORES_KEPT = 1_024


class RecordedLedgers:
    """A ledger directory whose stores keep each row they write: every way the bot writes a row
    (expenses, top-ups, movements, notices) goes through a store, so none is missed."""

    def __init__(self, ledgers: LedgerDirectory, written: WrittenRows) -> None:
        self._ledgers = ledgers
        self._written = written
        self._stores = functools.lru_cache(maxsize=STORES_KEPT)(self._composed)

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The group's ledger, keeping what it writes: composed once per group, not on every call."""
        return self._stores(chat_id)

    def _composed(self, chat_id: int) -> LedgerStore:
        return _RecordedLedger(self._ledgers.for_chat(chat_id), self._written)

    async def is_connected(self, chat_id: int) -> bool:
        """LedgerDirectory.is_connected."""
        return await self._ledgers.is_connected(chat_id)


class _RecordedLedger:
    """One group's store; once a row is in the sheet, keeping it is second: a record the disk could
    not take leaves that row out of the comparison, and never fails the row itself."""

    def __init__(self, store: LedgerStore, written: WrittenRows) -> None:
        self._store = store
        self._written = written

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """LedgerStore.append, the rows kept."""
        saved = await self._store.append(period, lines)
        await self._keep(self._written.keep([WrittenRow.of(line) for line in saved]))
        return saved

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """LedgerStore.replace, the row kept as rewritten."""
        replaced = await self._store.replace(saved, line)
        if replaced is not None:
            await self._keep(self._written.keep([WrittenRow.of(replaced)]))
        return replaced

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """LedgerStore.set_category, the category kept."""
        changed = await self._store.set_category(saved, category)
        if changed is not None:
            await self._keep(self._written.categorised(saved.line.source.reference(), category))
        return changed

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """LedgerStore.set_status: the Status cell is no amount, date or item, so nothing to keep."""
        return await self._store.set_status(saved, status)

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """LedgerStore.void, the row kept as voided by the bot."""
        voided = await self._store.void(saved)
        await self._keep(self._written.voided(saved.line.source.reference()))
        return voided

    async def categories(self) -> list[Category]:
        """LedgerStore.categories."""
        return await self._store.categories()

    async def read(self, period: Period) -> list[SheetRow]:
        """LedgerStore.read."""
        return await self._store.read(period)

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """LedgerStore.read_months."""
        return await self._store.read_months(periods)

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """LedgerStore.find."""
        return await self._store.find(period, lines)

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """LedgerStore.months_kept."""
        return await self._store.months_kept(periods)

    async def flush(self) -> None:
        """LedgerStore.flush."""
        await self._store.flush()

    def link(self) -> str | None:
        """LedgerStore.link."""
        return self._store.link()

    async def identity(self) -> str:
        """LedgerStore.identity."""
        return await self._store.identity()

    @staticmethod
    async def _keep(keeping: Awaitable[None]) -> None:
        try:
            await keeping
        except StorageUnavailable as exc:
            log.warning("could not keep a row the bot wrote, for /changes: %s", exc)
