"""Tests for the SQLite pending notices: a notice waiting for an admin survives a restart; taken once."""

from datetime import UTC, datetime
from decimal import Decimal

from balance_bot.domain.bank_notices import BankNotice
from balance_bot.domain.money import Currency
from balance_bot.ports import PendingNotice
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.pending_notices import SqlitePendingNotices

POSTED = datetime(2025, 10, 11, 3, 25, tzinfo=UTC)
ABA = BankNotice(
    "ABA", Decimal("10.00"), Currency.USD, "LOR PISETH", datetime(2025, 10, 11, 10, 21), "176015291049703"
)
PRASAC = BankNotice("PRASAC", Decimal(48000), Currency.KHR, "ហួត ដូ", datetime(2025, 10, 11, 10, 12, 41), None)


async def test_a_waiting_notice_is_kept_across_a_restart_and_taken_once(tmp_path):
    path = tmp_path / "bot.sqlite3"
    first = Database(path)
    await SqlitePendingNotices(first).put(PendingNotice(-100, 10, 7, POSTED, ABA))
    await SqlitePendingNotices(first).put(PendingNotice(-100, 11, 8, POSTED, PRASAC))
    await first.close()
    again = Database(path)
    notices = SqlitePendingNotices(again)
    try:
        assert await notices.take(-100, 10) == PendingNotice(-100, 10, 7, POSTED, ABA)
        assert await notices.take(-100, 10) is None
        assert await notices.take(-100, 11) == PendingNotice(-100, 11, 8, POSTED, PRASAC)
    finally:
        await again.close()


async def test_a_waiting_notice_follows_its_group_to_the_supergroup(database):
    notices = SqlitePendingNotices(database)
    await notices.put(PendingNotice(-100, 10, 7, POSTED, ABA))
    await SqliteChatMoves(database).move(-100, -1009)
    assert await notices.take(-100, 10) is None
    assert (await notices.take(-1009, 10)).notice == ABA
