"""When a notice says the money came: its date and clock time, and the year when it names none."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime, timedelta

from balance_bot.domain.dates import MONTH_NUMBERS

_AFTERNOON = frozenset({"pm", "ល្ងាច"})
# A message's date read in another time zone than the bank's clock can be a day behind the notice.
_CLOCK_GRACE = timedelta(days=1)


def notice_time(fields: Mapping[str, str | None], message_date: date) -> datetime | None:
    """The moment a notice's fields name, in the bank's own clock; None when they name no real one.

    A notice without a year took place at the latest such day not after the message (a day's grace),
    so a notice of 31 December read on 1 January is of the year before.
    """
    month = _month(fields)
    hour = _hour_of_day(int(fields["hour"] or 0), fields.get("period"))
    if month is None or hour is None:
        return None
    day = int(fields["day"] or 0)
    written_year = fields.get("year")
    if written_year is None:
        year = year_of_undated(month, day, message_date)
    else:
        year = int(written_year) + (2000 if len(written_year) == 2 else 0)
    if year is None:
        return None
    try:
        return datetime(year, month, day, hour, int(fields["minute"] or 0), int(fields.get("second") or 0))
    except ValueError:
        return None


def year_of_undated(month: int, day: int, message_date: date) -> int | None:
    """The year of the latest day with this month and day that is not after the message's date."""
    today = message_date.date() if isinstance(message_date, datetime) else message_date
    latest = today + _CLOCK_GRACE
    for year in (today.year + 1, today.year, today.year - 1):
        try:
            candidate = date(year, month, day)
        except ValueError:
            continue  # 29 February of a year without one
        if candidate <= latest:
            return year
    return None


def _month(fields: Mapping[str, str | None]) -> int | None:
    named = fields.get("month_name")
    if named is not None:
        return MONTH_NUMBERS.get(named.lower())
    written = fields.get("month")
    return int(written) if written is not None else None


def _hour_of_day(hour: int, period: str | None) -> int | None:
    """The hour on a 24-hour clock; a 12-hour one must say AM or PM, as the notice does."""
    if period is None:
        return hour if hour < 24 else None
    if not 1 <= hour <= 12:
        return None
    return hour % 12 + (12 if period.lower() in _AFTERNOON else 0)
