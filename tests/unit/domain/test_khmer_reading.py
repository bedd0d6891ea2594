"""A romanised message read as its Khmer: what Khmer script tells of money not spent, it tells typed in
Latin letters; a word that is two everyday words is read only where a phrase says which, so the reading
never makes chatter of an expense; English stays English."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus
from balance_bot.domain.khmer_reading import khmer_reading
from balance_bot.domain.parser import HeuristicParser

parser = HeuristicParser()


@pytest.mark.parametrize(
    "text",
    [
        "luy nov knong tub 180 dolla ning 95000 riel",  # the cash counted where it is kept
        "bong, luy nov knong prob 62$ nung 40000 riel",
        "Dara ban oy luy 10 dolla mok vinh hery",  # money given back
        "Sophal oy luy 20$ mok vinh hz bong",
        "prak khae nak yam 180$ bek thngai 30 ne bong",  # a salary to be paid out on the 30th
        "lok kru oy luy 50$ sam rab khe nis",  # the teacher topping up the box
    ],
)
def test_money_not_spent_told_in_romanised_khmer_is_neither_saved_nor_questioned(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("chak sang moto 15000", Decimal(15000)),  # sang: fuel, not paying back (សង)
        ("tinh sang 5$ oy lan office", Decimal(5)),
        ("bong tlai pleung 38$ hz na bong", Decimal(38)),  # bong: paying (បង់), and the elder addressed
        ("bong2 tinh bay thngai trong 24000", Decimal(24000)),  # everyone, not paying
        ("bong Dara tinh tek kork 2 dom 4000 hz", Decimal(4000)),
        ("tinh tek kork 6000r, kot hz", Decimal(6000)),  # kot: noted, or he
        ("tinh bonle 12 nov 8000", Decimal(8000)),  # nov: November beside a day, else នៅ
        ("tinh nom pang nov hang 4000r", Decimal(4000)),
        ("tov psar tinh sach 35000 hz", Decimal(35000)),  # tov: went (ទៅ), no plan
        ("ban tinh dek koul 1 kilo 6000", Decimal(6000)),  # ban: the past of buying, not money got
        ("bek prak khe nak yam 180$ hz", Decimal(180)),  # a salary paid out
        ("luy knong prob yok tinh tek 3$", Decimal(3)),  # the box's money taken to buy with
        ("dork luy pi prob tinh sang 8$", Decimal(8)),
    ],
)
def test_a_word_that_is_two_words_in_romanised_khmer_never_makes_chatter_of_an_expense(text, amount):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    assert [entry.money.amount for entry in result.entries] == [amount]


def test_a_word_that_is_two_words_stays_as_typed_in_the_reading():
    assert khmer_reading("Rithy sang 8$ tinh sang moto") == "rithy sang 8$ ទិញ sang ម៉ូតូ"
    assert khmer_reading("bong tinh tek kork 12 nov") == "bong ទិញទឹកកក 12 nov"
    assert khmer_reading("luy nov knong prob 40$") == "លុយនៅក្នុងប្រអប់ 40$"


@pytest.mark.parametrize(
    "text",
    [
        "paid the clinic for the sick worker 10$, he was in pain",
        "tuk tuk bring patient to referal hosp 10$",
        "coffee 3$",
        "ទិញទឹកកក ៥០០០៛",
    ],
)
def test_an_english_or_khmer_script_message_has_no_reading(text):
    assert khmer_reading(text) is None
