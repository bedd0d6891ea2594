"""The parser never confidently wrong: numbers that label, talk denied, money in, leave asked, an amount
untold or written short; each asked or left alone rather than saved as a wrong row."""

from decimal import Decimal

import pytest

from balance_bot.domain.cheap_things import may_be_riel_written_short
from balance_bot.domain.expenses import ParseStatus, Problem
from balance_bot.domain.money import Currency
from balance_bot.domain.parser import HeuristicParser
from balance_bot.domain.untold_amounts import tells_of_spending_without_its_amount

parser = HeuristicParser()


def status_of(text: str) -> ParseStatus:
    return parser.parse(text).status


def assert_asked_how_much(text: str) -> None:
    result = parser.parse(text)
    assert (result.status, result.problem) == (ParseStatus.UNCLEAR, Problem.AMBIGUOUS)


@pytest.mark.parametrize(
    "text",
    [
        "ជួបគ្នានៅភូមិ ៣ ម៉ោង ២ រសៀល",
        "ផ្ទះលេខ ៧ ផ្លូវ ៥៩៨",
        "pick me up at house 8 street 63",
        "deliver to phum 4 plov 12",
        "class in room 12 floor 3",
    ],
)
def test_the_numbers_of_an_address_a_room_or_a_time_are_no_amount(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "haha 500 riel ot ban avei te",
        "១០០០រៀល ឥឡូវទិញអីមិនបានទេ",
        "5$ doesnt buy anything now lol",
    ],
)
def test_a_sentence_denied_is_talk_not_a_report_of_money_spent(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text", ["seus bong luy rien 60$ hoy", "mak Dara bong 50$ hoy", "ម៉ែអាកា បង់លុយរៀន ៨០$ ហើយ"]
)
def test_a_parent_or_a_student_paying_the_team_is_money_in(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "bong ok ot? kang thmey 25$ at Lucky",
        "can we? new kettle 18$ at the market",
        "អាចទិញបានទេបង? ម៉ាស៊ីនព្រីន ១៨០$",
        "boss, ok? 2 chairs 30$",
    ],
)
def test_leave_asked_to_buy_is_no_purchase_made(text):
    assert status_of(text) is ParseStatus.IGNORE


def test_a_purchase_told_as_paid_stays_spending_when_it_asks_if_that_was_ok():
    result = parser.parse("paid 5$ for ice, ok?")
    assert result.status is ParseStatus.EXPENSE
    assert result.entries[0].money.amount == Decimal(5)


@pytest.mark.parametrize("text", ["water 3", "ទឹកកក ៤", "parking 1", "tek kork 3", "copies 8"])
def test_a_single_digit_for_a_cheap_thing_is_asked_not_saved_as_dollars(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize("text", ["ice 4000", "ice 2.50", "ice 3$", "coffee 2", "water for the office 12"])
def test_a_cheap_thing_with_its_currency_or_an_amount_of_its_own_shape_is_saved(text):
    assert status_of(text) is ParseStatus.EXPENSE


def test_riel_written_short_is_a_whole_number_under_a_hundred_paying_for_the_cheap_thing_alone():
    assert may_be_riel_written_short("ice 2 bags", 5)
    assert may_be_riel_written_short("ice", 15)  # 15$ of ice, or 15,000 riel: asked
    assert not may_be_riel_written_short("ice", 150)
    assert not may_be_riel_written_short("ice and fish", 5)


@pytest.mark.parametrize(
    ("text", "amount"),
    [("បានចាយ ៣ម៉ឺន ម្សិលមិញ", 30000), ("ban chay 20k pruk minh", 20000), ("បាន ចាយ ២ម៉ឺន ព្រឹកមិញ", 20000)],
)
def test_spent_and_when_name_no_purpose_so_the_purpose_is_asked(text, amount):
    result = parser.parse(text)
    assert result.status is ParseStatus.PURPOSE_MISSING
    money = result.entries[0].money
    assert (money.amount, money.currency) == (Decimal(amount), Currency.KHR)


@pytest.mark.parametrize(
    "text",
    [
        "paid the landlord, same as last month",
        "bought rice like last time",
        "បង់ថ្លៃភ្លើងហើយ ដូចខែមុន",
        "tinh sang doch mun",
        "paid the cleaner, forgot how much",
        "ទិញបន្លែ ភ្លេចថាប៉ុន្មាន",
    ],
)
def test_spending_told_without_its_amount_is_asked_about(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize(
    "text",
    [
        "will pay the mechanic same as last time",
        "did you pay the mechanic same as last time?",
        "price same as last time",
        "forgot my umbrella",
        "paid the mechanic",
    ],
)
def test_no_spending_untold_without_a_deed_done_or_a_doubt_of_its_amount(text):
    assert not tells_of_spending_without_its_amount(text)
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount", "word"),
    [
        ("water bill 25$ paid to EDC", 25, "water bill"),
        ("office internet paid to ezecom 25$", 25, "office internet"),
        ("school uniforms 45$ paid", 45, "uniforms"),
    ],
)
def test_a_bodys_name_before_the_amount_or_a_payee_names_what_was_paid_for(text, amount, word):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert result.entries[0].money.amount == Decimal(amount)
    assert word in result.entries[0].purpose


def test_a_body_paying_in_its_own_words_is_still_money_in():
    assert status_of("the office transferred 500$ for the month") is ParseStatus.IGNORE
    assert status_of("the school next door paid 2000$ to fix their roof") is ParseStatus.IGNORE


def test_one_unit_of_each_thing_listed_with_today_is_a_purchase_not_a_price():
    result = parser.parse("office supplies today - pens 1 box $3, paper 2 reams $9")
    assert result.status is ParseStatus.EXPENSE
    assert [entry.money.amount for entry in result.entries] == [Decimal(3), Decimal(9)]
    assert status_of("rice 1 bag 22$ now at the market") is ParseStatus.IGNORE
