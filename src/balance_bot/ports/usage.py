"""The language models' use, for /usage: the messages read, and the call log's figures."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal
from typing import Protocol


class MessageTally(Protocol):
    """Counts the messages read, and how many needed no LLM, for /usage."""

    def count_message(self, asked_llm: bool, chat_id: int | None = None) -> None:
        """One more message read in the group; cheap enough for every message of a busy group."""
        ...


@dataclass(frozen=True, slots=True)
class ProviderUsage:
    """One LLM provider's calls in a month."""

    provider: str
    calls: int
    failed: int
    fallbacks: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    median_latency_ms: int | None


@dataclass(frozen=True, slots=True)
class MonthUsage:
    """The month's LLM use, for admins: per provider, the budget, and the messages read without one."""

    month: str
    providers: tuple[ProviderUsage, ...]
    messages: int
    messages_without_llm: int
    cost_usd: Decimal
    budget_usd: Decimal
    chat_id: int | None = None  # the one group these figures are of; None for every group
    category_calls: int = 0  # of the calls, those that chose categories no word decided


class UsageLog(Protocol):
    """The month's LLM use, as the call log holds it."""

    async def month_usage(self, month: str, chat_id: int | None = None) -> MonthUsage:
        """The figures of one month ('2026-11'), of one group or (None) of all."""
        ...
