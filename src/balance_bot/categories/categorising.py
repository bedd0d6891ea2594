"""Use case: each expense's category, from its spreadsheet's Categories tab and the corrections learned
there; a member's /cat changes a row's category and is learned."""

from __future__ import annotations

import asyncio
import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from balance_bot.capture.outcomes import ActionRefusal, ActionRefused, AdminCheck
from balance_bot.domain.categories import (
    Category,
    CategoryBook,
    DecidedBy,
    default_category_book,
    purpose_key,
)
from balance_bot.domain.ledger import LedgerLine, SheetRow
from balance_bot.ports import (
    CaptureState,
    CategoryCorrections,
    CategoryGuesser,
    LedgerDirectory,
    LedgerError,
    SavedMessage,
)

log = logging.getLogger(__name__)
# A member's expense never waits longer than this for the Categories tab: a slow or unreachable
# sheet categorises by the last tab known (or the defaults) while the read goes on behind.
TAB_WAIT_SECONDS = 2.0
# The model's choices remembered per spreadsheet and purpose: the same unknown words are asked once.
GUESSES_KEPT = 5_000
# Distinct tabs whose book is kept: spreadsheets with the same categories (most keep the default
# tab) share one book, indexed once, not one each (a thousand groups held a thousand).
BOOKS_KEPT = 64


@dataclass(frozen=True, slots=True)
class Recategorised:
    """A message's rows have a new category, learned for their purposes' words."""

    message: SavedMessage
    category: Category
    numbers: tuple[int, ...] = ()  # the Nos that changed: one row of a list, or all of the message's


@dataclass(frozen=True, slots=True)
class NoSuchCategory:
    """The name is none of the tab's categories: these are."""

    categories: tuple[Category, ...]


RecategoriseOutcome = Recategorised | NoSuchCategory | ActionRefused


class Categorising:
    """The categories of a group's spreadsheet, read through its ledger, with what was learned there."""

    def __init__(
        self,
        ledgers: LedgerDirectory,
        corrections: CategoryCorrections,
        defaults: Sequence[Category],
        state: CaptureState,
        settle: Callable[[int], Awaitable[None]] | None = None,
        waiting_author: Callable[[int, int], Awaitable[int | None]] | None = None,
        tab_wait_seconds: float = TAB_WAIT_SECONDS,
        guesser: CategoryGuesser | None = None,
    ) -> None:
        self._tab_wait = tab_wait_seconds
        self._guesser = guesser
        self._guesses: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._settle = settle
        self._waiting_author = waiting_author
        self._state = state
        self._ledgers = ledgers
        self._corrections = corrections
        self._default = default_category_book(defaults)
        self._books: dict[str, tuple[tuple[Category, ...], CategoryBook]] = {}
        self._shared_books: OrderedDict[tuple[Category, ...], CategoryBook] = OrderedDict()

    async def book(self, chat_id: int) -> CategoryBook:
        """The group's categories; the last ones read (or the defaults) while its sheet cannot be read."""
        return (await self._book_of(chat_id))[0]

    async def _book_of(self, chat_id: int) -> tuple[CategoryBook, str | None]:
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

    async def categorised(self, chat_id: int, lines: Sequence[LedgerLine]) -> list[LedgerLine]:
        """The lines with their categories; a top-up has none, a line that has one keeps it.

        A purpose the tab's words do not decide goes to the language model, when there is one.
        """
        if all(not line.spending or line.category for line in lines):
            return list(lines)
        book, identity = await self._book_of(chat_id)
        learned = await self._corrections.learned(identity) if identity is not None else {}
        decided = {
            line.purpose: book.categorise(line.purpose, learned)
            for line in lines
            if line.spending and not line.category
        }
        names = {purpose: decision.name for purpose, decision in decided.items()}
        undecided = [
            purpose
            for purpose, decision in decided.items()
            if decision.decided_by is DecidedBy.NOTHING and purpose_key(purpose)
        ]
        if undecided and self._guesser is not None:
            names |= await self._guessed(chat_id, book, identity or "", undecided)
        return [
            line if not line.spending or line.category else replace(line, category=names[line.purpose])
            for line in lines
        ]

    async def _guessed(
        self, chat_id: int, book: CategoryBook, identity: str, purposes: Sequence[str]
    ) -> Mapping[str, str]:
        """The model's categories for the purposes, remembered; a purpose it is unsure of is left out."""
        assert self._guesser is not None
        chosen: dict[str, str] = {}
        for purpose in purposes:
            remembered = self._guesses.get((identity, purpose_key(purpose)))
            if remembered is not None and book.named(remembered) is not None:
                chosen[purpose] = remembered
        asked = [purpose for purpose in purposes if purpose not in chosen]
        if not asked:
            return chosen
        try:
            guesses = await self._guesser.guess(asked, book.choices, chat_id)
        except Exception:
            # The model is a help: whatever goes wrong there, the expense is saved with Other.
            log.exception("the category model failed; Other stands")
            return chosen
        for purpose, guess in zip(asked, guesses, strict=False):
            category = book.named(guess) if guess else None
            if category is None:
                continue
            chosen[purpose] = category.name
            self._guesses[(identity, purpose_key(purpose))] = category.name
            if len(self._guesses) > GUESSES_KEPT:
                self._guesses.popitem(last=False)
        return chosen

    async def refusal_to_choose(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> ActionRefused | None:
        """Why this user may not choose the message's category (not its author nor an admin, or no
        such expense), before the menu opens; None when they may."""
        known = await self._state.find(chat_id, message_id)
        author = known.author_id if known is not None else None
        if author is None and self._waiting_author is not None:
            author = await self._waiting_author(chat_id, message_id)  # its rows still wait
        if author is not None and user_id != author and not await is_admin():
            return ActionRefused(ActionRefusal.NOT_ALLOWED)  # said at once, nothing to wait for
        if self._settle is not None:
            await self._settle(chat_id)  # the message's rows are in the sheet, and kept
        saved = await self._state.find(chat_id, message_id)
        if saved is None or saved.voided:
            return ActionRefused(ActionRefusal.UNKNOWN)
        if author is None and user_id != saved.author_id and not await is_admin():
            return ActionRefused(ActionRefusal.NOT_ALLOWED)
        return None

    async def recategorise(
        self,
        chat_id: int,
        message_id: int,
        user_id: int,
        is_admin: AdminCheck,
        name: str,
        number: int | None = None,
    ) -> RecategoriseOutcome:
        """/cat NAME: the message's rows get the category (by its English or Khmer name), for its
        author or an admin; later purposes with the same words get it too. With a number (/cat 12
        Fuel), only that row of a list."""
        if self._settle is not None:
            await self._settle(chat_id)  # the message's rows are in the sheet, and kept, before they change
        saved = await self._state.find(chat_id, message_id)
        chosen = (
            [line for line in saved.lines if line.line.spending and number in (None, line.number)]
            if saved is not None and not saved.voided
            else []
        )
        if saved is None or not chosen:
            return ActionRefused(ActionRefusal.UNKNOWN)
        if user_id != saved.author_id and not await is_admin():
            return ActionRefused(ActionRefusal.NOT_ALLOWED)
        book, identity = await self._book_of(chat_id)
        category = book.meant(name)
        if category is None:
            return NoSuchCategory(tuple(book.choices))
        store = self._ledgers.for_chat(chat_id)
        identity = identity if identity is not None else await store.identity()
        lines = []
        for line in saved.lines:
            if line not in chosen:
                lines.append(line)
                continue
            written = await store.set_category(line, category.name)
            lines.append(written or replace(line, line=replace(line.line, category=category.name)))
            await self._corrections.learn(identity, purpose_key(line.line.purpose), category.name)
        updated = replace(saved, lines=tuple(lines))
        await self._state.record(updated)
        return Recategorised(updated, category, tuple(line.number for line in chosen))

    async def learned(self, chat_id: int) -> dict[str, str]:
        """The corrections learned for the group's spreadsheet: purpose words -> category."""
        return dict(await self._corrections.learned(await self._ledgers.for_chat(chat_id).identity()))

    async def learn_from_sheet(self, chat_id: int, rows: Sequence[SheetRow]) -> int:
        """A category a bookkeeper put in a row, other than the one the words give, is learned for the
        row's words; how many were. The sheet stays the truth."""
        book, identity = await self._book_of(chat_id)
        if identity is None:
            return 0
        learned = await self._corrections.learned(identity)
        count = 0
        for row in rows:
            chosen = book.named(row.category) if row.category else None
            key = purpose_key(row.item)
            if chosen is None or not key or (row.usd is None and row.khr is None):
                continue  # no category, one not in the tab, or a voided row or note
            if book.categorise(row.item, learned).name != chosen.name:
                await self._corrections.learn(identity, key, chosen.name)
                count += 1
        return count

    async def forget(self, chat_id: int) -> int:
        """Drop the corrections learned for the group's spreadsheet; how many there were."""
        return await self._corrections.forget(await self._ledgers.for_chat(chat_id).identity())
