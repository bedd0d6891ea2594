"""The schedules and answers of /recurring in words, in English and in Khmer."""

from datetime import date

import pytest

from balance_bot.domain.language import Language, Speech
from balance_bot.recurring.schedules import Every, Schedule
from infrastructure.telegram.recurring_replies import RecurringReplies
from infrastructure.telegram.replies import Replies

ENGLISH = RecurringReplies(Replies.of(Speech(Language.ENGLISH)))
KHMER = RecurringReplies(Replies.of(Speech(Language.KHMER)))
KHMER_DIGITS = RecurringReplies(Replies.of(Speech(Language.KHMER, khmer_digits=True)))
FIRST = date(2027, 1, 1)


@pytest.mark.parametrize(
    ("day", "said"),
    [(1, "1st"), (2, "2nd"), (3, "3rd"), (4, "4th"), (11, "11th"), (12, "12th"), (13, "13th"), (21, "21st"),
     (22, "22nd"), (23, "23rd"), (31, "31st")],
)  # fmt: skip
def test_a_day_of_the_month_is_an_english_ordinal(day, said):
    assert ENGLISH.schedule(Schedule(Every.MONTH, 1, day, FIRST)) == f"every month on the {said}"


def test_english_schedules_say_their_interval_and_weekday():
    assert ENGLISH.schedule(Schedule(Every.MONTH, 3, 15, FIRST)) == "every 3 months on the 15th"
    assert ENGLISH.schedule(Schedule(Every.WEEK, 1, 0, FIRST)) == "every Monday"
    assert ENGLISH.schedule(Schedule(Every.WEEK, 2, 4, FIRST)) == "every 2 weeks on Friday"


def test_khmer_schedules_are_said_as_they_are_typed_in_khmer_digits_when_the_group_asked_for_them():
    assert KHMER.schedule(Schedule(Every.MONTH, 1, 1, FIRST)) == "រៀងរាល់ខែ ថ្ងៃទី1"
    assert KHMER_DIGITS.schedule(Schedule(Every.MONTH, 1, 15, FIRST)) == "រៀងរាល់ខែ ថ្ងៃទី១៥"
    assert KHMER.schedule(Schedule(Every.WEEK, 1, 0, FIRST)) == "រៀងរាល់ថ្ងៃចន្ទ"
    assert KHMER_DIGITS.schedule(Schedule(Every.WEEK, 2, 4, FIRST)) == "រៀងរាល់ ២ សប្ដាហ៍ម្ដង នៅថ្ងៃសុក្រ"
