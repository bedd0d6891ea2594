"""The cash counted, debts paid back, money from patients and customers, chatter about prices in romanised
Khmer, an amount paid with no purpose, a forgotten amount and market lists: read by the parser alone."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus, Problem
from balance_bot.domain.money import Currency
from balance_bot.domain.parser import HeuristicParser


def parse(text):
    return HeuristicParser().parse(text)


@pytest.mark.parametrize(
    "text",
    [
        "counted the tin: 76$ and 41,500 riel",
        "tin count 58.25$",
        "end of day count 66$ / 18,000 riel",
        "checked the cash, 91$ matches ledger",
        "cash on hand 150$",
        "box 63$ matches 👍",
        "receipt total 87,500 riel matches what I posted earlier",
        "luy knong thot 52$ trov nung sievphov",
        "check luy thot 90$ ok trov",
        "លុយក្នុងថត ៩៥$ ត្រូវគ្នានឹងសៀវភៅ",
        "ផ្ទៀងផ្ទាត់លុយ ៧០$ ត្រូវគ្នា",
    ],
)
def test_the_cash_counted_or_checked_against_the_book_is_not_spending(text):
    assert parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("box of matches 1500", Decimal(1500)),
        ("tin of paint 12$", Decimal(12)),
        ("drawer handle 3$", Decimal(3)),
    ],
)
def test_a_box_a_tin_or_a_drawer_bought_is_still_spending(text, amount):
    result = parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert result.entries[0].money.amount == amount


@pytest.mark.parametrize(
    "text",
    [
        "Sophal sang 10$ hoy nhe",
        "kat sang 10$ hoy na",
        "bong Srey sang 15000 riel hoy",
        "Piseth sang 25$ mok vinh",
        "ដារ៉ា សង ៥$ ហើយ",
        "គាត់សងវិញ ២ម៉ឺនហើយ",
        "Sophal paid me 10$ back",
        "Rith gave 15$ back to the box",
    ],
)
def test_someone_paying_back_told_as_done_is_not_spending(text):
    assert parse(text).status is ParseStatus.IGNORE


def test_a_name_then_sang_and_an_amount_alone_may_be_fuel_or_a_debt_paid_back_and_is_asked_about():
    result = parse("Sophal sang 10$")
    assert result.status is ParseStatus.UNCLEAR
    assert result.problem is Problem.MONEY_BACK


@pytest.mark.parametrize(
    "text",
    ["sang 10$ moto", "chak sang 4$", "Dara chak sang 5$", "Dara chak sang moto 4$ hoy", "sang lan 20$"],
)
def test_sang_with_its_filling_or_its_vehicle_is_fuel(text):
    result = parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert "sang" in result.entries[0].purpose


@pytest.mark.parametrize(
    "text",
    [
        "patient bong thlai pinit 15$ cash",
        "neak chomngu bong 20$ cash",
        "2 patients today, 30$ cash in",
        "customer pay 18$ for 2 shirts",
        "client transfer 120$ via aba",
        "got 25$ from a walk-in customer",
        "kok 50$ pi customer",
    ],
)
def test_a_patient_or_a_customer_paying_the_team_is_money_in(text):
    assert parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "piglet ey lov thok, min tinh sen, 45$ mouy",
        "chrouk kon ey lov 40$ muy, min tinh sen te",
        "ey lov srov thok, 900 riel kilo, min ton lok",
    ],
)
def test_romanised_talk_of_a_price_not_bought_yet_is_not_spending(text):
    assert parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text", ["paid $18 just now 👍", "just now paid 6$", "paid 9$ right now", "paid 12$ a minute ago"]
)
def test_an_amount_paid_just_now_asks_what_it_was_for(text):
    assert parse(text).status is ParseStatus.PURPOSE_MISSING


@pytest.mark.parametrize(
    "text",
    [
        "ink cartridge 35 or 36 something, will check the receipt",
        "ចាក់សាំងហើយ ភ្លេចថាប៉ុន្មាន ប្រហែល ២ ឬ ៣ ម៉ឺន",
        "kafe 4 keo 1m2 rii 1m6 ot jam te",
    ],
)
def test_an_amount_the_member_does_not_remember_is_asked_about_not_dropped(text):
    result = parse(text)
    assert result.status is ParseStatus.UNCLEAR
    assert result.problem is Problem.AMBIGUOUS


def test_a_month_glued_to_its_khmer_label_before_a_dollar_sign_is_not_the_amount():
    result = parse("បង់ថ្លៃជួលផ្ទះ ខែ៤ $៣០០ រួចរាល់")
    assert [(entry.money.amount, entry.money.currency) for entry in result.entries] == [
        (Decimal(300), Currency.USD)
    ]


@pytest.mark.parametrize(
    ("text", "purposes"),
    [
        ("morning glory 2000", ["morning glory"]),
        ("good morning! morning glory 3 bundles 3000, tomato 4000", ["morning glory 3 bundles", "tomato"]),
        ("trey ngiet 3 8000\nkhtem sor 2000", ["trey ngiet 3", "khtem sor"]),
        ("water 6 bottles 3000 ice 2 bags 4000", ["water 6 bottles", "ice 2 bags"]),
        ("Morning glory 1500\nBok choy 2500\nEggs 10 5000", ["Morning glory", "Bok choy", "Eggs 10"]),
    ],
)
def test_each_item_of_a_market_list_keeps_its_whole_name_and_its_count(text, purposes):
    result = parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert [entry.purpose for entry in result.entries] == purposes


@pytest.mark.parametrize(("text", "purpose"), [("aaa six $0.05", "aaa six"), ("coffee six $3", "coffee six")])
def test_a_number_word_before_a_dollar_sign_glued_to_digits_stays_a_word_of_the_purpose(text, purpose):
    result = parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert [entry.purpose for entry in result.entries] == [purpose]
