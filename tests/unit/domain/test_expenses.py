"""Tests for the parser's result types and the amount checks."""

from decimal import Decimal

from balance_bot.domain.expenses import (
    ParseResult,
    ParseStatus,
    Problem,
    khr_from_dotted_thousands,
    problem_with_amount,
)
from balance_bot.domain.money import AmountLimits, Currency, Money

LIMITS = AmountLimits(max_usd=Decimal(10000), max_khr=Decimal(40000000))


def test_zero_and_negative_amounts_are_not_positive():
    assert problem_with_amount(Money(Decimal(0), Currency.USD), LIMITS) is Problem.NOT_POSITIVE
    assert problem_with_amount(Money(Decimal(-3), Currency.KHR), LIMITS) is Problem.NOT_POSITIVE


def test_an_amount_over_its_currency_ceiling_is_refused():
    assert problem_with_amount(Money(Decimal(10001), Currency.USD), LIMITS) is Problem.OVER_LIMIT
    assert problem_with_amount(Money(Decimal(10001), Currency.KHR), LIMITS) is None


def test_an_amount_finer_than_its_currency_is_refused():
    assert problem_with_amount(Money(Decimal("100.5"), Currency.KHR), LIMITS) is Problem.TOO_PRECISE
    assert problem_with_amount(Money(Decimal("1.005"), Currency.USD), LIMITS) is Problem.TOO_PRECISE


def test_three_digits_after_a_dot_in_riel_are_thousands():
    assert khr_from_dotted_thousands(Decimal("1.500"), 3) == 1500
    assert khr_from_dotted_thousands(Decimal("1.5"), 1) == Decimal("1.5")


def test_an_ignore_result_is_silent_and_holds_nothing():
    result = ParseResult.ignore()
    assert (result.status, result.entries, result.problem) == (ParseStatus.IGNORE, (), None)


def test_an_unclear_result_says_why():
    assert ParseResult.unclear(Problem.AMBIGUOUS).problem is Problem.AMBIGUOUS
