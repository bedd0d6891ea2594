"""The Ollama reader through the real ollama client against the fake Ollama server."""

from decimal import Decimal

import pytest

from infrastructure.llm.answer import ANSWER_SCHEMA, expense_question
from infrastructure.llm.ollama_reader import OllamaReader
from infrastructure.llm.prompts import load_prompts
from infrastructure.llm.questions import Failure, ModelFailure
from infrastructure.settings import Settings
from tests.fakes.model_script import Reply, answer

EXPENSES = expense_question(load_prompts())

MODEL = "qwen2.5:3b-instruct"


@pytest.fixture
async def reader(ollama):
    reader = OllamaReader(ollama.url, MODEL, 2.0)
    yield reader
    await reader.aclose()


async def test_an_answer_comes_back_as_a_proposal_with_its_tokens(ollama, reader):
    ollama.script.answers["bought rice for 30"] = answer(30, "UNKNOWN", "rice")
    result = await reader.read("bought rice for 30", EXPENSES)
    (entry,) = result.answer.entries
    assert (entry.amount, entry.currency, entry.purpose) == (Decimal(30), "UNKNOWN", "rice")
    assert (result.input_tokens, result.output_tokens) == (900, 40)


async def test_the_request_carries_the_schema_the_prompts_and_a_zero_temperature(ollama, reader):
    await reader.read("bought rice for 30", EXPENSES)
    (request,) = ollama.requests
    assert request["format"] == ANSWER_SCHEMA
    assert request["options"]["temperature"] == 0
    assert request["stream"] is False
    assert request["messages"][0]["role"] == "system"
    assert request["messages"][-1]["content"].endswith("bought rice for 30")


async def test_malformed_json_is_an_invalid_answer_that_still_counts_its_tokens(ollama, reader):
    ollama.script.then(Reply(malformed=True))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is Failure.INVALID
    assert failed.value.input_tokens == 900


@pytest.mark.parametrize(
    ("status", "failure"),
    [(429, Failure.RATE_LIMITED), (503, Failure.OVERLOADED), (500, Failure.SERVER_ERROR)],
)
async def test_http_errors_are_told_apart(ollama, reader, status, failure):
    ollama.script.then(Reply(status=status))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is failure


async def test_a_model_that_is_not_pulled_is_refused(ollama):
    reader = OllamaReader(ollama.url, "llama-not-pulled", 2.0)
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.REFUSED


async def test_a_slow_server_times_out_at_the_readers_own_timeout(ollama):
    ollama.script.then(Reply(delay=1.0))
    reader = OllamaReader(ollama.url, MODEL, 0.1)
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.TIMEOUT


async def test_a_server_that_is_not_there_is_down(ollama):
    url = ollama.url
    await ollama.stop()
    reader = OllamaReader(url, MODEL, 1.0)
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.DOWN


async def test_a_keep_alive_of_bare_digits_sent_as_a_string_is_refused_in_ollamas_words(ollama):
    # Ollama reads a string keep_alive with Go's time.ParseDuration, which wants a unit.
    reader = OllamaReader(ollama.url, MODEL, 2.0, keep_alive="300")
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert failed.value.failure is Failure.REFUSED
    assert 'time: missing unit in duration "300"' in str(failed.value)


@pytest.mark.parametrize(("setting", "sent"), [("-1", -1), ("300", 300), ("-1m", "-1m"), ("24h", "24h")])
async def test_the_keep_alive_setting_reaches_ollama_as_it_reads_it_in_every_call_and_the_warm_up(
    ollama, setting, sent
):
    keep_alive = Settings.from_environment({"OLLAMA_KEEP_ALIVE": setting}).ollama_keep_alive
    reader = OllamaReader(ollama.url, MODEL, 2.0, keep_alive=keep_alive)
    ollama.script.answers["bought rice for 30"] = answer(30, "UNKNOWN", "rice")
    await reader.warm()
    result = await reader.read("bought rice for 30", EXPENSES)
    await reader.aclose()
    assert result.answer.entries[0].purpose == "rice"
    assert [request["keep_alive"] for request in ollama.requests] == [sent, sent]
    # A number goes as a JSON number (the client sends -1.0: Ollama reads any number as seconds).
    assert all(isinstance(request["keep_alive"], str) == isinstance(sent, str) for request in ollama.requests)


async def test_an_answer_cut_at_num_predict_is_invalid_even_when_what_came_is_a_shorter_list(ollama, reader):
    ollama.script.answers["rice 30, fish 20"] = answer(30, "UNKNOWN", "rice")
    ollama.script.then(Reply(done_reason="length"))
    with pytest.raises(ModelFailure) as failed:
        await reader.read("rice 30, fish 20", EXPENSES)
    assert failed.value.failure is Failure.INVALID
    assert "length" in str(failed.value)
    assert (failed.value.input_tokens, failed.value.output_tokens) == (900, 40)


async def test_a_thinking_model_asked_not_to_think_answers_unheld_by_the_schema_on_the_versions_that_drop_it(
    ollama,
):
    ollama.models = ["qwen3:4b"]
    ollama.thinking_models = {"qwen3:4b"}
    ollama.script.answers["bought rice for 30"] = answer(30, "UNKNOWN", "rice")
    reader = OllamaReader(ollama.url, "qwen3:4b", 2.0)
    ollama.version = "0.20.0"
    with pytest.raises(ModelFailure) as failed:
        await reader.read("bought rice for 30", EXPENSES)
    assert failed.value.failure is Failure.INVALID
    ollama.version = "0.31.2"
    assert (await reader.read("bought rice for 30", EXPENSES)).answer.entries[0].purpose == "rice"
    await reader.aclose()
