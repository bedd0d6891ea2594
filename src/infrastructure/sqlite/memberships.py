"""The groups the bot is in, and those it has greeted, in SQLite."""

from __future__ import annotations

from infrastructure.sqlite.database import Database


class SqliteMemberships:
    """Memberships: presence and the one greeting per group, kept across restarts."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def record_presence(self, chat_id: int, present: bool) -> None:
        """The bot was added to the group (True) or removed from it (False)."""
        await self._database.run(lambda db: db.execute(_PRESENCE, (chat_id, int(present))))

    async def absent(self) -> set[int]:
        """The groups the bot was removed from and not added back to."""
        rows = await self._database.run(lambda db: db.execute(_ABSENT).fetchall())
        return {int(chat_id) for (chat_id,) in rows}

    async def seen(self) -> list[int]:
        """The groups the bot is in or has posted in, for the operator's ALLOWED_CHAT_IDS."""
        rows = await self._database.run(lambda db: db.execute(_SEEN).fetchall())
        return [int(chat_id) for (chat_id,) in rows]

    async def claim_greeting(self, chat_id: int) -> bool:
        """True only the first time for the group."""
        changed = await self._database.run(lambda db: db.execute(_GREET, (chat_id,)).rowcount)
        return bool(changed)


_PRESENCE = """
    INSERT INTO chat_membership (chat_id, present) VALUES (?, ?)
    ON CONFLICT (chat_id) DO UPDATE SET present = excluded.present
"""
_SEEN = """
    SELECT chat_id FROM chat_membership WHERE present = 1
    UNION SELECT chat_id FROM chat_message_tally WHERE chat_id != 0
    EXCEPT SELECT chat_id FROM chat_membership WHERE present = 0
    ORDER BY chat_id
"""
_ABSENT = "SELECT chat_id FROM chat_membership WHERE present = 0"
_GREET = """
    UPDATE chat_membership SET greeted_at = datetime('now') WHERE chat_id = ? AND greeted_at IS NULL
"""
