"""A question's answer from a month's rows: the entries it selects, their total and count, the largest."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal

from balance_bot.domain.balances import CURRENCIES, ZERO
from balance_bot.domain.day_rates import Rates, khr_per_usd_on
from balance_bot.domain.item_heads import Role, for_another_thing, role
from balance_bot.domain.item_words import maybe_says, says, terms
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.money import Currency
from balance_bot.domain.one_machine import said_for_the_one_machine, the_machines
from balance_bot.domain.one_meal import said_as_the_meal, the_one_meal
from balance_bot.domain.questions import LedgerQuestion, Measure

LARGEST_SHOWN = 5
# What a row says it carried: goods, which a ride asked about may not be.
_GOODS = frozenset(("#delivery", "#goods", "#parcel"))


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
    # Not counted: rows whose category is a guess between the one asked about and another.
    doubtful: tuple[Entry, ...] = ()
    # Not counted yet: what the question is about that awaits an admin's approval.
    awaiting: Mapping[Currency, Decimal] = field(default_factory=dict)

    @property
    def count(self) -> int:
        """How many entries."""
        return len(self.entries)

    def largest(self, khr_per_usd: Rates, most: int = LARGEST_SHOWN) -> list[Entry]:
        """The dearest entries, riel counted at the rate (of each entry's day)."""
        return sorted(self.entries, key=lambda entry: _in_dollars(entry, khr_per_usd), reverse=True)[:most]

    def smallest(self, khr_per_usd: Rates, most: int = LARGEST_SHOWN) -> list[Entry]:
        """The cheapest entries, riel counted at the rate."""
        return list(reversed(self.largest(khr_per_usd, len(self.entries))))[:most]

    def per_entry(self) -> dict[Currency, Decimal]:
        """What one entry costs on average, in each currency over that currency's entries."""
        counts = dict.fromkeys(CURRENCIES, 0)
        for entry in self.entries:
            counts[entry.currency] += 1
        return {
            currency: (total / counts[currency]).quantize(Decimal("0.01") if currency is Currency.USD else 1)
            for currency, total in self.totals.items()
            if counts[currency]
        }

    def in_dollars(self, khr_per_usd: Rates) -> Decimal:
        """The total in dollars, riel counted at the rate (of each entry's day)."""
        if isinstance(khr_per_usd, Decimal):
            return self.totals[Currency.USD] + self.totals[Currency.KHR] / khr_per_usd
        return sum((_in_dollars(entry, khr_per_usd) for entry in self.entries), ZERO)

    def percent_of(self, whole: Found, khr_per_usd: Rates) -> Decimal:
        """What part of the whole these entries make, in percent, riel counted at the rate."""
        whole_dollars = whole.in_dollars(khr_per_usd)
        if not whole_dollars:
            return Decimal(0)
        return (self.in_dollars(khr_per_usd) * 100 / whole_dollars).quantize(Decimal("0.1"))

    def per_day(self, days: int) -> dict[Currency, Decimal]:
        """The totals spread over the days: cents for dollars, whole riel."""
        return {
            currency: (total / max(days, 1)).quantize(Decimal("0.01") if currency is Currency.USD else 1)
            for currency, total in self.totals.items()
        }

    def groups(self, key: Callable[[Entry], str], khr_per_usd: Rates) -> list[Group]:
        """The entries' totals per key (a member, a category), the dearest first, riel counted at the rate
        (of each entry's day)."""
        by_key: dict[str, list[Entry]] = {}
        for entry in self.entries:
            by_key.setdefault(key(entry), []).append(entry)
        dollars = {
            name: sum((_in_dollars(e, khr_per_usd) for e in entries), ZERO)
            for name, entries in by_key.items()
        }
        groups = [Group(name, _totals(entries), len(entries)) for name, entries in by_key.items()]
        return sorted(groups, key=lambda group: dollars[group.name], reverse=True)


@dataclass(frozen=True, slots=True)
class Group:
    """One member's or one category's share of the entries a question selected."""

    name: str
    totals: dict[Currency, Decimal]
    count: int

    def in_dollars(self, khr_per_usd: Decimal) -> Decimal:
        """The share in dollars, riel counted at the rate: what the groups are ordered by."""
        return self.totals[Currency.USD] + self.totals[Currency.KHR] / khr_per_usd


def select(
    rows: Iterable[SheetRow],
    question: LedgerQuestion,
    member: str | Callable[[SheetRow], bool] | None,
    void_prefix: str,
    category_of: Callable[[SheetRow], str] = lambda row: row.category,
    guessed_between: Callable[[SheetRow], tuple[str, ...]] = lambda row: (),
) -> Found:
    """The expense rows the question is about: in its days (a row without a date only when it asks
    about whole months), by the member if one is named (whether a row is theirs, or the name they
    post under), with the words or the category asked about. Voided rows, top-ups and movements are
    no spending. `category_of` gives a row's category (by default its cell's); `guessed_between` the
    categories a row's category was guessed between, when it is a guess: a row guessed between the
    one asked about and another is set aside as doubtful, neither counted nor left out unsaid; so is
    a row naming a thing whose name ends in the word asked ('engine oil' for 'oil'), and a row of
    another category saying the word that named the category asked about. A question of one currency's
    entries selects only those."""
    span = question.span
    if isinstance(member, str):
        wanted = member.strip().casefold()

        def theirs(row: SheetRow) -> bool:
            return row.member.strip().casefold() == wanted

        member = theirs if wanted else None
    entries: list[Entry] = []
    doubtful: list[Entry] = []
    awaiting: list[Entry] = []
    rows = list(rows)
    the_thing = _the_thing_said(rows, question, category_of)
    meal = the_one_meal(row.item for row in rows) if question.words else None
    machines = the_machines(row.item for row in rows) if question.words else {}
    for row in rows:
        if row.item.startswith(void_prefix):
            continue
        day = row.day
        outside = day is not None and not span.first <= day <= span.last
        near = outside and day is not None and span.near is not None and span.near[0] <= day <= span.near[1]
        if (outside and not near) or (row.day is None and not span.whole_months()):
            continue
        if member is not None and not member(row):
            continue
        if near:  # 'the end of last month' said, a row of the thing on the 18th: maybe meant too
            doubtful += _entries_of(row) if _about(row, question, category_of) else []
            continue
        if row.awaiting_approval:  # counted once approved: said apart
            if _about(row, question, category_of):
                awaiting += _entries_of(row)
            continue
        if question.category is not None and question.category in guessed_between(row):
            doubtful += _entries_of(row)
        elif (
            question.category_said
            and says(row.item, question.category_said)
            and not _about(row, question, category_of)
        ):
            doubtful += _entries_of(row)  # 'how much for guests': 'lunch for guests' is Food & drinks
        elif the_thing and _about(row, question, category_of) and not says(row.item, the_thing):
            doubtful += _entries_of(row)  # 'fuel' asked, 'cooking gas' in Fuel: the thing, or the category?
        elif _about(row, question, category_of):
            roles = {role(row.item, subject) for subject in question.words if says(row.item, subject)}
            if question.rides and not _GOODS.isdisjoint(terms(row.item)):
                doubtful += _entries_of(row)  # 'tuk tuk for piano delivery' asked about as a ride
            elif roles and Role.HEAD not in roles:
                # 'rice noodle' or 'iron repair' may be of the rice or the iron; 'tuk tuk bring rice' paid
                # the tuk tuk, and the rice it carried is counted where it was bought
                doubtful += _entries_of(row) if Role.MODIFIER in roles else []
            else:
                entries += _entries_of(row)
        elif question.category is None and any(
            said_as_the_meal(row.item, s, meal) or said_for_the_one_machine(row.item, s, machines)
            for s in question.words
        ):
            entries += _entries_of(row)  # 'bay crew' asked as the crew's lunch; 'diesel' as the car's
        elif question.category is None and (
            any(maybe_says(row.item, subject) for subject in question.words)
            or any(says(row.item, head) for head in question.heads)
            # 'ice for the vaccine box' asked as vaccines: said as what the ice was for
            or any(for_another_thing(row.item, subject) for subject in question.words)
        ):
            doubtful += _entries_of(row)  # 'engine oil' asked about as 'oil', 'snacks' as 'snacks for guests'
    if question.currency is not None:  # 'the biggest riel payment': that currency's entries only
        entries, doubtful, awaiting = (
            [entry for entry in kept if entry.currency is question.currency]
            for kept in (entries, doubtful, awaiting)
        )
    found_awaiting = _totals(awaiting) if awaiting else {}
    return Found(tuple(entries), _totals(entries), tuple(doubtful), found_awaiting)


def _the_thing_said(
    rows: list[SheetRow], question: LedgerQuestion, category_of: Callable[[SheetRow], str]
) -> str:
    """The word that named the category asked about when it is also a thing's name and most rows of
    the category say that thing ('fuel': 'gasoline moto'): the member may mean the thing alone, so a
    row of the category naming something else ('cooking gas') is no sure part of the answer. Where
    few rows say it, the word names the kind of spending ('repairs': 'plumber', 'aircon gas')."""
    said = question.category_said
    if not said or question.category is None:
        return ""
    if not all(term.startswith("#") for term in terms(said, corrected=True)):
        return ""
    of_it = [row for row in rows if category_of(row) == question.category]
    saying = sum(says(row.item, said) for row in of_it)
    return said if saying * 2 > len(of_it) else ""


def _entries_of(row: SheetRow) -> list[Entry]:
    return [
        Entry(row, currency, amount)
        for currency, amount in ((Currency.USD, row.usd), (Currency.KHR, row.khr))
        if amount
    ]


def _about(row: SheetRow, question: LedgerQuestion, category_of: Callable[[SheetRow], str]) -> bool:
    """Whether the row is about what the question names: its words, and its category."""
    said = not question.words or any(says(row.item, subject) for subject in question.words)
    return said and (question.category is None or category_of(row) == question.category)


def _in_dollars(entry: Entry, rates: Rates) -> Decimal:
    if entry.currency is not Currency.KHR:
        return entry.amount
    return entry.amount / khr_per_usd_on(rates, entry.row.day)


def _totals(entries: Iterable[Entry]) -> dict[Currency, Decimal]:
    totals = dict.fromkeys(CURRENCIES, ZERO)
    for entry in entries:
        totals[entry.currency] += entry.amount
    return totals


def needs_rows(question: LedgerQuestion) -> bool:
    """Whether the answer is read from rows (all but the cash balance)."""
    return question.measure is not Measure.BALANCE
