"""What capture keeps: amounts waiting for their purpose, saved messages, and the outbox."""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol

from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine
from balance_bot.ports.errors import LedgerError


@dataclass(frozen=True, slots=True)
class PendingPurpose:
    """An amount posted without a purpose, waiting for the member to say what it was for."""

    chat_id: int
    user_id: int
    message_id: int
    entry: ExpenseEntry
    posted_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SavedMessage:
    """A member's message and the rows it became, kept for Undo, edits and currency switches."""

    chat_id: int
    message_id: int
    author_id: int
    saved_at: datetime
    lines: tuple[SavedLine, ...]
    currency_guessed: bool = False
    voided: bool = False


class CaptureState(Protocol):
    """What capture must not lose across a restart: pending purposes and saved messages."""

    async def put_pending(self, pending: PendingPurpose) -> None:
        """Keep an amount waiting for its purpose, replacing any earlier one of the member."""
        ...

    async def take_pending(self, chat_id: int, user_id: int, now: datetime) -> PendingPurpose | None:
        """The member's waiting amount, removed; None when there is none or it has expired."""
        ...

    async def record(self, saved: SavedMessage) -> None:
        """Keep (or update) a saved message and its rows."""
        ...

    async def find(self, chat_id: int, message_id: int) -> SavedMessage | None:
        """A saved message by the member's message id."""
        ...


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    """An accepted message whose lines wait in the outbox for their rows."""

    chat_id: int
    message_id: int
    author_id: int
    queued_at: datetime
    period: Period
    lines: tuple[LedgerLine, ...]
    currency_guessed: bool = False
    revision: int = 0
    hold_until: datetime | None = None  # over its member's rate limit: delivered once the minute allows


@dataclass(frozen=True, slots=True)
class OutboxChat:
    """What waits in the outbox for one group, for the operator."""

    chat_id: int
    messages: int
    lines: int
    oldest: datetime
    attempts: int
    last_error: str | None
    held: int = 0  # messages waiting for their member's minute (the rate limit), not for the sheet


class Outbox(Protocol):
    """Accepted messages kept durably until their rows are in the ledger, delivered in order."""

    async def put(self, queued: QueuedMessage) -> bool:
        """Keep a message durably; False when it was accepted before (a redelivered update)."""
        ...

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """The group's messages not delivered yet, oldest first."""
        ...

    async def chats_waiting(self) -> list[int]:
        """The groups with something waiting, to resume after a restart."""
        ...

    async def failed(self, queued: Sequence[QueuedMessage], reason: str) -> None:
        """Note why the last attempt failed."""
        ...

    async def delivered(self, landed: Sequence[tuple[QueuedMessage, SavedMessage]]) -> None:
        """Mark messages delivered and keep them with their rows, in one transaction."""
        ...

    async def summary(self) -> list[OutboxChat]:
        """What waits, per group."""
        ...


@dataclass(frozen=True, slots=True)
class Landed:
    """The message's rows are in the ledger."""

    message: SavedMessage
    link: str | None


@dataclass(frozen=True, slots=True)
class Waiting:
    """The message is safe in the outbox; its rows follow when the ledger answers."""

    problem: LedgerError | None


Landing = asyncio.Future[Landed | Waiting]


class RowDelivery(Protocol):
    """Accepted messages on their way to the ledger, as the use cases see them: taken at once, their
    rows told once they land (or why they wait)."""

    async def accept(self, queued: QueuedMessage) -> Landing | None:
        """Keep the message durably and have it delivered; None when it was accepted before."""
        ...

    async def landed(self, landing: Landing, wait_seconds: float) -> Landed | Waiting:
        """The rows, if they land within wait_seconds; else the message is still waiting, safely."""
        ...

    async def settle(self, chat_id: int) -> None:
        """Deliver the group's waiting messages now; raises the LedgerError when they cannot be."""
        ...

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """The group's messages whose rows are not known to be kept by the ledger yet, oldest first."""
        ...

    async def waiting_author(self, chat_id: int, message_id: int) -> int | None:
        """Who posted a message whose rows still wait to be written (None when none waits)."""
        ...
