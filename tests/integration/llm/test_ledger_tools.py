"""A question the reader cannot read, given to the models as read tools: Ollama's tool calls in both
shapes small models use, a model without tools, Anthropic's tool use; the bot checks every call."""

from datetime import date

import pytest

from infrastructure.llm.ledger_tools import ModelLedgerTools, load_ledger_prompts
from tests.integration.llm.test_expense_parser_client import Cascade

QUESTION = "what went on the generator since the 3rd?"
TODAY = date(2026, 11, 18)
ARGUMENTS = {"first": "2026-11-03", "last": "2026-11-18", "words": "generator"}


@pytest.fixture
async def tools(ollama, anthropic_api, database):
    cascade = Cascade(ollama, anthropic_api, database)
    yield cascade, ModelLedgerTools(cascade.models, load_ledger_prompts())
    await cascade.models.aclose()


async def choose(tools):
    return await tools.choose(QUESTION, TODAY, ["Dara", "Sokha"], ["Fuel", "Repairs & maintenance"], -100)


async def test_a_tool_call_in_tool_calls_is_taken_and_no_format_is_sent_with_the_tools(ollama, tools):
    cascade, caller = tools
    ollama.script.answers[QUESTION] = {
        "tool_calls": [{"function": {"name": "sum", "arguments": ARGUMENTS}}],
        "content": "You spent $500 on the generator.",  # words of its own, never shown
    }
    choice = await choose(caller)
    assert (choice.tool, choice.first, choice.last, choice.words) == (
        "sum",
        "2026-11-03",
        "2026-11-18",
        "generator",
    )
    request = ollama.requests[-1]
    assert "format" not in request
    assert [tool["function"]["name"] for tool in request["tools"]] == ["sum", "count", "list", "balance"]
    assert "Today is 2026-11-18" in request["messages"][0]["content"]
    assert (await cascade.calls())[0][:2] == ("ollama", "ok")


async def test_a_tool_call_written_as_json_in_the_content_is_taken_too(ollama, tools):
    _, caller = tools
    ollama.script.answers[QUESTION] = {"name": "count", "arguments": {"member": "Dara"}}
    choice = await choose(caller)
    assert (choice.tool, choice.member) == ("count", "Dara")


async def test_a_model_without_tools_or_a_wrong_tool_falls_back_to_anthropics_tool_use(
    ollama, anthropic_api, tools
):
    cascade, caller = tools
    ollama.no_tools_models.add("qwen2.5:3b-instruct")
    anthropic_api.script.answers[QUESTION] = {
        "__tool__": "list",
        "input": {"category": "Repairs & maintenance"},
    }
    choice = await choose(caller)
    assert (choice.tool, choice.category) == ("list", "Repairs & maintenance")
    request = anthropic_api.requests[-1]
    assert request["tool_choice"] == {"type": "any"}
    assert [tool["name"] for tool in request["tools"]] == ["sum", "count", "list", "balance"]
    assert [call[:2] for call in await cascade.calls()] == [("ollama", "refused"), ("anthropic", "ok")]


@pytest.mark.parametrize(
    "answer",
    [
        {"tool_calls": [{"function": {"name": "delete_row", "arguments": {"number": "3"}}}]},
        {"tool_calls": [{"function": {"name": "sum", "arguments": {"amount": "500"}}}]},
        {"tool_calls": [{"function": {"name": "sum", "arguments": {"member": 7}}}]},
        {"entries": [], "confidence": 0.9},
        {"tool_calls": [{"function": {"name": "sum", "arguments": {"by": "weekday"}}}]},
        {"tool_calls": [{"function": {"name": "count", "arguments": {"by": "member"}}}]},
    ],
    ids=[
        "a tool it has not",
        "an argument it has not",
        "a number for a name",
        "no call at all",
        "a total by something it has not",
        "by with a tool other than sum",
    ],
)
async def test_a_call_outside_the_tools_schema_is_no_choice(ollama, anthropic_api, tools, answer):
    _, caller = tools
    ollama.script.answers[QUESTION] = answer
    anthropic_api.script.answers[QUESTION] = {"__tool__": "drop_table", "input": {}}
    assert await choose(caller) is None


async def test_a_sum_by_member_or_category_is_a_total_of_each(ollama, tools):
    _, caller = tools
    ollama.script.answers[QUESTION] = {
        "tool_calls": [{"function": {"name": "sum", "arguments": {"words": "fuel", "by": "member"}}}]
    }
    choice = await choose(caller)
    assert (choice.tool, choice.words, choice.by) == ("sum", "fuel", "member")
