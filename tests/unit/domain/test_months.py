from datetime import date

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.domain.months import month_named

TODAY = date(2026, 11, 22)


@pytest.mark.parametrize(
    ("words", "month"),
    [
        ("", Period(2026, 11)),
        ("November", Period(2026, 11)),
        ("nov", Period(2026, 11)),
        ("2026-10", Period(2026, 10)),
        ("10/2026", Period(2026, 10)),
        ("last month", Period(2026, 10)),
        ("this month", Period(2026, 11)),
        ("December", Period(2025, 12)),  # the latest December, not the coming one
        ("October 2025", Period(2025, 10)),
        ("វិច្ឆិកា", Period(2026, 11)),
        ("ខែវិច្ឆិកា", Period(2026, 11)),
        ("ខែមុន", Period(2026, 10)),
        ("ខែនេះ", Period(2026, 11)),
    ],
)
def test_months_are_read_in_english_and_khmer(words, month):
    assert month_named(words, TODAY) == month


@pytest.mark.parametrize("words", ["bananas", "12", "the big one"])
def test_words_that_name_no_month_are_none(words):
    assert month_named(words, TODAY) is None


def test_last_month_in_january_is_last_years_december():
    assert month_named("last month", date(2027, 1, 1)) == Period(2026, 12)


def test_the_month_before_january_is_december():
    assert Period(2027, 1).previous() == Period(2026, 12)
