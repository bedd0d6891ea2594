"""The parser reads more ways members write the same things: a count written as times ("x2"), what a thing
was for ("for the meeting"), where it was bought after its bare price, a product worked out beside other
entries; and it leaves alone or asks about money that came in, a price asked or laughed at, a number to
call, a receipt no one can read and a currency sign with no number."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseStatus
from balance_bot.domain.money import Currency
from tests.unit.domain.test_parser_when_unsure import assert_asked_how_much, parser, status_of


def saved_amounts(text: str) -> list[tuple[Decimal, Currency]]:
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE
    return [(entry.money.amount, entry.money.currency) for entry in result.entries]


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("dish soap x3 10500", Decimal(10500)),
        ("AA batteries x 4 12000", Decimal(12000)),
        ("ស្ករ x2 ៩០០០", Decimal(9000)),
        ("mop heads 2x 14000", Decimal(14000)),
    ],
)
def test_a_count_written_as_times_before_a_bare_price_is_part_of_what_was_bought(text, amount):
    assert saved_amounts(text) == [(amount, Currency.KHR)]


def test_each_line_of_a_list_with_a_count_written_as_times_is_its_own_entry():
    text = "market run\nchili sauce 6000\nnoodles x4 10000\nfish balls 8500"
    assert saved_amounts(text) == [
        (Decimal(6000), Currency.KHR),
        (Decimal(10000), Currency.KHR),
        (Decimal(8500), Currency.KHR),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "snacks for the students 24000",
        "water for meeting 6 bottles 9000",
        "fruit for people at the workshop 30000",
    ],
)
def test_whom_or_what_a_thing_was_for_makes_no_sentence_of_a_note(text):
    assert status_of(text) is ParseStatus.EXPENSE


@pytest.mark.parametrize(
    "text",
    [
        "light bulbs 2 pcs 9000 bought at the hardware shop",
        "ស្ពៃ ២គីឡូ ៦០០០ ទិញពីផ្សារថ្មី",
        "ដែកគោល ១គីឡូ ៧០០០ ទិញនៅហាងលោកតា",
        "nom pang 4000 tinh nov psar",
        "3 kilo pork 54000 from the market",
    ],
)
def test_where_a_thing_was_bought_after_its_bare_price_is_part_of_the_purpose(text):
    [(_, currency)] = saved_amounts(text)
    assert currency is Currency.KHR


@pytest.mark.parametrize(
    ("text", "amounts"),
    [
        ("guests breakfast: 4 sets x $3.50 = $14, coffee $5", [Decimal(14), Decimal(5)]),
        ("tuk tuk 3 trips x 2$ = 6$ and parking 1$", [Decimal(6), Decimal(1)]),
        ("juice 2 x 1.25$ = 2.50$, bread 3 x 0.5$ = 1.50$", [Decimal("2.50"), Decimal("1.50")]),
        ("markers 6 @ 0.75$ = 4.50$", [Decimal("4.50")]),
    ],
)
def test_a_product_worked_out_beside_other_entries_saves_its_total_not_its_unit_price(text, amounts):
    assert saved_amounts(text) == [(amount, Currency.USD) for amount in amounts]


@pytest.mark.parametrize(
    ("text", "spent"),
    [
        ("bought rope 3.25$, got 0.25$ back", (Decimal(3), Currency.USD)),
        ("gave 40000 for the gas refill, got 2000 back", (Decimal(38000), Currency.KHR)),
    ],
)
def test_money_got_back_after_an_amount_paid_is_change_off_the_purchase(text, spent):
    assert saved_amounts(text) == [spent]


@pytest.mark.parametrize(
    "text",
    [
        "finally got my 15$ back 😅",
        "got back the 30$, thanks Vanna",
        "received the 12$ back this morning",
    ],
)
def test_money_a_member_got_back_with_nothing_bought_is_money_in(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "luk trey 6 kilo oy pu Heng ban 90000r",
        "lak pong tea 3 kes oy hang bay ban 45$",
        "lork chek 2 snom ao neak phsar ban 24000r",
    ],
)
def test_romanised_selling_to_a_named_buyer_is_money_in(text):
    assert status_of(text) is ParseStatus.IGNORE


def test_mr_giving_money_is_not_read_as_a_sale():
    assert status_of("lok Vanna oy luy ban 10$") is not ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "Vanna ដាក់ ៥០$ ចូលកាបូប សម្រាប់ថ្ងៃសៅរ៍",
        "ថៅកែដាក់ ២០០០០០៛ ក្នុងប្រអប់",
        "បងស្រីដាក់លុយចូល ៨០$ ហើយ",
        "Rith put 40$ in the till for change",
        "added 60$ to the office wallet",
    ],
)
def test_money_put_into_the_purse_the_box_or_the_till_is_a_top_up_not_spending(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "the van guy asked 25$ to move 3 tables lol, we carried them",
        "she asked us 8$ for one haircut haha no",
        "គេហៅ ៣ម៉ឺន សម្រាប់ជួសកង់ អត់យកទេ",
    ],
)
def test_a_price_someone_asked_is_no_money_paid(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "12$ for a mango smoothie? that place is insane",
        "៥ម៉ឺនសម្រាប់សាប៊ូមួយដប? ប្លន់ហើយ",
        "3.5$ for one bread?? rip off",
    ],
)
def test_a_price_met_with_disbelief_is_talk_not_spending(text):
    assert status_of(text) is ParseStatus.IGNORE


def test_a_purchase_said_with_disbelief_at_its_price_is_still_spending():
    text = "paid 12$ for a mango smoothie, that place is insane"
    assert saved_amounts(text) == [(Decimal(12), Currency.USD)]


@pytest.mark.parametrize(
    "text",
    [
        "call 089 222 333 for gas delivery, 1 tank = 14$",
        "contact +855 12 404 505 for drinking water, 1 bottle 6000r",
        "ទូរស័ព្ទទៅលេខ ០៩៧ ៣៣៣ ៤៤៤ ទឹកកក ១បាវ ២៥០០៛",
    ],
)
def test_a_number_to_call_with_a_price_list_is_no_spending(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "hinges, receipt all faded, 4.5 or 7.5",
        "the numbers are hard to read, tiles 130 or 180$",
        "paint 18 or 16$ receipt smudged, will ask the shop",
        "បង្កាន់ដៃមើលមិនច្បាស់ ១៥០០០ ឬ ១៨០០០",
    ],
)
def test_an_amount_from_a_receipt_no_one_can_read_is_asked_about(text):
    assert_asked_how_much(text)


def test_a_receipt_that_cannot_be_read_beside_a_plain_amount_is_no_doubt_of_it():
    assert saved_amounts("printer toner 35$, receipt smudged") == [(Decimal(35), Currency.USD)]


@pytest.mark.parametrize("text", ["water pump repair $", "ថ្លៃដឹកឥវ៉ាន់ ៛", "paid the welder $"])
def test_a_note_with_a_currency_sign_and_no_number_is_asked_how_much(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize("text", ["$$$ lol", "money money money", "we need $ for the trip"])
def test_a_currency_sign_in_talk_or_a_plan_asks_nothing(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text", ["sponges 2$ from mart", "tarp 9$ from decor shop", "wire 6000r from the junk shop"]
)
def test_a_shop_whose_name_opens_like_a_month_is_no_plan_from_that_month(text):
    assert status_of(text) is ParseStatus.EXPENSE


@pytest.mark.parametrize("text", ["rent goes to 340$ from march", "starting monday the cleaner is 22$"])
def test_a_price_from_a_month_or_a_day_on_is_still_a_plan(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text", ["extension cord, forgot how much", "ស្ករអំពៅ ២គីឡូ ភ្លេចប៉ុន្មាន", "batteries not sure how much"]
)
def test_a_thing_named_with_its_amount_forgotten_is_asked_how_much(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize("text", ["i forgot how much lol", "not sure how much the rent is"])
def test_forgetting_how_much_with_no_thing_named_asks_nothing(text):
    assert status_of(text) is ParseStatus.IGNORE


def test_a_price_imagined_is_no_spending():
    assert status_of("imagine paying 80$ for a fan lol") is ParseStatus.IGNORE
