"""What the payments keep: bank notices a member posted, waiting for an admin's Confirm or Not ours."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Protocol

if TYPE_CHECKING:  # the reader compiles every bank's patterns: not for what only needs the ports
    from balance_bot.domain.bank_notices import BankNotice


@dataclass(frozen=True, slots=True)
class PendingNotice:
    """A notice no bank's bot vouched for, shown to the group with Confirm / Not ours: who posted it, when,
    and the message the buttons act on."""

    chat_id: int
    message_id: int
    poster_id: int
    posted_at: datetime
    notice: BankNotice


class PendingNotices(Protocol):
    """The notices waiting for an admin, kept across restarts: a Confirm tapped next week still works."""

    async def put(self, pending: PendingNotice) -> None:
        """Keep a notice until an admin answers it (a message posted again replaces its earlier one)."""
        ...

    async def take(self, chat_id: int, message_id: int) -> PendingNotice | None:
        """The notice waiting under the message, removed; None when there is none (answered already)."""
        ...
