"""The members seen in each group, and the reminders sent about their advances."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True, slots=True)
class SeenMember:
    """A member the bot has seen post in a group: whom `/advance @name` can name."""

    user_id: int
    name: str  # as the sheet's "Posted by" writes it
    username: str | None = None


class MemberDirectory(Protocol):
    """The members seen in each group, found again by @username."""

    async def seen(self, chat_id: int, member: SeenMember) -> None:
        """Remember the member (their latest name and username)."""
        ...

    async def by_username(self, chat_id: int, username: str) -> SeenMember | None:
        """The member of the group with that @username (without the @, any case); None if never seen."""
        ...

    async def members(self, chat_id: int) -> list[SeenMember]:
        """Every member seen in the group."""
        ...

    async def groups_of(self, user_id: int) -> list[int]:
        """The groups the user was seen posting in."""
        ...


class AdvanceReminderLog(Protocol):
    """The reminders sent about an advance: one per member and advance."""

    async def claim(self, chat_id: int, member: str, since: str) -> bool:
        """True only the first time for the member's advance held since that day."""
        ...
