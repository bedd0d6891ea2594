"""What the group hears about a message, as plain data: every chat face (Telegram, terminal) draws it."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from enum import StrEnum

from balance_bot.capture.outcomes import Outcome
from balance_bot.domain.budgets import BudgetCrossed
from balance_bot.domain.categories import CategoryBook
from balance_bot.domain.language import Language, Speech
from balance_bot.ports import SavedMessage


class Button(StrEnum):
    """The buttons a confirmation calls for; each face draws them its own way."""

    UNDO = "undo"
    SWITCH = "switch"  # the currency was guessed
    CATEGORY = "category"  # the one line's category, opening the tab's categories
    THIS_MONTH = "this_month"  # the Mini App on the group's month
    APPROVE = "approve"  # an expense over the group's threshold: for an admin other than its poster
    REJECT = "reject"


@dataclass(frozen=True, slots=True)
class Notices:
    """What the group is told after the confirmation: the budgets the expense took past a threshold."""

    budgets_crossed: tuple[BudgetCrossed, ...] = ()
    category_names: Mapping[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class LaterNotices:
    """Notices that come after the confirmation: `landed` first (None when the rows are in the sheet
    already) resolves once an expense that waited for the sheet is written, then `notices` are read.
    A sheet that is down may keep `landed` waiting for hours; a face stopping need not wait for it."""

    notices: Callable[[], Awaitable[Notices]]
    landed: Callable[[], Awaitable[bool]] | None = None


@dataclass(frozen=True, slots=True)
class ReplyPlan:
    """Everything the chat should receive about one message, command or button.

    `outcome` carries the confirmation's parts (entries, numbers, dating, link, unsure); `speech`
    is the language it is said in; `member` is who it is about (a voided row names who voided it).
    """

    outcome: Outcome
    speech: Speech
    member: str = ""
    as_confirmation: bool = False  # queued with the confirmations (merged, retried), not a plain reply
    may_be_quiet: bool = False  # a 👍 on the member's message may stand for the confirmation
    buttons: tuple[Button, ...] = ()
    about: int | None = None  # the member's message the buttons act on
    expense: int | None = None  # the member's expense message confirmed (what a later /cat NAME changes)
    saved: SavedMessage | None = None  # the rows the buttons act on, when they are in the sheet
    category_names: Mapping[str, str] = field(default_factory=dict)  # English name -> the group's
    then: Callable[[], Awaitable[ReplyPlan]] | None = None  # the plan once the expense is written
    later: LaterNotices | None = None
    awaiting_approval: bool = False  # some of its rows wait for an admin: the confirmation says so


@dataclass(frozen=True, slots=True)
class DrawnPlan:
    """What a chat face shows for a plan: the text, and each button with its label."""

    text: str | None
    buttons: tuple[tuple[Button, str], ...]


def category_names_in(book: CategoryBook, language: Language) -> dict[str, str]:
    """English name -> the name a chat in that language reads: the tab's Khmer one in Khmer."""
    if language is not Language.KHMER:
        return {}
    return {category.name: category.name_km for category in book.categories if category.name_km}


def said_in_words(plan: ReplyPlan) -> ReplyPlan:
    """The plan said in words, once its rows are written too, in a group that chose a 👍 for its
    expenses: for rows no member's message stands for (a bank's payment, a recurring cost's day)."""
    then = plan.then
    if then is None:
        return replace(plan, may_be_quiet=False)

    async def said_once_written() -> ReplyPlan:
        return said_in_words(await then())

    return replace(plan, then=said_once_written)
