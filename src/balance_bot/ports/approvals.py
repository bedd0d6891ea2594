"""What approvals keep: the expenses over a group's threshold and the one decision each gets."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Protocol

from balance_bot.domain.money import Currency, Money

DEFAULT_APPROVAL_HOUR = 9  # the admins' daily reminder of what awaits approval, in the group's time


class ApprovalState(StrEnum):
    """Where an expense over the threshold stands."""

    AWAITING = "awaiting"
    APPROVED = "approved"
    REJECTED = "rejected"
    WITHDRAWN = "withdrawn"  # undone by its poster before anyone decided


@dataclass(frozen=True, slots=True)
class PendingApproval:
    """A member's message whose rows wait for an admin (or waited: `state` says how it ended)."""

    chat_id: int
    message_id: int
    author_id: int
    asked_at: datetime
    amounts: Mapping[Currency, Decimal] = field(default_factory=dict)  # its rows over the threshold
    state: ApprovalState = ApprovalState.AWAITING
    decided_by: int | None = None
    decided_by_name: str = ""
    decided_at: datetime | None = None
    reason: str = ""
    reason_wanted: bool = False  # rejected, and the admin's reason not heard yet


@dataclass(frozen=True, slots=True)
class ApprovalSettings:
    """Which expenses wait for an admin: those above `over` (None: none), and when admins are reminded."""

    over: Money | None
    hour: int = DEFAULT_APPROVAL_HOUR
    chosen: bool = True  # False while the threshold is the operator's default (APPROVAL_OVER)


class ApprovalThresholds(Protocol):
    """Each group's approval threshold: its choice (read once, then kept), else the operator's default."""

    async def approvals(self, chat_id: int) -> ApprovalSettings:
        """The group's approval threshold and reminder hour."""
        ...


class ApprovalStore(Protocol):
    """Pending approvals kept across restarts; a decision is compared-and-set, so one tap wins."""

    async def open(self, pending: PendingApproval) -> None:
        """Keep a message waiting for approval; a message kept already stays as it is."""
        ...

    async def find(self, chat_id: int, message_id: int) -> PendingApproval | None:
        """A message's approval, whatever its state."""
        ...

    async def decide(
        self,
        chat_id: int,
        message_id: int,
        state: ApprovalState,
        by: int,
        by_name: str,
        at: datetime,
        *,
        reason_wanted: bool = False,
    ) -> bool:
        """Set the decision only while the message awaits one: False when another came first."""
        ...

    async def reopen(self, chat_id: int, message_id: int) -> None:
        """Back to awaiting: the decision could not be written to the sheet."""
        ...

    async def awaiting(self, chat_id: int) -> list[PendingApproval]:
        """The group's messages awaiting a decision, oldest first."""
        ...

    async def chats_awaiting(self) -> list[int]:
        """The groups with anything awaiting a decision."""
        ...

    async def reason_wanted(self, chat_id: int, user_id: int) -> PendingApproval | None:
        """The rejection whose reason this admin was asked for in this group, if any."""
        ...

    async def give_reason(self, chat_id: int, message_id: int, reason: str) -> bool:
        """Keep the reason of a rejection still wanting one; False when it had one already."""
        ...

    async def claim_reminder(self, chat_id: int, day: date) -> bool:
        """True the first time on this day: the group's admins are reminded once a day."""
        ...
