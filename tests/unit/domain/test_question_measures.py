"""Tests for the measures as members phrase them: a count by the thing counted, the one purchase, an
average of one meal or filling, whose the most, a member's own; in English, Khmer and romanised Khmer."""

from datetime import date

import pytest

from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import Span
from balance_bot.domain.question_romanised import in_khmer_script
from balance_bot.domain.questions import LedgerQuestion, Measure, read_question

TODAY = date(2027, 6, 22)  # a Tuesday
JUNE = Span(date(2027, 6, 1), date(2027, 6, 30))
MEMBERS = ["Dara", "Sokha", "Srey Li", "Vanna"]


def read(text):
    reading = read_question(text, TODAY, MEMBERS, [("Fuel", "ប្រេងឥន្ធនៈ")])
    assert isinstance(reading, LedgerQuestion)
    return reading


@pytest.mark.parametrize(
    ("text", "measure", "words", "member"),
    [
        ("how many receipts has Dara put in this month?", Measure.COUNT, (), "Dara"),
        ("how many transactions last week?", Measure.COUNT, (), None),
        ("no. of expenses yesterday", Measure.COUNT, (), None),
        ("how many expense records has vanna made this month", Measure.COUNT, (), "Vanna"),
        ("how many times did we buy ice this month", Measure.COUNT, ("ice",), None),
        ("ថ្ងៃនេះ មានកត់ចំណាយចូលប៉ុន្មានដង", Measure.COUNT, (), None),
        ("ខែនេះ ដារ៉ាបញ្ចូលវិក្កយបត្រប៉ុន្មាន?", Measure.COUNT, (), "Dara"),
        ("ខែនេះមានវិក្កយបត្រប៉ុន្មានសន្លឹកហើយ", Measure.COUNT, (), None),
        ("ខែនេះ វណ្ណាទិញឥវ៉ាន់ប៉ុន្មានដង?", Measure.COUNT, (), "Vanna"),
        ("which single payment was the largest this month?", Measure.LARGEST, (), None),
        ("which was the largest amount we paid for lunch", Measure.LARGEST, ("lunch",), None),
        ("the priciest petrol fill this month?", Measure.LARGEST, ("petrol",), None),
        ("how much per meal do we spend on lunch", Measure.AVERAGE_EACH, ("lunch",), None),
        ("each time we buy petrol, how much roughly", Measure.AVERAGE_EACH, ("petrol",), None),
        ("បាយថ្ងៃត្រង់ មួយពេលអស់ប៉ុន្មាន", Measure.AVERAGE_EACH, ("បាយថ្ងៃត្រង់",), None),
        ("ចាក់សាំងម្ដងអស់ប៉ុន្មាន", Measure.AVERAGE_EACH, ("ចាក់សាំង",), None),
        ("roughly how much do we spend per day this month", Measure.AVERAGE, (), None),
        ("which of us has put the most money into petrol this month", Measure.BY_MEMBER, ("petrol",), None),
        ("how much did Vanna put into petrol this month", Measure.TOTAL, ("petrol",), "Vanna"),
        ("ប្អូនវណ្ណា ចាយប៉ុន្មានខែនេះ", Measure.TOTAL, (), "Vanna"),
        ("បងស្រីលីចាយប៉ុន្មានហើយ", Measure.TOTAL, (), "Srey Li"),
    ],
)
def test_a_measure_phrased_by_what_members_count_or_compare_is_read_with_no_word_of_it_left_as_a_subject(
    text, measure, words, member
):
    reading = read(text)
    assert (reading.measure, reading.words, reading.member) == (measure, words, member)


def test_money_used_is_money_spent_not_the_cash_held():
    reading = read("how much money have i used this week")
    assert (reading.measure, reading.about_me) == (Measure.TOTAL, True)


@pytest.mark.parametrize(
    ("text", "measure", "currency"),
    [
        ("which was our dearest riel expense last week?", Measure.LARGEST, Currency.KHR),
        ("ខែនេះ បង់ជាលុយដុល្លារ លើកណាធំជាងគេ?", Measure.LARGEST, Currency.USD),
        ("how many usd purchases did Sokha make this month", Measure.COUNT, Currency.USD),
        ("smallest amount we paid with riel this month", Measure.SMALLEST, Currency.KHR),
    ],
)
def test_the_largest_smallest_or_count_of_one_currencys_entries_is_read_with_that_currency(
    text, measure, currency
):
    reading = read(text)
    assert (reading.measure, reading.currency) == (measure, currency)


@pytest.mark.parametrize(
    "text",
    [
        "who spent the most in riel this month",  # a member's total of one currency: another figure
        "what share of the riel expenses went on ice",
        "the biggest dollar or riel payment this month",  # both currencies named: which is unsaid
    ],
)
def test_a_figure_of_one_currencys_entries_of_another_kind_is_not_answered_over_all_of_them(text):
    reading = read_question(text, TODAY, MEMBERS)
    assert reading is None or (reading.currency is None and reading.measure is not Measure.BY_MEMBER)


def test_a_total_in_one_currency_is_still_the_total_of_every_entry_each_currency_apart():
    assert read("how much did we spend in riel this month").currency is None


def test_how_many_dollars_is_still_a_total():
    assert read("how many dollars did we spend this month").measure is Measure.TOTAL


@pytest.mark.parametrize(
    ("text", "measure", "words", "about_me"),
    [
        ("khe nis tinh tek kork ponman dong", Measure.COUNT, ("ទឹកកក",), False),
        ("khe nis tinh ey tlai jeang ke", Measure.LARGEST, (), False),
        ("khe nis chay ponman knong muy tgai", Measure.AVERAGE, (), False),
        ("neak na chay chraen jeang ke khe nis", Measure.BY_MEMBER, (), False),
        ("khnhom chay os ponman khe nis", Measure.TOTAL, (), True),
        ("khe nis chay sang ponman heuy?", Measure.TOTAL, ("សាំង",), False),
    ],
)
def test_a_question_in_romanised_khmer_is_read_as_the_same_question_in_khmer_script(
    text, measure, words, about_me
):
    got = read(text)
    assert (got.measure, got.words, got.about_me, got.span) == (measure, words, about_me, JUNE)


def test_latin_words_are_read_as_khmer_only_in_a_question_written_in_romanised_khmer():
    assert in_khmer_script("how much is the ice this month") == "how much is the ice this month"
    assert in_khmer_script("mosel minh tinh avey klah") == "ម្សិលមិញទិញអីខ្លះ"
    assert in_khmer_script("khnhom sang luy ponman") == "ខ្ញុំសងលុយប៉ុន្មាន"  # paid back, not fuel
