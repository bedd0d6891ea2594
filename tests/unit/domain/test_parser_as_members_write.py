"""The parser on ways of writing found in a set written fresh: spoken Khmer amounts, bare lists, who paid."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus
from balance_bot.domain.money import Currency
from balance_bot.domain.parser import HeuristicParser

parser = HeuristicParser()


def read(text: str) -> list[tuple[Decimal, Currency, str]]:
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    return [(entry.money.amount, entry.money.currency, entry.purpose) for entry in result.entries]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("ដឹកអីវ៉ាន់ ២ម៉ឺនប្រាំ", 25000),
        ("ការ៉េម ពាន់ប្រាំ", 1500),
        ("បាយ ១ម៉ឺន៥", 15000),
        ("សាំង មួយម៉ឺនប្រាំ", 15000),
        ("ទឹកកក ៣ពាន់ប្រាំរយ", 3500),
        ("ទឹកកក ១ពាន់ប្រាំមួយ", 1600),
        ("សាំង ២ម៉ឺន", 20000),
    ],
)
def test_a_digit_spoken_after_a_multiplier_counts_in_the_next_smaller_unit(text, amount):
    assert [found[:2] for found in read(text)] == [(Decimal(amount), Currency.KHR)]


def test_things_each_followed_by_a_riel_sized_number_are_each_an_expense():
    assert read("bread 4000 eggs 6500 milk 5000") == [
        (Decimal(4000), Currency.KHR, "bread"),
        (Decimal(6500), Currency.KHR, "eggs"),
        (Decimal(5000), Currency.KHR, "milk"),
    ]
    assert read("ស្ករ 4500, អំបិល 1500") == [
        (Decimal(4500), Currency.KHR, "ស្ករ"),
        (Decimal(1500), Currency.KHR, "អំបិល"),
    ]


def test_a_count_before_a_price_stays_part_of_the_purpose():
    assert read("water 6 bottles 12000") == [(Decimal(12000), Currency.KHR, "water 6 bottles")]


def test_who_paid_is_no_purpose_when_each_amount_says_what_it_was_for():
    assert read("vanna paid 12$ for the fan and 3$ for the plug") == [
        (Decimal("12.00"), Currency.USD, "fan"),
        (Decimal("3.00"), Currency.USD, "plug"),
    ]


@pytest.mark.parametrize("text", ["data topup 3$", "topup sim card for the office phone 5$"])
def test_a_phone_top_up_is_spending(text):
    assert read(text)[0][0] in (Decimal("3.00"), Decimal("5.00"))


@pytest.mark.parametrize(
    "text",
    [
        "topup 100$",
        "refund from agoda 25$",
        "got the refund 12$ today",
        "petrol price went up to 1.40$",
        "it used to cost 3$",
    ],
)
def test_money_in_and_price_talk_are_not_spending(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


def test_going_somewhere_before_spending_is_still_spending():
    assert [found[:2] for found in read("went to the pharmacy, spent 4$ on masks")] == [
        (Decimal("4.00"), Currency.USD)
    ]


@pytest.mark.parametrize(
    "text", ["bank fee for the transfer from the donor 1$", "fee for the payment from the client 0.5$"]
)
def test_a_fee_for_money_that_came_in_is_the_teams_cost(text):
    assert parser.parse(text).status is ParseStatus.EXPENSE


def test_a_day_name_before_a_number_no_day_can_be_is_part_of_what_was_bought():
    assert read("groceries:\n- tek sart 6000\n- pong mon 4500") == [
        (Decimal(6000), Currency.KHR, "tek sart"),
        (Decimal(4500), Currency.KHR, "pong mon"),
    ]
    assert parser.parse("sach sat 25000").entries[0].purpose == "sach sat"


def test_a_day_name_before_a_number_that_may_be_a_day_still_labels_it():
    assert parser.parse("see you Mon 12").status is ParseStatus.IGNORE
