"""Per-chat preferences in SQLite: how a group wants its confirmations."""

from __future__ import annotations

from infrastructure.sqlite.database import Database


class SqliteChatPreferences:
    """A group's choice of quiet confirmations, kept across restarts."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def quiet(self, chat_id: int) -> bool | None:
        """The group's choice; None when it has not chosen."""
        row = await self._database.run(
            lambda db: db.execute(
                "SELECT quiet FROM chat_preference WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        )
        return None if row is None or row[0] is None else bool(row[0])

    async def set_quiet(self, chat_id: int, quiet: bool) -> None:
        """Remember the group's choice."""
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO chat_preference (chat_id, quiet) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET quiet = excluded.quiet",
                (chat_id, int(quiet)),
            )
        )
