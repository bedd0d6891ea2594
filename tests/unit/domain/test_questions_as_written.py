"""Tests for the question reader on questions as members write them, fresh: typed short, days said
together, shares of a part, judgments and things said before, in English and Khmer."""

from datetime import date

import pytest

from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import Measure, read_question
from tests.unit.domain.test_questions import CATEGORIES, MEMBERS, NOVEMBER, TODAY, read

YESTERDAY = Span(date(2026, 11, 17), date(2026, 11, 17))
LAST_WEEK = Span(date(2026, 11, 9), date(2026, 11, 15))


@pytest.mark.parametrize(
    ("text", "measure", "span"),
    [
        ("hw much ystrdy?", Measure.TOTAL, YESTERDAY),  # the days' words typed without their vowels
        ("ttl spnt ths mnth", Measure.TOTAL, NOVEMBER),
        ("hw mch lst wk", Measure.TOTAL, LAST_WEEK),
    ],
)
def test_a_framing_word_typed_without_its_vowels_is_that_word(text, measure, span):
    question = read(text)
    assert (question.measure, question.span, question.words) == (measure, span, ())


def test_rides_or_trips_counted_in_the_plural_are_no_purchase_but_other_plurals_are():
    assert read("how many tuk tuk rides for guests").words == ("tuk tuk guest",)
    assert read("how much on tuk tuk trips").words == ("tuk tuk",)
    assert read("how much on spare parts").words == ("spare part",)  # a part is a thing bought
    assert read("how much on boxes").words == ("box",)  # though "the box" is the cash's


def test_a_bill_or_a_payment_of_a_thing_is_that_thing_but_a_bill_items_name_stays():
    assert read("avg laundry bill?").words == ("laundry",)
    assert read("how much was the laundry payment").words == ("laundry",)
    assert read("how much was the water bill").words == ("water bill",)
    assert read("electricity bill this month").words == ("electricity bill",)


def test_an_amount_asked_in_a_unit_of_money_is_a_total_not_a_count():
    assert read("បោកខោអាវ ខែនេះអស់ប៉ុន្មានម៉ឺន").words == ("បោកខោអាវ",)  # how many ten thousands
    assert read("ទឹកកក ប៉ុន្មានពាន់").words == ("ទឹកកក",)
    question = read("how many dollars did we spend on ice")
    assert (question.measure, question.words) == (Measure.TOTAL, ("ice",))


@pytest.mark.parametrize(
    "text",
    [
        "how much was it for the room",  # it: something said before, which the bot never saw
        "how much was that",
        "how much did that thing cost",
        "ចាយលើរបស់ហ្នឹងអស់ប៉ុន្មាន?",  # that thing
        "អាហ្នឹងថ្លៃប៉ុន្មាន",
    ],
)
def test_a_question_about_something_said_before_is_no_question_the_reader_answers(text):
    assert read(text) is None


def test_it_with_days_named_is_the_spending_of_those_days():
    assert read("how much was it yesterday").span == YESTERDAY
    assert read("what is this month's total").span == NOVEMBER


WEEKEND = Span(date(2026, 11, 14), date(2026, 11, 15))


@pytest.mark.parametrize(
    "text",
    [
        "how much last weekend",
        "spent on the weekend",
        "ចុងសប្តាហ៍មុន ចាយប៉ុន្មាន",
        "what did we buy over the week-end",
    ],
)
def test_the_weekend_is_its_saturday_and_sunday_the_last_one_on_a_weekday(text):
    question = read(text)
    assert (question.span, question.words) == (WEEKEND, ())


def test_on_a_saturday_this_weekend_is_the_days_so_far():
    saturday = date(2026, 11, 21)
    question = read_question("how much this weekend", saturday, MEMBERS, CATEGORIES)
    assert question.span == Span(saturday, saturday)


@pytest.mark.parametrize(
    "text",
    ["ពីដើមខែមក ចាយប៉ុន្មាន", "how much since the start of the month", "total from the beginning of this month"],
)
def test_since_the_start_of_the_month_is_this_month(text):
    question = read(text)
    assert (question.measure, question.span, question.words) == (Measure.TOTAL, NOVEMBER, ())


@pytest.mark.parametrize(
    ("text", "measure", "words"),
    [
        ("ចាយច្រើនបំផុតលើអី", Measure.LARGEST, ()),  # the most, said with បំផុត as with ជាងគេ
        ("ទឹកកក ថ្លៃខ្ពស់បំផុតប៉ុន្មាន", Measure.LARGEST, ("ទឹកកក",)),
        ("laundry as a % of total", Measure.SHARE, ("laundry",)),
    ],
)
def test_the_most_and_a_share_are_read_in_the_words_members_use(text, measure, words):
    question = read(text)
    assert (question.measure, question.words) == (measure, words)


def test_a_trip_or_ride_after_a_word_no_thing_is_named_by_is_part_of_what_was_asked():
    assert read("how much for the field trip").words == ("field trip",)  # not every row saying field
    assert read("how many tuk tuk rides for guests").words == ("tuk tuk guest",)  # the rides are rows
    assert read("tuk tuk per trip on average").words == ("tuk tuk",)


@pytest.mark.parametrize(
    "text",
    [
        "are we spending too much",
        "did we overspend this month",
        "is that normal for ice",
        "ខែនេះចាយច្រើនទេ",  # is it a lot: a judgment, not the total
        "ចាយលើសទេខែនេះ",
        "ខែនេះចាយច្រើនពេកអត់?",
    ],
)
def test_a_judgment_of_the_spending_is_no_question_the_reader_answers(text):
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ពីថ្ងៃច័ន្ទ ដល់ថ្ងៃពុធ ចាយប៉ុន្មាន", Span(date(2026, 11, 16), TODAY)),  # a range, not its Monday
        ("តាំងពីថ្ងៃច័ន្ទ ចាយប៉ុន្មាន", Span(date(2026, 11, 16), TODAY)),  # since Monday
        ("ពីថ្ងៃច័ន្ទមក ចាយប៉ុន្មាន", Span(date(2026, 11, 16), TODAY)),  # from Monday hither: since Monday
        ("ពីថ្ងៃទី១០មក ចាយប៉ុន្មាន", Span(date(2026, 11, 10), TODAY)),
        ("ថ្ងៃទី៨ ខែវិច្ឆិកា ចាយប៉ុន្មាន", Span(date(2026, 11, 8), date(2026, 11, 8))),  # a day and its month
        ("ថ្ងៃទី ៣ ខែ តុលា ចាយប៉ុន្មាន", Span(date(2026, 10, 3), date(2026, 10, 3))),
    ],
)
def test_khmer_days_with_their_month_since_a_weekday_and_between_two_weekdays_are_read(text, span):
    question = read(text)
    assert (question.span, question.words) == (span, ())


@pytest.mark.parametrize("text", ["how much this morning", "ព្រឹកនេះ ចាយប៉ុន្មាន", "what did we spend last night"])
def test_a_time_of_day_is_no_question_the_reader_answers_as_rows_have_no_hour(text):
    assert read(text) is None


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("how much on monday and tuesday", Span(date(2026, 11, 16), date(2026, 11, 17))),  # both, not Monday
        ("ថ្ងៃច័ន្ទ និង ថ្ងៃអង្គារ ចាយប៉ុន្មាន", Span(date(2026, 11, 16), date(2026, 11, 17))),
        ("nov 8 and nov 9 how much", Span(date(2026, 11, 8), date(2026, 11, 9))),
        ("how much on 8 and 9 nov", Span(date(2026, 11, 8), date(2026, 11, 9))),  # the month said once
        ("how much 3-5 nov", Span(date(2026, 11, 3), date(2026, 11, 5))),
        ("monday to wednesday how much", Span(date(2026, 11, 16), TODAY)),  # today a Wednesday
    ],
)
def test_two_days_named_together_are_both_read_not_the_first_alone(text, span):
    assert read(text).span == span


@pytest.mark.parametrize("text", ["how much on nov 8 and nov 10", "how much on monday and wednesday"])
def test_two_days_apart_are_no_span_the_reader_guesses(text):
    assert read(text) is None  # the days between were not asked about


@pytest.mark.parametrize(
    "text", ["how much did I and Dara spend", "what did sokha and i buy", "ខ្ញុំ និង សុខា ចាយប៉ុន្មាន"]
)
def test_a_member_and_oneself_together_are_no_question_one_members_figure_answers(text):
    assert read(text) is None


def test_a_khmer_judgment_is_a_whole_word_never_letters_of_others():
    assert read("ខែនេះចំណាយលើសាំងប៉ុន្មាន?").words == ("សាំង",)  # on fuel: no លើស (over) in it


@pytest.mark.parametrize(
    "text",
    [
        "what percent of tuk tuk costs were airport rides",  # of the tuk tuks, not of all the spending
        "what % of food was eggs",
        "ពងមាន់ ប៉ុន្មានភាគរយនៃចំណាយលើម្ហូប",
    ],
)
def test_a_share_of_a_part_of_the_spending_is_no_question_the_reader_answers(text):
    assert read(text) is None


@pytest.mark.parametrize(
    "text",
    [
        "what % of our spending this month went on fuel",
        "what % of Dara's spending was taxi",
        "ទឹកកក ប៉ុន្មានភាគរយនៃការចាយខែនេះ",
    ],
)
def test_a_share_of_all_the_spending_or_a_members_is_still_read(text):
    assert read(text).measure is Measure.SHARE


@pytest.mark.parametrize(
    ("text", "measure"),
    [
        ("how much did Dara's purchases come to last week?", Measure.TOTAL),  # what they came to: a total
        ("how many times did Dara record something last week?", Measure.COUNT),
        ("how many expenses has Dara logged last week", Measure.COUNT),
    ],
)
def test_what_a_members_spending_came_to_or_what_they_recorded_names_no_purchase(text, measure):
    question = read(text)
    assert (question.measure, question.member, question.span, question.words) == (
        measure,
        "Dara",
        LAST_WEEK,
        (),
    )


def test_a_category_named_whole_after_words_is_that_category_of_the_rows_saying_those_words():
    question = read("how much on staff food and drinks this month?")
    assert (question.category, question.words) == ("Food & drinks", ("staff",))
    assert read("how much on food and drinks this month?").words == ()


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("ប្រេងឆា ខែមុននិងខែនេះ សរុបអស់ប៉ុន្មាន", Span(date(2026, 10, 1), date(2026, 11, 30))),
        ("ice last month and this month", Span(date(2026, 10, 1), date(2026, 11, 30))),
        ("how much last week and this week", Span(date(2026, 11, 9), read("how much this week").span.last)),
    ],
)
def test_two_spans_named_together_that_run_on_from_each_other_are_both_read(text, span):
    assert read(text).span == span


@pytest.mark.parametrize("text", ["how much in september and november", "ice last week or this week"])
def test_two_spans_with_days_between_or_either_of_two_are_no_span_the_reader_guesses(text):
    assert read(text) is None


def test_a_run_or_the_shopping_of_a_thing_is_its_purchase_in_the_singular_or_plural():
    cheapest = read("cheapest veg run this month")
    assert (cheapest.measure, cheapest.words) == (Measure.SMALLEST, ("veg",))
    assert read("how many ice runs last week").words == ("ice",)


def test_the_place_the_team_works_in_said_as_what_a_thing_was_for_tells_no_row_apart():
    assert read("how many gas tanks for the kitchen this month").words == ("gas tank",)
    assert read("paper for the office this month").words == ("paper",)
    assert read("how much for the office this month").words == ("office",)  # the place alone stays


@pytest.mark.parametrize(
    ("text", "measure", "words"),
    [
        ("how much do we spend on ice each time", Measure.AVERAGE_EACH, ("ice",)),  # one purchase's cost
        ("ទិញទឹកកកម្តងៗអស់ប៉ុន្មាន", Measure.AVERAGE_EACH, ("ទឹកកក",)),
        ("which ice purchase cost the least", Measure.SMALLEST, ("ice",)),
        ("what portion of spending was ice", Measure.SHARE, ("ice",)),
        ("ចាយលុយម្នាក់ប៉ុន្មាន", Measure.BY_MEMBER, ()),  # how much a person
        ("count of ice buys", Measure.COUNT, ("ice",)),
        ("how much did we blow on ice", Measure.TOTAL, ("ice",)),
    ],
)
def test_a_measure_said_in_everyday_words_is_that_measure(text, measure, words):
    question = read(text)
    assert (question.measure, question.words) == (measure, words)


@pytest.mark.parametrize(
    ("text", "first"),
    [
        ("how much did we spend on gas since october", date(2026, 10, 1)),
        ("since oct what did the moto cost us", date(2026, 10, 1)),
        ("after september how much on ice", date(2026, 10, 1)),
        ("ចាប់ពីខែតុលាមក ចាយលើសាំងអស់ប៉ុន្មាន", date(2026, 10, 1)),
        ("តាំងពីខែ១០ ទឹកកកអស់ប៉ុន្មាន", date(2026, 10, 1)),
        ("how much on paper since december", date(2025, 12, 1)),
    ],
)
def test_since_a_month_is_from_its_first_day_up_to_today_not_that_month_alone(text, first):
    assert read(text).span == Span(first, TODAY)
