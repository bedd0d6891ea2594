from dataclasses import replace
from datetime import date
from decimal import Decimal

from balance_bot.domain.balances import balance_of, month_figures
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency

VOID = "[void] "
NOVEMBER = Period(2026, 11)


def row(item, usd=None, khr=None, member="Sokha", topup_usd=None, topup_khr=None, number=1):
    return SheetRow(
        number,
        date(2026, 11, 3),
        item,
        None if usd is None else Decimal(usd),
        None if khr is None else Decimal(khr),
        member,
        "",
        None if topup_usd is None else Decimal(topup_usd),
        None if topup_khr is None else Decimal(topup_khr),
    )


def test_sums_are_exact_decimals_per_currency():
    rows = [row("coffee", usd="0.10"), row("tea", usd="0.20"), row("ice", khr="5000")]
    figures = month_figures(rows, VOID)
    assert figures.spent == {
        Currency.USD: Decimal("0.30"),
        Currency.KHR: Decimal(5000),
    }  # not 0.30000000000000004
    assert figures.entries == 3


def test_voided_rows_notes_and_top_ups_are_not_spending():
    rows = [
        row("[void] coffee", usd="3"),
        row("note: receipts in the drawer"),
        row("Top-up: from the office", topup_usd="200"),
        row("taxi", usd="5", member="Dara"),
    ]
    figures = month_figures(rows, VOID)
    assert figures.spent[Currency.USD] == 5
    assert figures.topups[Currency.USD] == 200
    assert (figures.entries, figures.topup_count) == (1, 1)
    assert set(figures.by_member) == {"Dara"}


def test_a_row_a_bookkeeper_typed_counts_and_is_credited_to_its_member():
    figures = month_figures([row("rent", usd="300", member="Bookkeeper"), row("ice", khr="2000")], VOID)
    assert figures.by_member["Bookkeeper"][Currency.USD] == 300
    assert figures.by_member["Sokha"][Currency.KHR] == 2000


def test_an_expense_without_a_date_it_can_read_counts_in_the_month_and_is_named_as_undated():
    undated = replace(row("rent", usd="300", number=14), day=None)
    figures = month_figures([row("ice", khr="2000"), undated, replace(row("note"), day=None)], VOID)
    assert figures.spent[Currency.USD] == 300
    assert figures.entries == 2
    assert sum(spent[Currency.USD] for spent in figures.by_day.values()) == 0
    assert figures.undated == (undated,)  # a note without an amount is no expense to name


def test_closing_is_opening_plus_top_ups_less_spending_per_currency():
    figures = month_figures(
        [row("coffee", usd="30.25"), row("Top-up", topup_khr="400000"), row("ice", khr="5000")], VOID
    )
    balance = balance_of(NOVEMBER, {Currency.USD: Decimal("100"), Currency.KHR: Decimal(0)}, figures)
    assert balance.closing() == {Currency.USD: Decimal("69.75"), Currency.KHR: Decimal(395000)}


def test_the_combined_figure_converts_riel_at_the_rate_to_the_cent():
    balance = balance_of(
        NOVEMBER, {Currency.USD: Decimal(10), Currency.KHR: Decimal(10000)}, month_figures([], VOID)
    )
    assert balance.combined_usd(Decimal(4100)) == Decimal("12.44")


def test_an_unknown_opening_is_zero():
    assert balance_of(NOVEMBER, {}, month_figures([row("tea", usd="1")], VOID)).closing()[Currency.USD] == -1
