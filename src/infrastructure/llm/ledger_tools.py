"""The ledger's read tools for a model: a question the question reader cannot read becomes one tool
call, checked by the bot, which runs it and writes the answer from its result."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import Any

from balance_bot.ports import ToolChoice
from infrastructure.llm.cascade import ModelCascade, Verdict
from infrastructure.llm.prompts import DEFAULT_PROMPTS, Prompts, load_prompts
from infrastructure.llm.questions import InvalidAnswer, Question

LEDGER_PROMPTS = DEFAULT_PROMPTS / "ledger"
QUESTION_NAME = "ledger"
_ARGUMENTS: dict[str, Any] = {
    "type": "object",
    "properties": {
        "first": {"type": "string", "description": "the first day asked about, YYYY-MM-DD"},
        "last": {"type": "string", "description": "the last day asked about, YYYY-MM-DD"},
        "member": {"type": "string", "description": "a member's name, or 'me'"},
        "words": {"type": "string", "description": "words of what was bought"},
        "category": {"type": "string", "description": "a category's name"},
    },
    "additionalProperties": False,
}
_SUM_ARGUMENTS: dict[str, Any] = {
    **_ARGUMENTS,
    "properties": {
        **_ARGUMENTS["properties"],
        "by": {
            "type": "string",
            "enum": ["member", "category"],
            "description": "the total of each member or each category, instead of one total",
        },
    },
}
TOOLS: tuple[dict[str, Any], ...] = (
    {
        "name": "sum",
        "description": "The total spent on the entries the arguments select.",
        "parameters": _SUM_ARGUMENTS,
    },
    {"name": "count", "description": "How many entries the arguments select.", "parameters": _ARGUMENTS},
    {"name": "list", "description": "The entries the arguments select.", "parameters": _ARGUMENTS},
    {
        "name": "balance",
        "description": "The cash left this month (admins only).",
        "parameters": {"type": "object", "properties": {}, "additionalProperties": False},
    },
)
_NAMES = {tool["name"] for tool in TOOLS}


def load_ledger_prompts(directory: Path = LEDGER_PROMPTS) -> Prompts:
    """The ledger question's prompts; the system prompt has places for today, members, categories."""
    return load_prompts(directory)


def ledger_question(
    prompts: Prompts, today: date, members: Sequence[str], categories: Sequence[str]
) -> Question[ToolChoice]:
    """The question with today's date and the group's members and categories in its system prompt."""
    system = (
        prompts.system.replace("{today}", today.isoformat())
        .replace("{members}", ", ".join(members) or "(none yet)")
        .replace("{categories}", ", ".join(categories) or "(none)")
    )
    return Question(
        name=QUESTION_NAME,
        system=system,
        user_template=prompts.user_template,
        json_only=prompts.json_only,
        schema={"type": "object"},
        tool_name="",
        tool_description="",
        read_answer=tool_choice,
        tools=TOOLS,
    )


def tool_choice(payload: object) -> ToolChoice:
    """The tool call, its arguments held to the tools' schema; InvalidAnswer for anything else."""
    if not isinstance(payload, dict):
        raise InvalidAnswer("no tool call")
    name, arguments = payload.get("tool"), payload.get("arguments") or {}
    if name not in _NAMES:
        raise InvalidAnswer(f"no such tool: {str(name)[:30]!r}")
    if not isinstance(arguments, dict):
        raise InvalidAnswer("arguments are not an object")
    allowed = (
        set(_SUM_ARGUMENTS["properties"] if name == "sum" else _ARGUMENTS["properties"])
        if name != "balance"
        else set()
    )
    unknown = set(arguments) - allowed
    if unknown:
        raise InvalidAnswer(f"arguments the tool has not: {sorted(unknown)[:3]}")
    values: dict[str, str | None] = {}
    for key in allowed:
        value = arguments.get(key)
        if value is not None and not isinstance(value, str):
            raise InvalidAnswer(f"{key} is not a string")
        values[key] = value[:200] if value else None
    if values.get("by") not in (None, "member", "category"):
        raise InvalidAnswer("by is neither member nor category")
    return ToolChoice(str(name), **values)


class ModelLedgerTools:
    """LedgerToolCaller through the cascade: Ollama's tool calling first, Anthropic's tool use next,
    within the deadline and the budget, each call logged and costed."""

    def __init__(self, cascade: ModelCascade, prompts: Prompts) -> None:
        self._cascade = cascade
        self._prompts = prompts

    async def choose(
        self, question: str, today: date, members: Sequence[str], categories: Sequence[str], chat_id: int
    ) -> ToolChoice | None:
        """The model's tool call for the question; None when no model made one in time."""
        asked = ledger_question(self._prompts, today, members, categories)
        return (await self._cascade.ask(asked, question, Verdict, chat_id)).result
