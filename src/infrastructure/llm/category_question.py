"""The category question: purposes the tab's words do not decide, each given one of the tab's names."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from balance_bot.domain.categories import Category
from infrastructure.llm.prompts import DEFAULT_PROMPTS, Prompts, load_prompts
from infrastructure.llm.questions import InvalidAnswer, Question

CATEGORY_PROMPTS = DEFAULT_PROMPTS / "categories"
TOOL_NAME = "choose_categories"
QUESTION_NAME = "categories"
# Each category is shown with this many of its words: enough to tell it, a bounded prompt at 200.
WORDS_SHOWN = 8
MAX_PURPOSES = 50


@dataclass(frozen=True, slots=True)
class CategoryAnswer:
    """The model's category names, one per purpose, and how sure it is of them."""

    names: tuple[str, ...]
    confidence: float


def load_category_prompts(directory: Path = CATEGORY_PROMPTS) -> Prompts:
    """The category question's prompts; its system prompt has a {categories} place for the tab."""
    prompts = load_prompts(directory)
    if "{categories}" not in prompts.system:
        raise ValueError(f"{directory / 'system.txt'} must contain {{categories}}")
    return prompts


def category_question(prompts: Prompts, choices: Sequence[Category]) -> Question[CategoryAnswer]:
    """The question for one spreadsheet's categories: its names are the only answers the schema allows."""
    names = [category.name for category in choices]
    listed = "\n".join(_listed(category) for category in choices)
    return Question(
        name=QUESTION_NAME,
        system=prompts.system.replace("{categories}", listed),
        user_template=prompts.user_template,
        json_only=prompts.json_only,
        schema=_schema(names),
        tool_name=TOOL_NAME,
        tool_description="Choose each purpose's category, as the rules say.",
        read_answer=lambda answer: category_answer(answer, names),
    )


def numbered(purposes: Sequence[str]) -> str:
    """The purposes as the question gives them: one per line, numbered; a line break is a space."""
    return "\n".join(f"{number}. {' '.join(purpose.split())}" for number, purpose in enumerate(purposes, 1))


def category_answer(answer: object, names: Sequence[str]) -> CategoryAnswer:
    """The decoded JSON as an answer; a name not in the tab is InvalidAnswer."""
    if not isinstance(answer, dict):
        raise InvalidAnswer("not an object")
    confidence = answer.get("confidence")
    if isinstance(confidence, bool) or not isinstance(confidence, int | float | Decimal):
        raise InvalidAnswer("confidence is not a number")
    if not 0 <= confidence <= 1:
        raise InvalidAnswer("confidence outside 0..1")
    chosen = answer.get("categories")
    if not isinstance(chosen, list) or not all(isinstance(name, str) for name in chosen):
        raise InvalidAnswer("categories is not a list of names")
    unknown = [name for name in chosen if name not in names]
    if unknown:
        raise InvalidAnswer(f"not a category of the tab: {unknown[0][:40]!r}")
    return CategoryAnswer(tuple(chosen), float(confidence))


def _listed(category: Category) -> str:
    khmer = f" ({category.name_km})" if category.name_km else ""
    words = ", ".join(category.words[:WORDS_SHOWN])
    return f"- {category.name}{khmer}" + (f": {words}" if words else "")


def _schema(names: Sequence[str]) -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {
            "categories": {
                "type": "array",
                "maxItems": MAX_PURPOSES,
                "items": {"type": "string", "enum": list(names)},
            },
            "confidence": {"type": "number", "minimum": 0, "maximum": 1},
            "reason": {"type": "string", "maxLength": 300},
        },
        "required": ["categories", "confidence"],
    }
