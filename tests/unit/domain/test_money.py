"""Tests for money: canonical amounts, whole riel, and the ceilings."""

from decimal import Decimal

import pytest

from balance_bot.domain.money import AmountLimits, Currency, Money


def test_dollars_are_written_with_cents():
    assert Money(Decimal("3"), Currency.USD).canonical() == "3.00"


def test_riel_are_written_as_whole_numbers():
    assert Money(Decimal("5000"), Currency.KHR).canonical() == "5000"


def test_an_unknown_currency_keeps_the_amount_as_given():
    assert Money(Decimal("12.50"), Currency.UNKNOWN).canonical() == "12.5"


def test_a_fraction_of_a_riel_is_not_whole_in_its_currency():
    assert not Money(Decimal("100.5"), Currency.KHR).is_whole_in_its_currency


def test_a_fraction_of_a_cent_is_not_whole_in_its_currency():
    assert not Money(Decimal("1.255"), Currency.USD).is_whole_in_its_currency
    assert Money(Decimal("1.25"), Currency.USD).is_whole_in_its_currency


def test_money_refuses_an_infinite_amount():
    with pytest.raises(ValueError, match="finite"):
        Money(Decimal("Infinity"), Currency.USD)


def test_money_reads_as_amount_and_currency():
    assert str(Money(Decimal("2.5"), Currency.USD)) == "2.50 USD"


def test_each_currency_has_its_own_ceiling():
    limits = AmountLimits(max_usd=Decimal(100), max_khr=Decimal(400000))
    assert limits.maximum_for(Currency.USD) == 100
    assert limits.maximum_for(Currency.KHR) == 400000
    assert limits.maximum_for(Currency.UNKNOWN) == 100
