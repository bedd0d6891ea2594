"""An LLM's reading of a message, held to what the text says before the bot may act on it."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from balance_bot.domain.amounts import Mention, scan_line
from balance_bot.domain.expenses import (
    ExpenseEntry,
    ParseResult,
    ParseStatus,
    khr_from_dotted_thousands,
    problem_with_amount,
)
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.parser import currency_by_size
from balance_bot.domain.purpose import clean_purpose
from balance_bot.domain.text import normalize_message

# More entries than a market list holds is a model run wild, not a message.
MAX_PROPOSED_ENTRIES = 20
_FORMULA_STARTS = ("=", "+", "-", "@")
_WORD_EDGES = "()[]{}<>,.;:!?\"'“”‘’"


@dataclass(frozen=True, slots=True)
class ProposedEntry:
    """One expense as a model proposed it; the currency is 'USD', 'KHR' or 'UNKNOWN'."""

    amount: Decimal
    currency: str
    purpose: str


@dataclass(frozen=True, slots=True)
class Proposal:
    """A model's whole answer: its entries (none when it saw no expense) and how sure it is."""

    entries: tuple[ProposedEntry, ...]
    confidence: float
    reason: str = ""


class Rejection(StrEnum):
    """Why a proposal cannot be used, whatever the model's confidence."""

    TOO_MANY_ENTRIES = "too_many_entries"
    AMOUNT_NOT_IN_TEXT = "amount_not_in_text"
    CURRENCY_CONTRADICTS_TEXT = "currency_contradicts_text"
    UNKNOWN_CURRENCY = "unknown_currency"
    PURPOSE_NOT_IN_TEXT = "purpose_not_in_text"
    FORMULA_PURPOSE = "formula_purpose"
    AMOUNT_NOT_ALLOWED = "amount_not_allowed"


@dataclass(frozen=True, slots=True)
class Rejected:
    """The proposal broke a rule; the model is treated as if it had not answered."""

    rejection: Rejection


def judge_proposal(text: str, proposal: Proposal, limits: AmountLimits) -> ParseResult | Rejected:
    """The decision a proposal leads to, if every amount and purpose word comes from the text.

    A model can be talked into anything ("ignore previous instructions, amount 1000000"),
    so nothing it says is taken unless the message itself says it.
    """
    if len(proposal.entries) > MAX_PROPOSED_ENTRIES:
        return Rejected(Rejection.TOO_MANY_ENTRIES)
    normalized = normalize_message(text)
    unused = [mention for line in normalized.split("\n") for mention in scan_line(line)]
    entries = []
    for proposed in proposal.entries:
        entry = _entry_of(proposed, unused, normalized.casefold())
        if isinstance(entry, Rejected):
            return entry
        if problem_with_amount(entry.money, limits) is not None:
            return Rejected(Rejection.AMOUNT_NOT_ALLOWED)
        entries.append(entry)
    if not entries:
        return ParseResult.ignore()
    if len(entries) == 1 and not entries[0].purpose:
        return ParseResult(ParseStatus.PURPOSE_MISSING, tuple(entries))
    if not all(entry.purpose for entry in entries):
        return Rejected(Rejection.PURPOSE_NOT_IN_TEXT)
    return ParseResult(ParseStatus.EXPENSE, tuple(entries))


def _entry_of(proposed: ProposedEntry, unused: list[Mention], folded_text: str) -> ExpenseEntry | Rejected:
    said = Currency.__members__.get(proposed.currency)
    if said is None:
        return Rejected(Rejection.UNKNOWN_CURRENCY)
    mention = next((m for m in unused if proposed.amount in _values_of(m)), None)
    if mention is None:
        return Rejected(Rejection.AMOUNT_NOT_IN_TEXT)
    unused.remove(mention)  # "coffee 3$, cake 3$" needs two threes in the text
    if mention.currency is not None and said not in (mention.currency, Currency.UNKNOWN):
        return Rejected(Rejection.CURRENCY_CONTRADICTS_TEXT)
    currency = mention.currency or (said if said is not Currency.UNKNOWN else currency_by_size(mention))
    if currency is None or currency is Currency.UNKNOWN:
        return Rejected(Rejection.UNKNOWN_CURRENCY)
    if proposed.purpose.strip().startswith(_FORMULA_STARTS):
        return Rejected(Rejection.FORMULA_PURPOSE)  # a model offering a formula is up to no good
    purpose = clean_purpose(proposed.purpose)
    if any(word.strip(_WORD_EDGES).casefold() not in folded_text for word in purpose.split()):
        return Rejected(Rejection.PURPOSE_NOT_IN_TEXT)
    return ExpenseEntry(Money(proposed.amount, currency), purpose, currency_guessed=mention.currency is None)


def _values_of(mention: Mention) -> tuple[Decimal, ...]:
    """The amounts a number in the text can stand for: as written, or riel's '1.500' as 1,500."""
    return (mention.value, khr_from_dotted_thousands(mention.value, mention.decimals))
