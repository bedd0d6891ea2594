"""Tests for approvals in SQLite: kept across a restart, one decision of two taps at once, a reason once,
a reminder once a day, and a group's threshold and hour as it chose them."""

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.ports import ApprovalState, PendingApproval
from infrastructure.sqlite.approvals import SqliteApprovals
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.database import Database

CHAT, DARA, VANNA = -100, 8, 9
NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def laptop(message_id=101):
    return PendingApproval(
        CHAT, message_id, 7, NOW, {Currency.USD: Decimal("240.00"), Currency.KHR: Decimal(0)}
    )


async def test_an_expense_awaiting_approval_is_kept_across_a_restart(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    await SqliteApprovals(first).open(laptop())
    await SqliteApprovals(first).open(laptop())  # a redelivered message stays as it was
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    approvals = SqliteApprovals(second)
    assert await approvals.find(CHAT, 101) == laptop()
    assert await approvals.chats_awaiting() == [CHAT]
    assert [p.message_id for p in await approvals.awaiting(CHAT)] == [101]
    await second.close()


async def test_two_admins_deciding_at_once_give_one_decision(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    approvals = SqliteApprovals(database)
    await approvals.open(laptop())
    won = await asyncio.gather(
        approvals.decide(CHAT, 101, ApprovalState.APPROVED, DARA, "Dara", NOW),
        approvals.decide(CHAT, 101, ApprovalState.REJECTED, VANNA, "Vanna", NOW, reason_wanted=True),
    )
    assert sorted(won) == [False, True]
    decided = await approvals.find(CHAT, 101)
    assert decided.state is (ApprovalState.APPROVED if won[0] else ApprovalState.REJECTED)
    assert await approvals.awaiting(CHAT) == []
    await approvals.reopen(CHAT, 101)  # the sheet could not be written: undecided again
    assert (await approvals.find(CHAT, 101)).state is ApprovalState.AWAITING
    await database.close()


async def test_a_rejections_reason_is_kept_once_and_a_reminder_claimed_once_a_day(tmp_path):
    database = Database(tmp_path / "bot.sqlite3")
    approvals = SqliteApprovals(database)
    await approvals.open(laptop())
    await approvals.decide(CHAT, 101, ApprovalState.REJECTED, DARA, "Dara", NOW, reason_wanted=True)
    assert await approvals.reason_wanted(CHAT, VANNA) is None
    assert (await approvals.reason_wanted(CHAT, DARA)).message_id == 101
    assert await approvals.give_reason(CHAT, 101, "we have one")
    assert not await approvals.give_reason(CHAT, 101, "again")
    assert (await approvals.find(CHAT, 101)).reason == "we have one"
    assert await approvals.claim_reminder(CHAT, date(2026, 12, 3))
    assert not await approvals.claim_reminder(CHAT, date(2026, 12, 3))
    assert await approvals.claim_reminder(CHAT, date(2026, 12, 4))
    await database.close()


async def test_a_groups_threshold_and_hour_are_kept_across_a_restart(tmp_path):
    first = Database(tmp_path / "bot.sqlite3")
    settings = GroupSettings(SqliteChatPreferences(first))
    await settings.change_approvals(CHAT, ["approve", "over", "400000៛"])
    await settings.change_approvals(CHAT, ["approve", "at", "17"])
    await first.close()
    second = Database(tmp_path / "bot.sqlite3")
    again = await GroupSettings(SqliteChatPreferences(second), Money(Decimal(50), Currency.USD)).approvals(
        CHAT
    )
    assert again.over == Money(Decimal(400000), Currency.KHR)
    assert again.hour == 17
    assert again.chosen
    await second.close()
