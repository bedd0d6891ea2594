"""Tests for periods, local days, references and worksheet ownership."""

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from balance_bot.domain.ledger import EntrySource, Period, local_day, owning_period


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
