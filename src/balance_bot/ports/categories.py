"""Categories and budgets: members' choices learned, a model's guesses, the budget notices told."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Protocol

from balance_bot.domain.categories import Category, CategoryBook


class CategoryCorrections(Protocol):
    """The categories members and bookkeepers chose for a purpose's words, per spreadsheet."""

    async def learned(self, ledger: str) -> dict[str, str]:
        """Purpose key -> category name, for the ledger of that identity."""
        ...

    async def learn(self, ledger: str, purpose_key: str, category: str) -> None:
        """Later purposes with the same words get this category in that ledger."""
        ...

    async def forget(self, ledger: str) -> int:
        """Drop what was learned for the ledger; how many corrections there were."""
        ...


class CategoryGuesser(Protocol):
    """A language model's choice of category for purposes the tab's words do not decide."""

    async def guess(
        self, purposes: Sequence[str], choices: Sequence[Category], chat_id: int | None
    ) -> list[str | None]:
        """One of the choices' names for each purpose, in order; None where the model is unsure,
        and all None when no model answered in time."""
        ...


class BudgetNoticeLog(Protocol):
    """Which budget thresholds a group has been told about, per month."""

    async def claim(self, chat_id: int, month: str, category: str, threshold: int) -> bool:
        """True only the first time for this group, month, category and threshold."""
        ...


class CategoryBooks(Protocol):
    """Each group's categories, as its spreadsheet's Categories tab names them (the defaults without one)."""

    async def book(self, chat_id: int) -> CategoryBook:
        """The group's categories; the last ones read (or the defaults) while its sheet cannot be read."""
        ...

    async def book_of(self, chat_id: int) -> tuple[CategoryBook, str | None]:
        """The group's categories, and its spreadsheet's identity (None when it cannot be told)."""
        ...
