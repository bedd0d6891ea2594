"""The category question through the cascade: real ollama and anthropic clients against the fakes."""

import pytest

from infrastructure.categories.tab import load_categories_csv
from infrastructure.llm.category_guesser import ModelCategoryGuesser
from infrastructure.llm.category_question import load_category_prompts
from tests.integration.llm.test_expense_parser_client import Cascade

CHOICES = load_categories_csv()
ASKED = "1. tailor for the uniforms\n2. frames for the certificates"


def chose(*names, confidence=0.9):
    return {"categories": list(names), "confidence": confidence, "reason": "test"}


@pytest.fixture
async def guessing(ollama, anthropic_api, database):
    cascade = Cascade(ollama, anthropic_api, database)
    yield cascade, ModelCategoryGuesser(cascade.models, load_category_prompts())
    await cascade.models.aclose()


async def guess(guesser):
    return await guesser.guess(["tailor for the uniforms", "frames for the certificates"], CHOICES, -100)


async def test_the_local_model_chooses_among_the_tabs_names_only(ollama, anthropic_api, guessing):
    cascade, guesser = guessing
    ollama.script.answers[ASKED] = chose("Guests & events", "Office supplies")
    assert await guess(guesser) == ["Guests & events", "Office supplies"]
    request = ollama.requests[-1]
    allowed = request["format"]["properties"]["categories"]["items"]["enum"]
    assert allowed == [category.name for category in CHOICES]
    assert "- Fuel (ប្រេងឥន្ធនៈ): fuel, gas" in request["messages"][0]["content"]
    assert anthropic_api.requests == []
    assert await cascade.calls() == [("ollama", "ok", None, 900, 40, "0")]


async def test_an_unsure_local_model_falls_back_to_the_paid_one_which_is_logged_and_costed(
    ollama, anthropic_api, guessing, database
):
    cascade, guesser = guessing
    ollama.script.answers[ASKED] = chose("Other", "Other", confidence=0.2)
    anthropic_api.script.answers[ASKED] = chose("Guests & events", "Office supplies")
    assert await guess(guesser) == ["Guests & events", "Office supplies"]
    (request,) = anthropic_api.requests
    assert request["tool_choice"] == {"type": "tool", "name": "choose_categories"}
    calls = await cascade.calls()
    assert [call[:3] for call in calls] == [("ollama", "unsure", None), ("anthropic", "ok", "ollama unsure")]
    assert calls[1][5] != "0"
    questions = await database.run(lambda db: db.execute("SELECT question FROM llm_call").fetchall())
    assert [tuple(row) for row in questions] == [("categories",), ("categories",)]


@pytest.mark.parametrize(
    "answer",
    [chose("Guests & events"), chose("Guests & events", "Snacks"), {"categories": "Other", "confidence": 1}],
    ids=["one name for two purposes", "a name not in the tab", "not a list"],
)
async def test_an_answer_that_does_not_fit_the_question_chooses_nothing(
    ollama, anthropic_api, guessing, answer
):
    _, guesser = guessing
    ollama.script.answers[ASKED] = answer
    anthropic_api.script.answers[ASKED] = answer
    assert await guess(guesser) == [None, None]
