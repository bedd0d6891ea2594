"""The bot's time zone, from the TIMEZONE setting."""

from __future__ import annotations

from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from infrastructure.settings import Settings, SettingsError


def time_zone(settings: Settings) -> ZoneInfo:
    """The zone TIMEZONE names; one the zone database does not know is a settings error."""
    try:
        return ZoneInfo(settings.timezone)
    except ZoneInfoNotFoundError as exc:
        raise SettingsError(f"TIMEZONE {settings.timezone!r} is not a known time zone") from exc
