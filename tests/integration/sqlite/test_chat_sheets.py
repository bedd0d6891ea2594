"""Tests for the groups' connected spreadsheets in SQLite."""

from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import Database


async def test_a_connection_is_remembered_replaced_and_kept_across_a_restart(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    sheets = SqliteChatSheets(first)
    assert await sheets.connected(-100) is None
    await sheets.connect(-100, "sheet-a")
    await sheets.connect(-100, "sheet-b")
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    assert await SqliteChatSheets(second).connected(-100) == "sheet-b"
    await second.close()
