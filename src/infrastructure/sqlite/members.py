"""The members seen in each group, in SQLite: whom an admin's `/advance @name` can name."""

from __future__ import annotations

from balance_bot.ports import SeenMember
from infrastructure.sqlite.database import Database

# Members remembered without a write: a busy group's members post many times a day.
SEEN_KEPT = 10_000


class SqliteMemberDirectory:
    """MemberDirectory: a member's latest name and @username per group, kept across restarts."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._known: dict[tuple[int, int], SeenMember] = {}

    async def seen(self, chat_id: int, member: SeenMember) -> None:
        """Remember the member as they are now (written only when new or renamed since this run saw them)."""
        if self._known.get((chat_id, member.user_id)) == member:
            return
        await self._database.run(
            lambda db: db.execute(_SEEN, (chat_id, member.user_id, member.name, member.username))
        )
        if len(self._known) >= SEEN_KEPT:
            self._known.clear()
        self._known[(chat_id, member.user_id)] = member

    async def by_username(self, chat_id: int, username: str) -> SeenMember | None:
        """The member with that @username in the group, if seen."""
        row = await self._database.run(lambda db: db.execute(_BY_USERNAME, (chat_id, username)).fetchone())
        return None if row is None else SeenMember(int(row[0]), str(row[1]), row[2])

    async def groups_of(self, user_id: int) -> list[int]:
        """The groups the user was seen posting in, the latest first."""
        rows = await self._database.run(
            lambda db: db.execute(
                "SELECT chat_id FROM chat_member WHERE user_id = ? ORDER BY seen_at DESC", (user_id,)
            ).fetchall()
        )
        return [int(chat_id) for (chat_id,) in rows]

    async def members(self, chat_id: int) -> list[SeenMember]:
        """Every member seen in the group, the latest seen first."""
        rows = await self._database.run(lambda db: db.execute(_MEMBERS, (chat_id,)).fetchall())
        return [SeenMember(int(user_id), str(name), username) for user_id, name, username in rows]


_MEMBERS = "SELECT user_id, name, username FROM chat_member WHERE chat_id = ? ORDER BY seen_at DESC"
_SEEN = """
    INSERT INTO chat_member (chat_id, user_id, name, username) VALUES (?, ?, ?, ?)
    ON CONFLICT (chat_id, user_id) DO UPDATE SET name = excluded.name, username = excluded.username,
                                                 seen_at = datetime('now')
"""
_BY_USERNAME = """
    SELECT user_id, name, username FROM chat_member WHERE chat_id = ? AND username = ? COLLATE NOCASE
    ORDER BY seen_at DESC LIMIT 1
"""


class SqliteAdvanceReminders:
    """AdvanceReminderLog: one reminder per member and advance, kept across restarts."""

    def __init__(self, database: Database) -> None:
        self._database = database

    async def claim(self, chat_id: int, member: str, since: str) -> bool:
        """True only the first time for the member's advance held since that day."""
        inserted = await self._database.run(
            lambda db: (
                db.execute(
                    "INSERT OR IGNORE INTO advance_reminder (chat_id, member, since) VALUES (?, ?, ?)",
                    (chat_id, member, since),
                ).rowcount
            )
        )
        return bool(inserted)
