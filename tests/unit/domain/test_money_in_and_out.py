"""What is not spending, and what is after all, as members write it: Khmer in Latin letters, money coming
in or given back, bills no one has paid, prices, and payments told in few words (issue 32 item 3)."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus, Problem
from balance_bot.domain.money import Currency
from balance_bot.domain.parser import HeuristicParser
from balance_bot.domain.romanised import talks_of_a_price

parser = HeuristicParser()


@pytest.mark.parametrize(
    "text",
    [
        # Romanised Khmer: a price compared, risen or asked, money asked for, paid back, received, lent.
        "teuk kok tlai jieng msel 1000r",
        "thlai sang laeng dol 5100r hz",
        "tlai ponman bong? 15$ men?",
        "bong som luy 20$ tinh ambao",
        "som tinh dek kol 2 kg 8$",
        "Dara ban sang luy vinh 15$",
        "tetuol luy pi client 300$",
        "pnhiev bontob 7 pheu luy 40$ tam aba",
        "khchey luy bong 50$ tinh ampov",
        "ort torn bong tlai internet 25$",
        # Money coming in: a parent sending fees, tips left, a table's order.
        "ម៉ាក់របស់ Sokha ផ្ញើថ្លៃរៀន ៨០$ តាម ABA",
        "tips jar tonight 31.50$",
        "តុលេខ ៣ កុម្ម៉ង់ កាហ្វេ ៤ នំ ២",
        "table no. 6 ordered 3 soups",
        # Bills no one has paid, or that expire on a day; a price up from another time; a wage compared.
        "wifi 20$ ផុតថ្ងៃស្អែក",
        "ភ្លើងខែនេះ ៣៥$ គ្មាននរណាបានបង់ទេ",
        "ឥដ្ឋ ឥឡូវ ៨០០០០៛ មួយពាន់ ឡើងពីអាទិត្យមុន",
        "បន្ទះឈើ ឥឡូវ ៤.៥០$ មួយបន្ទះ",
        "ប្រាក់ខែ cleaner 180$ ស្មើនឹងអ្នកចាស់",
        "salary 300$ same as the previous driver",
    ],
)
def test_money_in_a_price_a_request_or_a_bill_no_one_paid_is_neither_saved_nor_questioned(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount", "currency", "word"),
    [
        ("jay tlai moto dop 8000r", Decimal(8000), Currency.KHR, "moto"),
        ("tinh teuk kok 2 bao 4000r", Decimal(4000), Currency.KHR, "teuk"),
        ("office printer ink replaced, paid 45$", Decimal(45), Currency.USD, "ink"),
        ("deposit for the wedding hall 200$ transferred", Decimal(200), Currency.USD, "hall"),
        ("ទូទាត់ថ្លៃភ្លើងខែនេះ ៣២០០០០៛", Decimal(320000), Currency.KHR, "ភ្លើង"),
        ("settled the printing shop bill 85$", Decimal(85), Currency.USD, "printing"),
        ("សងលុយ Dara ដែលគាត់ចេញមុនទិញកាវ ៣$", Decimal(3), Currency.USD, "កាវ"),
        ("refunded Mr Lim 20$ for the cancelled trip", Decimal(20), Currency.USD, "Lim"),
        ("refunded 12$ to the parent", Decimal(12), Currency.USD, "parent"),
        ("បង់ថ្លៃទឹកខែ១១ ៣០០ដុល្លារ រួចរាល់", Decimal(300), Currency.USD, "ទឹក"),
    ],
)
def test_money_paid_out_told_in_few_words_or_by_paying_back_is_spending(text, amount, currency, word):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    [entry] = result.entries
    assert (entry.money.amount, entry.money.currency) == (amount, currency)
    assert word in entry.purpose


@pytest.mark.parametrize(
    ("text", "amount", "purpose"),
    [
        ("paid the gardener 30 for the month", Decimal(30), "gardener for the month"),
        (
            "reimbursed Sokha 4.50 for the stamps she bought",
            Decimal("4.50"),
            "Sokha for the stamps she bought",
        ),
    ],
)
def test_paid_first_then_whom_a_bare_number_and_what_for_is_saved_with_the_currency_assumed_for_a_check(
    text, amount, purpose
):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE
    [entry] = result.entries
    assert (entry.money.amount, entry.purpose, entry.currency_guessed) == (amount, purpose, True)
    assert not result.certain


@pytest.mark.parametrize("text", ["chay 15k", "tinh 3$", "អស់លុយ ២ម៉ឺន ហើយបង", "luy 40$ hz"])
def test_an_amount_with_only_a_verb_of_spending_asks_what_it_was_for(text):
    assert parser.parse(text).status is ParseStatus.PURPOSE_MISSING


def test_money_a_shop_gave_back_is_money_in_and_money_back_from_no_one_named_is_refused_with_its_reason():
    assert parser.parse("got 7$ back from the hardware store").status is ParseStatus.IGNORE
    result = parser.parse("got 7$ back")
    assert (result.status, result.problem) == (ParseStatus.UNCLEAR, Problem.MONEY_BACK)


@pytest.mark.parametrize(
    "text",
    ["tip for the tuk tuk driver 1$", "bought a table 45$", "gave Som 5$ for the taxi", "internet nov 30$"],
)
def test_words_these_rules_read_are_still_spending_in_another_sense(text):
    assert parser.parse(text).status is ParseStatus.EXPENSE


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("tlai 22$ thok jieng psar", True),
        ("sang laeng tlai hz", True),
        ("jay tlai tuk tuk 15000r", False),  # spent: a purchase names its price
        ("tlai tuk tuk 15000r", False),  # a note of a cost, as ថ្លៃឡានដឹក ២០$ is
        ("nov 30$ tlai internet", False),  # Nov, the month, is no place
        ("tlai psar 20$", False),  # the market's cost
    ],
)
def test_romanised_price_talk_needs_a_word_said_of_a_price_and_no_buying(text, talk):
    assert talks_of_a_price(text) is talk


@pytest.mark.parametrize(
    "text",
    [
        # Money sent towards the team, or sent by a body named first.
        "ក្រសួងផ្ញើប្រាក់មក ៣០០០$ សម្រាប់វគ្គបណ្តុះបណ្តាល",
        "អង្គការបានផ្ទេរលុយ ១២០០$ ចូលគណនី",
        # Money wanted, or wanted by a day.
        "ជាងភ្លើងចង់ឲ្យបង់ ៤០$ សិន",
        "ថ្លៃអ៊ីនធឺណិត ២០$ មុនចុងខែ",
        "the caterer wants the last 90$ by the 20th",
        # The box counted, in either language and in Latin letters.
        "counted the kitty: 64$ and 12,000 riel",
        "រាប់លុយក្នុងប្រអប់ ៤៧$",
        "kabob sal 9$ bong",
        "luy nouv sal 30000r",
        # One unit's price at a place, a Khmer measure standing alone.
        "ស៊ីម៉ង់ត៍ បាវ ៦$ នៅហាងហេងលី",
    ],
)
def test_money_sent_to_the_team_money_wanted_by_a_day_the_box_counted_and_a_price_a_unit_are_not_spending(
    text,
):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("ថ្លៃផ្ញើលុយមកខេត្ត ២$", "ថ្លៃផ្ញើលុយមកខេត្ត"),
        ("ផ្ទេរលុយឲ្យក្រុមហ៊ុនទឹក ១២$", "ផ្ទេរលុយឲ្យក្រុមហ៊ុនទឹក"),
        ("accounting fee 50$", "accounting fee"),
        ("refund to the parent 6$, class cancelled", "refund to the parent, class cancelled"),
        ("ក្រណាត់ ១០ម៉ែត្រ ២៥$ នៅផ្សារ", "ក្រណាត់ ១០ម៉ែត្រ នៅផ្សារ"),
    ],
)
def test_a_fee_for_sending_money_paid_to_a_company_a_refund_the_team_gave_and_a_quantity_bought_are_spending(
    text, purpose
):
    result = parser.parse(text)
    assert (result.status, result.entries[0].purpose) == (ParseStatus.EXPENSE, purpose)


@pytest.mark.parametrize(
    "text", ["Vanna ចាយ ២ម៉ឺន", "Chea spent 6$", "chay luy 15000r hz", "paid 9$ earlier today"]
)
def test_an_amount_with_only_who_spent_it_or_when_asks_what_it_was_for(text):
    assert parser.parse(text).status is ParseStatus.PURPOSE_MISSING


@pytest.mark.parametrize(
    "text",
    [
        "brought back 8,500 riel change from the pharmacy",
        "we put back 2$ in the drawer",
        "change from the fuel 4000r returned to the box",
        "returned the change 1.25$ to Sophea",
    ],
)
def test_change_brought_back_or_money_put_back_is_money_in(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("ស្ករ ១គីឡូ ឥឡូវ ៥០០០៛ ថ្លៃខ្លាំង", ParseStatus.IGNORE),  # a price called dear
        ("ទិញស្ករ ២គីឡូ ១០០០០៛ ថ្លៃណាស់", ParseStatus.EXPENSE),  # bought, and dear
        ("skor tlai nas eylov, 5000r", ParseStatus.IGNORE),
        ("tinh skor 2 kilo 10000r tlai nas", ParseStatus.EXPENSE),
    ],
)
def test_a_price_called_dear_is_talk_unless_the_thing_was_bought(text, status):
    assert parser.parse(text).status is status


@pytest.mark.parametrize(
    "text",
    [
        "fees from 12 parents this week 240$",
        "rent from the tenants 300$",
        "made 38$ selling drinks at the event",
        "who can pick up the cake tomorrow? around 20$",
        "anyone free to buy stamps, 4$",
        "Mr Chea paid 45$ for his daughter's lessons",
    ],
)
def test_fees_from_those_who_pay_money_made_and_asking_who_can_buy_are_not_spending(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


def test_things_made_for_the_team_are_still_spending():
    assert parser.parse("made 20 copies 5$").status is ParseStatus.EXPENSE
