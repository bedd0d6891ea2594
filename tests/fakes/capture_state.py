"""Capture state in dictionaries, with the expiry rule of the SQLite adapter."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from balance_bot.ports import PendingPurpose, SavedMessage


@dataclass
class InMemoryCaptureState:
    """CaptureState kept in memory."""

    pending: dict[tuple[int, int], PendingPurpose] = field(default_factory=dict)
    saved: dict[tuple[int, int], SavedMessage] = field(default_factory=dict)

    async def put_pending(self, pending: PendingPurpose) -> None:
        """Replace the member's waiting amount."""
        self.pending[(pending.chat_id, pending.user_id)] = pending

    async def take_pending(self, chat_id: int, user_id: int, now: datetime) -> PendingPurpose | None:
        """Remove and return it unless expired."""
        pending = self.pending.pop((chat_id, user_id), None)
        return pending if pending is not None and pending.expires_at > now else None

    async def record(self, saved: SavedMessage) -> None:
        """Keep a saved message."""
        self.saved[(saved.chat_id, saved.message_id)] = saved

    async def find(self, chat_id: int, message_id: int) -> SavedMessage | None:
        """Find one."""
        return self.saved.get((chat_id, message_id))
