"""The LLM call log, the month's message tally and the budget notice, in SQLite."""

from __future__ import annotations

import asyncio
import logging
import sqlite3
import statistics
from collections import defaultdict
from datetime import tzinfo
from decimal import Decimal

from balance_bot.ports import Clock, MonthUsage, ProviderUsage, StorageUnavailable
from infrastructure.llm.cascade import LlmCall
from infrastructure.llm.category_question import QUESTION_NAME as CATEGORIES_QUESTION
from infrastructure.sqlite.database import Database

log = logging.getLogger(__name__)
ANSWERED = ("ok", "unsure")
CHOSE = "ok"
# Message counts are written at least this often.
FLUSH_SECONDS = 300.0


class SqliteLlmLog:
    """Every LLM call as a row; messages counted in memory and written with the next row.

    A busy group's every message is counted, so the counts are not committed one by one:
    they go to disk with the next logged call, a /usage, every FLUSH_SECONDS, or at close.
    """

    def __init__(self, database: Database, clock: Clock, timezone: tzinfo, budget_usd: Decimal) -> None:
        self._database = database
        self._clock = clock
        self._timezone = timezone
        self._budget_usd = budget_usd
        self._uncounted: defaultdict[tuple[str, int], list[int]] = defaultdict(lambda: [0, 0])
        self._paid_cost: dict[str, Decimal] = {}

    def count_message(self, asked_llm: bool, chat_id: int | None = None) -> None:
        """One more message read this month in the group."""
        counts = self._uncounted[(self._month(), chat_id or 0)]
        counts[0] += 1
        counts[1] += not asked_llm

    async def record(self, call: LlmCall) -> None:
        """Log one call, with the messages counted since the last write."""
        tally = self._take_tally()

        def write(db: sqlite3.Connection) -> None:
            db.execute(
                _INSERT_CALL,
                (
                    call.at.isoformat(),
                    call.month,
                    call.provider,
                    call.model,
                    call.outcome,
                    call.latency_ms,
                    call.input_tokens,
                    call.output_tokens,
                    str(call.cost_usd),
                    call.fallback_reason,
                    call.chat_id,
                    call.question,
                ),
            )
            _write_tally(db, tally)

        await self._database.run(write)
        if call.cost_usd and call.month in self._paid_cost:
            self._paid_cost[call.month] += call.cost_usd

    async def paid_cost(self, month: str) -> Decimal:
        """What paid calls cost in the month; read once, then kept up to date in memory."""
        if month not in self._paid_cost:
            costs = await self._database.run(lambda db: db.execute(_COSTS, (month,)).fetchall())
            self._paid_cost[month] = sum((Decimal(cost) for (cost,) in costs), Decimal(0))
        return self._paid_cost[month]

    async def claim_budget_notice(self, month: str) -> bool:
        """True only the first time for a month."""
        inserted = await self._database.run(lambda db: db.execute(_CLAIM_NOTICE, (month,)).rowcount)
        return bool(inserted)

    async def flush(self) -> None:
        """Write the messages counted since the last write."""
        tally = self._take_tally()
        if not tally:
            return
        try:
            await self._database.run(lambda db: _write_tally(db, tally))
        except StorageUnavailable:
            for key, (messages, without_llm) in tally.items():  # kept for the next write
                counts = self._uncounted[key]
                counts[0] += messages
                counts[1] += without_llm
            raise

    async def flush_every(self, seconds: float) -> None:
        """Write the counts at this interval until cancelled, so a crash loses at most that much."""
        while True:
            await asyncio.sleep(seconds)
            try:
                await self.flush()
            except StorageUnavailable:  # a full disk: the counts wait in memory for the next try
                log.exception("could not write the message counts")

    async def month_usage(self, month: str, chat_id: int | None = None) -> MonthUsage:
        """The month's calls per provider, its cost, and the share of messages read without an LLM;
        of one group, or (None) of every group."""
        await self.flush()

        def read(db: sqlite3.Connection) -> tuple[list[tuple[object, ...]], tuple[int, int] | None]:
            calls = db.execute(_MONTH_CALLS, (month, chat_id, chat_id)).fetchall()
            tally = db.execute(_MONTH_TALLY, (month, chat_id, chat_id)).fetchone()
            return calls, tally

        calls, tally = await self._database.run(read)
        by_provider: defaultdict[str, list[tuple[object, ...]]] = defaultdict(list)
        for call in calls:
            by_provider[str(call[0])].append(call)
        providers = tuple(_provider_usage(name, rows) for name, rows in by_provider.items())
        messages, without_llm = tally if tally and tally[0] is not None else (0, 0)
        return MonthUsage(
            month=month,
            providers=providers,
            messages=messages,
            messages_without_llm=without_llm,
            # a category question that failed (or was not sure) chose nothing: the failed are counted as such
            category_calls=sum(1 for call in calls if call[7] == CATEGORIES_QUESTION and call[1] == CHOSE),
            cost_usd=sum((provider.cost_usd for provider in providers), Decimal(0)),
            budget_usd=self._budget_usd,
            chat_id=chat_id,
        )

    def _take_tally(self) -> dict[tuple[str, int], tuple[int, int]]:
        tally = {key: (counts[0], counts[1]) for key, counts in self._uncounted.items()}
        self._uncounted.clear()
        return tally

    def _month(self) -> str:
        return self._clock.now().astimezone(self._timezone).strftime("%Y-%m")


def _write_tally(db: sqlite3.Connection, tally: dict[tuple[str, int], tuple[int, int]]) -> None:
    db.executemany(
        _ADD_TALLY,
        [(month, chat_id, messages, alone) for (month, chat_id), (messages, alone) in tally.items()],
    )


def _provider_usage(provider: str, rows: list[tuple[object, ...]]) -> ProviderUsage:
    # rows: provider, outcome, latency_ms, input_tokens, output_tokens, cost_usd, fallback_reason
    answered_latencies = [int(str(row[2])) for row in rows if row[1] in ANSWERED]
    return ProviderUsage(
        provider=provider,
        calls=len(rows),
        failed=sum(1 for row in rows if row[1] not in ANSWERED),
        fallbacks=sum(1 for row in rows if row[6] is not None),
        input_tokens=sum(int(str(row[3])) for row in rows),
        output_tokens=sum(int(str(row[4])) for row in rows),
        cost_usd=sum((Decimal(str(row[5])) for row in rows), Decimal(0)),
        median_latency_ms=round(statistics.median(answered_latencies)) if answered_latencies else None,
    )


_INSERT_CALL = """
    INSERT INTO llm_call (at, month, provider, model, outcome, latency_ms, input_tokens, output_tokens,
                          cost_usd, fallback_reason, chat_id, question)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""
_ADD_TALLY = """
    INSERT INTO chat_message_tally (month, chat_id, messages, without_llm) VALUES (?, ?, ?, ?)
    ON CONFLICT (month, chat_id) DO UPDATE SET messages = messages + excluded.messages,
                                               without_llm = without_llm + excluded.without_llm
"""
_COSTS = "SELECT cost_usd FROM llm_call WHERE month = ? AND cost_usd != '0'"
_CLAIM_NOTICE = "INSERT OR IGNORE INTO llm_budget_notice (month) VALUES (?)"
# A chat id of NULL asks for every group.
_MONTH_CALLS = """
    SELECT provider, outcome, latency_ms, input_tokens, output_tokens, cost_usd, fallback_reason, question
    FROM llm_call WHERE month = ? AND (? IS NULL OR chat_id = ?) ORDER BY id
"""
_MONTH_TALLY = """
    SELECT sum(messages), sum(without_llm) FROM chat_message_tally
    WHERE month = ? AND (? IS NULL OR chat_id = ?)
"""
