"""Use case: each expense's category, from its spreadsheet's Categories tab and the corrections learned
there; a member's /cat changes a row's category and is learned."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass, replace

from balance_bot.domain.categories import Category, CategoryBook, default_category_book, purpose_key
from balance_bot.domain.ledger import LedgerLine, SavedLine
from balance_bot.ports import CategoryCorrections, LedgerDirectory, LedgerError, LedgerStore

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class CategoryChanged:
    """The row's category was written, and learned for its purpose's words."""

    line: SavedLine


@dataclass(frozen=True, slots=True)
class NoSuchCategory:
    """The name is none of the tab's categories: the names there are."""

    names: tuple[str, ...]


class Categorising:
    """The categories of a group's spreadsheet, read through its ledger, with what was learned there."""

    def __init__(
        self, ledgers: LedgerDirectory, corrections: CategoryCorrections, defaults: Sequence[Category]
    ) -> None:
        self._ledgers = ledgers
        self._corrections = corrections
        self._default = default_category_book(defaults)
        self._books: dict[str, tuple[tuple[Category, ...], CategoryBook]] = {}

    async def book(self, chat_id: int) -> CategoryBook:
        """The group's categories; the last ones read (or the defaults) while its sheet cannot be read."""
        store = self._ledgers.for_chat(chat_id)
        try:
            identity = await store.identity()
            categories = tuple(await store.categories())
        except LedgerError as exc:
            log.info("categories of chat %s not read (%s); using the last known", chat_id, exc)
            known = self._books.get(await _identity_or_none(store))
            return known[1] if known is not None else self._default
        known = self._books.get(identity)
        if known is None or known[0] != categories:
            book = default_category_book(categories) if categories else self._default
            self._books[identity] = known = (categories, book)
        return known[1]

    async def categorised(self, chat_id: int, lines: Sequence[LedgerLine]) -> list[LedgerLine]:
        """The lines with their categories; a top-up has none, a line that has one keeps it."""
        if all(line.topup or line.category for line in lines):
            return list(lines)
        book = await self.book(chat_id)
        learned = await self._learned(chat_id)
        return [
            line
            if line.topup or line.category
            else replace(line, category=book.categorise(line.purpose, learned).name)
            for line in lines
        ]

    async def change(
        self, chat_id: int, saved: SavedLine, name: str
    ) -> CategoryChanged | NoSuchCategory | None:
        """Write the row's new category (by its English or Khmer name) and learn it for its words;
        None when the row is gone from the sheet."""
        book = await self.book(chat_id)
        category = book.named(name)
        if category is None:
            return NoSuchCategory(tuple(book.names))
        store = self._ledgers.for_chat(chat_id)
        changed = await store.set_category(saved, category.name)
        if changed is None:
            return None
        await self._corrections.learn(await store.identity(), purpose_key(saved.line.purpose), category.name)
        return CategoryChanged(changed)

    async def forget(self, chat_id: int) -> int:
        """Drop the corrections learned for the group's spreadsheet; how many there were."""
        return await self._corrections.forget(await self._ledgers.for_chat(chat_id).identity())

    async def _learned(self, chat_id: int) -> dict[str, str]:
        try:
            return await self._corrections.learned(await self._ledgers.for_chat(chat_id).identity())
        except LedgerError:
            return {}


async def _identity_or_none(store: LedgerStore) -> str:
    try:
        return await store.identity()
    except LedgerError:
        return ""
