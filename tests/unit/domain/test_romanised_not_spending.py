"""Khmer written in Latin letters, as members type it without a Khmer keyboard: what is money sold, got,
owed, still due, asked for or planned (not spending), what is spending all the same, and an amount told
with only its spending, which asks what it was for (issue 32 item 3)."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus
from balance_bot.domain.money import Currency
from balance_bot.domain.parser import HeuristicParser
from balance_bot.domain.romanised import asks_for_help_to_pay, talks_of_a_price

parser = HeuristicParser()


@pytest.mark.parametrize(
    "text",
    [
        "lok trey ngiet 5 kilo ban 40$",
        "luk sromoch ban 12,000 riel",
        "louk bay dach os hoy 30$",
        "lork ambao 3 bav baan 27$",
        "lak kdam 4 kilo ban 36,000r",
    ],
)
def test_something_sold_and_the_money_got_for_it_is_money_in(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount", "word"),
    [
        ("lok kru tinh kraydas 3$", Decimal(3), "kraydas"),  # lok kru: the teacher
        ("lok Sophal ban tinh moan 12$", Decimal(12), "moan"),  # Mr Sophal did buy
        ("tinh trey pi neak lok 9$", Decimal(9), "trey"),  # bought from the seller
        ("luk Dara chuol chiang chuos tuyo dach 15$", Decimal(15), "tuyo"),  # hired a repair: no sale
        ("lok Sok ban jousjul moto 12$", Decimal(12), "moto"),  # Mr Sok had the moto repaired
        ("yok luy pi kariyalai tinh sang 20$", Decimal(20), "sang"),  # the office's money, spent
    ],
)
def test_lok_as_mister_or_the_seller_and_a_broken_thing_are_no_sale(text, amount, word):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    [entry] = result.entries
    assert entry.money.amount == amount
    assert word in entry.purpose


@pytest.mark.parametrize(
    "text",
    [
        "baan luy pi neak tinh chek 60$",
        "ban luy 35$ pi ovpuk Dara",
        "luy chol 80$ tngai nis",
        "sala pheu luy mok 400$",
        "angkar pter luy 1,000$ hz",
        "neak tinh trey bong luy 22$",
        "client phnheu 150$ tam wing",
        "luy pi atithijun 90$ chol hoy",
        "pnhiev bontob 5 kok 20$",
        "aba chol 75$ pi seus",
        "luy mok dol hoy 500$",
    ],
)
def test_money_got_coming_in_or_sent_here_by_whoever_pays_the_team_is_money_in(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


def test_money_taken_from_the_box_to_buy_something_is_spending_not_money_got():
    result = parser.parse("ban luy pi prob tinh dek kol 7$")
    assert result.status is ParseStatus.EXPENSE
    assert result.entries[0].money.amount == Decimal(7)


@pytest.mark.parametrize(
    "text",
    [
        "Rith jompeak 8$ tlai sang",
        "yeung chompeak hang dek 120$",
        "bong Mony jum peak kafe 6000r",
        "chumpeah Sokha 5$ pi msel",
        "khvah luy 2$ pel bet bunchi",
        "bomnol hang sach 40$",
    ],
)
def test_a_debt_owed_either_way_or_money_short_spends_nothing(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "Vuthy sorng luy 10$ vinh",
        "hang sang vinh 4$ pi tek kork kouch",
        "Dara song luy 20$ hoy",
    ],
)
def test_money_paid_back_to_the_team_is_money_in(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "luy knong prob nov 63$",
        "sal 20$ nov knong kabob",
        "luy knong kabob 15$ + 20000r",
        "roap prob lngeach nis 142$",
        "check luy prob ban 97$ + 12000r",
    ],
)
def test_what_the_box_or_the_purse_holds_is_no_spending(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


def test_money_taken_out_of_the_box_for_a_purchase_is_spending():
    assert parser.parse("luy knong prob yok tinh tek 3$").status is ParseStatus.EXPENSE


def test_paying_back_a_member_who_paid_first_for_something_is_spending():
    result = parser.parse("sang luy oy bong Thida 4$ del kat chenh tinh sabu")
    assert result.status is ParseStatus.EXPENSE, result
    assert result.entries[0].money.amount == Decimal(4)


@pytest.mark.parametrize(
    "text",
    [
        "vikayabat tek 31,000 riel mok hoy",
        "tlai pleung 60$ trov bong chong khae",
        "min ton pter tlai phteah 200$ te",
        "ot ban bong tlai sala 45$",
        "cham luy pi boss tlai internet 30$",
        "kom plech tlai sam 15$",
    ],
)
def test_a_bill_or_an_invoice_still_to_pay_is_not_spending(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("vikayabat tek 31,000 riel ban bong hoy", "tek"),
        ("cham bong, tinh kafe 4$ hoy", "kafe"),  # "wait, bong": the elder addressed
    ],
)
def test_a_bill_said_to_be_paid_and_the_elder_addressed_are_spending(text, word):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    assert word in result.entries[0].purpose


@pytest.mark.parametrize(
    "text",
    [
        "atit kroy tinh sabu 2 kes 16$",
        "khae moh bong tlai sala 60$",
        "nung bong tlai tek 9$ chong khae",
        "kom tinh tek kork 5000r te",
        "bong chuoy tinh kradas 3$ pel mok",
        "tinh nom pang 4 dom 8000r phong",
        "jong tinh tu thmey 80$",
        "sa'aek tov tinh bonlae 10$",
        "trov tinh kaboung hvkas 2 kes 12$",
    ],
)
def test_a_plan_a_request_or_an_order_spends_nothing_yet(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("bong juoy bong tlai internet 20$ phong", True),
        ("jouy tinh tek kork 2 dom 5000r hoy", False),  # done: a report
        ("tinh pong mon 10 5000r", False),  # an egg (ពង), not please (ផង)
    ],
)
def test_help_to_buy_is_asked_unless_it_is_told_as_done(text, asks):
    assert asks_for_help_to_pay(text) is asks


@pytest.mark.parametrize(
    ("text", "talk"),
    [
        ("hang nis thok jieng 1$", True),
        ("sach chrouk eylov 4$ mouy kilo", True),
        ("tinh sach chrouk 2 kilo 8$", False),  # bought
        ("sach chrouk 2 kilo 8$", False),  # a note of what was paid
    ],
)
def test_a_romanised_price_is_cheaper_said_alone_or_a_price_by_the_unit_now(text, talk):
    assert talks_of_a_price(text) is talk


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("ban chay 50000 riel", Decimal(50000), Currency.KHR),
        ("chay 9$ hoy bong", Decimal(9), Currency.USD),
        ("chenh luy 11$", Decimal(11), Currency.USD),
        ("out 25$", Decimal(25), Currency.USD),
        ("baan os 14$ ruoch", Decimal(14), Currency.USD),
        ("ban oy 6$", Decimal(6), Currency.USD),
        ("msel minh chay 15000r", Decimal(15000), Currency.KHR),
        ("out 9$ tngai nis", Decimal(9), Currency.USD),
    ],
)
def test_an_amount_told_only_with_its_spending_asks_what_it_was_for(text, amount, currency):
    result = parser.parse(text)
    assert result.status is ParseStatus.PURPOSE_MISSING, result
    [entry] = result.entries
    assert (entry.money.amount, entry.money.currency) == (amount, currency)


def test_got_or_did_before_a_purchase_leaves_what_was_bought_as_its_purpose():
    result = parser.parse("ban tinh dey sor 3000r")
    assert result.status is ParseStatus.EXPENSE
    assert result.entries[0].purpose == "dey sor"


@pytest.mark.parametrize(
    "text",
    [
        "boss ao luy 150$ sambrab khae nis",
        "taokae pter luy 200$ mok",
        "dak luy 30$ knong prob vinh",
        "dor luy 50$ ban 205,000 riel",
        "tinh nom 1.5$ samrab khluon eng",
        "min men luy prob te, kafe 2$",
        "ot mean luy bong tlai tek 9$ te",
        "dork luy 100$ pi aba",
        "bong oy luy khnhom 5$ tinh tek sart",
    ],
)
def test_the_box_topped_up_money_changed_and_money_not_the_teams_are_no_spending(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "chnuol chiang 12$ muy tngai",
        "tinh ban te kom oy leus 25$",
        "yolprom tinh kong 45$",
        "atra tngai nis 4,105 riel",
        "deum khae pter tlai internet 30$",
        "bong tinh ambao 8$ hz reu nov?",
    ],
)
def test_a_pay_rate_leave_to_spend_a_payment_planned_and_a_question_are_talk(text):
    assert parser.parse(text).status is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("chhnuol chiang 3 nak 36$", Decimal(36)),  # wages paid, not a rate
        ("boss tinh nom oy kamkor 6$", Decimal(6)),  # the boss bought, for the workers
        ("dak sang lan 15$", Decimal(15)),  # fuel put in the car
        ("dork luy pi prob tinh sang 8$", Decimal(8)),  # cash taken out to buy fuel
    ],
)
def test_wages_paid_and_what_the_boss_bought_are_spending(text, amount):
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE, result
    assert result.entries[0].money.amount == amount
