"""A clock the test moves by hand."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta


@dataclass
class FakeClock:
    """Stands still until advanced."""

    current: datetime = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)

    def now(self) -> datetime:
        """The time the test set."""
        return self.current

    def advance(self, **delta: float) -> None:
        """Move time forward, e.g. advance(minutes=5)."""
        self.current += timedelta(**delta)
