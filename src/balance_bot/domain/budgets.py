"""A category's monthly budget against what was spent: the share used, and the thresholds crossed."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from balance_bot.domain.categories import Category
from balance_bot.domain.day_rates import DayRates, dollars_by_day, riel_by_day
from balance_bot.domain.money import Currency

# The shares of a budget (in percent) the group hears about, each once a month.
THRESHOLDS = (80, 100)


@dataclass(frozen=True, slots=True)
class BudgetUse:
    """How much of a category's budget the month has spent, in the budget's currency."""

    category: Category
    currency: Currency
    budget: Decimal
    spent: Decimal

    @property
    def percent(self) -> Decimal:
        """The share used, in percent (above 100 when over)."""
        return self.spent * 100 / self.budget

    @property
    def left(self) -> Decimal:
        """What may still be spent; negative when over."""
        return self.budget - self.spent

    def reached(self) -> int | None:
        """The highest threshold the spending has reached, if any."""
        return max((threshold for threshold in THRESHOLDS if self.percent >= threshold), default=None)


@dataclass(frozen=True, slots=True)
class BudgetCrossed:
    """The month's spending in a category (or in all, for the Total row) reached a threshold."""

    use: BudgetUse
    threshold: int


def budget_use(
    category: Category, spent: Mapping[Currency, Decimal], khr_per_usd: Decimal
) -> BudgetUse | None:
    """The category's use of its budget (dollars if it has a dollar budget, else riel), the other
    currency counted at the rate; None when it has no budget."""
    dollars = spent.get(Currency.USD, Decimal(0))
    riel = spent.get(Currency.KHR, Decimal(0))
    if category.budget_usd:
        return BudgetUse(category, Currency.USD, category.budget_usd, dollars + riel / khr_per_usd)
    if category.budget_khr:
        return BudgetUse(category, Currency.KHR, category.budget_khr, riel + dollars * khr_per_usd)
    return None


def budget_use_by_day(
    category: Category, spent: Mapping[date | None, Mapping[Currency, Decimal]], rates: DayRates
) -> BudgetUse | None:
    """The category's use of its budget from what was spent each day, the other currency counted at
    each day's rate (dollars to the cent, riel whole); None when it has no budget."""
    if category.budget_usd:
        return BudgetUse(category, Currency.USD, category.budget_usd, dollars_by_day(spent, rates))
    if category.budget_khr:
        return BudgetUse(category, Currency.KHR, category.budget_khr, riel_by_day(spent, rates))
    return None
