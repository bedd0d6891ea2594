import asyncio
import sqlite3
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.ports import StorageUnavailable
from infrastructure.llm.cascade import LlmCall
from infrastructure.sqlite.database import MIGRATIONS, Database
from infrastructure.sqlite.llm_log import SqliteLlmLog
from tests.fakes.clock import FakeClock

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


def call(provider="ollama", outcome="ok", latency_ms=300, cost="0", fallback_reason=None, month="2026-11"):
    return LlmCall(
        at=datetime(2026, 11, 20, 3, 0, tzinfo=UTC),
        month=month,
        provider=provider,
        model="m",
        outcome=outcome,
        latency_ms=latency_ms,
        input_tokens=1000,
        output_tokens=50,
        cost_usd=Decimal(cost),
        fallback_reason=fallback_reason,
        chat_id=-100,
    )


@pytest.fixture
def clock():
    return FakeClock(datetime(2026, 11, 20, 3, 0, tzinfo=UTC))


@pytest.fixture
def log(database, clock):
    return SqliteLlmLog(database, clock, PHNOM_PENH, Decimal(5))


async def test_the_months_usage_sums_calls_tokens_and_cost_per_provider(log):
    await log.record(call(latency_ms=200))
    await log.record(call(latency_ms=400))
    await log.record(call(outcome="timeout", latency_ms=5000))
    await log.record(call("anthropic", cost="0.0018", fallback_reason="ollama timeout"))
    await log.record(call("anthropic", cost="0.0021", fallback_reason="ollama down", month="2026-10"))
    usage = await log.month_usage("2026-11")
    ollama, anthropic = usage.providers
    assert (ollama.provider, ollama.calls, ollama.failed, ollama.fallbacks) == ("ollama", 3, 1, 0)
    assert ollama.median_latency_ms == 300  # of the calls that answered
    assert (ollama.input_tokens, ollama.output_tokens) == (3000, 150)
    assert (anthropic.calls, anthropic.fallbacks, anthropic.cost_usd) == (1, 1, Decimal("0.0018"))
    assert (usage.cost_usd, usage.budget_usd) == (Decimal("0.0018"), Decimal(5))


async def test_paid_cost_is_read_once_then_kept_up_to_date(log):
    await log.record(call("anthropic", cost="0.0018"))
    assert await log.paid_cost("2026-11") == Decimal("0.0018")
    await log.record(call("anthropic", cost="0.0020"))
    assert await log.paid_cost("2026-11") == Decimal("0.0038")
    assert await log.paid_cost("2026-12") == 0


async def test_messages_are_counted_in_the_local_month_and_written_with_the_next_call(log, clock, database):
    for asked in (False, False, True):
        log.count_message(asked_llm=asked)
    clock.current = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 December in Phnom Penh
    log.count_message(asked_llm=False)
    await log.record(call())
    rows = await database.run(
        lambda db: db.execute(
            "SELECT month, messages, without_llm FROM chat_message_tally ORDER BY month"
        ).fetchall()
    )
    assert [tuple(row) for row in rows] == [("2026-11", 3, 2), ("2026-12", 1, 1)]


async def test_usage_includes_the_messages_counted_since_the_last_write(log):
    log.count_message(asked_llm=False)
    usage = await log.month_usage("2026-11")
    assert (usage.messages, usage.messages_without_llm) == (1, 1)


async def test_counts_kept_in_memory_survive_a_restart_once_flushed(database, clock, tmp_path):
    first = SqliteLlmLog(database, clock, PHNOM_PENH, Decimal(5))
    first.count_message(asked_llm=True)
    await first.flush()
    second = SqliteLlmLog(database, clock, PHNOM_PENH, Decimal(5))
    second.count_message(asked_llm=False)
    usage = await second.month_usage("2026-11")
    assert (usage.messages, usage.messages_without_llm) == (2, 1)


async def test_the_budget_notice_is_claimed_once_a_month(log):
    assert await log.claim_budget_notice("2026-11")
    assert not await log.claim_budget_notice("2026-11")
    assert await log.claim_budget_notice("2026-12")


async def test_a_reopened_file_keeps_the_log(tmp_path, clock):
    path = tmp_path / "bot.sqlite3"
    database = Database(path)
    await SqliteLlmLog(database, clock, PHNOM_PENH, Decimal(5)).record(call("anthropic", cost="0.5"))
    await database.close()
    reopened = Database(path)
    assert await SqliteLlmLog(reopened, clock, PHNOM_PENH, Decimal(5)).paid_cost("2026-11") == Decimal("0.5")
    await reopened.close()


async def test_counts_are_written_at_the_interval_without_a_call(log):
    log.count_message(asked_llm=False)
    flushing = asyncio.create_task(log.flush_every(0.01))
    rows: list[tuple[int]] = []
    # Waits for the first write rather than a fixed time: a loaded machine may take longer to commit.
    for _ in range(500):
        await asyncio.sleep(0.01)
        rows = await log._database.run(
            lambda db: [tuple(row) for row in db.execute("SELECT messages FROM chat_message_tally")]
        )
        if rows:
            break
    flushing.cancel()
    assert rows == [(1,)]


BEFORE_GROUP_COUNTS = 8  # the schema version before messages were counted per group


async def test_counts_kept_before_groups_were_told_apart_still_count_for_every_group(tmp_path, clock):
    path = tmp_path / "bot.sqlite3"
    with sqlite3.connect(path) as old:
        for script in MIGRATIONS[:BEFORE_GROUP_COUNTS]:
            old.executescript(script)
        old.execute(f"PRAGMA user_version = {BEFORE_GROUP_COUNTS}")
        old.execute("INSERT INTO message_tally VALUES ('2026-11', 7, 5)")
    database = Database(path)
    log = SqliteLlmLog(database, clock, PHNOM_PENH, Decimal(5))
    log.count_message(asked_llm=False, chat_id=-100)
    every_group, one_group = await log.month_usage("2026-11"), await log.month_usage("2026-11", -100)
    await database.close()
    assert (every_group.messages, every_group.messages_without_llm) == (8, 6)
    assert (one_group.messages, one_group.messages_without_llm, one_group.chat_id) == (1, 1, -100)


async def test_counts_a_full_disk_refused_are_kept_for_the_next_write(log, database):
    log.count_message(asked_llm=False, chat_id=-100)
    await database.run(lambda db: db.execute("PRAGMA query_only = ON"))
    with pytest.raises(StorageUnavailable):
        await log.flush()
    await database.run(lambda db: db.execute("PRAGMA query_only = OFF"))
    usage = await log.month_usage("2026-11", -100)
    assert (usage.messages, usage.messages_without_llm) == (1, 1)
