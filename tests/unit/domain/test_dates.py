"""Tests for dates in messages: which words name a day, and which day they name."""

from datetime import date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from freezegun import freeze_time
from hypothesis import given
from hypothesis import strategies as st

from balance_bot.domain.dates import day_named, find_dates, without_dates
from balance_bot.domain.ledger import local_day

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
NEW_YEAR = date(2027, 1, 1)  # a Friday
FIRST_OF_DECEMBER = date(2026, 12, 1)  # a Tuesday


def the_day(text: str, today: date) -> date | None:
    [mention] = find_dates(text)
    return day_named(mention.words, today)


def marked(text: str) -> list[str]:
    return [text[mention.start : mention.end] for mention in find_dates(text)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday taxi 5$", date(2026, 12, 31)),
        ("Yesterday: taxi 5$", date(2026, 12, 31)),
        ("yday taxi 5$", date(2026, 12, 31)),
        ("taxi 5$ last night", date(2026, 12, 31)),
        ("today taxi 5$", NEW_YEAR),
        ("the day before yesterday taxi 5$", date(2026, 12, 30)),
        ("2 days ago taxi 5$", date(2026, 12, 30)),
        ("three days ago taxi 5$", date(2026, 12, 29)),
        ("Monday taxi 5$", date(2026, 12, 28)),
        ("last Wednesday taxi 5$", date(2026, 12, 30)),
        ("on sat taxi 5$", date(2026, 12, 26)),
        ("Dec 31 taxi 5$", date(2026, 12, 31)),
        ("31 Dec taxi 5$", date(2026, 12, 31)),
        ("December 30th taxi 5$", date(2026, 12, 30)),
        ("Sat 26 Dec: taxi 5$", date(2026, 12, 26)),
        ("Dec 3, 2026 taxi 5$", date(2026, 12, 3)),
        ("30/12 taxi 5$", date(2026, 12, 30)),
        ("taxi 5$ 30/12", date(2026, 12, 30)),
        ("30/12/2026 taxi 5$", date(2026, 12, 30)),
        ("2026-12-30 taxi 5$", date(2026, 12, 30)),
    ],
)
def test_english_days_on_new_years_day_are_read_from_last_year(text, expected):
    assert the_day(text, NEW_YEAR) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ម្សិលមិញ ទឹកកក ៥០០០៛", date(2026, 12, 31)),
        ("ថ្ងៃម្សិលមិញ ទឹកកក ៥០០០៛", date(2026, 12, 31)),
        ("ម្សិលម្ង៉ៃ ទឹកកក ៥០០០៛", date(2026, 12, 30)),
        ("ថ្ងៃនេះ ទឹកកក ៥០០០៛", NEW_YEAR),
        ("យប់មិញ បាយ ២ម៉ឺន", date(2026, 12, 31)),
        ("ថ្ងៃច័ន្ទ សាំង ២ម៉ឺន", date(2026, 12, 28)),
        ("ថ្ងៃសុក្រមុន សាំង ២ម៉ឺន", date(2026, 12, 25)),
        ("ថ្ងៃទី៣០ ខែធ្នូ ទឹក ២០០០៛", date(2026, 12, 30)),
        ("ថ្ងៃទី ៣០ ខែ ធ្នូ ឆ្នាំ ២០២៦ ទឹក ២០០០៛", date(2026, 12, 30)),
        ("៣០ ធ្នូ ទឹក ២០០០៛", date(2026, 12, 30)),
        ("ទី៣០ ខែ១២ ទឹក ២០០០៛", date(2026, 12, 30)),
        ("៣០/១២ ទឹក ២០០០៛", date(2026, 12, 30)),
        ("២ថ្ងៃមុន ម៉ូតូ ៥០០០៛", date(2026, 12, 30)),
    ],
)
def test_khmer_days_on_new_years_day_are_read_from_last_year(text, expected):
    assert the_day(text, NEW_YEAR) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("yesterday taxi 5$", date(2026, 11, 30)),
        ("ម្សិលមិញ taxi 5$", date(2026, 11, 30)),
        ("Monday taxi 5$", date(2026, 11, 30)),
        ("Tuesday taxi 5$", date(2026, 11, 24)),  # said on a Tuesday: last week's
        ("30 Nov taxi 5$", date(2026, 11, 30)),
        ("1/12 taxi 5$", FIRST_OF_DECEMBER),
        ("3/12 taxi 5$", date(2025, 12, 3)),  # not ahead: last year's 3 December
        ("Dec 3 taxi 5$", date(2025, 12, 3)),
        ("Dec 3 2026 taxi 5$", date(2026, 12, 3)),  # a year said is kept, even ahead
    ],
)
def test_on_the_first_of_the_month_a_day_is_the_latest_one_not_ahead(text, expected):
    assert the_day(text, FIRST_OF_DECEMBER) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("msel minh chay 20$", date(2026, 11, 30)),
        ("tinh tek kork 5000r msel", date(2026, 11, 30)),
        ("yub minh bay 4$", date(2026, 11, 30)),
        ("tngai nis sang 3$", FIRST_OF_DECEMBER),
        ("kafe 2$ thngai nih", FIRST_OF_DECEMBER),
    ],
)
def test_yesterday_and_today_written_in_romanised_khmer_date_the_expense(text, expected):
    assert the_day(text, FIRST_OF_DECEMBER) == expected


def test_a_day_that_does_not_exist_is_marked_but_names_no_day():
    assert marked("Nov 31 taxi 5$") == ["Nov 31"]
    assert the_day("Nov 31 taxi 5$", FIRST_OF_DECEMBER) is None


@pytest.mark.parametrize(
    "text",
    [
        "May 5$",  # an amount, not the 5th of May
        "៥ខែ ១២$",  # five months, 12 dollars
        "sugar 1/2 kg 3000៛",  # a fraction
        "sun cream 3$",  # 'sun' is a word, not Sunday, unless 'on sun' or 'last sun'
        "wed dress 30$",
        "ice 5000",
        "room 204 aircon 35$",
        "see you at 8:30",
        "call me 012 345 678",
        "12.12.2026 ink 3$",  # a dotted date could be an amount: not read
    ],
)
def test_words_that_only_look_like_dates_are_left_alone(text):
    assert marked(text) == []


def test_khmer_digits_are_read_like_ascii_ones():
    assert the_day("ថ្ងៃទី៣ ខែវិច្ឆិកា ទឹក ២០០០៛", FIRST_OF_DECEMBER) == date(2026, 11, 3)


def test_the_marked_words_are_exactly_the_date_phrase():
    assert marked("Sat 21 Nov: taxi 5$") == ["Sat 21 Nov"]
    assert marked("ថ្ងៃទី៣ ខែវិច្ឆិកា ទឹក ២០០០៛") == ["ថ្ងៃទី៣ ខែវិច្ឆិកា"]


def test_a_model_s_purpose_loses_its_date_words_and_keeps_the_rest():
    assert without_dates("taxi yesterday") == "taxi"
    assert without_dates("ម្សិលមិញ ទឹកកក") == "ទឹកកក"
    assert without_dates("printer ink") == "printer ink"


@pytest.mark.parametrize(
    ("instant", "expected_yesterday"),
    [
        (datetime(2026, 11, 30, 16, 59), date(2026, 11, 29)),  # 23:59 on 30 November in Phnom Penh
        (datetime(2026, 11, 30, 17, 1), date(2026, 11, 30)),  # 00:01 on 1 December in Phnom Penh
        (datetime(2026, 12, 31, 16, 59), date(2026, 12, 30)),
        (datetime(2026, 12, 31, 17, 1), date(2026, 12, 31)),  # New Year in Phnom Penh, still 2026 in UTC
    ],
)
def test_yesterday_is_the_day_before_the_teams_day_not_the_servers(instant, expected_yesterday):
    with freeze_time(instant):
        today = local_day(datetime.now(ZoneInfo("UTC")), PHNOM_PENH)
    assert day_named("yesterday", today) == expected_yesterday


AMOUNT_ONLY = st.one_of(
    st.decimals(min_value=Decimal("0.01"), max_value=Decimal(99999), places=2).map(str),
    st.integers(min_value=1, max_value=10_000_000).map(str),
    st.integers(min_value=1, max_value=10_000_000).map(lambda n: f"{n:,}"),
    st.integers(min_value=1, max_value=999).map(lambda n: f"{n}k"),
)
CURRENCY_MARKS = st.sampled_from(["", "$", "៛", " riel", " USD", "r", " dollars", " KHR"])
KHMER_DIGITS = str.maketrans("0123456789", "០១២៣៤៥៦៧៨៩")


@given(AMOUNT_ONLY, CURRENCY_MARKS, st.booleans(), st.booleans())
def test_no_amount_alone_is_read_as_a_date(number, mark, dollar_first, in_khmer_digits):
    text = f"${number}" if dollar_first and not mark else f"{number}{mark}"
    if in_khmer_digits:
        text = text.translate(KHMER_DIGITS)
    assert find_dates(text) == []


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("on 25/11 parking 2000៛", date(2026, 11, 25)),
        ("parking on 25/11 2000៛", date(2026, 11, 25)),
        ("Thu: fuel 10$", date(2026, 11, 26)),
        ("Fri lunch 6$", date(2026, 11, 27)),
        ("Sun: fuel 4$", date(2026, 11, 29)),
        ("on the 25th taxi 4$", date(2026, 11, 25)),
        ("taxi 4$ on 3rd", date(2026, 11, 3)),
    ],
)
def test_the_first_rounds_misses_are_dated_like_their_long_forms(text, day):
    assert the_day(text, date(2026, 11, 30)) == day  # a Monday


def test_an_ordinal_day_ahead_this_month_is_last_months_and_a_missing_one_names_no_day():
    assert the_day("on the 25th taxi 4$", date(2026, 12, 10)) == date(2026, 11, 25)
    assert the_day("on the 31st taxi 4$", date(2026, 12, 10)) is None  # November has 30 days


@pytest.mark.parametrize(
    "text", ["sun cream 4$", "snacks on the 3rd floor 8$", "wed lunch 5$", "fried rice 2$", "1/2 kg sugar 1$"]
)
def test_lookalikes_of_the_new_forms_are_not_dates(text):
    assert marked(text) == []
