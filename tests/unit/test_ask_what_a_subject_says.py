"""Questions whose words carry more than their thing: a colour that tells which of it, a unit written
onto a count, a meal that says not whose, an average of one entry, money coming in, and a thing
asked early in a month with no days said. Each is counted only where it is sure, never wrong."""

from datetime import date

import pytest

from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import Measure, read_question
from tests.unit.test_ask_doubts import asked, row


def test_a_colour_written_after_a_khmer_thing_asks_for_that_colour_of_it_in_either_language():
    rows = [
        row(1, "ក្រណាត់ស ២០ម៉ែត្រ", 90000),
        row(2, "ក្រណាត់ខ្មៅ ១០ម៉ែត្រ", 50000),
        row(3, "white cotton fabric 5m", 30000),
        row(4, "white buttons", 5000),
    ]
    # ស is one letter, and still a word: the white fabric, not all of it
    assert asked(rows, "ក្រណាត់សទិញប៉ុន្មាន ខែនេះ") == (["ក្រណាត់ស ២០ម៉ែត្រ", "white cotton fabric 5m"], [])
    counted, _ = asked(rows, "ខែនេះទិញក្រណាត់ខ្មៅប៉ុន្មាន")
    assert counted == ["ក្រណាត់ខ្មៅ ១០ម៉ែត្រ"]


@pytest.mark.parametrize(
    "question",
    ["how much paint did we buy this month, white and green?", "white and green paint this month how much"],
)
def test_colours_said_beside_a_thing_are_which_of_it_never_other_things_of_those_colours(question):
    rows = [
        row(1, "paint white 2 gallons", 90000),
        row(2, "green paint 1 gallon", 50000),
        row(3, "white tiles", 30000),
        row(4, "ថ្នាំលាបពណ៌ក្រហម", 20000),
    ]
    counted, _ = asked(rows, question)
    assert counted == ["paint white 2 gallons", "green paint 1 gallon"]


def test_a_known_word_written_onto_a_count_after_the_thing_is_its_unit_not_a_thing_bought():
    rows = [row(1, "ពងទា ២ទឹក", 30000), row(2, "ទឹកសុទ្ធ ២កេស", 20000)]
    assert asked(rows, "ខែនេះទិញទឹកសុទ្ធប៉ុន្មាន") == (["ទឹកសុទ្ធ ២កេស"], [])


def test_a_meal_that_says_not_whose_is_set_aside_when_the_teams_meal_is_asked():
    rows = [row(1, "lunch staff", 20000), row(2, "បាយថ្ងៃត្រង់ ៤នាក់", 16000), row(3, "ice", 4000)]
    counted, doubtful = asked(rows, "how much on staff meals this month?")
    assert counted == ["lunch staff"]
    assert "បាយថ្ងៃត្រង់ ៤នាក់" in doubtful


TODAY = date(2026, 11, 18)


@pytest.mark.parametrize(
    "text",
    ["average per receipt this week", "what's the average per entry in October?", "ជាមធ្យមក្នុងមួយវិក្កយបត្រ ខែនេះ"],
)
def test_an_average_per_receipt_or_entry_is_what_one_entry_costs_not_a_day(text):
    question = read_question(text, TODAY)
    assert question is not None
    assert question.measure is Measure.AVERAGE_EACH


@pytest.mark.parametrize(
    "text",
    [
        "how much did the customers pay us this week?",
        "ខែនេះអតិថិជនបង់លុយមកប៉ុន្មាន",
        "what was our income last month",
        "ខែមុនចំណូលប៉ុន្មាន",
        "how much did we receive from the parents?",
    ],
)
def test_money_coming_in_is_no_figure_a_sheet_of_spending_holds(text):
    assert read_question(text, TODAY, categories=[("Guests & events", "ភ្ញៀវ")]) is None


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("how many payments have we made this month", Measure.COUNT),
        ("give us the total this week", Measure.TOTAL),
    ],
)
def test_paying_and_giving_said_of_our_own_entries_are_still_asked(text, measure):
    question = read_question(text, TODAY)
    assert question is not None
    assert question.measure is measure


def test_a_thing_asked_early_in_a_month_with_no_days_said_is_asked_since_the_first_of_last_month():
    early = date(2026, 12, 3)
    assert read_question("how many times did we buy gas?", early).span == Span(date(2026, 11, 1), early)
    # all the spending, or days said, stay as said; later in a month, the month
    assert read_question("how much did we spend?", early).span == Span(date(2026, 12, 1), date(2026, 12, 31))
    assert read_question("gas this month?", early).span == Span(date(2026, 12, 1), date(2026, 12, 31))
    assert read_question("how many times did we buy gas?", TODAY).span == Span(
        date(2026, 11, 1), date(2026, 11, 30)
    )


@pytest.mark.parametrize(
    ("text", "member"),
    [
        ("khe mun chay teang os ponman?", None),  # all of last month's
        ("Dara ban chay ponman khe nis", "Dara"),  # what Dara did spend
        ("tae khe nis Sokha chay ponman der?", "Sokha"),
    ],
)
def test_romanised_khmer_words_around_the_question_are_no_thing_asked_about(text, member):
    question = read_question(text, TODAY, ["Dara", "Sokha"])
    assert question is not None
    assert (question.measure, question.words, question.member) == (Measure.TOTAL, (), member)


def test_romanised_pouring_of_fuel_is_the_fuel_asked_about():
    question = read_question("khe nis chak sang moto ponman", TODAY)
    assert question is not None
    assert "chak" not in " ".join(question.words)


@pytest.mark.parametrize(
    "text", ["what we buy today?", "last week what they got", "what Sokha bought yesterday"]
)
def test_what_someone_bought_said_without_did_asks_the_things_bought(text):
    question = read_question(text, TODAY, ["Sokha"])
    assert question is not None
    assert question.measure is Measure.LIST


def test_a_things_name_said_in_another_order_still_names_it_and_no_second_thing():
    rows = [row(1, "phone top up Metfone", 20000), row(2, "phone case", 12000), row(3, "ice", 4000)]
    counted, _ = asked(rows, "how many times did we top up the phone this month?")
    assert counted == ["phone top up Metfone"]
