"""Tests for reading a Categories tab: columns by header, words split, budgets read leniently."""

from decimal import Decimal

import pytest

from balance_bot.domain.categories import Category
from infrastructure.categories.tab import (
    CategoriesUnreadable,
    categories_from_rows,
    default_rows,
    load_categories_csv,
)


def test_columns_are_found_by_their_header_in_any_order_and_case():
    rows = [
        ["Budget (USD)", "words", "Category", "Notes"],
        ["120", "diesel, សាំង ,", "Fuel", "for the van"],
        ["", "", "", "a blank line"],
        ["1,000$", "pen", "Office supplies"],
    ]
    assert categories_from_rows(rows) == [
        Category("Fuel", "", ("diesel", "សាំង"), Decimal(120), None),
        Category("Office supplies", "", ("pen",), Decimal(1000), None),
    ]


@pytest.mark.parametrize("budget", ["none", "-5", "0", "NaN"])
def test_a_budget_that_is_not_a_positive_number_is_no_budget(budget):
    (category,) = categories_from_rows([["Category", "Budget (KHR)"], ["Fuel", budget]])
    assert category.budget_khr is None


def test_rows_without_a_category_column_are_refused():
    with pytest.raises(CategoriesUnreadable):
        categories_from_rows([["Name", "Words"], ["Fuel", "gas"]])


def test_the_default_tab_has_ten_categories_in_both_languages_with_words():
    categories = load_categories_csv()
    assert len(categories) == 10
    assert categories[-1].name == "Other"
    assert all(category.name_km for category in categories)
    assert all(category.words for category in categories[:-1])
    assert default_rows()[0] == ["Category", "Category (Khmer)", "Words", "Budget (USD)", "Budget (KHR)"]


def test_the_same_tab_read_for_two_spreadsheets_gives_the_same_categories_not_a_copy_each():
    first = categories_from_rows([list(row) for row in default_rows()])
    second = categories_from_rows([list(row) for row in default_rows()])
    edited = default_rows()
    edited[1][2] += ", kettle"

    assert first == second
    assert all(a is b for a, b in zip(first, second, strict=True))
    assert categories_from_rows(edited)[0].words[-1] == "kettle"
    assert first[0].words[-1] != "kettle"
