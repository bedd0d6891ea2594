"""The models PARSER_LLM names: the cascade, what reads expenses, categories and ledger questions with it."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from balance_bot.ports import Clock, LedgerToolCaller
from infrastructure.settings import Settings
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.llm_log import FLUSH_SECONDS, SqliteLlmLog
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.time_zone import time_zone

if TYPE_CHECKING:
    from infrastructure.llm.cascade import ModelCascade, ModelReader, OnBudgetReached
    from infrastructure.llm.category_guesser import ModelCategoryGuesser
    from infrastructure.llm.expense_parser_client import ExpenseParserClient


@dataclass
class LlmParts:
    """The models (None without a usable PARSER_LLM): the second opinion on expenses, the category
    of purposes no word decides; their call log, and how to close them."""

    cascade: ModelCascade | None
    log: SqliteLlmLog
    client: ExpenseParserClient | None = None
    categories: ModelCategoryGuesser | None = None
    ledger_tools: LedgerToolCaller | None = None
    flushing: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Write the message counts every few minutes while the bot runs; load the local model."""
        self.flushing = asyncio.get_running_loop().create_task(self.log.flush_every(FLUSH_SECONDS))
        if self.cascade is not None:
            self.cascade.warm()

    async def close(self) -> None:
        """Write the last message counts and close the models' connections."""
        if self.flushing is not None:
            self.flushing.cancel()
        await self.log.flush()
        if self.cascade is not None:
            await self.cascade.aclose()


def build_llm(
    settings: Settings,
    database: Database,
    clock: Clock,
    on_budget_reached: OnBudgetReached | None = None,
    *,
    lazy: bool = False,
) -> LlmParts:
    """The models PARSER_LLM names, in its order; Anthropic only with a key, so never paid by mistake.

    `lazy` builds each model's client on its first call: `parse` on chatter then never imports
    them (ollama and anthropic take 0.3 and 0.7 s to import). The bot builds Anthropic's at start,
    and Ollama's when it warms the model at start if Ollama listens then, else when a message first
    needs it, off the event loop: a bot with no local model running does not carry its client.
    """
    from infrastructure.llm.answer import expense_question
    from infrastructure.llm.cascade import LlmPolicy, ModelCascade
    from infrastructure.llm.category_guesser import ModelCategoryGuesser
    from infrastructure.llm.category_question import load_category_prompts
    from infrastructure.llm.expense_parser_client import ExpenseParserClient
    from infrastructure.llm.lazy_reader import LazyReader
    from infrastructure.llm.ledger_tools import ModelLedgerTools, load_ledger_prompts
    from infrastructure.llm.prompts import load_prompts

    timezone = time_zone(settings)
    log = SqliteLlmLog(database, clock, timezone, settings.llm_monthly_budget_usd)

    def anthropic() -> ModelReader:
        from infrastructure.llm.anthropic_reader import AnthropicReader

        assert settings.anthropic_api_key is not None
        return AnthropicReader(
            settings.anthropic_api_key,
            settings.anthropic_model,
            settings.anthropic_base_url,
            float(settings.anthropic_timeout_seconds),
        )

    readers: list[ModelReader] = [
        local_model(settings, settings.ollama_model, float(settings.ollama_timeout_seconds))
        if provider == "ollama"
        else LazyReader("anthropic", settings.anthropic_model, True, anthropic)
        if lazy
        else anthropic()
        for provider in settings.parser_llm
        if provider == "ollama" or settings.anthropic_api_key
    ]
    if not readers:
        return LlmParts(None, log)
    policy = LlmPolicy(
        timezone=timezone,
        confidence_threshold=float(settings.llm_confidence_threshold),
        deadline_seconds=float(settings.llm_deadline_seconds),
        monthly_budget_usd=settings.llm_monthly_budget_usd,
        prices=settings.llm_prices,
    )
    cascade = ModelCascade(readers, policy, log, clock, on_budget_reached=on_budget_reached)
    return LlmParts(
        cascade,
        log,
        ExpenseParserClient(cascade, expense_question(load_prompts()), amount_limits(settings)),
        ModelCategoryGuesser(cascade, load_category_prompts()),
        ModelLedgerTools(cascade, load_ledger_prompts()),
    )


def local_model(settings: Settings, model: str, timeout_seconds: float) -> ModelReader:
    """One of Ollama's models, its client built off the event loop when first needed, or at the warm-up
    when Ollama listens then: a bot with no local model running does not carry the library."""
    from infrastructure.llm.lazy_reader import LazyReader
    from infrastructure.llm.local_server import listens

    def build() -> ModelReader:
        from infrastructure.llm.ollama_reader import OllamaReader

        return OllamaReader(settings.ollama_host, model, timeout_seconds, settings.ollama_keep_alive)

    return LazyReader("ollama", model, False, build, partial(listens, settings.ollama_host))
