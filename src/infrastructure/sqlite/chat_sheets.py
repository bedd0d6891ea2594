"""Which Google Sheet an admin connected each group to, in SQLite."""

from __future__ import annotations

from infrastructure.sqlite.database import Database


class SqliteChatSheets:
    """SheetConnections kept across restarts; each group's answer is read once, then kept in memory.

    Every saved expense asks which sheet its group uses, so one instance serves both /connect and
    the ledgers, and a connection made through it is seen at once.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._known: dict[int, str | None] = {}

    async def connect(self, chat_id: int, spreadsheet_id: str) -> None:
        """Remember a group's spreadsheet, replacing an earlier one."""
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO chat_sheet (chat_id, spreadsheet_id) VALUES (?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET spreadsheet_id = excluded.spreadsheet_id, "
                "connected_at = datetime('now')",
                (chat_id, spreadsheet_id),
            )
        )
        self._known[chat_id] = spreadsheet_id

    async def connected(self, chat_id: int) -> str | None:
        """The group's spreadsheet, if an admin connected one."""
        if chat_id not in self._known:
            row = await self._database.run(
                lambda db: db.execute(
                    "SELECT spreadsheet_id FROM chat_sheet WHERE chat_id = ?", (chat_id,)
                ).fetchone()
            )
            self._known[chat_id] = None if row is None else str(row[0])
        return self._known[chat_id]
