"""End to end with the LLMs: the bot against the fake Bot API, fake Ollama and fake Anthropic."""

import asyncio
import json
import os
import socket
import sys
from decimal import Decimal

import pytest

from tests.e2e.test_bot import ADMIN, GROUP, OTHER_GROUP, SOKHA, replies_to, running, settle
from tests.fakes.model_script import Reply, answer
from tests.integration.llm.test_expense_parser_client import most_a_call_costs

DRIVER = "paid 15 to the driver who brought the chairs"


@pytest.fixture
def llm_settings(settings_for, ollama, anthropic_api):
    def make(**extra):
        return settings_for(
            PARSER_LLM="ollama,anthropic",
            OLLAMA_HOST=ollama.url,
            ANTHROPIC_API_KEY=anthropic_api.api_key,
            ANTHROPIC_BASE_URL=anthropic_api.url,
            **extra,
        )

    return make


async def test_a_message_the_parser_cannot_place_is_read_by_the_local_model_and_saved(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    ollama.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver who brought the chairs")
    async with running(llm_settings(), clock):
        message = telegram.user_says(GROUP, SOKHA, DRIVER)
        sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged: 15.00 USD – driver who brought the chairs (assumed USD)")
    assert "please check" not in sent["text"]
    assert ollama.script.asked == [DRIVER]
    assert anthropic_api.requests == []


async def test_messages_the_parser_is_sure_of_never_reach_a_model(telegram, ollama, llm_settings, clock):
    async with running(llm_settings(), clock):
        telegram.user_says(GROUP, SOKHA, "we have 25 students in room 204 at 3pm")
        await settle(telegram)
    assert ollama.script.asked == []


async def test_with_no_model_answering_the_bots_reading_is_saved_and_the_member_asked_to_check(
    telegram, settings_for, clock
):
    text = "snacks and cold drinks for the whole staff meeting on the roof 12$"
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        closed_port = probe.getsockname()[1]
    settings = settings_for(PARSER_LLM="ollama", OLLAMA_HOST=f"http://127.0.0.1:{closed_port}")
    async with running(settings, clock):
        message = telegram.user_says(GROUP, SOKHA, text)
        sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged: 12.00 USD")
    assert "please check" in sent["text"]


async def test_usage_shows_a_groups_admins_their_groups_calls_fallbacks_and_cost(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    ollama.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver", confidence=0.3)  # unsure
    anthropic_api.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver")
    telegram.admins.add(ADMIN)
    async with running(llm_settings(), clock):
        message = telegram.user_says(GROUP, SOKHA, DRIVER)
        await telegram.wait_for("sendMessage", replies_to(message))
        telegram.user_says(GROUP, SOKHA, "coffee 3$")
        elsewhere = telegram.user_says(OTHER_GROUP, SOKHA, DRIVER)
        await telegram.wait_for("sendMessage", replies_to(elsewhere))
        refused = telegram.user_says(GROUP, SOKHA, "/usage")
        assert (await telegram.wait_for("sendMessage", replies_to(refused)))["text"].startswith("Only")
        asked = telegram.user_says(GROUP, ADMIN, "/usage")
        usage = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    assert usage.startswith("LLM use in ")
    assert ", this group\n" in usage
    assert "Messages read: 2; decided without an LLM: 1 (50.0%)" in usage
    assert "• ollama: 1 call" in usage
    assert "• anthropic: 1 call, 1 as fallback" in usage
    assert "0.0018 USD" in usage  # 1,500 input and 60 output tokens of claude-haiku-4-5
    assert "Fallback rate: 1 of 2 calls (50.0%)" in usage
    assert "(the monthly budget of 5.00 USD is shared by all groups)" in usage


async def test_usage_of_every_group_is_for_the_operators_in_a_private_chat(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    ollama.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver")
    async with running(llm_settings(ADMIN_USER_IDS=str(ADMIN)), clock):
        for group in (GROUP, OTHER_GROUP):
            sent = telegram.user_says(group, SOKHA, DRIVER)
            await telegram.wait_for("sendMessage", replies_to(sent))
        refused = telegram.user_says_privately(SOKHA, "/usage")
        assert "operator" in (await telegram.wait_for("sendMessage", replies_to(refused)))["text"]
        asked = telegram.user_says_privately(ADMIN, "/usage")
        usage = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    assert ", all groups\n" in usage
    assert "Messages read: 2; decided without an LLM: 0 (0.0%)" in usage
    assert "• ollama: 2 calls" in usage
    assert "of the 5.00 USD monthly budget" in usage


async def test_a_spent_budget_is_told_to_the_group_and_the_admins_once(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    await ollama.stop()
    anthropic_api.script.answers[DRIVER] = answer(15, "UNKNOWN", "driver")
    # Room for one call's reservation and 0.001 USD: the first call (0.0018 USD) spends the budget.
    budget = most_a_call_costs(DRIVER) + Decimal("0.001")
    settings = llm_settings(LLM_MONTHLY_BUDGET_USD=str(budget), ADMIN_USER_IDS=str(ADMIN))
    async with running(settings, clock):
        message = telegram.user_says(GROUP, SOKHA, DRIVER)
        await telegram.wait_for("sendMessage", replies_to(message))  # 0.0018 USD: the budget is spent
        telegram.user_says(GROUP, SOKHA, DRIVER)
        await telegram.wait_for("sendMessage", lambda sent: "LLM budget" in sent["text"])
        telegram.user_says(GROUP, SOKHA, DRIVER)
        await settle(telegram)
    notices = [p for p in telegram.calls_to("sendMessage") if "LLM budget" in p["text"]]
    assert sorted(notice["chat_id"] for notice in notices) == sorted([GROUP, ADMIN])
    assert len(anthropic_api.requests) == 1


@pytest.mark.parametrize(
    "reply",
    [Reply(body="<html>502</html>"), Reply(raw_answer='{"entries": ' + "[" * 5000 + "]" * 5000 + "}")],
    ids=["not json", "deep nesting"],
)
async def test_a_reply_no_reader_expected_still_gets_the_member_an_answer(
    telegram, ollama, anthropic_api, llm_settings, clock, reply
):
    await ollama.stop()
    anthropic_api.script.then(reply, reply)
    text = "snacks and cold drinks for the whole staff meeting on the roof 12$"
    async with running(llm_settings(), clock):
        message = telegram.user_says(GROUP, SOKHA, text)
        sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged: 12.00 USD")  # the parser's reading, to be checked


async def test_parse_answers_every_line_whatever_the_paid_model_replies(ollama, anthropic_api, tmp_path):
    await ollama.stop()
    anthropic_api.script.then(Reply(body="not json"))
    (tmp_path / ".env").touch()
    lines = [
        {"id": 1, "text": "snacks and cold drinks for the whole staff meeting on the roof 12$"},
        {"id": 2, "text": "coffee 3$"},
    ]
    env = {
        "PATH": os.environ.get("PATH", ""),
        "PARSER_LLM": "ollama,anthropic",
        "OLLAMA_HOST": ollama.url,
        "ANTHROPIC_API_KEY": anthropic_api.api_key,
        "ANTHROPIC_BASE_URL": anthropic_api.url,
    }
    done = await asyncio.create_subprocess_exec(
        sys.executable,
        "-m",
        "balance_bot",
        "parse",
        cwd=tmp_path,
        env=env,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await done.communicate("\n".join(json.dumps(line) for line in lines).encode() + b"\n")
    answers = [json.loads(line) for line in out.decode().splitlines()]
    assert [answer["id"] for answer in answers] == [1, 2], err.decode()[-500:]
    assert answers[0]["entries"][0]["amount"] == "12.00"


async def test_a_purpose_no_word_decides_gets_the_local_models_category_and_usage_counts_it(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    ollama.script.answers["1. tailor for the uniforms"] = {
        "categories": ["Guests & events"],
        "confidence": 0.9,
        "reason": "costumes for a show",
    }
    telegram.admins.add(ADMIN)
    async with running(llm_settings(), clock):
        message = telegram.user_says(GROUP, SOKHA, "tailor for the uniforms 20$")
        sent = await telegram.wait_for("sendMessage", replies_to(message))
        asked = telegram.user_says(GROUP, ADMIN, "/usage")
        usage = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    assert sent["text"].endswith("Guests & events.")
    assert ollama.script.asked == ["1. tailor for the uniforms"]  # the amount was the parser's
    assert "Of these, 1 call chose categories that no word of the tab decided" in usage


async def test_a_category_call_that_failed_is_counted_as_failed_not_as_one_that_chose(
    telegram, ollama, settings_for, clock
):
    ollama.script.then(Reply(status=500))  # the category question gets the model's error
    telegram.admins.add(ADMIN)
    async with running(settings_for(PARSER_LLM="ollama", OLLAMA_HOST=ollama.url), clock):
        message = telegram.user_says(GROUP, SOKHA, "tailor for the uniforms 20$")
        await telegram.wait_for("sendMessage", replies_to(message))
        asked = telegram.user_says(GROUP, ADMIN, "/usage")
        usage = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    calls = len(ollama.script.asked)  # the error, and its retry that got no categories either
    assert set(ollama.script.asked) == {"1. tailor for the uniforms"}
    assert f"• ollama: {calls} calls, {calls} failed" in usage
    assert "chose categories" not in usage


async def test_a_question_the_reader_cannot_read_is_answered_by_a_tool_the_model_chose_with_the_rows_figures(
    telegram, ollama, anthropic_api, llm_settings, clock
):
    question = "what went on the genset"
    ollama.script.answers[question] = {
        "tool_calls": [{"function": {"name": "sum", "arguments": {"words": "generator"}}}],
        "content": "About $1,000,000.",  # the model's own figure: never shown
    }
    async with running(llm_settings(), clock):
        for text in ("generator fuel 20$", "generator repair 35.50$", "coffee 3$"):
            sent = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(sent))
        asked = telegram.user_says(GROUP, SOKHA, f"/ask {question}", name="Sokha")
        answer = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    assert answer.startswith("Spent on “generator” in ")
    assert answer.endswith(": $55.50 in 2 expenses.")
    assert "1,000,000" not in answer
    assert anthropic_api.requests == []  # the local model's call was taken
