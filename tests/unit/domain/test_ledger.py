"""Tests for periods, local days, references and worksheet ownership."""

from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from balance_bot.domain.ledger import (
    EntrySource,
    LedgerLine,
    Period,
    SavedLine,
    SheetRow,
    lines_already_written,
    local_day,
    owning_period,
    period_named_by,
)
from balance_bot.domain.money import Currency, Money


def test_a_period_titles_its_worksheet_with_the_configured_format():
    assert Period(2026, 12).title("%B %Y") == "December 2026"
    assert Period(2026, 12).title("%B") == "December"


def test_the_local_day_follows_the_teams_timezone():
    evening = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)
    assert local_day(evening, ZoneInfo("Asia/Phnom_Penh")) == date(2026, 12, 31)
    assert local_day(evening.replace(hour=17, minute=1), ZoneInfo("Asia/Phnom_Penh")) == date(2027, 1, 1)


def test_a_reference_names_chat_message_and_entry():
    assert EntrySource(-100, 42, 1).reference() == "tg:-100:42:1"


def test_a_worksheet_belongs_to_the_month_most_of_its_dated_rows_are_in():
    days = [date(2026, 11, 30), date(2026, 12, 1), None, date(2026, 12, 2)]
    assert owning_period(days) == Period(2026, 12)
    assert owning_period([None, None]) is None


def test_lines_already_written_are_found_by_reference_with_their_row_and_number_and_voided_ones_are_not():
    coffee, tea, ice = (
        LedgerLine(date(2026, 12, 3), item, Money(Decimal(1), Currency.USD), "Sokha", EntrySource(-1, n, 0))
        for n, item in enumerate(("coffee", "tea", "ice"), start=1)
    )

    def row(number, item, line):
        return SheetRow(number, date(2026, 12, 3), item, Decimal(1), None, "Sokha", line.source.reference())

    rows = [(2, row(1, "[void] coffee", coffee)), (5, row(4, "coffee", coffee)), (6, row(None, "ice", ice))]
    assert lines_already_written([coffee, tea, ice], rows, "December 2026", "[void] ") == [
        SavedLine(coffee, "December 2026", 5, 4),
        SavedLine(ice, "December 2026", 6, 0),
    ]


def test_the_month_after_december_is_january_of_the_next_year():
    assert Period(2026, 12).next() == Period(2027, 1)
    assert Period(2027, 1).previous() == Period(2026, 12)
    assert Period(2026, 12).first_day() == date(2026, 12, 1)


def test_a_worksheet_titled_for_a_month_and_year_belongs_to_it_whatever_its_dates():
    october = [date(2026, 10, 30)] * 5
    assert owning_period(october, "November 2026", "%B %Y") == Period(2026, 11)
    assert owning_period(october, "November", "%B") == Period(2026, 10)  # no year: the dates say
    assert owning_period(october, "Petty cash", "%B %Y") == Period(2026, 10)
    assert period_named_by("2026-11", "%Y-%m") == Period(2026, 11)
