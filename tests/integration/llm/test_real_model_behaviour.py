"""The model path as the real servers behave: odd bodies, cold models, refused options, a shared budget."""

import asyncio
from decimal import Decimal

import ollama as ollama_client
import pytest

from infrastructure.llm.answer import expense_question
from infrastructure.llm.anthropic_reader import AnthropicReader
from infrastructure.llm.ollama_reader import MAX_ANSWER_TOKENS, OllamaReader
from infrastructure.llm.prompts import load_prompts
from infrastructure.llm.questions import Failure, ModelFailure
from tests.fakes.model_script import Reply, answer
from tests.integration.llm.test_expense_parser_client import MESSAGE, RICE, Cascade, most_a_call_costs

EXPENSES = expense_question(load_prompts())

HAIKU = "claude-haiku-4-5"
QWEN = "qwen2.5:3b-instruct"
DEEP = "[" * 5000 + "]" * 5000


@pytest.mark.parametrize(
    "reply",
    [
        Reply(body="<html>502 Bad Gateway</html>"),
        Reply(body='{"id": "msg_01", "type": "mess'),
        Reply(
            raw_answer='{"entries": [{"amount_value": '
            + "9" * 5000
            + ', "currency": "USD", "purpose": "x"}]}'
        ),
        Reply(raw_answer='{"entries": ' + DEEP + ', "confidence": 0.9}'),
    ],
    ids=["html", "cut short", "5,000 digits", "deep nesting"],
)
async def test_whatever_a_paid_reply_holds_the_call_is_logged_and_the_message_goes_on(
    ollama, anthropic_api, database, reply
):
    cascade = Cascade(ollama, anthropic_api, database)
    await ollama.stop()
    anthropic_api.script.then(reply, reply)
    assert await cascade.parse() is None  # the parser's own reading stands
    calls = [call for call in await cascade.calls() if call[0] == "anthropic"]
    assert [call[:2] for call in calls] == [("anthropic", "invalid")]
    assert Decimal(calls[0][5]) > 0  # billed: counted against the budget
    await cascade.models.aclose()


@pytest.mark.parametrize(
    "reply",
    [Reply(body="not json at all"), Reply(raw_answer='{"entries": ' + DEEP + ', "confidence": 0.9}')],
    ids=["not json", "deep nesting"],
)
async def test_whatever_a_local_reply_holds_the_call_is_logged_and_the_message_goes_on(
    ollama, anthropic_api, database, reply
):
    cascade = Cascade(ollama, anthropic_api, database, monthly_budget_usd=Decimal(0))
    ollama.script.then(reply)
    assert await cascade.parse() is None
    assert (await cascade.calls())[0][:2] == ("ollama", "invalid")
    await cascade.models.aclose()


async def test_a_reply_without_usage_is_read_and_logged_at_no_tokens(ollama, anthropic_api, database):
    cascade = Cascade(ollama, anthropic_api, database)
    await ollama.stop()
    anthropic_api.script.answers[MESSAGE] = RICE
    anthropic_api.script.then(Reply(no_usage=True))
    result = await cascade.parse()
    assert result is not None
    assert result.entries[0].purpose == "rice"
    outcome, why, input_tokens, output_tokens, cost = (await cascade.calls())[-1][1:]
    assert (outcome, why, input_tokens, output_tokens, Decimal(cost)) == ("ok", "ollama down", 0, 0, 0)
    await cascade.models.aclose()


async def test_the_local_model_is_kept_loaded_bounded_and_asked_not_to_think(ollama):
    reader = OllamaReader(ollama.url, QWEN, 2.0, keep_alive="24h")
    await reader.read(MESSAGE, EXPENSES)
    (request,) = ollama.requests
    assert request["keep_alive"] == "24h"
    assert request["think"] is False
    assert request["options"]["num_predict"] == MAX_ANSWER_TOKENS
    await reader.aclose()


async def test_a_cold_model_is_warmed_at_start_so_the_first_hard_message_needs_no_paid_model(
    ollama, anthropic_api, database
):
    ollama.load_seconds = 1.5  # longer than a call may take
    ollama.script.answers[MESSAGE] = answer(30, "USD", "rice")
    cascade = Cascade(ollama, anthropic_api, database, ollama_timeout=1.0)
    cascade.models.warm()
    for _ in range(300):
        if QWEN in ollama.loaded:
            break
        await asyncio.sleep(0.01)
    result = await cascade.parse()
    assert result is not None
    assert anthropic_api.requests == []
    await cascade.models.aclose()


async def test_a_model_unloaded_meanwhile_times_out_once_then_is_warmed_for_the_next_message(
    ollama, anthropic_api, database
):
    ollama.load_seconds = 1.5
    ollama.script.answers[MESSAGE] = answer(30, "USD", "rice")
    cascade = Cascade(ollama, anthropic_api, database, ollama_timeout=1.0, monthly_budget_usd=Decimal(0))
    assert await cascade.parse() is None  # cold: it times out, and a warm-up starts
    for _ in range(300):
        if QWEN in ollama.loaded:
            break
        await asyncio.sleep(0.01)
    assert QWEN in ollama.loaded
    assert await cascade.parse() is not None
    await cascade.models.aclose()


async def test_a_model_that_refuses_a_forced_tool_answers_in_json_text(anthropic_api):
    anthropic_api.refuses_forced_tool = True
    anthropic_api.refuses_temperature = True
    anthropic_api.script.answers[MESSAGE] = RICE
    reader = AnthropicReader(anthropic_api.api_key, HAIKU, anthropic_api.url, 2.0)
    first = await reader.read(MESSAGE, EXPENSES)
    second = await reader.read(MESSAGE, EXPENSES)
    assert first.answer.entries[0].purpose == second.answer.entries[0].purpose == "rice"
    assert [("tool_choice" in request) for request in anthropic_api.requests] == [True, False, False]
    assert anthropic_api.requests[1]["system"].endswith(EXPENSES.json_only)
    await reader.aclose()


async def test_a_tool_call_after_a_text_block_is_found(anthropic_api):
    anthropic_api.text_before_tool = True
    anthropic_api.script.answers[MESSAGE] = RICE
    reader = AnthropicReader(anthropic_api.api_key, HAIKU, anthropic_api.url, 2.0)
    assert (await reader.read(MESSAGE, EXPENSES)).answer.entries[0].purpose == "rice"
    await reader.aclose()


async def test_concurrent_messages_cannot_overshoot_the_budget(ollama, anthropic_api, database):
    budget = most_a_call_costs() * 2 + Decimal("0.001")  # two calls' reservations fit, never three
    cascade = Cascade(ollama, anthropic_api, database, monthly_budget_usd=budget)
    await ollama.stop()
    anthropic_api.script.latency = 0.2
    anthropic_api.script.answers[MESSAGE] = RICE
    await asyncio.gather(*(cascade.parse(chat_id=-100 - n) for n in range(10)))
    assert len(anthropic_api.requests) == 2
    await cascade.models.aclose()


async def test_a_paid_call_abandoned_at_its_timeout_counts_its_prompt(ollama, anthropic_api, database):
    cascade = Cascade(ollama, anthropic_api, database)
    await ollama.stop()
    anthropic_api.script.then(Reply(delay=5), Reply(delay=5))
    assert await cascade.parse() is None
    timeouts = [call for call in await cascade.calls() if call[1] == "timeout"]
    assert timeouts
    assert all(call[3] == EXPENSES.tokens_at_most(MESSAGE) for call in timeouts)
    assert all(Decimal(call[5]) > 0 for call in timeouts)
    await cascade.models.aclose()


async def test_a_refusal_names_what_the_api_said(anthropic_api):
    anthropic_api.refuses_forced_tool = True
    reader = AnthropicReader(anthropic_api.api_key, HAIKU, anthropic_api.url, 2.0)
    with pytest.raises(ModelFailure) as failed:
        await reader._ask(MESSAGE, EXPENSES, forced_tool=True)
    assert failed.value.failure is Failure.REFUSED
    assert "tool_choice" in str(failed.value)
    await reader.aclose()


async def test_a_model_missing_from_the_price_table_is_costed_at_the_dearest_price(
    ollama, anthropic_api, database
):
    cascade = Cascade(ollama, anthropic_api, database)
    await ollama.stop()
    cascade.readers[1].model = "claude-newest"
    anthropic_api.script.answers[MESSAGE] = RICE
    await cascade.parse()
    (call,) = [call for call in await cascade.calls() if call[0] == "anthropic"]
    assert Decimal(call[5]) == (Decimal(1500) * 15 + Decimal(60) * 75) / 1_000_000
    await cascade.models.aclose()


async def test_the_fake_refuses_thinking_to_a_model_that_cannot_as_ollama_does(ollama):
    client = ollama_client.AsyncClient(host=ollama.url)
    with pytest.raises(ollama_client.ResponseError) as refused:
        await client.chat(model=QWEN, messages=[{"role": "user", "content": "hi"}], think=True)
    assert refused.value.status_code == 400
    assert "does not support thinking" in refused.value.error
    await client._client.aclose()
