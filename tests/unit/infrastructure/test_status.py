"""Tests for `balance-bot status`: one line per group, saying what waits and why."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

from balance_bot.ports import OutboxChat
from infrastructure.status import status_report

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


def test_nothing_waiting_is_one_line():
    assert status_report([], NOW, PHNOM_PENH) == "outbox: empty, every accepted expense is in the sheet"


def test_expenses_held_by_the_rate_limit_are_told_apart_from_failures():
    chat = OutboxChat(-100, 3, 3, NOW - timedelta(minutes=2), 1, "Google Sheets answered 503", held=2)
    lines = status_report([chat], NOW, PHNOM_PENH).splitlines()
    assert lines[1] == (
        "chat -100: 3 message(s), 3 row(s), waiting since 2026-12-03 08:58 (2 min); "
        "2 held for a minute by the rate limit; 1 failed attempt(s), last error: Google Sheets answered 503"
    )


def test_the_rate_of_the_day_is_named_with_its_day_and_since_when_its_source_cannot_be_read():
    from datetime import date
    from decimal import Decimal

    from balance_bot.domain.day_rates import NBC, RateOfDay
    from balance_bot.rates.ports import SourceHealth
    from infrastructure.status import rate_report

    rate = RateOfDay(Decimal(4012), NBC, date(2026, 12, 4))
    read = f"{NOW.astimezone(PHNOM_PENH):%Y-%m-%d %H:%M}"
    assert rate_report(rate, SourceHealth(last_read=NOW), PHNOM_PENH) == (
        f"rate of the day: NBC 4012 KHR per USD, published for 2026-12-04; read {read}"
    )
    failing = SourceHealth(last_read=NOW, failing_since=NOW, last_error="HTTP 503")
    assert rate_report(rate, failing, PHNOM_PENH).endswith(
        f"its source cannot be read since {NOW.astimezone(PHNOM_PENH):%Y-%m-%d %H:%M} (HTTP 503), "
        "the last rate known is used"
    )
    assert (
        rate_report(None, SourceHealth(), PHNOM_PENH) == "rate of the day: none read yet, KHR_PER_USD is used"
    )
