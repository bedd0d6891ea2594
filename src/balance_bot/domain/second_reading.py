"""An LLM's reading of a message, held to what the text says before the bot may act on it."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from enum import StrEnum

from balance_bot.domain.amounts import Mention, scan_line
from balance_bot.domain.bare_amounts import currency_by_size
from balance_bot.domain.expenses import (
    ExpenseEntry,
    ParseResult,
    ParseStatus,
    khr_from_dotted_thousands,
    problem_with_amount,
)
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.purpose import clean_purpose
from balance_bot.domain.text import (
    KHMER_BASE_LETTERS,
    KHMER_SIGNS,
    KHMER_SUBSCRIPT,
    is_khmer,
    normalize_message,
)

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
    CURRENCY_AGAINST_SIZE = "currency_against_size"  # "15" read as riel: the size says dollars
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
    placed = [(mention, line) for line in normalized.split("\n") for mention in scan_line(line)]
    unused = [mention for mention, _ in placed]
    clause_of = {id(mention): _clause(line, mention) for mention, line in placed}
    whole_message = _Words(normalized)
    entries: list[ExpenseEntry | Rejected] = []
    for proposed in proposal.entries:
        mention = next((m for m in unused if proposed.amount in _values_of(m)), None)
        # With one amount the purpose may be anywhere; with several, in its own amount's clause.
        words = whole_message if len(placed) == 1 or mention is None else _Words(clause_of[id(mention)])
        entries.append(_entry_of(proposed, unused, words))
    return _decision(entries, limits)


def judge_image_proposal(proposal: Proposal, limits: AmountLimits) -> ParseResult | Rejected:
    """The decision a vision model's reading of an image leads to, held to every rule but the text's.

    The image is the reading's source and no text holds what it shows (the words read on this
    machine are what left the bot unsure), so its amounts and words are taken as the model read
    them; what acts on it proposes it to the member, never saves it unasked.
    """
    if len(proposal.entries) > MAX_PROPOSED_ENTRIES:
        return Rejected(Rejection.TOO_MANY_ENTRIES)
    entries: list[ExpenseEntry | Rejected] = []
    for proposed in proposal.entries:
        said = Currency.__members__.get(proposed.currency)
        if said is None or said is Currency.UNKNOWN:
            return Rejected(Rejection.UNKNOWN_CURRENCY)
        entries.append(_with_purpose(proposed, said, None, currency_guessed=False))
    return _decision(entries, limits)


def _decision(entries: list[ExpenseEntry | Rejected], limits: AmountLimits) -> ParseResult | Rejected:
    """What the entries lead to: the first rule one breaks, else saving them, asking for the
    purpose, or silence."""
    for entry in entries:
        if isinstance(entry, Rejected):
            return entry
        if problem_with_amount(entry.money, limits) is not None:
            return Rejected(Rejection.AMOUNT_NOT_ALLOWED)
    read = tuple(entry for entry in entries if isinstance(entry, ExpenseEntry))
    if not read:
        return ParseResult.ignore()
    if len(read) == 1 and not read[0].purpose:
        return ParseResult(ParseStatus.PURPOSE_MISSING, read)
    if not all(entry.purpose for entry in read):
        return Rejected(Rejection.PURPOSE_NOT_IN_TEXT)
    return ParseResult(ParseStatus.EXPENSE, read)


def _entry_of(proposed: ProposedEntry, unused: list[Mention], words: _Words) -> ExpenseEntry | Rejected:
    said = Currency.__members__.get(proposed.currency)
    if said is None:
        return Rejected(Rejection.UNKNOWN_CURRENCY)
    mention = next((m for m in unused if proposed.amount in _values_of(m)), None)
    if mention is None:
        return Rejected(Rejection.AMOUNT_NOT_IN_TEXT)
    unused.remove(mention)  # "coffee 3$, cake 3$" needs two threes in the text
    if mention.currency is not None and said not in (mention.currency, Currency.UNKNOWN):
        return Rejected(Rejection.CURRENCY_CONTRADICTS_TEXT)
    # A currency the message does not write is a guess, held to the parser's size rule: "15 for
    # the driver" is dollars, and a model that says riel is not believed. Size decides when the
    # model does not know; the model's word only where size cannot tell.
    by_size = currency_by_size(mention)
    if mention.currency is None and by_size is not None and said not in (by_size, Currency.UNKNOWN):
        return Rejected(Rejection.CURRENCY_AGAINST_SIZE)
    currency = mention.currency or by_size or (said if said is not Currency.UNKNOWN else None)
    if currency is None or currency is Currency.UNKNOWN:
        return Rejected(Rejection.UNKNOWN_CURRENCY)
    return _with_purpose(proposed, currency, words, currency_guessed=mention.currency is None)


def _with_purpose(
    proposed: ProposedEntry, currency: Currency, words: _Words | None, *, currency_guessed: bool
) -> ExpenseEntry | Rejected:
    """The entry with its purpose cleaned, each of its words in the text's (None: no text to hold it to)."""
    if proposed.purpose.strip().startswith(_FORMULA_STARTS):
        return Rejected(Rejection.FORMULA_PURPOSE)  # a model offering a formula is up to no good
    purpose = clean_purpose(proposed.purpose)
    stripped = (word.strip(_WORD_EDGES) for word in purpose.split())
    if words is not None and not all(words.has(word) for word in stripped if word):
        return Rejected(Rejection.PURPOSE_NOT_IN_TEXT)
    return ExpenseEntry(Money(proposed.amount, currency), purpose, currency_guessed=currency_guessed)


_CLAUSE_BREAK = re.compile(r"[,;]")
_WORD = re.compile(r"[^\W_]+(?:['’\-][^\W_]+)*")
_KHMER_SIGNS = re.compile(f"[{KHMER_SIGNS}]")
_KHMER_LETTER = re.compile(f"[{KHMER_BASE_LETTERS}]")


def _clause(line: str, mention: Mention) -> str:
    """The part of the line between commas or semicolons that holds the amount."""
    start = max((m.end() for m in _CLAUSE_BREAK.finditer(line, 0, mention.start)), default=0)
    following = _CLAUSE_BREAK.search(line, mention.end)
    return line[start : following.start() if following else len(line)]


class _Words:
    """The words of a text, for telling whether a purpose's word is one of them, whole."""

    def __init__(self, text: str) -> None:
        self._text = text.casefold()
        self._words = set(_WORD.findall(self._text))

    def has(self, word: str) -> bool:
        """Whether the word stands in the text whole: 'rapist' is not in 'therapist'.

        Khmer, written without spaces, is matched where a word may start and end.
        """
        word = word.casefold()
        if word in self._words:
            return True
        if not is_khmer(word[:1]):
            # "t-shirt", "A4/A3": a word of the text's own punctuation, whole within the text.
            return bool(re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", self._text))
        return any(
            self._khmer_word_at(match.start(), len(word))
            for match in re.finditer(re.escape(word), self._text)
        )

    def _khmer_word_at(self, start: int, length: int) -> bool:
        end = start + length
        after, then = self._text[end : end + 1], self._text[end + 1 : end + 2]
        if start > 0 and self._text[start - 1] == KHMER_SUBSCRIPT:
            return False  # it starts on a letter written under another
        if after and _KHMER_SIGNS.match(after):  # the subscript mark is one of the signs
            return False  # a vowel sign or a subscript after it belongs to its last letter
        # ទឹ in ទឹកកក: a letter after a final vowel sign, with no vowel of its own, closes that syllable.
        ends_on_vowel = bool(_KHMER_SIGNS.match(self._text[end - 1]))
        return not (ends_on_vowel and _KHMER_LETTER.match(after) and not _KHMER_SIGNS.match(then or " "))


def _values_of(mention: Mention) -> tuple[Decimal, ...]:
    """The amounts a number in the text can stand for: as written, or riel's '1.500' as 1,500."""
    return (mention.value, khr_from_dotted_thousands(mention.value, mention.decimals))
