"""GroupAllowances in memory, as SQLite keeps them: allowed groups and those told once, latest first."""

from __future__ import annotations

from balance_bot.groups.served_groups import AskingGroup


class InMemoryGroupAllowances:
    """The groups allowed with /allow, and those told the bot is private, in the order they came."""

    def __init__(self) -> None:
        self.allowed_by: dict[int, int] = {}
        self.told: dict[int, str] = {}

    async def allowed(self) -> set[int]:
        return set(self.allowed_by)

    async def allow(self, chat_id: int, by_user_id: int) -> bool:
        if chat_id in self.allowed_by:
            return False
        self.allowed_by[chat_id] = by_user_id
        return True

    async def turned_away(self, chat_id: int, title: str) -> bool:
        if chat_id in self.told:
            return False
        self.told[chat_id] = title
        return True

    async def asking(self, limit: int) -> list[AskingGroup]:
        waiting = [
            AskingGroup(chat_id, title)
            for chat_id, title in self.told.items()
            if chat_id not in self.allowed_by
        ]
        return list(reversed(waiting))[:limit]
