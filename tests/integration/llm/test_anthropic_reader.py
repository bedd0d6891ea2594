"""The Anthropic reader through the real anthropic client against the fake Messages API."""

from decimal import Decimal

import pytest

from infrastructure.llm.answer import ANSWER_SCHEMA, TOOL_NAME, expense_question
from infrastructure.llm.anthropic_reader import AnthropicReader
from infrastructure.llm.prompts import load_prompts
from infrastructure.llm.questions import Failure, ModelFailure
from tests.fakes.model_script import Reply, answer

EXPENSES = expense_question(load_prompts())

MODEL = "claude-haiku-4-5"


def reader_for(fake, *, key=None, timeout=2.0):
    return AnthropicReader(key or fake.api_key, MODEL, fake.url, timeout)


@pytest.fixture
async def reader(anthropic_api):
    reader = reader_for(anthropic_api)
    yield reader
    await reader.aclose()


async def test_the_forced_tool_calls_input_comes_back_as_a_proposal(anthropic_api, reader):
    anthropic_api.script.answers["ថ្លៃឡាន ២ម៉ឺន"] = answer(20000, "KHR", "ថ្លៃឡាន")
    result = await reader.read("ថ្លៃឡាន ២ម៉ឺន", EXPENSES)
    (entry,) = result.answer.entries
    assert (entry.amount, entry.currency, entry.purpose) == (Decimal(20000), "KHR", "ថ្លៃឡាន")
    assert (result.input_tokens, result.output_tokens) == (1500, 60)


async def test_the_request_forces_the_tool_with_the_answer_schema(anthropic_api, reader):
    await reader.read("bought rice for 30", EXPENSES)
    (request,) = anthropic_api.requests
    assert request["tool_choice"] == {"type": "tool", "name": TOOL_NAME}
    assert request["tools"][0]["input_schema"] == ANSWER_SCHEMA
    assert "temperature" not in request  # newer models refuse it beside other sampling settings
    assert request["model"] == MODEL


async def test_an_answer_without_the_tool_call_is_invalid(anthropic_api, reader):
    anthropic_api.script.then(Reply(malformed=True))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is Failure.INVALID
    assert failed.value.output_tokens == 60


async def test_a_429_carries_its_retry_after(anthropic_api, reader):
    anthropic_api.script.then(Reply(status=429, retry_after=7))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is Failure.RATE_LIMITED
    assert failed.value.retry_after == 7
    assert len(anthropic_api.requests) == 1  # the client's own retries are off: ours keep the deadline


async def test_529_is_overloaded(anthropic_api, reader):
    anthropic_api.script.then(Reply(status=529))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is Failure.OVERLOADED


async def test_a_wrong_key_is_refused(anthropic_api):
    reader = reader_for(anthropic_api, key="sk-ant-wrong")
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.REFUSED


async def test_a_slow_answer_times_out(anthropic_api):
    anthropic_api.script.then(Reply(delay=1.0))
    reader = reader_for(anthropic_api, timeout=0.1)
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.TIMEOUT


@pytest.mark.parametrize(
    "stop_reason", ["max_tokens", "refusal", "pause_turn", "model_context_window_exceeded"]
)
async def test_an_answer_stopped_short_is_invalid_never_a_shorter_list(anthropic_api, reader, stop_reason):
    # Cut at max_tokens, the tool input can still be a valid list: one entry of the two.
    anthropic_api.script.answers["rice 30, fish 20"] = answer(30, "UNKNOWN", "rice")
    anthropic_api.script.then(Reply(stop_reason=stop_reason))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("rice 30, fish 20", EXPENSES)
    assert failed.value.failure is Failure.INVALID
    assert stop_reason in str(failed.value)
    assert failed.value.input_tokens == 1500
    assert failed.value.output_tokens == (1024 if stop_reason == "max_tokens" else 60)


async def test_an_answer_stopped_short_in_json_text_is_invalid_too(anthropic_api, reader):
    anthropic_api.refuses_forced_tool = True
    anthropic_api.script.answers["rice 30, fish 20"] = answer(30, "UNKNOWN", "rice")
    anthropic_api.script.then(Reply(stop_reason="max_tokens"))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("rice 30, fish 20", EXPENSES)
    assert failed.value.failure is Failure.INVALID
