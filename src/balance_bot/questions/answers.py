"""What a question to the ledger comes to, for the adapters to render: one outcome each."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from enum import Enum

from balance_bot.balances.service import BalanceOutcome
from balance_bot.domain.balances import PeriodBalance
from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import Period
from balance_bot.domain.ledger_answers import Entry, Found
from balance_bot.domain.money import Currency
from balance_bot.domain.questions import LedgerQuestion, WriteRequest
from balance_bot.members.movements import MemberBalanceOutcome
from balance_bot.ports import LedgerError


@dataclass(frozen=True, slots=True)
class Answered:
    """The question, what it selected, and whose entries (a name) when it was about a member."""

    question: LedgerQuestion
    found: Found
    member: str | None
    by_model: bool = False
    group_of: Callable[[Entry], str] | None = None  # whose or which category's, when totals are per group
    days: int = 0  # the days so far of the span, for an average a day
    whole: Found | None = None  # all the spending of the span, for a share


@dataclass(frozen=True, slots=True)
class CashAnswer:
    """The cash balance, for an admin."""

    balance: BalanceOutcome


@dataclass(frozen=True, slots=True)
class NoMoneyIn:
    """The cash left asked, where the sheet records no money put in (no opening balance, no top-up):
    what is left cannot be told, only what was spent."""

    balance: PeriodBalance


@dataclass(frozen=True, slots=True)
class BudgetAnswer:
    """The month's spending of each budgeted category (or the one asked about), against its budget."""

    period: Period
    spent: tuple[tuple[Category, dict[Currency, Decimal]], ...]
    asked: Category | None  # the category asked about, budgeted or not


@dataclass(frozen=True, slots=True)
class PositionAnswer:
    """What one member holds of the team's cash this month, or is owed, as /mybalance shows it."""

    outcome: MemberBalanceOutcome


@dataclass(frozen=True, slots=True)
class ConfirmWrite:
    """An admin's request to change the ledger, shown with Confirm and Cancel under this token."""

    request: WriteRequest
    token: str


class AskRefusal(Enum):
    """Why a question is not answered for this asker."""

    OTHER_MEMBER = "other_member"  # another member's entries: admins only
    BALANCE = "balance"  # the cash: admins only
    WRITE = "write"  # changes: admins only
    MEMBERS_MAY_NOT = "members_may_not"  # ASK_FOR_MEMBERS=none


@dataclass(frozen=True, slots=True)
class AskRefused:
    """The asker may not have that answer."""

    reason: AskRefusal


@dataclass(frozen=True, slots=True)
class CannotAnswer:
    """Neither the question reader nor a model could read it."""


@dataclass(frozen=True, slots=True)
class NotSure:
    """The question names something no expense of the team says, nor a category or a member: what
    was understood, and the words that were not, rather than a confident 'nothing'."""

    question: LedgerQuestion
    unknown: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class MonthsNotKept:
    """Every month asked about is past and the sheet has no worksheet for any of them: not
    'nothing', which would say the team spent nothing then."""

    question: LedgerQuestion


@dataclass(frozen=True, slots=True)
class AskUnavailable:
    """The sheet could not be read."""

    error: LedgerError


AskOutcome = (
    Answered
    | CashAnswer
    | NoMoneyIn
    | BudgetAnswer
    | PositionAnswer
    | ConfirmWrite
    | AskRefused
    | CannotAnswer
    | NotSure
    | MonthsNotKept
    | AskUnavailable
)
