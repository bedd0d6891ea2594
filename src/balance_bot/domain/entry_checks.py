"""Whether a message's entries may be saved as they stand, and what the member is told when they may not:
the amounts, the purposes, how many, and the days named (pure decisions, the capture use case's rules)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from balance_bot.domain.capture_policy import CapturePolicy
from balance_bot.domain.expenses import ExpenseEntry, ParseResult, ParseStatus, Problem, problem_with_amount
from balance_bot.domain.ledger import Period
from balance_bot.domain.members import MovementKind
from balance_bot.domain.money import AmountLimits


class Refusal(StrEnum):
    """Why an expense was not saved, in words the member can act on."""

    OVER_LIMIT = "over_limit"
    NOT_POSITIVE = "not_positive"
    TOO_PRECISE = "too_precise"
    PURPOSE_TOO_SHORT = "purpose_too_short"
    NEGATIVE = "negative"
    MONEY_BACK = "money_back"


class DateRefusal(StrEnum):
    """Why an expense with a named day was not saved."""

    FUTURE = "future"
    TOO_OLD = "too_old"
    NO_SUCH_DAY = "no_such_day"  # "Nov 31"
    MONTHS_MIXED = "months_mixed"  # one message, days in two months


@dataclass(frozen=True, slots=True)
class Dating:
    """What the member should hear about the day: it was named, or its month had closed."""

    named: bool = False  # a day other than the day of posting: the confirmation says it
    closed_month: Period | None = None  # the day's month was closed: the rows went to this month


ON_THE_DAY_POSTED = Dating()


@dataclass(frozen=True, slots=True)
class TopUpUnclear:
    """A /topup, or a member's movement (`kind`), without one amount and its currency."""

    kind: MovementKind | None = None


@dataclass(frozen=True, slots=True)
class AskRephrase:
    """The message is not clear enough to save."""

    problem: Problem | None


@dataclass(frozen=True, slots=True)
class TooManyEntries:
    """One message listed more expenses than one message may add; none was saved."""

    most: int


@dataclass(frozen=True, slots=True)
class Refused:
    """The expense is clear but cannot be saved as it stands."""

    reason: Refusal
    entry: ExpenseEntry
    limits: AmountLimits


@dataclass(frozen=True, slots=True)
class DateRefused:
    """The day named cannot be used: ahead, too far back, no such day, or months mixed."""

    reason: DateRefusal
    day: date | None
    max_days_back: int
    words: str = ""


# The parser's problems with an amount that the member is told as a refusal, not asked to rephrase.
AMOUNT_REFUSALS = {
    Problem.OVER_LIMIT: Refusal.OVER_LIMIT,
    Problem.NOT_POSITIVE: Refusal.NOT_POSITIVE,
    Problem.TOO_PRECISE: Refusal.TOO_PRECISE,
    Problem.NEGATIVE: Refusal.NEGATIVE,
    Problem.MONEY_BACK: Refusal.MONEY_BACK,
}


def refused(entries: Sequence[ExpenseEntry], policy: CapturePolicy) -> TooManyEntries | Refused | None:
    """Why the entries cannot be saved, or None when they can."""
    if len(entries) > policy.max_entries:
        return TooManyEntries(policy.max_entries)  # a model may list what the parser would not
    for entry in entries:
        if problem := problem_with_amount(entry.money, policy.limits):
            return Refused(AMOUNT_REFUSALS[problem], entry, policy.limits)
        if len(entry.purpose) < policy.min_purpose_length:
            return Refused(Refusal.PURPOSE_TOO_SHORT, entry, policy.limits)
    return None


def unclear(
    problem: Problem | None, entries: Sequence[ExpenseEntry], policy: CapturePolicy
) -> Refused | TooManyEntries | AskRephrase:
    """What to tell about a message read as unclear: the amount refused, too many entries, or rephrase."""
    if problem in AMOUNT_REFUSALS and entries:
        offending = next(
            (e for e in entries if problem_with_amount(e.money, policy.limits)),
            entries[0],
        )
        return Refused(AMOUNT_REFUSALS[problem], offending, policy.limits)
    if problem is Problem.TOO_MANY:
        return TooManyEntries(policy.max_entries)
    return AskRephrase(problem)


def one_amount(result: ParseResult, limits: AmountLimits) -> ExpenseEntry | TopUpUnclear | Refused:
    """Cash that is not spending (a top-up, an advance, a KHQR asked for): one amount and its currency
    said, within the limits; the entry, or why not.

    The currency must be said: a guessed currency is fine for a coffee the member can switch, not
    for a figure every balance after it starts from.
    """
    entries = result.entries
    if len(entries) == 1 and result.problem in AMOUNT_REFUSALS:
        return Refused(AMOUNT_REFUSALS[result.problem], entries[0], limits)
    readable = result.status in (ParseStatus.EXPENSE, ParseStatus.PURPOSE_MISSING)
    if not readable or len(entries) != 1 or entries[0].currency_guessed:
        return TopUpUnclear()
    if problem := problem_with_amount(entries[0].money, limits):
        return Refused(AMOUNT_REFUSALS[problem], entries[0], limits)
    return entries[0]
