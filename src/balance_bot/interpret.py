"""Use case: a message in, the bot's decision out; heuristic first, a second opinion if unsure."""

from __future__ import annotations

from balance_bot.domain.expenses import ParseResult
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ExpenseParser


class MessageInterpreter:
    """Decides what a message is, asking the second opinion only when the heuristic is unsure."""

    def __init__(self, heuristic: HeuristicParser, second_opinion: ExpenseParser | None = None) -> None:
        self._heuristic = heuristic
        self._second_opinion = second_opinion

    async def interpret(self, text: str) -> ParseResult:
        """The decision for one message; never raises for any text."""
        first_reading = self._heuristic.parse(text)
        if first_reading.certain or self._second_opinion is None:
            return first_reading
        second = await self._second_opinion.parse(text, first_reading)
        return second if second is not None else first_reading
