"""Tests for finding numbers in a line: markers, multipliers, and what is not an amount."""

from decimal import Decimal

import pytest

from balance_bot.domain.amounts import scan_line
from balance_bot.domain.money import Currency
from balance_bot.domain.text import DIGITS_TO_ASCII


def only(line):
    mentions = scan_line(line)
    assert len(mentions) == 1, mentions
    return mentions[0]


@pytest.mark.parametrize(
    "line",
    [
        "3$",
        "$3",
        "3 $",
        "$ 3",
        "3 usd",
        "3USD",
        "USD 3",
        "usd3",
        "3 dollars",
        "3 dollar",
        "US$3",
        "3 bucks",
        "៣ដុល្លារ",
        "3 ដុល្លា",
    ],
)
def test_every_common_dollar_marker_marks_dollars(line):
    mention = only(line)
    assert (mention.value, mention.currency) == (3, Currency.USD)


@pytest.mark.parametrize(
    "line",
    [
        "5000៛",
        "៛5000",
        "5000 ៛",
        "៛ 5000",
        "5000 riel",
        "5000 riels",
        "5000 Riel",
        "5000 khr",
        "KHR 5000",
        "5000r",
        "5000R",
        "៥០០០រៀល",
        "៥០០០ រៀល",
        "៥០០០រ",
    ],
)
def test_every_common_riel_marker_marks_riel(line):
    mention = only(line)
    assert (mention.value, mention.currency) == (5000, Currency.KHR)


def test_the_whole_mention_spans_the_number_and_its_markers():
    mention = only("coffee USD 8 now")
    assert "coffee USD 8 now"[mention.start : mention.end] == "USD 8"


def test_a_lone_r_means_riel_only_when_glued_to_the_number():
    assert only("5000 r").currency is None


@pytest.mark.parametrize(
    ("line", "value"),
    [("10k", 10000), ("1.5k", 1500), ("10K", 10000), ("2K riel", 2000)],
)
def test_k_multiplies_by_a_thousand(line, value):
    mention = only(line)
    assert mention.value == value
    assert mention.scaled


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("៥ពាន់", 5000),
        ("៥ ពាន់", 5000),
        ("១ម៉ឺន", 10000),
        ("២ម៉ឺន៥ពាន់", 25000),
        ("២ម៉ឺន៥", 25000),
        ("២លាន", 2000000),
        ("១លាន២សែន", 1200000),
        ("៣សែន", 300000),
        ("៥រយ", 500),
        ("2ម៉ឺនរៀល", 20000),
        ("1.5ម៉ឺន", 15000),
    ],
)
def test_khmer_multiplier_words_alone_or_combined_mean_riel(line, value):
    mention = only(line)
    assert (mention.value, mention.currency) == (value, Currency.KHR)


def test_a_multiplier_inside_a_longer_khmer_word_is_not_a_multiplier():
    assert scan_line("៥រយៈពេល") == []


@pytest.mark.parametrize(
    ("line", "value"),
    [
        ("1,000៛", Decimal(1000)),
        ("1,250.00$", Decimal("1250.00")),
        ("12 500 riel", Decimal(12500)),
        ("3,50$", Decimal("3.50")),
        ("៤៥០,០០០៛", Decimal(450000)),
        ("5០០0៛", Decimal(5000)),
        ("1.250.000៛", Decimal(1250000)),
    ],
)
def test_grouped_decimal_and_mixed_digit_numbers_are_read_whole(line, value):
    assert only(line).value == value


def test_space_grouping_joins_digits_only_before_a_currency():
    assert [m.value for m in scan_line("12 500")] == [12, 500]


def test_cents_are_hundredths_of_a_dollar():
    mention = only("50 cents")
    assert (mention.value, mention.currency) == (Decimal("0.5"), Currency.USD)


@pytest.mark.parametrize(
    "line",
    [
        "8:30",
        "12/12",
        "24/7",
        "3pm",
        "30th",
        "Q3",
        "A4",
        "v2.0",
        "7up",
        "50%",
        "1e9$",
        "012 345 678",
        "+855 12 345 678",
        "012345678",
        "#4521",
        "២០នាក់",
        "12.12.2026",
    ],
)
def test_times_dates_codes_units_and_phone_numbers_are_not_amounts(line):
    assert scan_line(line) == []


def test_a_number_glued_to_khmer_letters_before_it_is_kept():
    mention = only("ទឹកកក៥០០០៛")
    assert (mention.value, mention.start) == (5000, 5)


def test_several_amounts_in_a_line_are_found_in_order():
    assert [m.value for m in scan_line("coffee 3$, cake 2$ and tea 1.5$")] == [3, 2, Decimal("1.5")]


def test_a_marker_between_two_numbers_belongs_to_the_first():
    first, second = scan_line("3$ 4")
    assert first.currency is Currency.USD
    assert second.currency is None


@pytest.mark.parametrize(("text", "amount"), [("២ម៉ឺន ៥ពាន់", "25000"), ("1ម៉ឺន 2ពាន់ 5រយ", "12500")])
def test_khmer_multipliers_one_space_apart_from_the_largest_down_are_one_amount(text, amount):
    (mention,) = scan_line(f"សាំង {text}".translate(DIGITS_TO_ASCII))
    assert mention.value == Decimal(amount)
