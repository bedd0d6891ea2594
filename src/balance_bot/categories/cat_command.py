"""Use case: /cat, for the group's handler and `try` alike: which rows get which category, or why none."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from balance_bot.balances.service import BalanceService
from balance_bot.capture.outcomes import AdminCheck, LedgerProblem
from balance_bot.categories.cat_words import (
    CategoryOfMessage,
    CategoryOfRow,
    CatWithoutName,
    NoSuchRow,
    ShowLearned,
    cat_asked,
)
from balance_bot.categories.categorising import Categorising, RecategoriseOutcome
from balance_bot.domain.categories import CategoryBook
from balance_bot.ports import LedgerError


@dataclass(frozen=True, slots=True)
class CatHow:
    """/cat without a name, or with nothing to change: how to use it, with the tab's categories."""


@dataclass(frozen=True, slots=True)
class NoRowNumbered:
    """No row of this month has the No typed (or none could have)."""

    typed: str
    number: int | None = None  # the No when it is one a month could have, shown in the chat's digits


@dataclass(frozen=True, slots=True)
class Learned:
    """/cat learned: the purpose words learned in the group's sheet and their category."""

    learned: Mapping[str, str]


@dataclass(frozen=True, slots=True)
class Forgotten:
    """/cat forget: how many learned categories were dropped."""

    count: int


@dataclass(frozen=True, slots=True)
class AdminsOnly:
    """What was learned is for the group's admins to see and drop."""


CatOutcome = RecategoriseOutcome | CatHow | NoRowNumbered | Learned | Forgotten | AdminsOnly | LedgerProblem


@dataclass(frozen=True, slots=True)
class CatAnswer:
    """/cat's outcome, with the group's categories it is said with (None when they could not be read)."""

    outcome: CatOutcome
    name: str = ""
    book: CategoryBook | None = None


class CatCommand:
    """/cat NAME on an expense, /cat 12 NAME on row No 12 of the month, /cat learned and /cat forget."""

    def __init__(self, categorising: Categorising, balances: BalanceService | None) -> None:
        self._categorising = categorising
        self._balances = balances

    async def run(
        self,
        chat_id: int,
        words: list[str],
        author_id: int,
        is_admin: AdminCheck,
        *,
        about: int | None,
        answers_a_message: bool,
    ) -> CatAnswer:
        """What /cat's words do; `about` is the expense message meant when no row is numbered (the one
        the command answers, or in `try` the member's last)."""
        try:
            book = await self._categorising.book(chat_id)
            asked = cat_asked(words, answers_a_message=answers_a_message)
            return CatAnswer(
                await self._outcome(chat_id, asked, author_id, is_admin, about, answers_a_message),
                _name(asked),
                book,
            )
        except LedgerError as exc:
            return CatAnswer(LedgerProblem(exc))

    async def _outcome(
        self,
        chat_id: int,
        asked: ShowLearned | CategoryOfRow | CategoryOfMessage | NoSuchRow | CatWithoutName,
        author_id: int,
        is_admin: AdminCheck,
        about: int | None,
        answers_a_message: bool,
    ) -> CatOutcome:
        match asked:
            case NoSuchRow(typed):
                return NoRowNumbered(typed)
            case ShowLearned(forget):
                if not await is_admin():
                    return AdminsOnly()
                if forget:
                    return Forgotten(await self._categorising.forget(chat_id))
                return Learned(await self._categorising.learned(chat_id))
            case CatWithoutName():
                return CatHow()
        number = asked.number if isinstance(asked, CategoryOfRow) else None
        if number is not None and not answers_a_message and self._balances is not None:
            about = await self._balances.message_of_row(chat_id, self._balances.current_period(), number)
            if about is None:
                return NoRowNumbered(str(number), number)
        if about is None or not asked.name:
            return CatHow()
        return await self._categorising.recategorise(chat_id, about, author_id, is_admin, asked.name, number)


def _name(asked: object) -> str:
    return asked.name if isinstance(asked, CategoryOfRow | CategoryOfMessage) else ""
