"""The expense question: the JSON a model must answer with, and its strict reading into a Proposal."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from typing import Any

from balance_bot.domain.second_reading import Proposal, ProposedEntry
from infrastructure.llm.prompts import Prompts
from infrastructure.llm.questions import InvalidAnswer, Question, decoded

TOOL_NAME = "record_expenses"

# Lengths and counts are bounded: Ollama's grammar enforces them (not number ranges), so a small
# model cannot loop on one string or list until its timeout.
ANSWER_SCHEMA: dict[str, Any] = {
    "type": "object",
    "properties": {
        "entries": {
            "type": "array",
            "maxItems": 50,
            "items": {
                "type": "object",
                "properties": {
                    "amount_value": {"type": "number"},
                    "currency": {"type": "string", "enum": ["USD", "KHR", "UNKNOWN"]},
                    "purpose": {"type": "string", "maxLength": 200},
                },
                "required": ["amount_value", "currency", "purpose"],
            },
        },
        "confidence": {"type": "number", "minimum": 0, "maximum": 1},
        "reason": {"type": "string", "maxLength": 300},
    },
    "required": ["entries", "confidence"],
}


def expense_question(prompts: Prompts) -> Question[Proposal]:
    """What an expense message is: the entries it reports, as the prompts' rules say."""
    return Question(
        name="expenses",
        system=prompts.system,
        user_template=prompts.user_template,
        json_only=prompts.json_only,
        schema=ANSWER_SCHEMA,
        tool_name=TOOL_NAME,
        tool_description="Record the expenses the message reports, as the rules say.",
        read_answer=proposal_from_json,
    )


def proposal_from_text(text: str) -> Proposal:
    """A proposal from the model's JSON text; anything off-schema is InvalidAnswer."""
    return proposal_from_json(decoded(text))


def proposal_from_json(answer: object) -> Proposal:
    """A proposal from decoded JSON (a tool call's input); anything off-schema is InvalidAnswer."""
    if not isinstance(answer, dict):
        raise InvalidAnswer("not an object")
    confidence = _number(answer.get("confidence"), "confidence")
    if not 0 <= confidence <= 1:
        raise InvalidAnswer("confidence outside 0..1")
    raw_entries = answer.get("entries", [])
    if not isinstance(raw_entries, list):
        raise InvalidAnswer("entries is not a list")
    reason = answer.get("reason", "")
    return Proposal(
        tuple(_entry(raw) for raw in raw_entries),
        float(confidence),
        reason if isinstance(reason, str) else "",
    )


def _entry(raw: object) -> ProposedEntry:
    if not isinstance(raw, dict):
        raise InvalidAnswer("an entry is not an object")
    currency, purpose = raw.get("currency"), raw.get("purpose", "")
    if currency not in ("USD", "KHR", "UNKNOWN"):
        raise InvalidAnswer(f"currency {currency!r}")
    if not isinstance(purpose, str):
        raise InvalidAnswer("purpose is not a string")
    return ProposedEntry(_number(raw.get("amount_value"), "amount_value"), currency, purpose)


def _number(value: object, name: str) -> Decimal:
    # Floats from a tool call's input become Decimal through their shortest repr: 3.5 -> 3.5.
    if isinstance(value, bool) or not isinstance(value, int | float | Decimal):
        raise InvalidAnswer(f"{name} is not a number")
    try:
        number = Decimal(str(value))
    except InvalidOperation as exc:
        raise InvalidAnswer(f"{name} is not a number") from exc
    if not number.is_finite():
        raise InvalidAnswer(f"{name} is not finite")
    return number
