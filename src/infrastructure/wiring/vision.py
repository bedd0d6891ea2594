"""The vision models: what reads a photo the local reading is unsure of, beside the text's models."""

from __future__ import annotations

from typing import TYPE_CHECKING

from infrastructure.settings import Settings
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.llm import LlmParts, local_model
from infrastructure.wiring.time_zone import time_zone

if TYPE_CHECKING:
    from infrastructure.llm.cascade import ModelReader
    from infrastructure.llm.vision_reader import VisionExpenseReader


def build_image_reader(settings: Settings, llm: LlmParts) -> VisionExpenseReader | None:
    """The vision models of PARSER_LLM in its order: Ollama's OLLAMA_VISION_MODEL (when set), then
    ANTHROPIC_MODEL (with a key), sharing the text's call log and month's budget. None when no model
    could see the image. The caller closes it (aclose) when the bot stops."""
    if llm.cascade is None:
        return None
    from infrastructure.llm.cascade import LlmPolicy
    from infrastructure.llm.vision_reader import VisionExpenseReader, image_question

    timeout = float(settings.vision_timeout_seconds)
    readers: list[ModelReader] = []
    for provider in settings.parser_llm:
        if provider == "ollama" and settings.ollama_vision_model:
            readers.append(local_model(settings, settings.ollama_vision_model, timeout))
        elif provider == "anthropic" and settings.anthropic_api_key:
            from infrastructure.llm.anthropic_reader import AnthropicReader

            readers.append(
                AnthropicReader(
                    settings.anthropic_api_key, settings.anthropic_model, settings.anthropic_base_url, timeout
                )
            )
    if not readers:
        return None
    policy = LlmPolicy(
        timezone=time_zone(settings),
        confidence_threshold=float(settings.llm_confidence_threshold),
        deadline_seconds=float(settings.vision_deadline_seconds),
        monthly_budget_usd=settings.llm_monthly_budget_usd,
        prices=settings.llm_prices,
    )
    return VisionExpenseReader(llm.cascade.beside(readers, policy), image_question(), amount_limits(settings))
