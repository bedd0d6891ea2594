"""A month's money per currency: what it opened with, what came in, what was spent, what is left."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING

from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import CURRENCIES as CURRENCIES  # first read from here
from balance_bot.domain.money import ZERO as ZERO
from balance_bot.domain.money import Currency

if TYPE_CHECKING:
    from balance_bot.domain.members import MembersMonth


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """What a month's worksheet says, as the bookkeepers left it."""

    spent: Mapping[Currency, Decimal]
    topups: Mapping[Currency, Decimal]
    entries: int
    topup_count: int
    by_member: Mapping[str, Mapping[Currency, Decimal]] = field(default_factory=dict)
    by_day: Mapping[date, Mapping[Currency, Decimal]] = field(default_factory=dict)
    # A row without a category (a bookkeeper's, or one from before categories) counts as "".
    by_category: Mapping[str, Mapping[Currency, Decimal]] = field(default_factory=dict)
    # Expenses with no date that can be read: in the month's sums, in no day's; /balance names them.
    undated: tuple[SheetRow, ...] = ()
    # Expenses waiting for an admin's approval: apart, out of the spending until approved.
    awaiting: Mapping[Currency, Decimal] = field(default_factory=dict)
    awaiting_count: int = 0
    # Per category, per day (None: undated): for sums in dollars or riel each at its day's rate.
    by_category_day: Mapping[str, Mapping[date | None, Mapping[Currency, Decimal]]] = field(
        default_factory=dict
    )

    def spent_by_day(self, category: str | None = None) -> dict[date | None, dict[Currency, Decimal]]:
        """What was spent each day (None: undated), in one category or (None) in all."""
        days: defaultdict[date | None, dict[Currency, Decimal]] = defaultdict(_nothing_spent)
        for name, per_day in self.by_category_day.items():
            if category is None or name == category:
                for day, amounts in per_day.items():
                    for currency, amount in amounts.items():
                        days[day][currency] += amount
        return dict(days)


@dataclass(frozen=True, slots=True)
class CurrencyBalance:
    """One currency's month."""

    opening: Decimal
    topups: Decimal
    spent: Decimal

    @property
    def closing(self) -> Decimal:
        """What is left: the opening, plus top-ups, less spending."""
        return self.opening + self.topups - self.spent


@dataclass(frozen=True, slots=True)
class PeriodBalance:
    """A month's balance per currency, with its entries and who spent what."""

    period: Period
    currencies: Mapping[Currency, CurrencyBalance]
    figures: MonthFigures
    members: MembersMonth | None = None  # who holds the team's cash, and whom it owes

    def closing(self) -> dict[Currency, Decimal]:
        """What is left per currency, carried forward as the next month's opening."""
        return {currency: balance.closing for currency, balance in self.currencies.items()}

    def box(self, currency: Currency) -> Decimal:
        """The cash in the box: what is left, less what members hold, plus what they are owed."""
        held = self.members.held_total(currency) if self.members is not None else ZERO
        return self.currencies[currency].closing - held

    def combined_usd(self, khr_per_usd: Decimal) -> Decimal:
        """Both currencies' closing in dollars at the given rate, to the cent."""
        total = self.currencies[Currency.USD].closing + self.currencies[Currency.KHR].closing / khr_per_usd
        return total.quantize(Decimal("0.01"))


def month_figures(
    rows: Iterable[SheetRow], void_prefix: str, member_of: Callable[[SheetRow], str] | None = None
) -> MonthFigures:
    """Sum a worksheet's rows exactly: expenses from the Amount columns, top-ups from theirs.

    Rows a bookkeeper typed count as the bot's do; voided rows and notes without an amount don't; rows
    awaiting an admin's approval are summed apart, and count once approved.
    `member_of` names a row's member (the name they go by now); by default the name the row carries.
    """
    spent = dict.fromkeys(CURRENCIES, ZERO)
    topups = dict.fromkeys(CURRENCIES, ZERO)
    by_member: defaultdict[str, dict[Currency, Decimal]] = defaultdict(_nothing_spent)
    by_day: defaultdict[date, dict[Currency, Decimal]] = defaultdict(_nothing_spent)
    by_category: defaultdict[str, dict[Currency, Decimal]] = defaultdict(_nothing_spent)
    awaiting = dict.fromkeys(CURRENCIES, ZERO)
    by_category_day: defaultdict[str, defaultdict[date | None, dict[Currency, Decimal]]] = defaultdict(
        lambda: defaultdict(_nothing_spent)
    )
    entries = topup_count = awaiting_count = 0
    undated = []
    for row in rows:
        if row.item.startswith(void_prefix):
            continue
        amounts = {Currency.USD: row.usd, Currency.KHR: row.khr}
        if row.awaiting_approval and any(amounts.values()):
            awaiting_count += 1
            for currency, amount in amounts.items():
                awaiting[currency] += amount or ZERO
            amounts = {}
        if any(amount for amount in amounts.values()):
            entries += 1
            if row.day is None:
                undated.append(row)
            for currency, amount in amounts.items():
                if amount:
                    spent[currency] += amount
                    by_member[(member_of(row) if member_of else row.member).strip() or "—"][currency] += (
                        amount
                    )
                    by_category[row.category.strip()][currency] += amount
                    by_category_day[row.category.strip()][row.day][currency] += amount
                    if row.day is not None:
                        by_day[row.day][currency] += amount
        added = {Currency.USD: row.topup_usd, Currency.KHR: row.topup_khr}
        if any(amount for amount in added.values()):
            topup_count += 1
            for currency, amount in added.items():
                topups[currency] += amount or ZERO
    return MonthFigures(
        spent,
        topups,
        entries,
        topup_count,
        dict(by_member),
        dict(by_day),
        dict(by_category),
        tuple(undated),
        awaiting,
        awaiting_count,
        {name: dict(days) for name, days in by_category_day.items()},
    )


def _nothing_spent() -> dict[Currency, Decimal]:
    return dict.fromkeys(CURRENCIES, ZERO)


def balance_of(
    period: Period,
    opening: Mapping[Currency, Decimal],
    figures: MonthFigures,
    members: MembersMonth | None = None,
) -> PeriodBalance:
    """The month's balance from its opening and its figures (and its members', when known)."""
    return PeriodBalance(
        period,
        {
            currency: CurrencyBalance(
                opening.get(currency, ZERO),
                figures.topups.get(currency, ZERO),
                figures.spent.get(currency, ZERO),
            )
            for currency in CURRENCIES
        },
        figures,
        members,
    )
