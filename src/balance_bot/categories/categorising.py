"""Use case: each expense's category, from its spreadsheet's Categories tab and the corrections learned
there; a member's /cat changes a row's category and is learned."""

from __future__ import annotations

import logging
from collections import OrderedDict
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, replace

from balance_bot.capture.outcomes import ActionRefusal, ActionRefused, AdminCheck
from balance_bot.categories.books import TAB_WAIT_SECONDS, TabCategoryBooks
from balance_bot.domain.categories import Category, CategoryBook
from balance_bot.domain.category_names import purpose_key
from balance_bot.domain.ledger import SheetRow
from balance_bot.ports import (
    CaptureState,
    CategoryCorrections,
    CategoryGuesser,
    LedgerDirectory,
    SavedMessage,
)

log = logging.getLogger(__name__)
# The model's choices remembered per spreadsheet and purpose: the same unknown words are asked once.
GUESSES_KEPT = 5_000


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
        self._guesser = guesser
        self.guesses = guesser is not None  # a model is asked what the tab's words do not decide
        self._guesses: OrderedDict[tuple[str, str], str] = OrderedDict()
        self._settle = settle
        self._waiting_author = waiting_author
        self._state = state
        self._ledgers = ledgers
        self.corrections = corrections
        # The tab read once per expense, by the categorising and by every use case that shows categories.
        self.books = TabCategoryBooks(ledgers, defaults, tab_wait_seconds)

    async def book(self, chat_id: int) -> CategoryBook:
        """The group's categories; the last ones read (or the defaults) while its sheet cannot be read."""
        return await self.books.book(chat_id)

    async def _book_of(self, chat_id: int) -> tuple[CategoryBook, str | None]:
        return await self.books.book_of(chat_id)

    async def guessed(
        self, chat_id: int, book: CategoryBook, identity: str, purposes: Sequence[str]
    ) -> Mapping[str, str]:
        """The model's categories for purposes the tab's words do not decide, remembered; a purpose it is
        unsure of is left out."""
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
            await self.corrections.learn(identity, purpose_key(line.line.purpose), category.name)
        updated = replace(saved, lines=tuple(lines))
        await self._state.record(updated)
        return Recategorised(updated, category, tuple(line.number for line in chosen))

    async def learned(self, chat_id: int) -> dict[str, str]:
        """The corrections learned for the group's spreadsheet: purpose words -> category."""
        return dict(await self.corrections.learned(await self._ledgers.for_chat(chat_id).identity()))

    async def learn_from_sheet(self, chat_id: int, rows: Sequence[SheetRow]) -> int:
        """A category a bookkeeper put in a row, other than the one the words give, is learned for the
        row's words; how many were. The sheet stays the truth."""
        book, identity = await self._book_of(chat_id)
        if identity is None:
            return 0
        learned = await self.corrections.learned(identity)
        count = 0
        for row in rows:
            chosen = book.named(row.category) if row.category else None
            key = purpose_key(row.item)
            if chosen is None or not key or (row.usd is None and row.khr is None):
                continue  # no category, one not in the tab, or a voided row or note
            if book.categorise(row.item, learned).name != chosen.name:
                await self.corrections.learn(identity, key, chosen.name)
                count += 1
        return count

    async def forget(self, chat_id: int) -> int:
        """Drop the corrections learned for the group's spreadsheet; how many there were."""
        return await self.corrections.forget(await self._ledgers.for_chat(chat_id).identity())
