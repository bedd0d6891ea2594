"""Bank notices in `balance-bot try`: pasted, they wait for an admin's /ours; "forwarded" from the bank's bot
with /forward, they are recorded at once; either way a payment is one row."""

from datetime import UTC, datetime, timedelta

import pytest

from tests.integration.test_help_in_try import typing_at

# Noon in Phnom Penh; the notice is from the morning before, as a bank's notice names its day.
NOW = datetime(2026, 12, 5, 5, 0, tzinfo=UTC)


def aba_notice(day: datetime) -> str:
    return (
        f"$10.00 paid by LOR PISETH (*467) on {day:%b} {day.day:02d}, 10:21 AM via ABA PAY at KEAM LILAY. "
        "Trx. ID: 176015291049703, APV: 691804."
    )


@pytest.fixture
async def typing(tmp_path):
    async with typing_at(tmp_path, NOW) as typing:
        yield typing


async def test_a_pasted_notice_waits_for_an_admins_ours_and_is_then_one_top_up(typing):
    notice = aba_notice(NOW - timedelta(days=1))
    await typing.says("/as Sokha")
    waiting = await typing.says(notice)
    assert "Confirm] → /ours" in waiting
    assert "/notours" in waiting
    assert "Logged" not in waiting  # not an expense of its first amount
    refused = await typing.says("/ours")
    assert "admins" in refused  # a member cannot confirm it
    await typing.says("/as Dara")
    await typing.says("/admin")
    recorded = await typing.says("/ours")
    assert "Top-up recorded" in recorded
    assert "ABA Trx 176015291049703" in recorded
    again = await typing.says(notice)
    assert "already recorded as No 1" in again


async def test_a_notice_forwarded_from_abas_bot_is_recorded_at_once(typing):
    forwarded = await typing.says(f"/forward @PayWayByABA_bot {aba_notice(NOW - timedelta(days=1))}")
    assert "Top-up recorded" in forwarded
    assert "LOR PISETH" in forwarded
