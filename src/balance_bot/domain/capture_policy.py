"""The team's rules for capture, from the settings: limits, waits and windows every capture step reads."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import timedelta, tzinfo

from balance_bot.domain.money import AmountLimits


@dataclass(frozen=True, slots=True)
class CapturePolicy:
    """The team's rules for capture; every figure comes from the settings."""

    timezone: tzinfo
    limits: AmountLimits = field(default_factory=AmountLimits)
    pending_ttl: timedelta = timedelta(minutes=5)
    saves_per_minute: int = 5
    undo_window: timedelta = timedelta(minutes=15)
    min_purpose_length: int = 3
    confirm_wait_seconds: float = 5.0
    max_days_back: int = 31  # an expense dated further back goes to a bookkeeper, not the bot
    max_entries: int = 50  # the most rows one message may add
