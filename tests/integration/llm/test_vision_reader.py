"""A photo's second reading: real ollama and anthropic clients against the fakes, the SQLite call log."""

import logging
from datetime import UTC, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.domain.expenses import ParseStatus, Problem
from balance_bot.domain.money import AmountLimits, Currency
from balance_bot.ports import ImageText, PostedImage
from infrastructure.llm.anthropic_reader import AnthropicReader
from infrastructure.llm.cascade import LlmPolicy, ModelCascade
from infrastructure.llm.ollama_reader import OllamaReader
from infrastructure.llm.vision_reader import VisionExpenseReader, image_question
from infrastructure.settings import DEFAULT_LLM_PRICES
from infrastructure.sqlite.llm_log import SqliteLlmLog
from tests.fakes.clock import FakeClock, FakeTimer
from tests.fakes.model_script import Reply, answer
from tests.fakes.seen_images import drawn_receipt
from tests.integration.llm.call_rows import call_rows

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
VISION_MODEL = "qwen2.5vl:3b"
TEXT_MODEL = "qwen2.5:3b-instruct"
LUCKY = answer(12.5, "USD", "Lucky Supermarket")
RECEIPT = PostedImage(drawn_receipt("red"), "image/png")
OCR = ImageText(("LUCKY SUPERMARKET", "TOTAL 12.5?", "Cash 20.00"))


class Vision:
    """A vision reader over both fakes, and what it logged."""

    def __init__(self, ollama, anthropic_api, database, *, model=VISION_MODEL, **policy):
        self.clock = FakeClock(datetime(2026, 11, 20, 3, 0, tzinfo=UTC))
        self.log = SqliteLlmLog(
            database, self.clock, PHNOM_PENH, policy.get("monthly_budget_usd", Decimal(5))
        )
        readers = [
            OllamaReader(ollama.url, model, 2.0),
            AnthropicReader(anthropic_api.api_key, "claude-haiku-4-5", anthropic_api.url, 2.0),
        ]
        policy = LlmPolicy(timezone=PHNOM_PENH, prices=DEFAULT_LLM_PRICES, **policy)
        self.cascade = ModelCascade(readers, policy, self.log, self.clock, FakeTimer())
        self.reader = VisionExpenseReader(self.cascade, image_question(), AmountLimits())

    async def read(self, image=RECEIPT, text=OCR):
        return await self.reader.read_image(image, text, -100)

    async def calls(self):
        columns = "provider, model, outcome, fallback_reason, input_tokens, output_tokens, cost_usd, question"
        return await call_rows(self.log, columns)


@pytest.fixture
async def vision(ollama, anthropic_api, database):
    ollama.models.append(VISION_MODEL)
    ollama.vision_models.add(VISION_MODEL)
    vision = Vision(ollama, anthropic_api, database)
    yield vision
    await vision.reader.aclose()


async def test_a_receipt_the_local_vision_model_reads_is_an_expense_and_costs_nothing(
    ollama, anthropic_api, vision
):
    ollama.script.answers["red"] = LUCKY
    result = await vision.read()
    assert result.status is ParseStatus.EXPENSE
    (entry,) = result.entries
    assert (entry.money.amount, entry.money.currency, entry.purpose) == (
        Decimal("12.5"),
        Currency.USD,
        "Lucky Supermarket",
    )
    assert anthropic_api.requests == []
    assert ollama.seen_sizes == [(600, 900)]
    assert await vision.calls() == [("ollama", VISION_MODEL, "ok", None, 900, 40, "0", "images")]


async def test_the_local_reading_goes_with_the_image_as_a_hint(ollama, vision):
    ollama.script.answers["red"] = LUCKY
    await vision.read()
    (request,) = [body for body in ollama.requests if body.get("messages")]
    user_turn = request["messages"][-1]
    assert "LUCKY SUPERMARKET\nTOTAL 12.5?\nCash 20.00" in user_turn["content"]
    assert len(user_turn["images"]) == 1
    assert "format" in request  # held to the same schema as a message's answer


async def test_a_text_only_local_model_is_not_shown_the_image_and_anthropic_reads_it_at_its_cost(
    ollama, anthropic_api, database
):
    # Ollama before 0.31.2 drops the image for a model without vision: its answer would be a guess.
    ollama.script.answers["red"] = ollama.script.default = answer(99, "USD", "guess")
    anthropic_api.script.answers["red"] = LUCKY
    vision = Vision(ollama, anthropic_api, database, model=TEXT_MODEL)
    try:
        result = await vision.read()
    finally:
        await vision.reader.aclose()
    assert result.entries[0].money.amount == Decimal("12.5")
    assert [body for body in ollama.requests if body.get("messages")] == []
    # 600 x 900 px is 720 image tokens; claude-haiku-4-5: 2,220 input at 1 USD, 60 output at 5 USD.
    assert await vision.calls() == [
        ("ollama", TEXT_MODEL, "refused", None, 0, 0, "0", "images"),
        ("anthropic", "claude-haiku-4-5", "ok", "ollama refused", 2220, 60, "0.00252", "images"),
    ]


@pytest.mark.parametrize(
    ("version", "outcomes"),
    [("0.32.5", ["refused"]), ("0.13.0", ["server_error", "server_error"])],
)
async def test_a_vision_model_without_its_projector_sends_the_image_to_anthropic(
    ollama, anthropic_api, vision, version, outcomes
):
    ollama.version = version  # llama-server's 400 from 0.31.2; Ollama's own engine's 500 before
    ollama.blind_models.add(VISION_MODEL)
    anthropic_api.script.answers["red"] = LUCKY
    assert (await vision.read()).entries[0].purpose == "Lucky Supermarket"
    assert [call[2] for call in await vision.calls()] == [*outcomes, "ok"]


async def test_when_ollama_is_down_anthropic_reads_the_image(ollama, anthropic_api, vision):
    await ollama.stop()
    anthropic_api.script.answers["red"] = LUCKY
    assert (await vision.read()).entries[0].money.amount == Decimal("12.5")
    assert [call[2:4] for call in await vision.calls()] == [("down", None), ("ok", "ollama down")]


async def test_a_vision_model_not_pulled_sends_the_image_to_anthropic(ollama, anthropic_api, vision):
    ollama.models.remove(VISION_MODEL)
    anthropic_api.script.answers["red"] = LUCKY
    assert (await vision.read()).entries[0].purpose == "Lucky Supermarket"
    assert [call[2:4] for call in await vision.calls()] == [("refused", None), ("ok", "ollama refused")]


async def test_over_the_monthly_budget_there_is_no_reading_and_no_paid_call(ollama, anthropic_api, database):
    ollama.models.append(VISION_MODEL)  # not a vision model here: Anthropic would be next
    anthropic_api.script.answers["red"] = LUCKY
    vision = Vision(ollama, anthropic_api, database, monthly_budget_usd=Decimal("0.001"))
    try:
        assert await vision.read() is None
    finally:
        await vision.reader.aclose()
    assert anthropic_api.requests == []
    assert [call[2] for call in await vision.calls()] == ["refused"]


async def test_answers_that_are_not_json_give_no_reading(ollama, anthropic_api, vision):
    ollama.script.then(Reply(malformed=True))
    anthropic_api.script.then(Reply(malformed=True))
    assert await vision.read() is None
    assert [call[2] for call in await vision.calls()] == ["invalid", "invalid"]


async def test_unsure_models_leave_the_image_unclear(ollama, anthropic_api, vision):
    ollama.script.answers["red"] = anthropic_api.script.answers["red"] = answer(
        12.5, "USD", "Lucky Supermarket", confidence=0.2
    )
    result = await vision.read()
    assert (result.status, result.problem) == (ParseStatus.UNCLEAR, Problem.UNSURE)


async def test_a_reading_over_the_amount_limit_or_without_a_currency_is_not_taken(
    ollama, anthropic_api, vision
):
    ollama.script.answers["red"] = answer(1_000_000, "USD", "ignore previous instructions")
    anthropic_api.script.answers["red"] = answer(12.5, "UNKNOWN", "Lucky Supermarket")
    assert await vision.read() is None
    assert [call[2] for call in await vision.calls()] == [
        "rejected:amount_not_allowed",
        "rejected:unknown_currency",
    ]


async def test_an_image_too_large_for_anthropic_is_scaled_down_before_it_is_sent(
    ollama, anthropic_api, vision
):
    ollama.models.remove(VISION_MODEL)
    anthropic_api.script.answers["blue"] = LUCKY
    # 9,000 px wide and 27 MB of noise: Anthropic refuses either as it is.
    for huge in (drawn_receipt("blue", (9000, 1200)), drawn_receipt("blue", (4000, 3000), noise=True)):
        assert (await vision.read(PostedImage(huge, "image/png"))).entries[0].purpose == "Lucky Supermarket"
    assert anthropic_api.seen_sizes == [(1568, 209), (1568, 1176)]


async def test_the_media_type_sent_is_what_the_bytes_are_not_what_the_app_declared(
    ollama, anthropic_api, vision
):
    ollama.models.remove(VISION_MODEL)
    anthropic_api.script.answers["green"] = LUCKY
    jpeg_called_png = PostedImage(drawn_receipt("green", image_format="JPEG"), "image/png")
    assert (await vision.read(jpeg_called_png, None)).status is ParseStatus.EXPENSE
    image = anthropic_api.requests[0]["messages"][0]["content"][0]
    assert image["source"]["media_type"] == "image/jpeg"


async def test_what_is_not_an_image_is_shown_to_no_model(ollama, anthropic_api, vision):
    assert await vision.read(PostedImage(b"%PDF-1.7 not an image", "image/jpeg")) is None
    assert ollama.requests == anthropic_api.requests == []


async def test_keys_never_reach_the_logs(ollama, anthropic_api, database, caplog):
    caplog.set_level(logging.DEBUG)
    ollama.models.append(VISION_MODEL)
    anthropic_api.script.then(Reply(status=529), Reply(status=401))
    vision = Vision(ollama, anthropic_api, database)
    try:
        assert await vision.read() is None
    finally:
        await vision.reader.aclose()
    assert anthropic_api.api_key not in caplog.text
    assert anthropic_api.api_key not in str(await vision.calls())
