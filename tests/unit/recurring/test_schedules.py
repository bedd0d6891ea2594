"""The days a recurring cost falls on: month ends, leap years, the turn of the year, every n weeks."""

from datetime import date

import pytest

from balance_bot.recurring.schedules import Every, Schedule


def monthly(day, today, interval=1):
    return Schedule.starting_after(Every.MONTH, interval, day, today)


def weekly(weekday, today, interval=1):
    return Schedule.starting_after(Every.WEEK, interval, weekday, today)


def first_days(schedule, count):
    days = schedule.days()
    return [next(days) for _ in range(count)]


def test_a_cost_set_up_on_its_own_day_starts_with_the_next_one_not_today():
    assert monthly(1, date(2026, 12, 1)).first == date(2027, 1, 1)
    assert weekly(0, date(2026, 12, 7)).first == date(2026, 12, 14)  # a Monday: next Monday


def test_a_cost_set_up_before_its_day_this_month_starts_this_month():
    assert monthly(15, date(2026, 12, 3)).first == date(2026, 12, 15)
    assert weekly(4, date(2026, 12, 7)).first == date(2026, 12, 11)  # Monday, then Friday


def test_the_31st_falls_on_the_last_day_of_shorter_months_and_back_on_the_31st_after():
    days = first_days(monthly(31, date(2027, 1, 15)), 5)
    assert days == [
        date(2027, 1, 31),
        date(2027, 2, 28),
        date(2027, 3, 31),
        date(2027, 4, 30),
        date(2027, 5, 31),
    ]


def test_the_29th_and_30th_fall_on_february_28th_and_on_the_29th_in_a_leap_year():
    assert first_days(monthly(30, date(2027, 1, 30)), 2) == [date(2027, 2, 28), date(2027, 3, 30)]
    assert first_days(monthly(29, date(2028, 1, 29)), 2) == [date(2028, 2, 29), date(2028, 3, 29)]
    assert first_days(monthly(31, date(2028, 2, 1)), 1) == [date(2028, 2, 29)]


def test_a_schedule_goes_on_across_new_year():
    assert first_days(monthly(1, date(2026, 11, 20)), 3) == [
        date(2026, 12, 1),
        date(2027, 1, 1),
        date(2027, 2, 1),
    ]
    assert first_days(weekly(3, date(2026, 12, 28)), 2) == [date(2026, 12, 31), date(2027, 1, 7)]


def test_every_two_weeks_keeps_its_own_weeks_from_the_first_day():
    schedule = weekly(4, date(2026, 12, 7), interval=2)  # from Friday 11 December
    assert first_days(schedule, 4) == [
        date(2026, 12, 11),
        date(2026, 12, 25),
        date(2027, 1, 8),
        date(2027, 1, 22),
    ]
    assert schedule.next_after(date(2026, 12, 18)) == date(2026, 12, 25)  # not the Friday between


def test_every_three_months_on_the_31st_keeps_its_day_through_short_months():
    schedule = monthly(31, date(2026, 12, 3), interval=3)
    assert first_days(schedule, 4) == [
        date(2026, 12, 31),
        date(2027, 3, 31),
        date(2027, 6, 30),
        date(2027, 9, 30),
    ]


def test_the_days_between_two_dates_are_those_after_the_first_up_to_the_second_included():
    schedule = monthly(1, date(2026, 10, 15))
    assert schedule.between(date(2026, 10, 31), date(2027, 1, 1)) == [
        date(2026, 11, 1),
        date(2026, 12, 1),
        date(2027, 1, 1),
    ]
    assert schedule.between(date(2026, 11, 1), date(2026, 11, 30)) == []


@pytest.mark.parametrize(
    ("every", "interval", "day"),
    [
        (Every.MONTH, 0, 1),
        (Every.MONTH, 13, 1),
        (Every.MONTH, 1, 32),
        (Every.WEEK, 1, 7),
        (Every.WEEK, 53, 0),
    ],
)
def test_no_schedule_is_made_of_a_day_or_interval_that_is_none(every, interval, day):
    with pytest.raises(ValueError, match=r"is no|is not a schedule"):
        Schedule(every, interval, day, date(2026, 12, 1))
