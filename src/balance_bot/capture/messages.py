"""What the capture flow reads: a member's message as it needs it, and which months still take expenses."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from balance_bot.domain.ledger import Period


class OpenPeriods(Protocol):
    """Which months still take expenses in their own worksheet."""

    async def is_open(self, chat_id: int, period: Period) -> bool:
        """Whether an expense dated in the month goes to that month's worksheet."""
        ...


@dataclass(frozen=True, slots=True)
class IncomingMessage:
    """A member's text message in a group, as the capture flow needs it."""

    chat_id: int
    message_id: int
    user_id: int
    member_name: str
    text: str
    sent_at: datetime
    revision: int = 0  # 0 for a new message; an edit's own number, so each edit is captured once
    forwarded_from: datetime | None = None  # when the original of a forwarded message was sent
    receipt: str = ""  # a link to the photo the message came with, kept on its rows as their proof
