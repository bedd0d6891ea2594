"""Each group's categories, read from its spreadsheet's Categories tab through its ledger, with the last
tab known (or the defaults) standing in while the sheet is slow or cannot be read."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Sequence

from balance_bot.domain.categories import Category, CategoryBook, default_category_book
from balance_bot.ports import LedgerDirectory, LedgerError

log = logging.getLogger(__name__)
# A member's expense never waits longer than this for the Categories tab: a slow or unreachable
# sheet categorises by the last tab known (or the defaults) while the read goes on behind.
TAB_WAIT_SECONDS = 2.0
# Distinct tabs whose book is kept: spreadsheets with the same categories (most keep the default
# tab) share one book, indexed once, not one each (a thousand groups held a thousand).
BOOKS_KEPT = 64


class TabCategoryBooks:
    """The CategoryBooks port over the groups' ledgers: one book per spreadsheet, made once per tab read."""

    def __init__(
        self,
        ledgers: LedgerDirectory,
        defaults: Sequence[Category],
        tab_wait_seconds: float = TAB_WAIT_SECONDS,
    ) -> None:
        self._ledgers = ledgers
        self._tab_wait = tab_wait_seconds
        self._default = default_category_book(defaults)
        self._books: dict[str, tuple[tuple[Category, ...], CategoryBook]] = {}
        self._shared_books: OrderedDict[tuple[Category, ...], CategoryBook] = OrderedDict()

    async def book(self, chat_id: int) -> CategoryBook:
        """The group's categories; the last ones read (or the defaults) while its sheet cannot be read."""
        return (await self.book_of(chat_id))[0]

    async def book_of(self, chat_id: int) -> tuple[CategoryBook, str | None]:
        """The group's categories, and its spreadsheet's identity (None when it cannot be told)."""
        store = self._ledgers.for_chat(chat_id)
        try:
            identity = await store.identity()
        except LedgerError as exc:
            log.info("the sheet of chat %s is not known (%s); the default categories", chat_id, exc)
            return self._default, None
        try:
            categories = tuple(await asyncio.wait_for(store.categories(), self._tab_wait))
        except (LedgerError, TimeoutError) as exc:
            log.info("categories of chat %s not read (%s); using the last known", chat_id, exc)
            known = self._books.get(identity)
            return (known[1] if known is not None else self._default), identity
        # Looked up after the read: groups reading the tab at once make the book once, not each.
        known = self._books.get(identity)
        if known is None or known[0] != categories:
            self._books[identity] = known = (categories, self._shared_book(categories))
        return known[1], identity

    def _shared_book(self, categories: tuple[Category, ...]) -> CategoryBook:
        """The book of these categories, made once for every spreadsheet that has them."""
        if not categories:
            return self._default
        book = self._shared_books.get(categories)
        if book is None:
            book = self._shared_books[categories] = default_category_book(categories)
            if len(self._shared_books) > BOOKS_KEPT:
                self._shared_books.popitem(last=False)
        else:
            self._shared_books.move_to_end(categories)
        return book
