"""Use case: which groups the bot serves; a group it does not serve has no ledger, whatever the fallbacks.

None is served until the operator allows it, by its id in ALLOWED_CHAT_IDS or with /allow from a
private chat: a stranger who adds the bot to a group of their own must reach nothing of the team's.
"""

from __future__ import annotations

import functools
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerDirectory, LedgerNotConnected, LedgerStore

FormerId = Callable[[int], Awaitable[int | None]]
ASKING_SHOWN = 5  # the groups that asked lately, offered to the operator's /allow
# The groups whose composed store is kept (each finds its sheet and checks the group on each use): a
# bound keeps strangers' chat ids from piling up.
STORES_KEPT = 1_024


class GroupNotServed(LedgerNotConnected):
    """The group is not one the operator allowed: it has no ledger, not even the default sheet."""


@dataclass(frozen=True)
class AskingGroup:
    """A group the bot told it is private, not allowed since: the operator may pick it."""

    chat_id: int
    title: str


class GroupAllowances(Protocol):
    """The groups the operator allowed from a private chat, and those told the bot is private."""

    async def allowed(self) -> set[int]:
        """Every group allowed, by its current id."""
        ...

    async def allow(self, chat_id: int, by_user_id: int) -> bool:
        """Keep the group allowed across restarts; False when it was allowed before."""
        ...

    async def turned_away(self, chat_id: int, title: str) -> bool:
        """Note that the group was told the bot is private; True only the first time."""
        ...

    async def asking(self, limit: int) -> list[AskingGroup]:
        """The groups told the bot is private and not allowed since, the latest first."""
        ...


@dataclass(frozen=True)
class GroupAllowed:
    """The group is served from now on; `before` when it already was."""

    chat_id: int
    before: bool


@dataclass(frozen=True)
class NotAGroup:
    """The id named is no group's (a group's id is negative)."""

    words: str


@dataclass(frozen=True)
class OperatorsOnly:
    """Only the operator's ADMIN_USER_IDS may allow a group."""


AllowOutcome = GroupAllowed | NotAGroup | OperatorsOnly


class ServedGroups:
    """The operator's ALLOWED_CHAT_IDS and the groups allowed with /allow, followed to a supergroup's
    new id. No group is served that the operator has not named.

    Private chats are no group: nothing of a ledger is served to them by chat id.
    """

    def __init__(
        self,
        configured: frozenset[int],
        former_id: FormerId | None = None,
        allowances: GroupAllowances | None = None,
        operators: frozenset[int] = frozenset(),
    ) -> None:
        self._configured = configured
        self._former_id = former_id
        self._allowances = allowances
        self._operators = operators
        self._allowed: set[int] | None = None  # read once: only this process allows
        self._followed: set[int] = set()  # new ids of allowed groups, found once

    async def serves(self, chat_id: int) -> bool:
        """Whether the bot serves this group."""
        if chat_id >= 0:
            return False
        if chat_id in self._configured or chat_id in self._followed or chat_id in await self._kept():
            return True
        former = await self._former_id(chat_id) if self._former_id is not None else None
        if former is not None and await self.serves(former):
            self._followed.add(chat_id)
            return True
        return False

    async def any_served(self) -> bool:
        """Whether the operator has allowed any group at all."""
        return bool(self._configured or await self._kept())

    async def allow(self, words: str, user_id: int) -> AllowOutcome:
        """/allow -100123 from the operator: the group is served from now on, also after a restart."""
        if user_id not in self._operators or self._allowances is None:
            return OperatorsOnly()
        text = words.strip()
        digits = text[1:] if text.startswith("-") else ""
        if not (digits.isascii() and digits.isdecimal() and 0 < len(digits) <= 16):
            return NotAGroup(text[:24])
        chat_id = int(text)
        if chat_id in self._configured:
            return GroupAllowed(chat_id, before=True)
        added = await self._allowances.allow(chat_id, user_id)
        (await self._kept()).add(chat_id)
        return GroupAllowed(chat_id, before=not added)

    async def turn_away(self, chat_id: int, title: str) -> bool:
        """A group not served spoke: True the first time, when it should be told the bot is private."""
        if self._allowances is None:
            return False
        return await self._allowances.turned_away(chat_id, title)

    async def asking(self, user_id: int) -> list[AskingGroup] | OperatorsOnly:
        """The groups told lately that the bot is private, for the operator to pick from."""
        if user_id not in self._operators or self._allowances is None:
            return OperatorsOnly()
        return await self._allowances.asking(ASKING_SHOWN)

    async def _kept(self) -> set[int]:
        if self._allowed is None:
            self._allowed = await self._allowances.allowed() if self._allowances is not None else set()
        return self._allowed


class ServedLedgers:
    """A ledger directory that answers only for the groups served; every other group's store refuses."""

    def __init__(self, ledgers: LedgerDirectory, served: ServedGroups) -> None:
        self._ledgers = ledgers
        self._served = served
        self._stores = functools.lru_cache(maxsize=STORES_KEPT)(self._composed)

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The group's ledger, which checks the group is served before each use: composed once per
        group (the check is on each use, so a group allowed later is served at once)."""
        return self._stores(chat_id)

    def _composed(self, chat_id: int) -> LedgerStore:
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

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """LedgerStore.set_status, for a served group."""
        return await (await self._checked()).set_status(saved, status)

    async def categories(self) -> list[Category]:
        """LedgerStore.categories, for a served group."""
        return await (await self._checked()).categories()

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """LedgerStore.void, for a served group."""
        return await (await self._checked()).void(saved)

    async def read(self, period: Period) -> list[SheetRow]:
        """LedgerStore.read, for a served group."""
        return await (await self._checked()).read(period)

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """LedgerStore.months_kept, for a served group."""
        return await (await self._checked()).months_kept(periods)

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
