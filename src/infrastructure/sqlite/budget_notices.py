"""The budget thresholds each group was told about, once a month each, in SQLite."""

from __future__ import annotations

from infrastructure.sqlite.database import Database


class SqliteBudgetNotices:
    """BudgetNoticeLog: a claim is a row inserted once; a second claim finds it there."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def claim(self, chat_id: int, month: str, category: str, threshold: int) -> bool:
        """True only the first time for this group, month, category and threshold."""
        cursor = await self._database.run(
            lambda db: db.execute(
                "INSERT OR IGNORE INTO budget_notice (chat_id, month, category, threshold) "
                "VALUES (?, ?, ?, ?)",
                (chat_id, month, category, threshold),
            )
        )
        return int(cursor.rowcount) == 1
