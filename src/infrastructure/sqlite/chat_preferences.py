"""Per-chat preferences in SQLite: how a group wants its confirmations, and in which language."""

from __future__ import annotations

import sqlite3
from typing import Any

from balance_bot.domain.language import Language, Speech
from infrastructure.sqlite.database import Database


class SqliteChatPreferences:
    """A group's choice of quiet confirmations and of language, kept across restarts."""

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

    async def speech(self, chat_id: int) -> Speech | None:
        """The group's language; None when it has not chosen (or chose one this bot no longer speaks)."""
        row = await self._database.run(
            lambda db: db.execute(
                "SELECT language, khmer_digits FROM chat_preference WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        )
        if row is None or row[0] not in {language.value for language in Language}:
            return None
        return Speech(Language(row[0]), khmer_digits=bool(row[1]))

    async def set_speech(self, chat_id: int, speech: Speech) -> None:
        """Remember the group's language."""
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO chat_preference (chat_id, language, khmer_digits) VALUES (?, ?, ?) "
                "ON CONFLICT (chat_id) DO UPDATE SET "
                "language = excluded.language, khmer_digits = excluded.khmer_digits",
                (chat_id, speech.language.value, int(speech.khmer_digits)),
            )
        )

    async def payment_mode(self, chat_id: int) -> str | None:
        """Whose money pays for members' expenses, as the group chose; None when it has not."""
        value = await self._column(chat_id, "payment_mode")
        return None if value is None else str(value)

    async def set_payment_mode(self, chat_id: int, mode: str) -> None:
        """Remember the group's choice."""
        await self._set(chat_id, "payment_mode", mode)

    async def claim_payments_question(self, chat_id: int) -> bool:
        """True only the first time for the group: the moment it was asked is kept."""

        def claim(db: sqlite3.Connection) -> bool:
            db.execute("INSERT OR IGNORE INTO chat_preference (chat_id) VALUES (?)", (chat_id,))
            cursor = db.execute(
                "UPDATE chat_preference SET payments_asked_at = datetime('now') "
                "WHERE chat_id = ? AND payments_asked_at IS NULL",
                (chat_id,),
            )
            return cursor.rowcount == 1

        return bool(await self._database.run(claim))

    async def advance_reminders(self, chat_id: int) -> bool | None:
        """Whether members holding an old advance are reminded; None when the group has not chosen."""
        value = await self._column(chat_id, "advance_reminders")
        return None if value is None else bool(value)

    async def set_advance_reminders(self, chat_id: int, on: bool) -> None:
        """Remember the group's choice."""
        await self._set(chat_id, "advance_reminders", int(on))

    async def approval_over(self, chat_id: int) -> str | None:
        """The approval threshold as the group chose it ('100.00 USD', 'off'); None when it has not."""
        value = await self._column(chat_id, "approval_over")
        return None if value is None else str(value)

    async def set_approval_over(self, chat_id: int, threshold: str) -> None:
        """Remember the group's choice."""
        await self._set(chat_id, "approval_over", threshold)

    async def approval_hour(self, chat_id: int) -> int | None:
        """The hour the group's admins are reminded at; None when it has not chosen."""
        value = await self._column(chat_id, "approval_hour")
        return None if value is None else int(value)

    async def set_approval_hour(self, chat_id: int, hour: int) -> None:
        """Remember the group's choice."""
        await self._set(chat_id, "approval_hour", hour)

    async def _column(self, chat_id: int, column: str) -> Any:
        row = await self._database.run(
            lambda db: db.execute(
                f"SELECT {column} FROM chat_preference WHERE chat_id = ?", (chat_id,)
            ).fetchone()
        )
        return None if row is None else row[0]

    async def _set(self, chat_id: int, column: str, value: object) -> None:
        await self._database.run(
            lambda db: db.execute(
                f"INSERT INTO chat_preference (chat_id, {column}) VALUES (?, ?) "
                f"ON CONFLICT (chat_id) DO UPDATE SET {column} = excluded.{column}",
                (chat_id, value),
            )
        )
