"""A question's answer from a month's rows: the entries it selects, their total and count, the largest."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from decimal import Decimal

from balance_bot.domain.balances import CURRENCIES, ZERO
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.money import Currency
from balance_bot.domain.questions import LedgerQuestion, Measure

LARGEST_SHOWN = 5


@dataclass(frozen=True, slots=True)
class Entry:
    """An expense row a question selected: its amount in its one currency."""

    row: SheetRow
    currency: Currency
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Found:
    """The entries a question selected, in the sheet's order, and what they add up to."""

    entries: tuple[Entry, ...]
    totals: dict[Currency, Decimal]

    @property
    def count(self) -> int:
        """How many entries."""
        return len(self.entries)

    def largest(self, khr_per_usd: Decimal, most: int = LARGEST_SHOWN) -> list[Entry]:
        """The dearest entries, riel counted at the rate."""

        def in_dollars(entry: Entry) -> Decimal:
            return entry.amount / khr_per_usd if entry.currency is Currency.KHR else entry.amount

        return sorted(self.entries, key=in_dollars, reverse=True)[:most]


def select(
    rows: Iterable[SheetRow],
    question: LedgerQuestion,
    member: str | None,
    void_prefix: str,
    category_of: Callable[[SheetRow], str] = lambda row: row.category,
) -> Found:
    """The expense rows the question is about: in its days (a row without a date only when it asks
    about whole months), by the member if one is named, with the words or the category asked about.
    Voided rows, top-ups and movements are no spending."""
    span, wanted = question.span, (member or "").strip().casefold()
    words = [_stem(word) for word in question.words]
    entries = []
    for row in rows:
        if row.item.startswith(void_prefix):
            continue
        if row.day is not None and not span.first <= row.day <= span.last:
            continue
        if row.day is None and not span.whole_months():
            continue
        if wanted and row.member.strip().casefold() != wanted:
            continue
        item = row.item.casefold()
        if words and not all(word in item for word in words):
            continue
        if question.category is not None and (row.category or category_of(row)) != question.category:
            continue
        for currency, amount in ((Currency.USD, row.usd), (Currency.KHR, row.khr)):
            if amount:
                entries.append(Entry(row, currency, amount))
    totals = dict.fromkeys(CURRENCIES, ZERO)
    for entry in entries:
        totals[entry.currency] += entry.amount
    return Found(tuple(entries), totals)


def _stem(word: str) -> str:
    """'taxis' asks about every taxi; Khmer words are kept whole."""
    word = word.casefold()
    return word[:-1] if len(word) > 3 and word.endswith("s") and not word.endswith("ss") else word


def needs_rows(question: LedgerQuestion) -> bool:
    """Whether the answer is read from rows (all but the cash balance)."""
    return question.measure is not Measure.BALANCE
