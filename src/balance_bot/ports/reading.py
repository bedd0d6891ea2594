"""Reading a member's message: the second opinion asked when the bot's own reading is unsure."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from balance_bot.domain.expenses import ParseResult


@dataclass(frozen=True, slots=True)
class ParseHints:
    """What the bot knows before asking for a second opinion: its own reading, and the group."""

    first_reading: ParseResult
    chat_id: int | None = None


class ExpenseParser(Protocol):
    """A second opinion on a message the heuristic parser is unsure of (an LLM, in practice)."""

    async def parse_message(self, text: str, hints: ParseHints) -> ParseResult | None:
        """Read the message; None when there is no answer (down, slow, invalid or over budget)."""
        ...
