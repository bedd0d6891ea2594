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


async def test_a_groups_sheet_is_read_from_the_database_once(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    sheets = SqliteChatSheets(database)
    await sheets.connect(-100, "sheet-a")
    fresh = SqliteChatSheets(database)
    assert await fresh.connected(-100) == "sheet-a"
    await database.run(lambda db: db.execute("DELETE FROM chat_sheet"))
    assert await fresh.connected(-100) == "sheet-a"  # answered from memory, no query per expense
    await fresh.connect(-100, "sheet-b")
    assert await fresh.connected(-100) == "sheet-b"
    await database.close()
