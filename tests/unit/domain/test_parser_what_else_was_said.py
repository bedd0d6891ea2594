"""The parser reads what else a message says beside its money: a period's total, money moved between the
team's own places, change handed back, where the receipt is or where a thing was bought, an amount shown
only on a photo, riel written short beside a count; each saved right, asked about or left alone."""

from decimal import Decimal

import pytest

from balance_bot.domain.expenses import ParseResult, ParseStatus
from balance_bot.domain.money import Currency
from tests.unit.domain.test_parser_when_unsure import assert_asked_how_much, parser, status_of


def saved(text: str) -> ParseResult:
    result = parser.parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert len(result.entries) == 1
    return result


@pytest.mark.parametrize(
    "text",
    [
        "Sept total: 980$ see the sheet",
        "this week's expenses = 212.50$",
        "monthly total 1,410$",
        "ខែ៩ សរុប ៨៩០$",
        "ខែកញ្ញា ចំណាយសរុប ៩៨០$",
    ],
)
def test_a_periods_total_told_period_first_is_a_summary_not_new_spending(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    ("text", "amount"),
    [("September rent 250$", Decimal(250)), ("June electricity 61.20$", Decimal("61.20"))],
)
def test_a_months_bill_with_no_word_of_a_total_is_still_spending(text, amount):
    assert saved(text).entries[0].money.amount == amount


@pytest.mark.parametrize(
    "text",
    [
        "transferred 250$ from the petty cash to our ACLEDA account",
        "moved 80$ from the safe into the cash box",
        "put 400$ in the bank this morning",
        "ផ្ទេរលុយ ២០០$ ពីប្រអប់ទៅគណនីធនាគារ",
        "ដាក់លុយ ៣០០$ ចូលធនាគារហើយ",
    ],
)
def test_the_teams_money_moved_between_its_own_places_spends_nothing(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    ["ABA transfer 35$ to the plumber for the pipes", "bank fee 1$ for moving cash from ABA to the box"],
)
def test_money_sent_to_someone_else_or_a_banks_fee_is_still_spending(text):
    assert status_of(text) is ParseStatus.EXPENSE


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [
        ("gave 20000 for ice, got 4000 change", Decimal(16000), Currency.KHR),
        ("noodles 10$ change 1.50$", Decimal("8.50"), Currency.USD),
        ("paid 50$ for the gas tank, he gave me 6$ change", Decimal(44), Currency.USD),
        ("ទិញបាយ ២ម៉ឺន អាប់មកវិញ ៣ពាន់", Decimal(17000), Currency.KHR),
    ],
)
def test_change_handed_back_is_taken_off_what_was_paid_for_a_check(text, amount, currency):
    result = saved(text)
    assert (result.entries[0].money.amount, result.entries[0].money.currency) == (amount, currency)
    assert not result.certain


@pytest.mark.parametrize(
    "text",
    ["paid 20$ for fuel, got 10000 riel change", "soap 5$ change 8$", "tea 2$ and cake 3$, got 5$ change"],
)
def test_change_that_does_not_plainly_subtract_is_asked_about(text):
    assert_asked_how_much(text)


def test_a_thing_changed_is_no_change_handed_back():
    assert saved("oil change 9$").entries[0].money.amount == Decimal(9)
    listed = parser.parse("wheel 30$, tyre change 4$")
    assert [entry.money.amount for entry in listed.entries] == [Decimal(30), Decimal(4)]


def test_change_told_alone_is_not_spending():
    assert status_of("got 2000 change") is ParseStatus.IGNORE


def test_an_amount_paid_with_only_where_the_receipt_is_asks_what_for():
    result = parser.parse("paid 18.75 - receipt on the fridge")
    assert result.status is ParseStatus.PURPOSE_MISSING
    assert result.entries[0].money.amount == Decimal("18.75")


@pytest.mark.parametrize(
    ("text", "purpose"),
    [
        ("printer paper 9500, receipt in the folder", "printer paper"),
        ("ទិញស្ករ ៦០០០ វិក្កយបត្រដាក់ក្នុងថត", "ទិញស្ករ"),
        ("receipt book 4000", "receipt book"),
    ],
)
def test_where_the_receipt_is_names_nothing_bought(text, purpose):
    assert saved(text).entries[0].purpose == purpose


@pytest.mark.parametrize(
    ("text", "thing"),
    [
        ("fixed puncture 6000 at the gas station", "puncture"),
        ("bay cha 8000 nov psar thmey", "bay cha"),
        ("ដូរសំបកកង់ ១២០០០ នៅហាងជួសជុល", "សំបកកង់"),
    ],
)
def test_where_a_thing_was_bought_after_its_amount_is_part_of_its_purpose(text, thing):
    result = saved(text)
    assert thing in result.entries[0].purpose
    assert not result.certain


@pytest.mark.parametrize("text", ["room 6 at the guesthouse", "table 4 near the window"])
def test_a_small_number_before_a_place_labels_and_is_no_amount(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize(
    "text",
    [
        "paid the welder, the price is in the receipt",
        "bought the bathroom tiles, see pic",
        "បង់ថ្លៃជាងភ្លើងហើយ មើលក្នុងរូប",
        "ចាក់សាំងឡានរួចហើយ",
        "filled up the generator",
        "tinh pong mon 3 kes tley douch mun",
        "bought 4 sacks of charcoal, same price as before",
    ],
)
def test_spending_told_with_its_amount_elsewhere_or_not_at_all_asks_how_much(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize(
    "text",
    ["ទិញរួចហើយ", "បង់ហើយបង", "see photo of the leak in the roof", "will fill the tank tomorrow", "ok, fixed"],
)
def test_done_alone_or_a_photo_of_no_purchase_is_chatter(text):
    assert status_of(text) is ParseStatus.IGNORE


@pytest.mark.parametrize("text", ["ទិញទឹកកក ៣ការុង ១៥", "bought ice 3 sacks 12", "ទឹកកក ២៥"])
def test_riel_written_short_beside_a_count_of_ice_is_asked_about(text):
    assert_asked_how_much(text)


@pytest.mark.parametrize(
    ("text", "amount", "currency"),
    [("ice 3 sacks 12000", Decimal(12000), Currency.KHR), ("ice machine 45", Decimal(45), Currency.USD)],
)
def test_ice_in_riel_in_full_or_a_dear_thing_of_ice_is_saved(text, amount, currency):
    money = saved(text).entries[0].money
    assert (money.amount, money.currency) == (amount, currency)
