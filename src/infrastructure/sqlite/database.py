"""One SQLite connection on its own thread, checked at open, with versioned migrations applied."""

from __future__ import annotations

import fcntl
import os
import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import IO, TypeVar

from balance_bot.ports import StorageUnavailable
from infrastructure.sqlite.migrations import MIGRATIONS
from infrastructure.worker_thread import WorkerThread

__all__ = [
    "MIGRATIONS",
    "Database",
    "DatabaseDamaged",
    "DatabaseInUse",
    "FolderUnusable",
    "hold_database",
    "hold_file",
    "verify_database",
]

T = TypeVar("T")
# After a failed write, `health` fails this long even if a small probe write succeeds.
FAILURES_REMEMBERED_SECONDS = 120.0
RESTORE_HOW = (
    "stop the bot, restore {path} from your backup (or move it away and delete {marker} to start "
    "with an empty database: expenses not yet in the sheet are then lost), and start it again"
)


class DatabaseDamaged(Exception):
    """The database file is corrupt, or empty where the bot had kept state: starting would lose it."""


class FolderUnusable(Exception):
    """The folder a setting names cannot be made or written: the message names the setting."""


class DatabaseInUse(Exception):
    """Another balance-bot process holds the database; two would write every row twice."""


class Database:
    """The bot's SQLite file: WAL, synchronous commits, and every call off the event loop.

    A file that cannot be written (a full or read-only disk) raises StorageUnavailable; one that
    is corrupt, or empty where the bot had run before, raises DatabaseDamaged when opened.
    """

    def __init__(self, path: Path) -> None:
        self._path = path
        self._worker = WorkerThread("sqlite")
        self._connection: sqlite3.Connection | None = None
        self._failed_at: float | None = None

    async def open(self) -> None:
        """Open the file, creating it and its folder, and bring the schema up to date."""
        await self.run(lambda connection: None)

    async def run(self, work: Callable[[sqlite3.Connection], T]) -> T:
        """Run a function with the connection on the database thread, in one transaction."""

        def in_transaction() -> T:
            connection = self._connect()
            with connection:
                result = work(connection)
            if isinstance(result, sqlite3.Cursor):
                # A cursor holds a statement the connection caches: dropped on the event loop's thread,
                # it would reset that statement while this thread runs it for the next call, and SQLite
                # refuses the call ("bad parameter or other API misuse"). Closed here; rowcount stays.
                result.close()
            return result

        try:
            return await self._worker.run(in_transaction)
        except (sqlite3.IntegrityError, sqlite3.ProgrammingError, sqlite3.InterfaceError):
            raise  # a bug of ours, not the disk's
        except sqlite3.DatabaseError as exc:
            self._failed_at = time.monotonic()
            raise StorageUnavailable(f"the bot's database {self._path} cannot be written: {exc}") from exc

    async def prove_writable(self) -> None:
        """Write one row now: StorageUnavailable when the disk is full or read-only, or when any
        write failed in the last FAILURES_REMEMBERED_SECONDS (a nearly full disk may still take
        this small one)."""
        await self.run(lambda db: db.execute(_HEARTBEAT))
        failed_at = self._failed_at
        if failed_at is not None and time.monotonic() - failed_at < FAILURES_REMEMBERED_SECONDS:
            seconds = time.monotonic() - failed_at
            raise StorageUnavailable(f"a write to {self._path} failed {seconds:.0f} s ago")

    async def close(self) -> None:
        """Close the connection and stop the thread."""

        def close_connection() -> None:
            if self._connection is not None:
                self._connection.close()
                self._connection = None

        await self._worker.run(close_connection)
        self._worker.shutdown()

    def _connect(self) -> sqlite3.Connection:
        if self._connection is None:
            in_memory = str(self._path) == ":memory:"
            if not in_memory:
                self._path.parent.mkdir(parents=True, exist_ok=True)
                verify_database(self._path)
                # It holds members' names and posts: readable by the bot's user only (SQLite gives
                # its -wal and -shm files the same mode).
                if not self._path.exists():
                    os.close(os.open(self._path, os.O_CREAT | os.O_WRONLY, 0o600))
            connection = sqlite3.connect(self._path, check_same_thread=False, isolation_level=None)
            connection.execute("PRAGMA journal_mode=WAL")
            connection.execute("PRAGMA synchronous=FULL")
            connection.isolation_level = "DEFERRED"
            _migrate(connection)
            if not in_memory:
                _started_marker(self._path).touch()
            self._connection = connection
        return self._connection


def verify_database(path: Path) -> None:
    """Raise DatabaseDamaged when the file is corrupt, or empty though the bot kept state in it.

    The bot leaves a marker beside its database once it has used it: a missing or empty file
    next to that marker means the state was lost (a disk fault, a bad restore), and starting
    afresh would silently drop the expenses still waiting for the sheet.
    """
    marker = _started_marker(path)
    how = RESTORE_HOW.format(path=path, marker=marker)
    if marker.exists() and (not path.exists() or path.stat().st_size == 0):
        raise DatabaseDamaged(f"the database {path} is missing or empty though the bot has used it: {how}")
    if not path.exists():
        return
    try:
        with sqlite3.connect(f"file:{path}?mode=ro", uri=True) as connection:
            problems = [row[0] for row in connection.execute("PRAGMA quick_check").fetchall()]
            (version,) = connection.execute("PRAGMA user_version").fetchone()
        connection.close()
    except sqlite3.OperationalError:
        return  # cannot be opened (a read-only disk, a lock): not damage; using it will say what is wrong
    except sqlite3.DatabaseError as exc:
        raise DatabaseDamaged(f"the database {path} cannot be read ({exc}): {how}") from exc
    if problems != ["ok"]:
        raise DatabaseDamaged(f"the database {path} is corrupt ({problems[0]}): {how}")
    if marker.exists() and version == 0:
        raise DatabaseDamaged(f"the database {path} is empty though the bot has used it: {how}")


def hold_database(path: Path) -> IO[str]:
    """Lock the database for this process's life (keep the returned file open); DatabaseInUse if taken."""
    return hold_file(path, "DATABASE_PATH")


def hold_file(path: Path, setting: str) -> IO[str]:
    """Lock the file for this process's life; DatabaseInUse if another process holds it.

    The lock is beside the file the path resolves to: a symlink, `data/../data/x` or another working
    folder naming the same file finds the same lock.
    """
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        real = path.resolve()
        lock = open(real.with_name(f"{real.name}.lock"), "a+", encoding="utf-8")  # noqa: SIM115 - held until exit
    except OSError as exc:
        raise FolderUnusable(
            f"cannot use the folder of {setting} {path} ({exc.strerror or exc}): make it a folder the bot's "
            "user may write, or change the setting"
        ) from exc
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError as exc:
        lock.seek(0)
        holder = lock.read().strip() or "another process"
        lock.close()
        raise DatabaseInUse(
            f"another balance-bot (pid {holder}) is running on {real}: stop it first, "
            f"or give this one its own {setting}"
        ) from exc
    lock.truncate(0)
    lock.write(str(os.getpid()))
    lock.flush()
    return lock


def _started_marker(path: Path) -> Path:
    return path.with_name(f"{path.name}.started")


_HEARTBEAT = "INSERT OR REPLACE INTO heartbeat (id, at) VALUES (1, datetime('now'))"


def _migrate(connection: sqlite3.Connection) -> None:
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
        connection.executescript(f"BEGIN; {script}; PRAGMA user_version = {number}; COMMIT;")
