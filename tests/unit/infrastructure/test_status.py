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
