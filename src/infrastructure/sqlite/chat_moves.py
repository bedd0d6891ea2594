"""Groups upgraded to supergroups, in SQLite: everything kept under the old id moves to the new one."""

from __future__ import annotations

import sqlite3

from infrastructure.sqlite.database import Database

# Tables keyed by chat whose rows move as they are; where the new id has a row already it is kept.
_MOVED_TABLES = (
    "pending_purpose",
    "saved_message",
    "chat_preference",
    "chat_sheet",
    "outbox",
    "llm_call",
    "month_summary",
    "chat_membership",
    "budget_notice",
    "chat_member",
    "advance_reminder",
    "allowed_group",  # a group allowed with /allow stays allowed as a supergroup
    "pending_notice",
    "pending_approval",
    "approval_reminder",
)


class SqliteChatMoves:
    """ChatMoves: the pairs of ids, and the move of a group's rows in one transaction."""

    def __init__(self, database: Database) -> None:
        self._database = database
        # Asked for every message of a group when some group has a BALANCE_SHEET_BY_CHAT entry:
        # each group's answer is read once, and a move made through this instance updates it.
        self._former: dict[int, int | None] = {}

    async def move(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Move every row of the old id to the new one; False when it was moved before."""
        moved = await self._database.run(lambda db: _move(db, old_chat_id, new_chat_id))
        self._former[new_chat_id] = old_chat_id
        return moved

    async def former_id(self, chat_id: int) -> int | None:
        """The group's id before it became a supergroup."""
        if chat_id not in self._former:
            row = await self._database.run(lambda db: db.execute(_FORMER, (chat_id,)).fetchone())
            self._former[chat_id] = None if row is None else int(row[0])
        return self._former[chat_id]

    async def moves(self) -> list[tuple[int, int]]:
        """Every (old id, new id) pair, oldest first."""
        rows = await self._database.run(lambda db: db.execute(_PAIRS).fetchall())
        return [(int(old), int(new)) for old, new in rows]


_FORMER = "SELECT old_chat_id FROM chat_move WHERE new_chat_id = ?"
_PAIRS = "SELECT old_chat_id, new_chat_id FROM chat_move ORDER BY moved_at, rowid"


def _move(db: sqlite3.Connection, old: int, new: int) -> bool:
    inserted = db.execute(
        "INSERT OR IGNORE INTO chat_move (old_chat_id, new_chat_id) VALUES (?, ?)", (old, new)
    ).rowcount
    if not inserted:
        return False
    for table in _MOVED_TABLES:
        db.execute(f"UPDATE OR IGNORE {table} SET chat_id = ? WHERE chat_id = ?", (new, old))
        db.execute(f"DELETE FROM {table} WHERE chat_id = ?", (old,))
    db.execute(
        """
        INSERT INTO chat_message_tally (month, chat_id, messages, without_llm)
            SELECT month, ?, messages, without_llm FROM chat_message_tally WHERE chat_id = ?
        ON CONFLICT (month, chat_id) DO UPDATE SET messages = messages + excluded.messages,
                                                   without_llm = without_llm + excluded.without_llm
        """,
        (new, old),
    )
    db.execute("DELETE FROM chat_message_tally WHERE chat_id = ?", (old,))
    return True
