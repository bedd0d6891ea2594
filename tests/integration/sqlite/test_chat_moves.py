"""Tests for the move of a group's rows to its supergroup id, in SQLite."""

from datetime import UTC, datetime, timedelta
from decimal import Decimal

from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import PendingPurpose
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.chat_moves import _MOVED_TABLES, SqliteChatMoves
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.chat_sheets import SqliteChatSheets

OLD, NEW = -4001, -1004001
NOW = datetime(2026, 12, 3, 3, 0, tzinfo=UTC)


async def test_every_row_of_the_old_id_moves_to_the_new_one_once(database):
    state = SqliteCaptureState(database)
    entry = ExpenseEntry(Money(Decimal(3), Currency.USD), "")
    await state.put_pending(PendingPurpose(OLD, 7, 100, entry, NOW, NOW + timedelta(minutes=5)))
    await SqliteChatPreferences(database).set_quiet(OLD, True)
    await SqliteChatSheets(database).connect(OLD, "sheet-1")
    await database.run(
        lambda db: db.executemany(
            "INSERT INTO chat_message_tally VALUES (?, ?, ?, ?)",
            [("2026-12", OLD, 5, 4), ("2026-12", NEW, 1, 1)],
        )
    )
    moves = SqliteChatMoves(database)
    assert await moves.move(OLD, NEW)
    assert not await moves.move(OLD, NEW)  # Telegram tells it twice: once in each chat
    assert await state.take_pending(NEW, 7, NOW) is not None
    assert await SqliteChatPreferences(database).quiet(NEW) is True
    assert await SqliteChatSheets(database).connected(NEW) == "sheet-1"
    tally = await database.run(
        lambda db: db.execute("SELECT chat_id, messages FROM chat_message_tally").fetchall()
    )
    assert [tuple(row) for row in tally] == [(NEW, 6)]
    for table in _MOVED_TABLES:
        left = await database.run(
            lambda db, t=table: db.execute(f"SELECT count(*) FROM {t} WHERE chat_id = ?", (OLD,)).fetchone()
        )
        assert left[0] == 0, table
    assert await moves.former_id(NEW) == OLD
    assert await moves.moves() == [(OLD, NEW)]
