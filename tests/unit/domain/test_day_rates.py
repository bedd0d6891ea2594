"""The rate of a day and amounts added at their days' rates: weekends, a rate that changes, whole riel."""

from datetime import date
from decimal import Decimal

import pytest

from balance_bot.domain.day_rates import (
    FIXED,
    NBC,
    DayRates,
    RateOfDay,
    dollars_by_day,
    per_day,
    riel_by_day,
)
from balance_bot.domain.money import Currency

FIXED_RATE = RateOfDay(Decimal(4000), FIXED)
THURSDAY, FRIDAY, SATURDAY, SUNDAY, MONDAY = (date(2026, 12, day) for day in (3, 4, 5, 6, 7))


def nbc(day, rate):
    return RateOfDay(Decimal(rate), NBC, day)


def test_a_weekday_has_the_rate_published_for_it():
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4012)], FIXED_RATE)
    assert rates.on(FRIDAY) == nbc(FRIDAY, 4012)
    assert rates.on(THURSDAY) == nbc(THURSDAY, 4010)


def test_a_weekend_or_holiday_has_the_last_rate_published_before_it():
    rates = DayRates([nbc(FRIDAY, 4012), nbc(MONDAY, 4015)], FIXED_RATE)
    assert rates.on(SATURDAY) == rates.on(SUNDAY) == nbc(FRIDAY, 4012)
    assert rates.on(MONDAY) == nbc(MONDAY, 4015)


def test_a_day_before_any_rate_known_has_the_earliest_and_none_known_means_the_fixed_rate():
    assert DayRates([nbc(FRIDAY, 4012)], FIXED_RATE).on(date(2026, 12, 1)) == nbc(FRIDAY, 4012)
    assert DayRates([], FIXED_RATE).on(FRIDAY) == FIXED_RATE
    assert DayRates([nbc(FRIDAY, 4012)], FIXED_RATE).on(None) == nbc(FRIDAY, 4012)


def test_each_days_riel_are_counted_at_that_days_rate_across_a_rate_change():
    # 401,000៛ on Thursday at 4,010 is $100; 40,120៛ on Saturday at Friday's 4,012 is $10; $5 stays $5.
    spent = per_day(
        [
            (THURSDAY, Currency.KHR, Decimal(401000)),
            (SATURDAY, Currency.KHR, Decimal(40120)),
            (SATURDAY, Currency.USD, Decimal("5.00")),
        ]
    )
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4012)], FIXED_RATE)
    assert dollars_by_day(spent, rates) == Decimal("115.00")
    # At one rate for the month (Friday's) Thursday's riel would be $99.95, not $100.
    assert dollars_by_day(spent, DayRates([nbc(FRIDAY, 4012)], FIXED_RATE)) == Decimal("114.95")


def test_dollars_in_riel_are_whole_riel_rounded_once_for_the_sum():
    spent = per_day([(THURSDAY, Currency.USD, Decimal("0.33")), (FRIDAY, Currency.USD, Decimal("0.33"))])
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4013)], FIXED_RATE)
    # 1,323.3 + 1,324.29 = 2,647.59: one rounding, to 2,648 (two would give 1,323 + 1,324 = 2,647).
    total = riel_by_day(spent, rates)
    assert total == Decimal(2648)
    assert total.as_tuple().exponent == 0
    assert nbc(FRIDAY, 4013).riel(Decimal("0.33")) == Decimal(1324)


def test_amounts_are_decimal_all_the_way():
    spent = per_day([(FRIDAY, Currency.KHR, Decimal(1))])
    total = dollars_by_day(spent, DayRates([nbc(FRIDAY, 3)], FIXED_RATE))
    assert isinstance(total, Decimal)
    assert total == Decimal("0.33")


def test_the_rates_a_month_used_are_listed_once_each_in_day_order():
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4012)], FIXED_RATE)
    assert rates.used([SUNDAY, THURSDAY, FRIDAY, SATURDAY]) == [nbc(THURSDAY, 4010), nbc(FRIDAY, 4012)]


@pytest.mark.parametrize("rate", ["0", "-4000", "NaN"])
def test_a_rate_is_a_positive_number(rate):
    with pytest.raises(ValueError, match="positive number of riel"):
        RateOfDay(Decimal(rate), NBC, FRIDAY)


def test_a_budget_counts_each_days_spending_at_that_days_rate_across_a_rate_change():
    from balance_bot.domain.balances import month_figures
    from balance_bot.domain.budgets import budget_use_by_day
    from balance_bot.domain.categories import Category
    from balance_bot.domain.ledger import SheetRow

    def row(day, usd=None, khr=None, category="Fuel"):
        return SheetRow(1, day, "fuel", usd, khr, "Sokha", "", category=category)

    figures = month_figures(
        [
            row(THURSDAY, khr=Decimal(401000)),  # $100 at Thursday's 4,010
            row(SATURDAY, khr=Decimal(40120)),  # $10 at Friday's 4,012
            row(None, usd=Decimal("5.00")),  # undated: at the latest rate, dollars stay dollars
            row(FRIDAY, usd=Decimal("1.00"), category="Food"),
        ],
        "VOID",
    )
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4012)], FIXED_RATE)
    in_dollars = budget_use_by_day(
        Category("Fuel", budget_usd=Decimal(200)), figures.spent_by_day("Fuel"), rates
    )
    assert (in_dollars.spent, in_dollars.percent) == (Decimal("115.00"), Decimal("57.5"))
    in_riel = budget_use_by_day(
        Category("Fuel", budget_khr=Decimal(1_000_000)), figures.spent_by_day("Fuel"), rates
    )
    assert in_riel.spent == Decimal(401000 + 40120 + 20060)  # the undated $5 at the latest rate, 4,012
    everything = figures.spent_by_day()
    assert everything[FRIDAY] == {Currency.USD: Decimal("1.00"), Currency.KHR: Decimal(0)}
    assert budget_use_by_day(Category("Fuel"), everything, rates) is None


def test_a_questions_largest_and_share_count_each_rows_riel_at_its_days_rate():
    from balance_bot.domain.ledger import SheetRow
    from balance_bot.domain.ledger_answers import Entry, Found

    def entry(day, amount, currency=Currency.KHR):
        return Entry(SheetRow(1, day, "ice", None, None, "Sokha", ""), currency, Decimal(amount))

    thursday, saturday = entry(THURSDAY, 40100), entry(SATURDAY, 40120)
    found = Found((thursday, saturday), {Currency.USD: Decimal(0), Currency.KHR: Decimal(80220)})
    rates = DayRates([nbc(THURSDAY, 4010), nbc(FRIDAY, 4013)], FIXED_RATE)
    # At one rate Saturday's 40,120៛ is the dearer; at each day's, Thursday's is $10.00, Saturday's $9.9975.
    assert found.largest(Decimal(4000))[0] is saturday
    assert found.largest(rates)[0] is thursday
    assert found.in_dollars(rates).quantize(Decimal("0.0001")) == Decimal("19.9975")
    assert found.percent_of(found, rates) == Decimal(100)
    assert [group.name for group in found.groups(lambda e: str(e.row.day), rates)] == [
        str(THURSDAY),
        str(SATURDAY),
    ]
