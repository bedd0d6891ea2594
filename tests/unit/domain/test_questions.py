"""Tests for the question reader: measures, days, members and words, in English and Khmer."""

from datetime import date

import pytest

from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import (
    LedgerQuestion,
    Measure,
    TopUpRequest,
    UndoRequest,
    read_question,
)

TODAY = date(2026, 11, 18)  # a Wednesday
NOVEMBER = Span(date(2026, 11, 1), date(2026, 11, 30))
MEMBERS = ["Dara", "Sokha", "Vanna Kim"]
CATEGORIES = [("Fuel", "ប្រេងឥន្ធនៈ"), ("Food & drinks", "អាហារ និងភេសជ្ជៈ"), ("Transport", "ការធ្វើដំណើរ")]


def read(text):
    return read_question(text, TODAY, MEMBERS, CATEGORIES)


@pytest.mark.parametrize(
    ("text", "measure", "span"),
    [
        ("how much did we spend this month?", Measure.TOTAL, NOVEMBER),
        ("total spent today", Measure.TOTAL, Span(TODAY, TODAY)),
        ("how much yesterday", Measure.TOTAL, Span(date(2026, 11, 17), date(2026, 11, 17))),
        ("how much this week", Measure.TOTAL, Span(date(2026, 11, 16), TODAY)),
        ("spending last week", Measure.TOTAL, Span(date(2026, 11, 9), date(2026, 11, 15))),
        ("how much last month", Measure.TOTAL, Span(date(2026, 10, 1), date(2026, 10, 31))),
        ("how much did we spend in September", Measure.TOTAL, Span(date(2026, 9, 1), date(2026, 9, 30))),
        ("what did we buy on Nov 3", Measure.LIST, Span(date(2026, 11, 3), date(2026, 11, 3))),
        ("total from Nov 2 to Nov 10", Measure.TOTAL, Span(date(2026, 11, 2), date(2026, 11, 10))),
        ("how many expenses in the last 7 days", Measure.COUNT, Span(date(2026, 11, 12), TODAY)),
        ("how much since the 3rd", Measure.TOTAL, Span(date(2026, 11, 3), TODAY)),
        ("how much in 2026-10", Measure.TOTAL, Span(date(2026, 10, 1), date(2026, 10, 31))),
        ("ខែតុលាចំណាយប៉ុន្មាន", Measure.TOTAL, Span(date(2026, 10, 1), date(2026, 10, 31))),
        ("my expenses this month", Measure.LIST, NOVEMBER),
        ("biggest expenses this month", Measure.LARGEST, NOVEMBER),
        ("how much is left", Measure.BALANCE, NOVEMBER),
        ("ខែនេះចំណាយអស់ប៉ុន្មាន?", Measure.TOTAL, NOVEMBER),
        ("ថ្ងៃនេះចំណាយប៉ុន្មាន", Measure.TOTAL, Span(TODAY, TODAY)),
        ("ម្សិលមិញចំណាយប៉ុន្មានដង", Measure.COUNT, Span(date(2026, 11, 17), date(2026, 11, 17))),
        ("ខែមុនចំណាយអ្វីខ្លះ", Measure.LIST, Span(date(2026, 10, 1), date(2026, 10, 31))),
        ("នៅសល់លុយប៉ុន្មាន", Measure.BALANCE, NOVEMBER),
    ],
)
def test_the_measure_and_the_days_are_read_in_both_languages(text, measure, span):
    question = read(text)
    assert isinstance(question, LedgerQuestion)
    assert (question.measure, question.span) == (measure, span)


def test_a_member_me_and_the_words_of_the_purpose_are_read():
    dara = read("what did Dara spend last week?")
    assert (dara.member, dara.about_me, dara.measure) == ("Dara", False, Measure.LIST)
    assert read("how much did Vanna Kim spend").member == "Vanna Kim"
    mine = read("how much did I spend on taxi this month")
    assert (mine.member, mine.about_me, mine.words) == (None, True, ("taxi",))
    assert read("ខ្ញុំចំណាយប៉ុន្មាន").about_me
    assert read("how much on ice this month").words == ("ice",)
    assert read("ទឹកកក ខែនេះ ប៉ុន្មាន").words == ("ទឹកកក",)


def test_a_category_named_is_asked_about_as_a_category_not_as_words():
    fuel = read("how much did we spend on fuel this month?")
    assert (fuel.category, fuel.words, fuel.category_said) == ("Fuel", (), "fuel")
    assert read("ចំណាយលើប្រេងឥន្ធនៈខែនេះប៉ុន្មាន").category == "Fuel"
    assert read("total food & drinks").category == "Food & drinks"


def test_changes_are_requests_an_admin_confirms_not_questions():
    assert read("top up 200$ from the office") == TopUpRequest("200$ from the office")
    assert read("undo No 14") == UndoRequest(14)
    assert read("please delete #3") == UndoRequest(3)
    assert read("លុបលេខ 7") == UndoRequest(7)


@pytest.mark.parametrize("text", ["hello", "thanks!", "", "ok 👍", "see you tomorrow"])
def test_chatter_is_no_question(text):
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("what was the last expense?", Measure.LATEST),
        ("when did we last buy water", Measure.LATEST),
        ("ចំណាយចុងក្រោយ", Measure.LATEST),
        ("who spent the most this month?", Measure.BY_MEMBER),
        ("how much did each of us spend", Measure.BY_MEMBER),
        ("spending per person last month", Measure.BY_MEMBER),
        ("អ្នកណាចំណាយច្រើនជាងគេ", Measure.BY_MEMBER),
        ("spending by category this month", Measure.BY_CATEGORY),
        ("which category did we spend most on", Measure.BY_CATEGORY),
        ("breakdown of October", Measure.BY_CATEGORY),
        ("ខែនេះចំណាយតាមប្រភេទ", Measure.BY_CATEGORY),
        ("how much money do we have?", Measure.BALANCE),
        ("how much is in the petty cash", Measure.BALANCE),
        ("មានលុយប៉ុន្មាន", Measure.BALANCE),
        ("how much cash did we spend", Measure.TOTAL),
        ("did we pay the internet bill?", Measure.LIST),
        ("បង់ថ្លៃអ៊ីនធឺណិតហើយឬនៅ", Measure.LIST),
    ],
)
def test_the_last_entry_the_share_of_each_member_or_category_and_the_cash_are_asked_in_many_ways(
    text, measure
):
    question = read(text)
    assert isinstance(question, LedgerQuestion)
    assert question.measure is measure
    assert question.words == () or measure in (Measure.LATEST, Measure.LIST)


def test_a_category_named_with_by_category_words_asks_for_that_category():
    fuel = read("spent in the fuel category")
    assert (fuel.measure, fuel.category) == (Measure.TOTAL, "Fuel")


def test_several_purposes_are_alternatives_and_a_purpose_of_several_words_is_one():
    assert read("how much on coffee and tea").words == ("coffee", "tea")
    assert read("fuel or taxi this month").words == ("fuel", "taxi")
    assert read("សាំង ឬ តាក់ស៊ី ខែនេះ").words == ("សាំង", "តាក់ស៊ី")
    assert read("សាំងនិងតាក់ស៊ីខែនេះអស់ប៉ុន្មាន").words == ("សាំង", "តាក់ស៊ី")
    assert read("water bill and internet last month").words == ("water bill", "internet")
    assert read("ទិញទឹកកកហើយឬអត់").words == ("ទឹកកក",)  # "... or not?" is no alternative
    assert read("total food & drinks").category == "Food & drinks"


def test_a_currency_named_is_no_purpose():
    assert read("how much did we spend in USD this month").words == ()
    assert read("how much riel did we spend").words == ()
    assert read("ចំណាយប៉ុន្មានដុល្លារ").words == ()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("how much this year", Span(date(2026, 1, 1), date(2026, 12, 31))),
        ("ឆ្នាំនេះចំណាយអស់ប៉ុន្មាន", Span(date(2026, 1, 1), date(2026, 12, 31))),
        ("how much last year", Span(date(2025, 1, 1), date(2025, 12, 31))),
        ("total in 2025", Span(date(2025, 1, 1), date(2025, 12, 31))),
        ("how much in 2026", Span(date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_a_year_is_its_twelve_months(text, span):
    question = read(text)
    assert question.span == span
    assert question.span.whole_months()


def test_a_year_ahead_is_no_span():
    assert read("how much in 2030").span == NOVEMBER


def test_show_me_is_no_question_about_me():
    assert not read("show me the 3 biggest expenses").about_me
    assert read("show me my expenses").about_me


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ខែ១០ ចំណាយប៉ុន្មាន", Span(date(2026, 10, 1), date(2026, 10, 31))),
        ("ខែ 12 ចំណាយប៉ុន្មាន", Span(date(2025, 12, 1), date(2025, 12, 31))),  # the latest December
        ("ថ្ងៃទី៥ ចំណាយអ្វីខ្លះ", Span(date(2026, 11, 5), date(2026, 11, 5))),
        ("ថ្ងៃទី 5 ខែ 11 ចំណាយប៉ុន្មាន", Span(date(2026, 11, 5), date(2026, 11, 5))),
        ("ឆ្នាំ ២០២៦ ចំណាយប៉ុន្មាន", Span(date(2026, 1, 1), date(2026, 12, 31))),
    ],
)
def test_khmer_numbers_of_days_months_and_years_in_either_digits(text, span):
    question = read(text)
    assert (question.span, question.words) == (span, ())


def test_the_head_of_a_two_part_category_name_names_it_but_the_second_part_is_a_word_of_items():
    assert read("how much did we spend on food").category == "Food & drinks"
    assert read("ចំណាយលើអាហារខែនេះ").category == "Food & drinks"
    drinks = read("how much on drinks")
    assert (drinks.category, drinks.words) == (None, ("drink",))


def test_a_budget_question_is_about_one_month_and_a_category_or_its_words():
    fuel = read("how much of the fuel budget is left?")
    assert (fuel.measure, fuel.category, fuel.span) == (Measure.BUDGET, "Fuel", NOVEMBER)
    khmer = read("ថវិកាសាំងនៅសល់ប៉ុន្មាន")
    assert (khmer.measure, khmer.words) == (Measure.BUDGET, ("សាំង",))  # the tab's words decide which
    assert read("budgets last month").span == Span(date(2026, 10, 1), date(2026, 10, 31))
    assert read("budget this week").span == NOVEMBER  # budgets are monthly


def test_what_a_member_holds_or_is_owed_is_asked_about_oneself_or_a_member():
    assert (read("how much do I owe").measure, read("how much do I owe").about_me) == (Measure.POSITION, True)
    assert read("how much does Dara hold?").member == "Dara"
    assert read("ខ្ញុំនៅសល់លុយប៉ុន្មាន").measure is Measure.POSITION
    assert read("how much is still advanced").measure is Measure.BALANCE  # nobody named: the cash


def test_an_average_a_day_is_asked_in_either_language():
    assert read("average spend per day this month").measure is Measure.AVERAGE
    assert read("daily spending last week").span == Span(date(2026, 11, 9), date(2026, 11, 15))
    assert read("ខែនេះចំណាយជាមធ្យមប៉ុន្មានក្នុងមួយថ្ងៃ").measure is Measure.AVERAGE
    assert read("how many taxis this month").words == ("taxi",)  # as the sheet's items say it


def test_a_first_name_only_one_member_has_names_that_member():
    members = ["Dara Kim", "Vanna Chea", "Vanna Lim", "សុខា ចាន់"]
    assert read_question("what did Dara spend", TODAY, members).member == "Dara Kim"
    assert read_question("Dara's expenses last week", TODAY, members).member == "Dara Kim"
    assert read_question("សុខាចំណាយប៉ុន្មាន", TODAY, members).member == "សុខា ចាន់"
    assert read_question("what did Vanna spend", TODAY, members).member is None  # two Vannas
    assert read_question("what did Vanna Lim spend", TODAY, members).member == "Vanna Lim"


@pytest.mark.parametrize(
    "text",
    [
        "how many kilos of rice did we buy",
        "ទិញអង្ករប៉ុន្មានគីឡូ",
        "how much did we spend except fuel",
        "did we spend more on fuel than on food",
        "how much will we spend next month",
        "how much per week on average",
        "how many people spent money this week",
        "វណ្ណា ចាយច្រើនជាង ដារា ទេ",
    ],
)
def test_a_figure_the_rows_do_not_hold_is_no_question_the_reader_answers(text):
    assert read(text) is None  # the model, or "I'm not sure": never a confident figure


def test_the_everyday_words_for_the_measures_and_the_days_are_read():
    assert read("how much was the last taxi").measure is Measure.LATEST
    assert read("ចំណាយតិចបំផុតខែនេះ").measure is Measure.SMALLEST
    assert read("biggest spender this month").measure is Measure.BY_MEMBER
    assert read("ជិះ tuk tuk ម្តង ជាមធ្យមប៉ុន្មាន").measure is Measure.AVERAGE_EACH
    assert read("what % of this month's spending was fuel").measure is Measure.SHARE
    before = read("how much did we spend the day before yesterday").span
    assert (before.first, before.last) == (date(2026, 11, 16), date(2026, 11, 16))
    numbered = read("ពីថ្ងៃទី១ ដល់ ថ្ងៃទី១០ ចាយសរុបប៉ុន្មាន").span
    assert (numbered.first, numbered.last) == (date(2026, 11, 1), date(2026, 11, 10))
    assert read("last wk avg spend per day").span.first == date(2026, 11, 9)


def test_a_member_written_in_khmer_is_read_and_the_question_is_theirs():
    assert read("រាយមើលអីដែលវណ្ណាទិញខែនេះ").member == "Vanna Kim"
    assert read("ទិញឥវ៉ាន់ការិយាល័យអស់ប៉ុន្មាន").member is None  # ឥវ៉ាន់ (goods) is no Vanna


@pytest.mark.parametrize(
    ("text", "measure", "words"),
    [
        ("hw many expenses did we put in this month", Measure.COUNT, ()),  # shorthand
        ("wat did we buy this month", Measure.LIST, ()),
        ("whats the averge per day", Measure.AVERAGE, ()),  # a letter left out of a framing word
        ("most expensve thing this month", Measure.LARGEST, ()),
        ("the smalest expense this month", Measure.SMALLEST, ()),
        ("who's spending the most", Measure.BY_MEMBER, ()),  # the question word with its verb on
        ("what did we spend the most on", Measure.LARGEST, ()),
        ("what did we spend the least on", Measure.SMALLEST, ()),
        ("how much each day", Measure.AVERAGE, ()),
        ("what's the typical cost of ice", Measure.AVERAGE_EACH, ("ice",)),
        ("មួយថ្ងៃ ចាយប្រហែលប៉ុន្មាន", Measure.AVERAGE, ()),  # a day, about how much
        ("ថ្ងៃមួយៗ ចាយប៉ុន្មាន", Measure.AVERAGE, ()),
        ("ខែនេះ ប្រើលុយអស់ប៉ុន្មាន", Measure.TOTAL, ()),  # money used: spent
    ],
)
def test_the_framing_words_are_read_as_members_type_them(text, measure, words):
    question = read(text)
    assert (question.measure, question.words) == (measure, words)


def test_a_day_typed_a_letter_off_is_that_day():
    assert read("how much did we spend yesturday").span == Span(date(2026, 11, 17), date(2026, 11, 17))


def test_a_word_of_items_is_never_taken_for_a_framing_word():
    assert read("how much on the phone charger").words == ("phone charger",)
    assert read("how much on the generator this month").words == ("generator",)


@pytest.mark.parametrize("text", ["which day did we spend the most", "ថ្ងៃណាចាយច្រើនជាងគេ"])
def test_which_day_spent_most_is_no_question_the_reader_answers(text):
    assert read(text) is None  # no total of each day: the model, or "not sure"


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("how much in the last 10 days", date(2026, 11, 9)),
        ("how much in the past two weeks", date(2026, 11, 5)),
        ("១០ថ្ងៃចុងក្រោយ ចាយប៉ុន្មាន", date(2026, 11, 9)),  # not the last expense
        ("៧ថ្ងៃកន្លងមក ទិញទឹកកកអស់ប៉ុន្មាន", date(2026, 11, 12)),
        ("២សប្តាហ៍ចុងក្រោយ ចាយប៉ុន្មាន", date(2026, 11, 5)),
    ],
)
def test_the_last_days_or_weeks_are_the_days_up_to_today_in_either_language(text, first):
    question = read(text)
    assert (question.measure, question.span) == (Measure.TOTAL, Span(first, TODAY))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("how much 2 weeks ago", Span(date(2026, 11, 2), date(2026, 11, 8))),
        ("២សប្តាហ៍មុន ចាយប៉ុន្មាន", Span(date(2026, 11, 2), date(2026, 11, 8))),  # not last week
        ("ពីរអាទិត្យមុន ចាយប៉ុន្មាន", Span(date(2026, 11, 2), date(2026, 11, 8))),
        ("២ខែមុន ចាយប៉ុន្មាន", Span(date(2026, 9, 1), date(2026, 9, 30))),  # not last month
        ("how much did we spend 3 months ago", Span(date(2026, 8, 1), date(2026, 8, 31))),
    ],
)
def test_weeks_or_months_ago_are_that_week_or_month_not_the_last_one(text, span):
    assert read(text).span == span


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("ចំនួនចំណាយខែនេះប៉ុន្មាន", Measure.COUNT),  # the number of expenses
        ("ខែនេះ ចំណាយធំៗ មានអីខ្លះ", Measure.LARGEST),
        ("ទិញអីតិចលុយជាងគេ", Measure.SMALLEST),
        ("ជាទូទៅ មួយថ្ងៃចាយប៉ុន្មាន", Measure.AVERAGE),  # in general, a day
        ("anything bought yesterday?", Measure.LIST),
    ],
)
def test_everyday_words_for_the_measures_leave_no_word_behind(text, measure):
    question = read(text)
    assert (question.measure, question.words) == (measure, ())


@pytest.mark.parametrize("text", ["ចំណាយសរុបជាទឹកប្រាក់ប៉ុន្មាន", "ចំនួនទឹកប្រាក់ដែលបានចាយខែនេះ", "ថ្លៃទឹកកក ខែនេះ"])
def test_a_word_for_money_or_cost_is_no_purchase_and_hides_none(text):
    words = read(text).words  # ទឹកប្រាក់ is an amount of money: no water asked about
    assert words in ((), ("ទឹកកក",))


@pytest.mark.parametrize(
    "text",
    [
        "how many expenses over $50 this month",
        "list expenses above 100000 riel",
        "ចំណាយលើស ៥០ដុល្លារ មានប៉ុន្មាន",  # not all the month's spending
        "ចំណាយ ៥០ដុល្លារឡើង មានអីខ្លះ",
    ],
)
def test_spending_over_or_under_an_amount_is_no_question_the_reader_answers(text):
    assert read(text) is None


@pytest.mark.parametrize(
    "text", ["how much does ice cost", "what is the price of ice", "ice price this month", "តម្លៃទឹកកកប៉ុន្មាន"]
)
def test_the_price_of_a_thing_is_what_one_costs_on_average_not_the_total(text):
    question = read(text)
    assert question.measure is Measure.AVERAGE_EACH
    assert question.words in (("ice",), ("ទឹកកក",))
    assert read("what was the highest price we paid").measure is Measure.LARGEST
    assert read("how much did ice cost this month").measure is Measure.TOTAL


def test_a_whole_khmer_category_name_said_in_everyday_words_names_the_category():
    assert read("ម្ហូបនិងភេសជ្ជៈ ប៉ុន្មានភាគរយនៃចំណាយសរុប").category == "Food & drinks"
    alone = read("ខែនេះ ចំណាយលើម្ហូបប៉ុន្មាន")  # ម្ហូប alone may be the meals, not the drinks
    assert (alone.category, alone.words) == (None, ("ម្ហូប",))


def test_a_phone_top_up_asked_about_is_no_question_of_the_top_expense():
    read = read_question("total phone top up this month?", date(2027, 3, 24))
    assert isinstance(read, LedgerQuestion)
    assert read.measure is Measure.TOTAL
    assert read.words == ("phone top up",)


def test_a_members_part_of_a_things_money_is_a_share_of_everyones_spending_on_it():
    today = date(2027, 3, 24)
    for text in ("how much of this month's ice money did Sokun pay?", "ទឹកកកខែនេះ Sokun ចេញប៉ុន្មានភាគរយ?"):
        read = read_question(text, today, ["Sokun", "Dara"])
        assert isinstance(read, LedgerQuestion), text
        assert (read.measure, read.member, read.part_of_its_whole) == (Measure.SHARE, "Sokun", True), text


def test_a_share_of_a_members_own_spending_stays_of_theirs():
    read = read_question("what share of kosal's spending went on repairs", date(2027, 3, 24), ["Kosal"])
    assert isinstance(read, LedgerQuestion)
    assert (read.measure, read.member, read.part_of_its_whole) == (Measure.SHARE, "Kosal", False)


def test_a_day_named_within_the_month_it_is_in_is_that_day():
    read = read_question("ថ្ងៃទី៤ ខែនេះ ចាយអស់ប៉ុន្មាន?", date(2027, 5, 19))
    assert isinstance(read, LedgerQuestion)
    assert (read.span.first, read.span.last) == (date(2027, 5, 4), date(2027, 5, 4))


def test_a_day_named_by_its_weekday_and_its_number_is_one_day_and_no_subject():
    read = read_question("what did we buy on Saturday the 15th?", date(2027, 5, 19))
    assert isinstance(read, LedgerQuestion)
    assert (read.span.first, read.words) == (date(2027, 5, 15), ())
