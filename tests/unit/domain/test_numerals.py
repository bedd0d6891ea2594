"""Tests for written numbers: grouping, decimal commas and Khmer multiplier units."""

from decimal import Decimal

import pytest

from balance_bot.domain.numerals import next_unit_below, read_number


@pytest.mark.parametrize(
    ("written", "value"),
    [
        ("10.5", Decimal("10.5")),
        ("1,000", Decimal(1000)),
        ("1,250.00", Decimal("1250.00")),
        ("12 500", Decimal(12500)),
        ("3,5", Decimal("3.5")),
        ("1.250.000", Decimal(1250000)),
        (".5", Decimal("0.5")),
    ],
)
def test_numbers_are_read_as_members_type_them(written, value):
    assert read_number(written)[0] == value


def test_something_that_is_not_a_number_has_no_value():
    assert read_number("1.2.x") is None


def test_the_digits_after_the_point_are_counted_as_written():
    assert read_number("12.50")[1] == 2
    assert read_number("3,5")[1] == 1
    assert read_number("1,000")[1] == 0
    assert read_number("1.500")[1] == 3
    assert read_number("1.250.000")[1] == 0


def test_a_trailing_digit_counts_in_the_unit_below_the_multiplier():
    assert next_unit_below(Decimal(10000)) == 1000
    assert next_unit_below(Decimal(1000000)) == 100000
    assert next_unit_below(Decimal(1)) == 1
