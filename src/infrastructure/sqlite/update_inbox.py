"""Telegram updates still being handled when the next getUpdates would confirm them, kept in SQLite."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence

from infrastructure.sqlite.database import Database


class SqliteUpdateInbox:
    """Updates kept before Telegram forgets them; those the handled-update log has are dropped at start."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def keep(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep (update_id, JSON) pairs in one transaction."""
        rows = list(updates)
        await self._database.run(lambda db: db.executemany(_KEEP, rows))

    async def unhandled(self) -> list[tuple[int, str]]:
        """The kept updates the log does not call handled, oldest first; the rest are forgotten."""

        def take(db: sqlite3.Connection) -> list[tuple[int, str]]:
            db.execute(_FORGET_HANDLED)
            db.execute(_FORGET_OLD)  # their handled-update rows may be pruned by now
            return [(int(update_id), str(body)) for update_id, body in db.execute(_UNHANDLED)]

        return await self._database.run(take)


_KEEP = "INSERT OR IGNORE INTO update_inbox (update_id, body) VALUES (?, ?)"
_FORGET_HANDLED = "DELETE FROM update_inbox WHERE update_id IN (SELECT update_id FROM handled_update)"
_FORGET_OLD = "DELETE FROM update_inbox WHERE kept_at < datetime('now', '-7 days')"
_UNHANDLED = "SELECT update_id, body FROM update_inbox ORDER BY update_id"
