"""Telegram update ids already handled, so an update delivered again after a restart is skipped."""

from __future__ import annotations

import sqlite3
from datetime import UTC, datetime

from infrastructure.sqlite.database import Database


class SqliteHandledUpdates:
    """The update ids the bot has handled; only ids up to the highest of the last run need a look-up.

    Telegram delivers again the updates it fetched just before a crash, because the next
    getUpdates never confirmed them. Ids above the highest handled before this start are new.
    """

    def __init__(self, database: Database) -> None:
        self._database = database
        self._highest_before_start: int | None = None

    async def start(self, forget_before: datetime) -> None:
        """Learn where the last run stopped, and drop ids older than `forget_before`."""

        def load(db: sqlite3.Connection) -> int:
            db.execute(_FORGET, (forget_before.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S"),))
            (highest,) = db.execute(_HIGHEST).fetchone()
            return int(highest or 0)

        self._highest_before_start = await self._database.run(load)

    async def seen(self, update_id: int) -> bool:
        """Whether the update was handled before."""
        if self._highest_before_start is None or update_id > self._highest_before_start:
            return False
        row = await self._database.run(lambda db: db.execute(_SEEN, (update_id,)).fetchone())
        return row is not None

    async def handled(self, update_id: int) -> None:
        """Remember that the update was handled."""
        await self._database.run(lambda db: db.execute(_HANDLED, (update_id,)))


_FORGET = "DELETE FROM handled_update WHERE handled_at < ?"
_HIGHEST = "SELECT MAX(update_id) FROM handled_update"
_SEEN = "SELECT 1 FROM handled_update WHERE update_id = ?"
_HANDLED = "INSERT OR IGNORE INTO handled_update (update_id) VALUES (?)"
