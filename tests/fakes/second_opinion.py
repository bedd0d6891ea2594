"""A scripted second-opinion parser that records what it was asked, and a message tally."""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_bot.domain.expenses import ParseResult
from balance_bot.ports import ParseHints


@dataclass
class ScriptedSecondOpinion:
    """Answers every message with the same result, and remembers the messages it saw."""

    answer: ParseResult | None
    asked: list[str] = field(default_factory=list)
    hints: list[ParseHints] = field(default_factory=list)

    async def parse_message(self, text: str, hints: ParseHints) -> ParseResult | None:
        """The scripted answer, after noting the question."""
        self.asked.append(text)
        self.hints.append(hints)
        return self.answer


@dataclass
class CountingTally:
    """Counts messages in memory, as MessageTally."""

    messages: int = 0
    asked_llm: int = 0

    def count_message(self, asked_llm: bool, chat_id: int | None = None) -> None:
        """One more message."""
        self.messages += 1
        self.asked_llm += asked_llm
