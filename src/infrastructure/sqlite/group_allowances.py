"""The groups the operator allowed with /allow, and those told that the bot is private, in SQLite."""

from __future__ import annotations

from balance_bot.groups.served_groups import AskingGroup
from infrastructure.sqlite.database import Database

TITLE_KEPT = 64  # a group's title, as the operator's /allow shows it


class SqliteGroupAllowances:
    """GroupAllowances, kept across restarts beside the bot's other tables."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def allowed(self) -> set[int]:
        """Every group allowed, by its current id (a move to a supergroup moves its row)."""
        rows = await self._database.run(lambda db: db.execute(_ALLOWED).fetchall())
        return {int(chat_id) for (chat_id,) in rows}

    async def allow(self, chat_id: int, by_user_id: int) -> bool:
        """Keep the group allowed; False when it was allowed before."""
        changed = await self._database.run(lambda db: db.execute(_ALLOW, (chat_id, by_user_id)).rowcount)
        return bool(changed)

    async def turned_away(self, chat_id: int, title: str) -> bool:
        """Note that the group was told the bot is private; True only the first time."""
        kept = title[:TITLE_KEPT]
        changed = await self._database.run(lambda db: db.execute(_TURN_AWAY, (chat_id, kept)).rowcount)
        return bool(changed)

    async def asking(self, limit: int) -> list[AskingGroup]:
        """The groups told the bot is private and not allowed since, the latest first."""
        rows = await self._database.run(lambda db: db.execute(_ASKING, (limit,)).fetchall())
        return [AskingGroup(int(chat_id), str(title)) for chat_id, title in rows]


_ALLOWED = "SELECT chat_id FROM allowed_group"
_ALLOW = "INSERT OR IGNORE INTO allowed_group (chat_id, allowed_by) VALUES (?, ?)"
_TURN_AWAY = "INSERT OR IGNORE INTO turned_away_group (chat_id, title) VALUES (?, ?)"
_ASKING = """
    SELECT chat_id, title FROM turned_away_group
    WHERE chat_id NOT IN (SELECT chat_id FROM allowed_group)
    ORDER BY turned_away_at DESC, rowid DESC LIMIT ?
"""
