"""Use case: the bot added to a group or removed from it; greet once, serve only where it is."""

from __future__ import annotations

from collections.abc import Iterable

from balance_bot.ports import Memberships


class GroupMembership:
    """Keeps track of the groups the bot is in, so that rounds and summaries stop where it left."""

    def __init__(self, memberships: Memberships) -> None:
        self._memberships = memberships

    async def added(self, chat_id: int) -> bool:
        """The bot joined (or rejoined) the group; True when the group should be greeted."""
        await self._memberships.record_presence(chat_id, present=True)
        return await self._memberships.claim_greeting(chat_id)

    async def removed(self, chat_id: int) -> None:
        """The bot was removed or kicked: nothing more is posted there until it is added back."""
        await self._memberships.record_presence(chat_id, present=False)

    async def served(self, chat_ids: Iterable[int]) -> list[int]:
        """Those of the groups the bot is still in."""
        absent = await self._memberships.absent()
        return [chat_id for chat_id in chat_ids if chat_id not in absent]
