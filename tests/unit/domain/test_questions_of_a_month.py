"""Tests for the question reader on a music school's questions, written fresh: a week of a month, a
biggest single expense, someone's own money, rides and deliveries, a thing bought for someone, and
a repair of two things, in English and Khmer."""

from datetime import date

import pytest

from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import Measure, read_question
from tests.unit.domain.test_questions import MEMBERS, TODAY, read

FIRST_WEEK = Span(date(2026, 11, 1), date(2026, 11, 7))


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("what did we spend in the first week of November?", FIRST_WEEK),
        ("how many tuk tuk rides in the first week", FIRST_WEEK),  # this month's
        ("total 2nd week this month", Span(date(2026, 11, 8), date(2026, 11, 14))),
        ("how much in the third week of october", Span(date(2026, 10, 15), date(2026, 10, 21))),
        ("spent in the last week of last month", Span(date(2026, 10, 25), date(2026, 10, 31))),
        ("សប្តាហ៍ទី១ ខែវិច្ឆិកា ចាយប៉ុន្មាន", FIRST_WEEK),
        ("អាទិត្យដំបូង ចាយអស់ប៉ុន្មាន", FIRST_WEEK),
        ("សប្តាហ៍ទីពីរ ទិញទឹកកកប៉ុន្មានដង", Span(date(2026, 11, 8), date(2026, 11, 14))),
        ("សប្តាហ៍ចុងក្រោយនៃខែមុន ចំណាយសរុប", Span(date(2026, 10, 25), date(2026, 10, 31))),
    ],
)
def test_a_week_of_a_month_is_its_days_1_to_7_8_to_14_or_its_last_seven(text, span):
    question = read(text)
    assert question.span == span
    assert question.words in ((), ("tuk tuk",), ("ទឹកកក",))


def test_last_week_alone_is_still_the_week_before_this_one():
    assert read("how much last week").span == Span(date(2026, 11, 9), date(2026, 11, 15))


def test_the_biggest_single_expense_is_the_biggest_of_all_not_a_thing_called_single():
    question = read("biggest single expense in the first week?")
    assert (question.measure, question.span, question.words) == (Measure.LARGEST, FIRST_WEEK, ())


@pytest.mark.parametrize(
    "text",
    [
        "លុយផ្ទាល់ខ្លួនរបស់ Dara នៅសល់ប៉ុន្មាន?",  # Dara's personal money
        "how much personal money does Sokha have left",
        "how much of my own money is left",
        "លុយខ្លួនឯង នៅសល់ប៉ុន្មាន",
        "how much savings do we have",
    ],
)
def test_a_members_own_money_is_not_the_cash_box_and_no_question_the_reader_answers(text):
    assert read(text) is None


def test_what_a_member_named_has_left_is_what_they_hold_not_the_cash_box():
    question = read("how much does Dara have left?")
    assert (question.measure, question.member) == (Measure.POSITION, "Dara")
    assert read("Dara នៅសល់លុយប៉ុន្មាន").measure is Measure.POSITION
    assert read("how much is left").measure is Measure.BALANCE


def test_rides_or_trips_asked_about_are_marked_so_a_delivery_is_not_counted_as_one():
    assert read("on average how much is one tuk tuk ride this month?").rides
    assert read("ជិះតុកតុក ខែនេះប៉ុន្មានដង").rides
    assert not read("how much did tuk tuks cost us last week?").rides  # every tuk tuk paid for


def test_a_thing_asked_for_someone_keeps_the_thing_alone_as_the_head_rows_may_say_it_with():
    question = read("how much were the snacks for guests this month?")
    assert (question.words, question.heads) == (("snack guest",), ("snack",))
    assert read("what did we pay for ice for the concert").heads == ("ice",)
    assert read("នំសម្រាប់ភ្ញៀវ ខែនេះអស់ប៉ុន្មាន").heads == ("នំ",)
    assert read("how much did we pay for ice").heads == ()  # for what was bought, no one's


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("ជួសកង្ហារ នឹង កៅអី អស់ប៉ុន្មាន?", ("ជួស កង្ហារ", "ជួស កៅអី")),  # repair the fan and the chair
        ("how much to repair the fan and the chair", ("repair fan", "repair chair")),
        ("fan and chair repairs this month", ("fan repair", "chair repair")),
        ("how much for delivery of chairs and tables", ("delivery chair", "delivery table")),
        ("coffee and tea this month", ("coffee", "tea")),  # no work said: each thing alone
        ("repair and fuel this month", ("repair", "fuel")),  # the work is the thing asked about
        ("spent on repair fan and cleaning the toilet", ("repair fan", "cleaning toilet")),
    ],
)
def test_work_said_once_for_two_things_is_done_to_each(text, words):
    assert read(text).words == words


def test_a_category_named_in_khmer_after_spent_on_is_that_category_not_a_judgment_of_over():
    # ចំណាយលើ|សម្ភារៈការិយាល័យ, spent on office supplies: no លើស (over) read inside it
    categories = [("Office supplies", "សម្ភារៈការិយាល័យ"), ("Guests & events", "ភ្ញៀវ និងកម្មវិធី")]
    question = read_question("ចំណាយលើសម្ភារៈការិយាល័យ ខែនេះមានប៉ុន្មាន?", TODAY, MEMBERS, categories)
    assert question.category == "Office supplies"
    assert read_question("ចំណាយលើស ខែនេះ", TODAY, MEMBERS, categories) is None  # over: a judgment
    spaced = read_question("ចំណាយលើសម្ភារៈ ការិយាល័យ ខែនេះ", TODAY, MEMBERS, categories)
    assert spaced.category == "Office supplies"


def test_two_words_of_a_category_name_that_leave_out_a_thing_it_holds_do_not_name_it():
    categories = [("Utilities & phone", "ទឹកភ្លើង និងទូរស័ព្ទ")]
    # water and electricity: not the phone, which the category holds too
    assert read_question("ទឹក និង ភ្លើង ខែនេះប៉ុន្មាន", TODAY, MEMBERS, categories).category is None
    whole = read_question("ទឹកភ្លើង និង ទូរស័ព្ទ ខែនេះប៉ុន្មាន", TODAY, MEMBERS, categories)
    assert whole.category == "Utilities & phone"


def test_an_event_named_is_asked_about_by_its_name_and_event_alone_names_the_category():
    categories = [("Guests & events", "ភ្ញៀវ និងកម្មវិធី")]
    assert read_question("អាទិត្យមុន ចាយលើកម្មវិធី concert អស់ប៉ុន្មាន?", TODAY, MEMBERS, categories).words == (
        "concert",
    )
    assert read("how much on the concert event").words == ("concert",)
    assert read_question("ចាយលើកម្មវិធី ខែនេះ", TODAY, MEMBERS, categories).category == "Guests & events"
    assert read("how much on flowers for the event").words == ("flower event",)  # flowers are a thing


@pytest.mark.parametrize(
    ("text", "measure", "words"),
    [
        ("what do we usually pay for drinking water each time?", Measure.AVERAGE_EACH, ("drinking water",)),
        ("ទឹកសុទ្ធ ជាធម្មតាទិញម្តងប៉ុន្មាន", Measure.AVERAGE_EACH, ("ទឹកសុទ្ធ",)),  # usually, each time
        ("how much do we normally spend a day", Measure.AVERAGE, ()),
        ("how many times did we take a tuk tuk to the bank?", Measure.COUNT, ("tuk tuk bank",)),
    ],
)
def test_what_is_usually_paid_is_an_average_and_taking_a_ride_is_no_purchase(text, measure, words):
    question = read(text)
    assert (question.measure, question.words) == (measure, words)


def test_take_out_is_still_what_was_bought_not_a_way_of_going():
    assert read("how much on take out this month").words == ("take",)  # no row says it: said unsure


def test_who_usually_buys_is_how_often_which_no_figure_answers():
    assert read("who usually buys the ice?") is None
