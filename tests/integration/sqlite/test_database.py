"""Tests for the database thread: what a call hands back to the event loop keeps nothing of the connection."""

import sqlite3

import pytest

from infrastructure.sqlite.database import Database


async def test_a_cursor_a_call_returns_is_closed_on_the_database_thread_and_keeps_its_row_count(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    await database.run(lambda db: db.execute("CREATE TABLE t (n INTEGER)"))
    await database.run(lambda db: db.executemany("INSERT INTO t VALUES (?)", [(1,), (2,), (3,)]))

    cursor = await database.run(lambda db: db.execute("DELETE FROM t WHERE n > 1"))

    # Left open, the cursor would reset the connection's cached statement from the event loop's thread
    # when it is dropped there, while the database thread runs that statement again.
    assert cursor.rowcount == 2
    with pytest.raises(sqlite3.ProgrammingError, match="closed cursor"):
        cursor.fetchall()
    await database.close()
