"""Tests for the SQLite proposals of photos: one waits across a restart, is taken once, follows its group."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.ports import ProposedExpense
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.proposed_expenses import SqliteProposedExpenses

POSTED = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
RECEIPT = ProposedExpense(
    -100,
    10,
    7,
    "Sokha",
    POSTED,
    Money(Decimal("12.50"), Currency.USD),
    "Lucky Supermarket",
    date(2026, 12, 2),
    "https://t.me/c/100/10",
)
SCREEN = replace(
    RECEIPT, message_id=11, money=Money(Decimal(40000), Currency.KHR), bank="ABA", transaction_id="17"
)


async def test_a_proposal_waits_across_a_restart_and_is_taken_once(tmp_path):
    path = tmp_path / "bot.sqlite3"
    first = Database(path)
    await SqliteProposedExpenses(first).put(RECEIPT)
    await SqliteProposedExpenses(first).put(SCREEN)
    await first.close()
    again = Database(path)
    proposals = SqliteProposedExpenses(again)
    try:
        assert await proposals.get(-100, 10) == RECEIPT
        assert await proposals.take(-100, 10) == RECEIPT
        assert await proposals.take(-100, 10) is None
        assert await proposals.take(-100, 11) == SCREEN
    finally:
        await again.close()


async def test_the_proposal_a_member_was_last_asked_the_amount_of_is_found(database):
    proposals = SqliteProposedExpenses(database)
    await proposals.put(RECEIPT)
    await proposals.put(SCREEN)
    assert await proposals.editing(-100, 7) is None
    await proposals.put(replace(SCREEN, editing_by=7))
    await proposals.put(replace(RECEIPT, editing_by=7, asked_at=POSTED))
    assert await proposals.editing(-100, 7) == replace(RECEIPT, editing_by=7, asked_at=POSTED)
    assert await proposals.editing(-100, 8) is None


async def test_a_proposal_follows_its_group_to_the_supergroup(database):
    proposals = SqliteProposedExpenses(database)
    await proposals.put(RECEIPT)
    await SqliteChatMoves(database).move(-100, -1009)
    assert await proposals.take(-100, 10) is None
    assert await proposals.take(-1009, 10) == replace(RECEIPT, chat_id=-1009)
