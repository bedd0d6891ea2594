"""Tests for selecting a question's entries: words in the singular or the plural, alternatives, voids."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.ledger_answers import select
from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import LedgerQuestion, Measure

NOVEMBER = Span(date(2026, 11, 1), date(2026, 11, 30))
ROWS = [
    SheetRow(1, date(2026, 11, 3), "AA batteries", Decimal(4), None, "Dara", "tg:-1:1:0"),
    SheetRow(2, date(2026, 11, 4), "battery for the clock", Decimal(1), None, "Dara", "tg:-1:2:0"),
    SheetRow(3, date(2026, 11, 5), "taxis to the ministry", Decimal(6), None, "Sokha", "tg:-1:3:0"),
    SheetRow(4, date(2026, 11, 6), "[void] taxi", Decimal(9), None, "Sokha", "tg:-1:4:0"),
    SheetRow(5, date(2026, 11, 7), "water bill", None, Decimal(20000), "Sokha", "tg:-1:5:0"),
]


def items(*words):
    found = select(ROWS, LedgerQuestion(Measure.LIST, NOVEMBER, words=words), None, "[void] ")
    return [entry.row.item for entry in found.entries]


def test_a_word_finds_its_rows_in_the_singular_and_the_plural():
    assert items("battery") == ["AA batteries", "battery for the clock"]
    assert items("batteries") == ["AA batteries", "battery for the clock"]  # as a model may say it
    assert items("taxi") == ["taxis to the ministry"]  # the voided row is no spending


def test_alternatives_are_either_and_the_words_of_one_are_all_needed():
    assert items("taxi", "water bill") == ["taxis to the ministry", "water bill"]
    assert items("water clock") == []


def test_a_row_guessed_between_the_category_asked_and_another_is_set_aside_not_counted():
    rows = [*ROWS, SheetRow(6, date(2026, 11, 8), "engine oil truck", Decimal(11), None, "Dara", "tg:-1:6:0")]
    guessed = {"engine oil truck": ("Transport", "Repairs & maintenance")}
    transport = LedgerQuestion(Measure.TOTAL, NOVEMBER, category="Transport")
    found = select(
        rows,
        transport,
        None,
        "[void] ",
        lambda row: "Transport" if "tax" in row.item or "truck" in row.item else "Other",
        lambda row: guessed.get(row.item, ()),
    )
    assert [entry.row.number for entry in found.entries] == [3]
    assert [entry.row.number for entry in found.doubtful] == [6]
    assert found.totals[Currency.USD] == Decimal(6)


def test_a_row_naming_a_thing_whose_name_ends_in_the_word_asked_is_set_aside_not_counted():
    rows = [*ROWS, SheetRow(6, date(2026, 11, 8), "engine oil truck", Decimal(11), None, "Dara", "tg:-1:6:0")]
    found = select(rows, LedgerQuestion(Measure.TOTAL, NOVEMBER, words=("oil",)), None, "[void] ")
    assert (found.entries, [entry.row.number for entry in found.doubtful]) == ((), [6])


def test_a_row_of_another_category_saying_the_word_that_named_the_category_asked_is_set_aside():
    rows = [*ROWS, SheetRow(6, date(2026, 11, 8), "lunch for guests", Decimal(27), None, "Dara", "tg:-1:6:0")]
    guests = LedgerQuestion(Measure.TOTAL, NOVEMBER, category="Guests & events", category_said="guest")
    found = select(
        rows, guests, None, "[void] ", lambda row: "Food & drinks" if "lunch" in row.item else "Other"
    )
    assert (found.entries, [entry.row.number for entry in found.doubtful]) == ((), [6])


MARCH = Span(date(2027, 3, 1), date(2027, 3, 31))
SCHOOL = [
    SheetRow(1, date(2027, 3, 2), "tuk tuk to bank", None, Decimal(8000), "Piseth", "tg:-1:1:0"),
    SheetRow(2, date(2027, 3, 5), "tuk tuk for piano delivery", Decimal(15), None, "Piseth", "tg:-1:2:0"),
    SheetRow(3, date(2027, 3, 12), "snacks for parents meeting", Decimal(18), None, "Piseth", "tg:-1:3:0"),
    SheetRow(4, date(2027, 3, 21), "snacks for concert guests", Decimal(30), None, "Chantha", "tg:-1:4:0"),
]


def test_a_row_of_a_delivery_is_set_aside_not_counted_when_rides_are_asked_about():
    rides = select(
        SCHOOL, LedgerQuestion(Measure.COUNT, MARCH, words=("tuk tuk",), rides=True), None, "[void] "
    )
    assert [entry.row.number for entry in rides.entries] == [1]
    assert [entry.row.number for entry in rides.doubtful] == [2]
    paid = select(SCHOOL, LedgerQuestion(Measure.COUNT, MARCH, words=("tuk tuk",)), None, "[void] ")
    assert [entry.row.number for entry in paid.entries] == [1, 2]  # every tuk tuk paid for


def test_a_row_saying_the_thing_asked_for_someone_but_not_for_whom_is_set_aside_not_left_out():
    question = LedgerQuestion(Measure.TOTAL, MARCH, words=("snack guest",), heads=("snack",))
    found = select(SCHOOL, question, None, "[void] ")
    assert [entry.row.number for entry in found.entries] == [4]
    assert [entry.row.number for entry in found.doubtful] == [3]  # parents may be the guests


def test_a_category_named_by_a_thing_most_of_its_rows_say_sets_aside_its_rows_naming_another_thing():
    rows = [
        SheetRow(1, date(2026, 11, 3), "Gasoline moto", None, Decimal(25000), "Vannak", "tg:-1:1:0"),
        SheetRow(2, date(2026, 11, 4), "សាំងម៉ូតូ", None, Decimal(20000), "Vannak", "tg:-1:2:0"),
        SheetRow(3, date(2026, 11, 5), "Cooking gas refill", Decimal(12), None, "Sreyneang", "tg:-1:3:0"),
    ]
    fuel = LedgerQuestion(Measure.LARGEST, NOVEMBER, category="Fuel", category_said="fuel")
    found = select(rows, fuel, None, "[void] ", lambda row: "Fuel")
    assert [entry.row.number for entry in found.entries] == [1, 2]
    assert [entry.row.number for entry in found.doubtful] == [3]  # the fuel, or the Fuel category?


def test_a_category_named_by_a_word_few_of_its_rows_say_is_the_kind_of_spending_all_its_rows_are():
    rows = [
        SheetRow(1, date(2026, 11, 3), "aircon repair", Decimal(30), None, "Dara", "tg:-1:1:0"),
        SheetRow(2, date(2026, 11, 4), "plumber toilet room 5", Decimal(15), None, "Dara", "tg:-1:2:0"),
        SheetRow(3, date(2026, 11, 5), "new lock front door", Decimal(8), None, "Dara", "tg:-1:3:0"),
    ]
    repairs = LedgerQuestion(Measure.TOTAL, NOVEMBER, category="Repairs", category_said="repairs")
    found = select(rows, repairs, None, "[void] ", lambda row: "Repairs")
    assert [entry.row.number for entry in found.entries] == [1, 2, 3]


def test_a_question_of_one_currencys_entries_selects_only_those_and_its_largest_is_theirs():
    asked = LedgerQuestion(Measure.LARGEST, NOVEMBER, currency=Currency.KHR)
    found = select(ROWS, asked, None, "[void] ")
    assert [entry.row.item for entry in found.entries] == ["water bill"]
    assert found.totals[Currency.USD] == 0
    dollars = select(ROWS, LedgerQuestion(Measure.COUNT, NOVEMBER, currency=Currency.USD), None, "[void] ")
    assert dollars.count == 3  # the batteries and the taxi; the voided taxi is no spending
