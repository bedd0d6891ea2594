"""The vision models as the settings name them, beside the text's models and their budget."""

from datetime import UTC, datetime

import pytest

from infrastructure.settings import Settings
from infrastructure.wiring.llm import build_llm
from infrastructure.wiring.vision import build_image_reader
from tests.fakes.clock import FakeClock


async def image_reader(database, **environment):
    settings = Settings.from_environment(environment)
    llm = build_llm(settings, database, FakeClock(datetime(2026, 11, 20, tzinfo=UTC)))
    reader = build_image_reader(settings, llm)
    models = [] if reader is None else [(r.provider, r.model) for r in reader._cascade._readers]
    if reader is not None:
        await reader.aclose()
    await llm.close()
    return reader, models


async def test_the_local_vision_model_then_anthropic_read_images_in_parser_llms_order(database):
    reader, models = await image_reader(database, ANTHROPIC_API_KEY="sk-ant-test")
    assert models == [("ollama", "qwen2.5vl:3b"), ("anthropic", "claude-haiku-4-5")]
    assert reader._cascade.policy.deadline_seconds == 60


@pytest.mark.parametrize(
    "environment",
    [
        {"PARSER_LLM": "none", "ANTHROPIC_API_KEY": "sk-ant-test"},
        {"PARSER_LLM": "ollama", "OLLAMA_VISION_MODEL": "none"},
        {"PARSER_LLM": "anthropic"},  # no key: no paid call, and no model left
    ],
)
async def test_no_image_reader_without_a_model_that_can_see(database, environment):
    assert (await image_reader(database, **environment))[0] is None


async def test_without_a_local_vision_model_images_go_to_anthropic_alone(database):
    _, models = await image_reader(database, OLLAMA_VISION_MODEL="none", ANTHROPIC_API_KEY="sk-ant-test")
    assert models == [("anthropic", "claude-haiku-4-5")]


async def test_images_and_messages_share_the_months_budget_and_the_calls_in_flight(database):
    settings = Settings.from_environment(
        {"ANTHROPIC_API_KEY": "sk-ant-test", "VISION_DEADLINE_SECONDS": "90"}
    )
    llm = build_llm(settings, database, FakeClock(datetime(2026, 11, 20, tzinfo=UTC)))
    reader = build_image_reader(settings, llm)
    assert reader is not None
    assert llm.cascade is not None
    assert reader._cascade._log is llm.log
    assert reader._cascade._in_flight is llm.cascade._in_flight
    assert reader._cascade.policy.deadline_seconds == 90
    await reader.aclose()
    await llm.close()
