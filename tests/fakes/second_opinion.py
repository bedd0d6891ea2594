"""A scripted second-opinion parser that records what it was asked."""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_bot.domain.expenses import ParseResult


@dataclass
class ScriptedSecondOpinion:
    """Answers every message with the same result, and remembers the messages it saw."""

    answer: ParseResult | None
    asked: list[str] = field(default_factory=list)

    async def parse(self, text: str, first_reading: ParseResult) -> ParseResult | None:
        """The scripted answer, after noting the question."""
        self.asked.append(text)
        return self.answer
