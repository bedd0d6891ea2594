"""What the parser decides about a message: the status, the entries, and why it would ask."""

from __future__ import annotations

from dataclasses import dataclass, replace
from decimal import Decimal
from enum import StrEnum

from balance_bot.domain.money import AmountLimits, Money
from balance_bot.domain.purpose import clean_purpose


class ParseStatus(StrEnum):
    """What the bot does with a message: save it, ask for the purpose, stay silent, or ask again."""

    EXPENSE = "expense"
    PURPOSE_MISSING = "purpose_missing"
    IGNORE = "ignore"
    UNCLEAR = "unclear"


class Problem(StrEnum):
    """Why a message with an amount cannot be saved as it stands."""

    AMBIGUOUS = "ambiguous"  # "3$ or 4$", "3-4$"
    QUESTION = "question"  # "coffee 3$?"
    NOT_POSITIVE = "not_positive"
    OVER_LIMIT = "over_limit"
    TOO_PRECISE = "too_precise"  # cents of a cent, fractions of a riel
    PURPOSES_MISSING = "purposes_missing"  # several amounts, not each with its purpose
    UNSURE = "unsure"  # the LLMs read it, but none was sure enough
    TOO_MANY = "too_many"  # more entries than one message may add
    NEGATIVE = "negative"  # "coffee -5$": a sign the bot must not drop
    MONEY_BACK = "money_back"  # a refund, a cancellation, money taken out of the box


@dataclass(frozen=True, slots=True)
class ExpenseEntry:
    """One expense read from a message; the currency may be a guess from the amount's size."""

    money: Money
    purpose: str
    currency_guessed: bool = False
    day_words: str = ""  # the day the message names, in words `day_named` reads; "" for the day posted


@dataclass(frozen=True, slots=True)
class ParseResult:
    """The parser's decision on one message; 'certain' says whether a second opinion could help."""

    status: ParseStatus
    entries: tuple[ExpenseEntry, ...] = ()
    problem: Problem | None = None
    certain: bool = True
    day_words: str = ""  # the first day the message names, whatever the entries

    @classmethod
    def ignore(cls, *, certain: bool = True) -> ParseResult:
        """The bot stays silent."""
        return cls(ParseStatus.IGNORE, certain=certain)

    @classmethod
    def unclear(cls, problem: Problem, entries: tuple[ExpenseEntry, ...] = ()) -> ParseResult:
        """The bot asks the member to say it again, for the reason given."""
        return cls(ParseStatus.UNCLEAR, entries, problem)


def problem_with_amount(money: Money, limits: AmountLimits) -> Problem | None:
    """Why an amount cannot be saved: not above zero, over the ceiling, or finer than its unit."""
    if money.amount <= 0:
        return Problem.NOT_POSITIVE
    if money.amount > limits.maximum_for(money.currency):
        return Problem.OVER_LIMIT
    if not money.is_whole_in_its_currency:
        return Problem.TOO_PRECISE
    return None


def khr_from_dotted_thousands(value: Decimal, decimals: int) -> Decimal:
    """'1.500 riel' means 1,500: riel have no fractions, so 3 digits after a dot are thousands."""
    if decimals == 3:
        return value * 1000
    return value


def dated_like(second: ParseResult, first: ParseResult) -> ParseResult:
    """A model's reading with the days the parser marked: models read amounts here, not dates.

    Entries take the parser's days one for one when both found as many, else the message's day;
    purposes are cleaned as the parser's are, so a date a model left in one is taken out.
    """
    first_days = [entry.day_words for entry in first.entries]
    if len(first_days) != len(second.entries):
        first_days = [first.day_words] * len(second.entries)
    entries = tuple(
        replace(entry, purpose=clean_purpose(entry.purpose), day_words=day_words)
        for entry, day_words in zip(second.entries, first_days, strict=True)
    )
    return replace(second, entries=entries, day_words=first.day_words)
