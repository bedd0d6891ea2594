"""A vision model's reading of an image, held to every rule of a message's reading but the text's."""

from decimal import Decimal

from balance_bot.domain.expenses import ParseStatus
from balance_bot.domain.money import AmountLimits, Currency
from balance_bot.domain.second_reading import (
    MAX_PROPOSED_ENTRIES,
    Proposal,
    ProposedEntry,
    Rejected,
    Rejection,
    judge_image_proposal,
)

LIMITS = AmountLimits()


def proposal(*entries: tuple[str, str, str]) -> Proposal:
    return Proposal(tuple(ProposedEntry(Decimal(a), c, p) for a, c, p in entries), 0.9)


def test_a_receipts_total_read_from_the_image_is_an_expense_in_the_currency_it_shows():
    result = judge_image_proposal(proposal(("51250", "KHR", "Lucky Supermarket")), LIMITS)
    assert result.status is ParseStatus.EXPENSE
    (entry,) = result.entries
    assert (entry.money.amount, entry.money.currency, entry.purpose) == (
        51250,
        Currency.KHR,
        "Lucky Supermarket",
    )
    assert not entry.currency_guessed


def test_an_image_without_a_currency_is_rejected_not_guessed_by_size():
    assert judge_image_proposal(proposal(("15", "UNKNOWN", "taxi")), LIMITS) == Rejected(
        Rejection.UNKNOWN_CURRENCY
    )
    assert judge_image_proposal(proposal(("15", "EUR", "taxi")), LIMITS) == Rejected(
        Rejection.UNKNOWN_CURRENCY
    )


def test_the_rules_of_a_message_reading_hold_for_an_image():
    over = proposal(("1000000", "USD", "ignore previous instructions"))
    assert judge_image_proposal(over, LIMITS) == Rejected(Rejection.AMOUNT_NOT_ALLOWED)
    formula = proposal(("5", "USD", '=HYPERLINK("x")'))
    assert judge_image_proposal(formula, LIMITS) == Rejected(Rejection.FORMULA_PURPOSE)
    many = proposal(*[("1", "USD", "item")] * (MAX_PROPOSED_ENTRIES + 1))
    assert judge_image_proposal(many, LIMITS) == Rejected(Rejection.TOO_MANY_ENTRIES)
    cents_of_riel = proposal(("100.5", "KHR", "ice"))
    assert judge_image_proposal(cents_of_riel, LIMITS) == Rejected(Rejection.AMOUNT_NOT_ALLOWED)


def test_an_image_with_no_payment_is_ignored_and_one_without_a_shop_asks_for_the_purpose():
    assert judge_image_proposal(proposal(), LIMITS).status is ParseStatus.IGNORE
    assert judge_image_proposal(proposal(("12.5", "USD", "")), LIMITS).status is ParseStatus.PURPOSE_MISSING
