"""The ports the core needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from typing import Protocol

from balance_bot.domain.expenses import ParseResult


class ExpenseParser(Protocol):
    """A second opinion on a message the heuristic parser is unsure of (an LLM, in practice)."""

    async def parse(self, text: str, first_reading: ParseResult) -> ParseResult | None:
        """Read the message; None when there is no answer (down, slow, unsure or invalid)."""
        ...
