"""Use case: which groups the bot serves; a group it does not serve has no ledger, whatever the fallbacks."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerDirectory, LedgerNotConnected, LedgerStore

FormerId = Callable[[int], Awaitable[int | None]]


class GroupNotServed(LedgerNotConnected):
    """The group is not one the operator allowed: it has no ledger, not even the default sheet."""


class ServedGroups:
    """The operator's ALLOWED_CHAT_IDS (every group when none is named), followed to a supergroup's new id.

    Private chats are no group: nothing of a ledger is served to them by chat id.
    """

    def __init__(self, allowed: frozenset[int] | None, former_id: FormerId | None = None) -> None:
        self._allowed = allowed
        self._former_id = former_id
        self._followed: set[int] = set()  # new ids of allowed groups, found once

    async def serves(self, chat_id: int) -> bool:
        """Whether the bot serves this group."""
        if chat_id >= 0:
            return False
        if self._allowed is None or chat_id in self._allowed or chat_id in self._followed:
            return True
        former = await self._former_id(chat_id) if self._former_id is not None else None
        if former is not None and await self.serves(former):
            self._followed.add(chat_id)
            return True
        return False


class ServedLedgers:
    """A ledger directory that answers only for the groups served; every other group's store refuses."""

    def __init__(self, ledgers: LedgerDirectory, served: ServedGroups) -> None:
        self._ledgers = ledgers
        self._served = served

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The group's ledger, which checks the group is served before each use."""
        return _ServedLedger(self._ledgers.for_chat(chat_id), self._served, chat_id)

    async def is_connected(self, chat_id: int) -> bool:
        """Whether the group is served and has a ledger."""
        return await self._served.serves(chat_id) and await self._ledgers.is_connected(chat_id)


class _ServedLedger:
    """One group's store, refusing with GroupNotServed unless the group is served."""

    def __init__(self, store: LedgerStore, served: ServedGroups, chat_id: int) -> None:
        self._store = store
        self._served = served
        self._chat_id = chat_id

    async def _checked(self) -> LedgerStore:
        if not await self._served.serves(self._chat_id):
            raise GroupNotServed(f"chat {self._chat_id} is not a group this bot serves")
        return self._store

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """LedgerStore.append, for a served group."""
        return await (await self._checked()).append(period, lines)

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """LedgerStore.replace, for a served group."""
        return await (await self._checked()).replace(saved, line)

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """LedgerStore.set_category, for a served group."""
        return await (await self._checked()).set_category(saved, category)

    async def categories(self) -> list[Category]:
        """LedgerStore.categories, for a served group."""
        return await (await self._checked()).categories()

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """LedgerStore.void, for a served group."""
        return await (await self._checked()).void(saved)

    async def read(self, period: Period) -> list[SheetRow]:
        """LedgerStore.read, for a served group."""
        return await (await self._checked()).read(period)

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """LedgerStore.read_months, for a served group."""
        return await (await self._checked()).read_months(periods)

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """LedgerStore.find, for a served group."""
        return await (await self._checked()).find(period, lines)

    async def flush(self) -> None:
        """LedgerStore.flush: nothing of a group is written by it, so no check."""
        await self._store.flush()

    def link(self) -> str | None:
        """The sheet's link, shown only in replies to a served group."""
        return self._store.link()

    async def identity(self) -> str:
        """LedgerStore.identity, for a served group."""
        return await (await self._checked()).identity()
