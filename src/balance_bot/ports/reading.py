"""Reading a member's message: the reader the use cases ask, and the second opinion it asks when its own
reading is unsure."""

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


class MessageReader(Protocol):
    """What a message says, as the use cases ask it: the parser's reading, with a second opinion when the
    parser is unsure (the parser is pure; the second opinion, a model, is behind ExpenseParser)."""

    def read_alone(self, text: str) -> ParseResult:
        """The parser's reading only: for commands whose words must be exact (/topup 200$)."""
        ...

    async def interpret(self, text: str, chat_id: int | None = None) -> ParseResult:
        """The decision for one message; never raises for any text."""
        ...
