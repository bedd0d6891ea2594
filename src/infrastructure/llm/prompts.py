"""The prompt templates in prompts/, read once at start into the texts sent to a model."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

DEFAULT_PROMPTS = Path(__file__).resolve().parents[3] / "prompts"


@dataclass(frozen=True, slots=True)
class Prompts:
    """The system prompt (rules and worked examples), the template of the user's turn, and what a
    model that cannot be held to a tool is told about its answer: a question is built from them."""

    system: str
    user_template: str
    json_only: str = ""


def load_prompts(directory: Path = DEFAULT_PROMPTS) -> Prompts:
    """system.txt, examples.txt (a message, its answer, a blank line; repeated), user.txt and
    json_only.txt."""
    system = (directory / "system.txt").read_text(encoding="utf-8").strip()
    examples = (directory / "examples.txt").read_text(encoding="utf-8").strip()
    user_template = (directory / "user.txt").read_text(encoding="utf-8").strip()
    if "{message}" not in user_template:
        raise ValueError(f"{directory / 'user.txt'} must contain {{message}}")
    worked = "\n\n".join(_worked_example(block) for block in examples.split("\n\n") if block.strip())
    json_only = (directory / "json_only.txt").read_text(encoding="utf-8").strip()
    return Prompts(f"{system}\n\nExamples (message, then answer):\n\n{worked}", user_template, json_only)


def _worked_example(block: str) -> str:
    message, _, answer = block.strip().rpartition("\n")
    return f"Message:\n{message}\nAnswer:\n{answer}"
