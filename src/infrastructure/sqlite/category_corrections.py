"""The categories members and bookkeepers chose for a purpose's words, per spreadsheet, in SQLite."""

from __future__ import annotations

from infrastructure.sqlite.database import Database


class SqliteCategoryCorrections:
    """CategoryCorrections: read once per spreadsheet, then kept with every correction made here."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._known: dict[str, dict[str, str]] = {}

    async def learned(self, ledger: str) -> dict[str, str]:
        """Purpose key -> category, for one spreadsheet."""
        if ledger not in self._known:
            rows = await self._database.run(
                lambda db: db.execute(
                    "SELECT purpose_key, category FROM category_correction WHERE ledger = ?", (ledger,)
                ).fetchall()
            )
            self._known[ledger] = dict(rows)
        return self._known[ledger]

    async def learn(self, ledger: str, purpose_key: str, category: str) -> None:
        """Remember the category for the words; the latest choice wins."""
        if not purpose_key:
            return
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO category_correction (ledger, purpose_key, category) VALUES (?, ?, ?) "
                "ON CONFLICT (ledger, purpose_key) DO UPDATE SET category = excluded.category, "
                "learned_at = datetime('now')",
                (ledger, purpose_key, category),
            )
        )
        (await self.learned(ledger))[purpose_key] = category

    async def forget(self, ledger: str) -> int:
        """Drop the spreadsheet's corrections; how many there were."""
        cursor = await self._database.run(
            lambda db: db.execute("DELETE FROM category_correction WHERE ledger = ?", (ledger,))
        )
        self._known[ledger] = {}
        return int(cursor.rowcount)
