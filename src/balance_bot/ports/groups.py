"""What the bot keeps of each group: its presence, its supergroup move, its language and settings."""

from __future__ import annotations

from typing import Protocol

from balance_bot.domain.language import Speech


class Memberships(Protocol):
    """Which groups the bot is in, and which it has greeted."""

    async def record_presence(self, chat_id: int, present: bool) -> None:
        """The bot was added to the group (True) or removed or kicked from it (False)."""
        ...

    async def absent(self) -> set[int]:
        """The groups the bot was removed from and not added back to."""
        ...

    async def claim_greeting(self, chat_id: int) -> bool:
        """True only the first time for the group."""
        ...


class ChatMoves(Protocol):
    """Groups Telegram upgraded to supergroups: their old id, their new one, and what was kept."""

    async def move(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Everything kept under the old id moves to the new one, in one transaction; False when
        that was done before."""
        ...

    async def former_id(self, chat_id: int) -> int | None:
        """The id the group had before it became a supergroup, if it had one."""
        ...

    async def moves(self) -> list[tuple[int, int]]:
        """Every (old id, new id) pair, oldest first."""
        ...


class ChatLanguageStore(Protocol):
    """Each group's choice of language for the bot's replies, kept across restarts."""

    async def speech(self, chat_id: int) -> Speech | None:
        """The group's choice; None when it has not chosen."""
        ...

    async def set_speech(self, chat_id: int, speech: Speech) -> None:
        """Remember the group's choice."""
        ...


class GroupLanguages(Protocol):
    """The language each group is spoken to in, as the use cases read it: its choice, else the default."""

    async def for_group(self, chat_id: int) -> Speech:
        """The group's choice, else the default."""
        ...


class GroupSettingsStore(Protocol):
    """What a group chose with /settings; None where it has not chosen."""

    async def payment_mode(self, chat_id: int) -> str | None:
        """A PaymentMode's value."""
        ...

    async def set_payment_mode(self, chat_id: int, mode: str) -> None:
        """Remember it."""
        ...

    async def claim_payments_question(self, chat_id: int) -> bool:
        """True only the first time: the group is asked whose money pays once, whatever restarts."""
        ...

    async def advance_reminders(self, chat_id: int) -> bool | None:
        """Whether members holding an old advance are reminded."""
        ...

    async def set_advance_reminders(self, chat_id: int, on: bool) -> None:
        """Remember it."""
        ...

    async def approval_over(self, chat_id: int) -> str | None:
        """The approval threshold as kept ('100.00 USD', or 'off')."""
        ...

    async def set_approval_over(self, chat_id: int, threshold: str) -> None:
        """Remember it."""
        ...

    async def approval_hour(self, chat_id: int) -> int | None:
        """The hour of the day (the group's time) its admins are reminded of what awaits approval."""
        ...

    async def set_approval_hour(self, chat_id: int, hour: int) -> None:
        """Remember it."""
        ...
