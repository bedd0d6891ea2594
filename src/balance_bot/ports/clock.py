"""The current time, as a port so that tests control it."""

from __future__ import annotations

from datetime import datetime
from typing import Protocol


class Clock(Protocol):
    """The current time, injected so that tests control it."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...
