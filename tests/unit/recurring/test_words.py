"""/recurring's words as admins type them, in English and Khmer: the schedule, and the cost left over."""

import pytest

from balance_bot.recurring.schedules import Every
from balance_bot.recurring.words import ListCosts, NotUnderstood, ScheduleWords, StopCost, read_recurring

MONDAY, TUESDAY, FRIDAY, SATURDAY, SUNDAY = 0, 1, 4, 5, 6


@pytest.mark.parametrize(
    ("typed", "every", "interval", "day", "rest"),
    [
        ("rent 300$ monthly on 1", Every.MONTH, 1, 1, "rent 300$"),
        ("rent 300$ monthly on the 1st", Every.MONTH, 1, 1, "rent 300$"),
        ("Rent 300$ Monthly On The 1st", Every.MONTH, 1, 1, "Rent 300$"),
        ("rent 300$ every month on 5", Every.MONTH, 1, 5, "rent 300$"),
        ("rent 300$ every month on day 5", Every.MONTH, 1, 5, "rent 300$"),
        ("internet 25$ on the 15th of every month", Every.MONTH, 1, 15, "internet 25$"),
        ("internet 25$ every 15th of the month", Every.MONTH, 1, 15, "internet 25$"),
        ("security 120$ on the 1st", Every.MONTH, 1, 1, "security 120$"),
        ("Rent $300 on the last day of each month", Every.MONTH, 1, 31, "Rent $300"),
        ("salary 400$ month end", Every.MONTH, 1, 31, "salary 400$"),
        ("rent 300$/month", Every.MONTH, 1, None, "rent 300$"),
        ("rent 300$ monthly", Every.MONTH, 1, None, "rent 300$"),
        ("wifi 30$ every 3 months on 10", Every.MONTH, 3, 10, "wifi 30$"),
        ("wifi 30$ quarterly on the 10th", Every.MONTH, 3, 10, "wifi 30$"),
        ("rent 300$ every two months", Every.MONTH, 2, None, "rent 300$"),
        ("rent monthly on 1 300$", Every.MONTH, 1, 1, "rent 300$"),  # the schedule first, then the amount
        ("rent 1,200$ monthly on 1st", Every.MONTH, 1, 1, "rent 1,200$"),
        ("cleaning 20$ weekly on Monday", Every.WEEK, 1, MONDAY, "cleaning 20$"),
        ("cleaning 20$ every Monday", Every.WEEK, 1, MONDAY, "cleaning 20$"),
        ("cleaning 20$ on Mondays", Every.WEEK, 1, MONDAY, "cleaning 20$"),
        ("cleaner 20$ every Sat", Every.WEEK, 1, SATURDAY, "cleaner 20$"),
        ("salary 100$ every week on fri", Every.WEEK, 1, FRIDAY, "salary 100$"),
        ("fee 5$ weekly", Every.WEEK, 1, None, "fee 5$"),
        ("water 15$ every 2 weeks", Every.WEEK, 2, None, "water 15$"),
        ("water 15$ every two weeks on Tuesday", Every.WEEK, 2, TUESDAY, "water 15$"),
        ("salary 200$ every other Friday", Every.WEEK, 2, FRIDAY, "salary 200$"),
        ("guard 150$ fortnightly", Every.WEEK, 2, None, "guard 150$"),
        ("guard 150$ bi-weekly", Every.WEEK, 2, None, "guard 150$"),
    ],
)
def test_english_schedules_as_admins_type_them(typed, every, interval, day, rest):
    assert read_recurring(typed) == ScheduleWords(every, interval, day, rest)


@pytest.mark.parametrize(
    ("typed", "every", "interval", "day", "rest"),
    [
        ("ជួលផ្ទះ ៣០០$ រៀងរាល់ខែ ថ្ងៃទី១", Every.MONTH, 1, 1, "ជួលផ្ទះ ៣០០$"),
        ("ជួលផ្ទះ៣០០$រៀងរាល់ខែថ្ងៃទី១", Every.MONTH, 1, 1, "ជួលផ្ទះ៣០០$"),  # written without spaces
        ("ជួលផ្ទះ ៣០០$ ប្រចាំខែ នៅថ្ងៃទី ៥", Every.MONTH, 1, 5, "ជួលផ្ទះ ៣០០$"),
        ("ថ្លៃទឹក ៥០០០០៛ មួយខែម្តង ថ្ងៃទី ៥", Every.MONTH, 1, 5, "ថ្លៃទឹក ៥០០០០៛"),
        ("ជួលផ្ទះ ៣០០$ ប្រចាំខែ ចុងខែ", Every.MONTH, 1, 31, "ជួលផ្ទះ ៣០០$"),
        ("អ៊ីនធឺណិត ៣០$ រៀងរាល់ ៣ ខែ ថ្ងៃទី១០", Every.MONTH, 3, 10, "អ៊ីនធឺណិត ៣០$"),
        ("សម្អាត ២០$ រៀងរាល់ថ្ងៃចន្ទ", Every.WEEK, 1, MONDAY, "សម្អាត ២០$"),
        ("សម្អាត ២០$ រៀងរាល់សប្តាហ៍ នៅថ្ងៃអាទិត្យ", Every.WEEK, 1, SUNDAY, "សម្អាត ២០$"),
        ("សម្អាត ២០$ រៀងរាល់សប្ដាហ៍ ថ្ងៃសុក្រ", Every.WEEK, 1, FRIDAY, "សម្អាត ២០$"),  # the other ដ spelling
        ("ទឹក ១៥$ រៀងរាល់អង្គារ៍", Every.WEEK, 1, TUESDAY, "ទឹក ១៥$"),  # after រាល់, ថ្ងៃ may be left out
        ("ទឹក ១៥$ ចន្ទ", None, None, None, None),  # but not alone: ចន្ទ is the moon too
        ("ទឹក ១៥$ រៀងរាល់ថ្ងៃអង្គារ៍", Every.WEEK, 1, TUESDAY, "ទឹក ១៥$"),
        ("ទឹក ១៥$ រៀងរាល់ ២ សប្តាហ៍", Every.WEEK, 2, None, "ទឹក ១៥$"),
        ("ទឹក ១៥$ ពីរអាទិត្យម្តង", Every.WEEK, 2, None, "ទឹក ១៥$"),
        ("ទឹក ១៥$ រៀងរាល់អាទិត្យ", Every.WEEK, 1, None, "ទឹក ១៥$"),  # អាទិត្យ alone is the week
    ],
)
def test_khmer_schedules_as_admins_type_them(typed, every, interval, day, rest):
    expected = NotUnderstood() if every is None else ScheduleWords(every, interval, day, rest)
    assert read_recurring(typed) == expected


@pytest.mark.parametrize("typed", ["", "list", "LIST", "បញ្ជី"])
def test_the_command_alone_or_list_lists_the_costs(typed):
    assert read_recurring(typed) == ListCosts()


@pytest.mark.parametrize(
    "typed", ["stop 2", "Stop #2", "stop no 2", "cancel 2", "delete 2", "ឈប់ ២", "បញ្ឈប់ 2", "លុប លេខ២"]
)
def test_stop_and_its_other_words_name_the_cost_by_its_number(typed):
    assert read_recurring(typed) == StopCost(2)


@pytest.mark.parametrize(
    "typed",
    [
        "rent 300$",  # no schedule
        "rent 300$ monthly on Monday",  # a weekday in a monthly schedule
        "rent 300$ weekly on the 5th",  # a day of the month in a weekly one
        "rent 300$ weekly every 2 weeks",  # two intervals
        "rent 300$ monthly on 32",
        "rent 300$ every 0 weeks",
        "rent 300$ every 13 months",
        "stop",
    ],
)
def test_words_that_say_no_schedule_or_two_at_once_are_not_guessed(typed):
    assert read_recurring(typed) == NotUnderstood()
