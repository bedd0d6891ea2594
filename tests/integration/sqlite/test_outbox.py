"""Tests for the SQLite outbox: kept across a restart, delivered once, summarised for the operator."""

from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import QueuedMessage, SavedMessage
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.outbox import SqliteOutbox

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
CHAT = -100


def queued(message_id, *purposes, chat_id=CHAT, revision=0, at=NOW):
    lines = tuple(
        LedgerLine(
            date(2026, 12, 3),
            purpose,
            Money(Decimal("12500"), Currency.KHR),
            "សុខា",
            EntrySource(chat_id, message_id, index),
        )
        for index, purpose in enumerate(purposes)
    )
    return QueuedMessage(chat_id, message_id, 7, at, Period(2026, 12), lines, True, revision)


def landed(message: QueuedMessage, first_row: int) -> SavedMessage:
    rows = tuple(
        SavedLine(line, "December 2026", first_row + offset, first_row - 1 + offset)
        for offset, line in enumerate(message.lines)
    )
    return SavedMessage(message.chat_id, message.message_id, message.author_id, message.queued_at, rows, True)


async def test_a_message_put_reads_back_exactly_after_a_restart(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    assert await SqliteOutbox(first).put(queued(1, "ទឹកកក", "ice"))
    await first.close()
    again = Database(tmp_path / "bot.sqlite3")
    assert await SqliteOutbox(again).waiting(CHAT) == [queued(1, "ទឹកកក", "ice")]
    await again.close()


async def test_a_held_expense_keeps_its_hour_across_a_restart(tmp_path):
    held = replace(queued(2, "tea"), hold_until=NOW + timedelta(seconds=60))
    first = Database(tmp_path / "bot.sqlite3")
    assert await SqliteOutbox(first).put(held)
    await first.close()
    again = Database(tmp_path / "bot.sqlite3")
    assert await SqliteOutbox(again).waiting(CHAT) == [held]
    await again.close()


async def test_the_same_message_and_revision_is_kept_once(database):
    outbox = SqliteOutbox(database)
    assert await outbox.put(queued(1, "coffee"))
    assert not await outbox.put(queued(1, "coffee"))
    assert await outbox.put(queued(1, "coffee", revision=1700000000))
    assert len(await outbox.waiting(CHAT)) == 2


async def test_waiting_messages_come_oldest_first_per_group(database):
    outbox = SqliteOutbox(database)
    for message_id in (3, 1, 2):
        await outbox.put(queued(message_id, "x"))
    await outbox.put(queued(9, "other group", chat_id=-200))
    assert [q.message_id for q in await outbox.waiting(CHAT)] == [3, 1, 2]
    assert sorted(await outbox.chats_waiting()) == [-200, CHAT]


async def test_delivered_messages_leave_the_queue_and_are_recorded_for_undo(database):
    outbox, state = SqliteOutbox(database), SqliteCaptureState(database)
    message = queued(1, "coffee", "tea")
    await outbox.put(message)
    await outbox.delivered([(message, landed(message, first_row=5))])
    assert await outbox.waiting(CHAT) == []
    assert await outbox.chats_waiting() == []
    assert await state.find(CHAT, 1) == landed(message, first_row=5)
    assert not await outbox.put(message), "a delivered message is still recognised"


async def test_failures_are_counted_and_summarised_with_the_last_error(database):
    outbox = SqliteOutbox(database)
    await outbox.put(queued(1, "coffee", "tea"))
    await outbox.put(queued(2, "ice", at=NOW + timedelta(minutes=1)))
    await outbox.failed(await outbox.waiting(CHAT), "Google Sheets answered 503")
    await outbox.failed(await outbox.waiting(CHAT), "Google Sheets answered 503")
    [summary] = await outbox.summary()
    assert (summary.chat_id, summary.messages, summary.lines, summary.attempts) == (CHAT, 2, 3, 2)
    assert summary.oldest == NOW
    assert summary.last_error == "Google Sheets answered 503"


async def test_delivered_messages_are_forgotten_after_a_while_and_waiting_ones_never(database):
    outbox = SqliteOutbox(database)
    old, waiting = queued(1, "coffee"), queued(2, "tea")
    await outbox.put(old)
    await outbox.put(waiting)
    await outbox.delivered([(old, landed(old, 2))])
    assert await outbox.forget_delivered(NOW + timedelta(days=8)) == 1
    assert [q.message_id for q in await outbox.waiting(CHAT)] == [2]


async def test_the_summary_counts_what_waits_for_the_rate_limit(database):
    outbox = SqliteOutbox(database)
    await outbox.put(queued(1, "tea"))
    await outbox.put(replace(queued(2, "coffee"), hold_until=NOW + timedelta(seconds=40)))
    (now,) = await outbox.summary(NOW)
    assert (now.messages, now.held) == (2, 1)
    (later,) = await outbox.summary(NOW + timedelta(minutes=1))
    assert later.held == 0
