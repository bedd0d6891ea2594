"""The service account of the pool that serves each spreadsheet, and each account's requests a minute."""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from balance_bot.ports import AccountLoad
from infrastructure.sqlite.database import Database

# Minutes of counts kept: a day, enough for `status` and `check` (they look at the last hour).
KEEP_MINUTES = 24 * 60
HOUR_MINUTES = 60


@dataclass(frozen=True, slots=True)
class MinuteCount:
    """The requests one account sent in one minute (minutes since the epoch, UTC)."""

    account: str
    minute: int
    writes: int
    reads: int


class SqliteSheetAccounts:
    """Which account serves each spreadsheet, read once and then kept in memory (every write asks)."""

    def __init__(self, database: Database) -> None:
        self._database = database
        self._known: dict[str, str] | None = None

    async def serving(self, spreadsheet_id: str) -> str | None:
        """The account kept for the spreadsheet, if any."""
        return (await self._all()).get(spreadsheet_id)

    async def serve(self, spreadsheet_id: str, account: str) -> None:
        """Keep the account for the spreadsheet, replacing an earlier one."""
        await self._database.run(
            lambda db: db.execute(
                "INSERT INTO sheet_account (spreadsheet_id, account) VALUES (?, ?) "
                "ON CONFLICT (spreadsheet_id) DO UPDATE SET account = excluded.account, "
                "kept_at = datetime('now')",
                (spreadsheet_id, account),
            )
        )
        (await self._all())[spreadsheet_id] = account

    async def loads(self, accounts: Sequence[tuple[str, str]], now_minute: int) -> list[AccountLoad]:
        """Each (account, project)'s spreadsheets and requests: in the last minute that is over, in
        the hour (this minute's kept counts included), and in the hour's busiest minute. A
        spreadsheet connected with /connect that no account was kept for is the first account's (it
        was connected before the pool, with it)."""
        default = accounts[0][0] if accounts else ""

        def read(db: sqlite3.Connection) -> tuple[list[Any], list[Any]]:
            sheets = db.execute(
                "SELECT COALESCE(kept.account, ?), COUNT(*) FROM "
                "(SELECT spreadsheet_id FROM chat_sheet UNION SELECT spreadsheet_id FROM sheet_account) "
                "AS sheet LEFT JOIN sheet_account AS kept USING (spreadsheet_id) GROUP BY 1",
                (default,),
            ).fetchall()
            minutes = db.execute(
                "SELECT account, minute, writes, reads FROM sheet_account_minute "
                "WHERE minute > ? AND minute <= ?",
                (now_minute - HOUR_MINUTES, now_minute),
            ).fetchall()
            return sheets, minutes

        sheets, minutes = await self._database.run(read)
        served = {str(account): int(count) for account, count in sheets}
        counted: dict[str, list[MinuteCount]] = {}
        for account, minute, writes, reads in minutes:
            counted.setdefault(str(account), []).append(MinuteCount(account, minute, writes, reads))
        return [
            _load(email, project, served.get(email, 0), counted.get(email, []), now_minute)
            for email, project in accounts
        ]

    async def record(self, counts: Mapping[tuple[str, int], tuple[int, int]]) -> None:
        """Add (writes, reads) to each (account, minute); forget minutes older than a day."""

        def add(db: sqlite3.Connection) -> None:
            db.executemany(
                "INSERT INTO sheet_account_minute (account, minute, writes, reads) VALUES (?, ?, ?, ?) "
                "ON CONFLICT (account, minute) DO UPDATE SET writes = writes + excluded.writes, "
                "reads = reads + excluded.reads",
                [(account, minute, writes, reads) for (account, minute), (writes, reads) in counts.items()],
            )
            latest = max(minute for _, minute in counts)
            db.execute("DELETE FROM sheet_account_minute WHERE minute < ?", (latest - KEEP_MINUTES,))

        if counts:
            await self._database.run(add)

    async def _all(self) -> dict[str, str]:
        if self._known is None:
            rows = await self._database.run(
                lambda db: db.execute("SELECT spreadsheet_id, account FROM sheet_account").fetchall()
            )
            self._known = {str(row[0]): str(row[1]) for row in rows}
        return self._known


def _load(email: str, project: str, spreadsheets: int, minutes: list[MinuteCount], now: int) -> AccountLoad:
    last = [count for count in minutes if count.minute == now - 1]
    return AccountLoad(
        email,
        project,
        spreadsheets,
        writes_last_minute=sum(count.writes for count in last),
        reads_last_minute=sum(count.reads for count in last),
        writes_last_hour=sum(count.writes for count in minutes),
        reads_last_hour=sum(count.reads for count in minutes),
        busiest_writes=max((count.writes for count in minutes), default=0),
        busiest_reads=max((count.reads for count in minutes), default=0),
    )
