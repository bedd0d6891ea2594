"""Dates a bookkeeper typed as text, read in the month of their worksheet."""

from datetime import date, datetime

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.domain.typed_dates import cell_day, typed_date

DECEMBER, JANUARY, APRIL = Period(2026, 12), Period(2027, 1), Period(2026, 4)


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("15/12/2026", date(2026, 12, 15)),
        ("15-12-2026", date(2026, 12, 15)),
        ("15.12.2026", date(2026, 12, 15)),
        ("15/12/26", date(2026, 12, 15)),
        ("12/15/2026", date(2026, 12, 15)),  # month first, in a column formatted as text
        ("2026-12-15", date(2026, 12, 15)),
        ("2026/12/15", date(2026, 12, 15)),
        ("2026-12-15T09:30:00", date(2026, 12, 15)),
        ("15/12/2026 14:05", date(2026, 12, 15)),
        ("15/12", date(2026, 12, 15)),
        ("15 Dec", date(2026, 12, 15)),
        ("15 dec.", date(2026, 12, 15)),
        ("15-Dec-2026", date(2026, 12, 15)),
        ("15th December 2026", date(2026, 12, 15)),
        ("15th of December", date(2026, 12, 15)),
        ("Dec 15", date(2026, 12, 15)),
        ("December 15, 2026", date(2026, 12, 15)),
        ("Tue 15 Dec", date(2026, 12, 15)),
        ("Tuesday, December 15", date(2026, 12, 15)),
        ("  15   Dec  ", date(2026, 12, 15)),
        ("15", date(2026, 12, 15)),  # a day alone in December's worksheet
        ("១៥/១២/២០២៦", date(2026, 12, 15)),
        ("១៥ ធ្នូ", date(2026, 12, 15)),
        ("១៥ ធ្នូ ២០២៦", date(2026, 12, 15)),
        ("ថ្ងៃទី១៥ ខែធ្នូ ឆ្នាំ២០២៦", date(2026, 12, 15)),
        ("ថ្ងៃទី ១៥ ខែ ធ្នូ", date(2026, 12, 15)),
        ("ថ្ងៃទី១៥ ខែ១២ ឆ្នាំ២០២៦", date(2026, 12, 15)),
        ("ថ្ងៃអង្គារ ១៥ ធ្នូ", date(2026, 12, 15)),
        ("២៨ វិច្ឆិកា", date(2026, 11, 28)),  # a late November expense in December's worksheet
        ("03/12/2026", date(2026, 12, 3)),  # 3 December, not 12 March: the worksheet is December's
        ("12/03/2026", date(2026, 12, 3)),  # 3 December again, the other way round
        ("12/04", date(2026, 12, 4)),
    ],
)
def test_a_typed_date_is_read_in_its_worksheets_month(typed, day):
    assert typed_date(typed, DECEMBER) == day


def test_a_date_that_reads_either_way_takes_the_reading_in_the_worksheets_month():
    assert typed_date("03/04/2026", APRIL) == date(2026, 4, 3)
    assert typed_date("04/03/2026", APRIL) == date(2026, 4, 3)
    assert typed_date("03/04/2026", Period(2026, 3)) == date(2026, 3, 4)
    assert typed_date("04/04/2026", APRIL) == date(2026, 4, 4)


def test_a_year_left_out_is_the_one_nearest_the_worksheets_month():
    assert typed_date("31 Dec", JANUARY) == date(2026, 12, 31)
    assert typed_date("31/12", JANUARY) == date(2026, 12, 31)
    assert typed_date("2 Jan", DECEMBER) == date(2027, 1, 2)


@pytest.mark.parametrize(
    "typed",
    [
        "03/04/2026",  # 3 April or 4 March, and the worksheet is December's
        "next Tuesday",
        "",
        "31/11/2026",
        "15/13/2026",
        "2026-12",
        "Decimber 15",
        "15 Dec 2026 extra",
        "123/12/2026",
        "40",
        "coffee 3$",
    ],
)
def test_text_that_names_no_date_in_the_worksheets_month_is_no_date(typed):
    assert typed_date(typed, DECEMBER) is None


def test_a_cell_holding_a_date_is_that_date_and_text_is_read_only_in_a_known_month():
    assert cell_day(datetime(2026, 12, 15, 9, 30), None) == date(2026, 12, 15)
    assert cell_day(date(2026, 12, 15), None) == date(2026, 12, 15)
    assert cell_day("15/12/2026", DECEMBER) == date(2026, 12, 15)
    assert cell_day("15/12/2026", None) is None
    assert cell_day(46371, DECEMBER) is None  # a serial number is the Google store's to read
    assert cell_day(None, DECEMBER) is None
