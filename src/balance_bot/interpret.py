"""Use case: a message in, the bot's decision out; heuristic first, a second opinion if unsure."""

from __future__ import annotations

from balance_bot.domain.expenses import ParseResult
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ExpenseParser, MessageTally, ParseHints


class MessageInterpreter:
    """Decides what a message is, asking the second opinion only when the heuristic is unsure."""

    def __init__(
        self,
        heuristic: HeuristicParser,
        second_opinion: ExpenseParser | None = None,
        tally: MessageTally | None = None,
    ) -> None:
        self._heuristic = heuristic
        self._second_opinion = second_opinion
        self._tally = tally

    def read_alone(self, text: str) -> ParseResult:
        """The heuristic's reading only: for commands whose words must be exact (/topup 200$)."""
        return self._heuristic.parse(text)

    async def interpret(self, text: str, chat_id: int | None = None) -> ParseResult:
        """The decision for one message; never raises for any text.

        Without a second opinion, an unsure reading stays unsure (`certain` is False), so the
        member can be asked to check what was saved.
        """
        first_reading = self._heuristic.parse(text)
        asks = not first_reading.certain and self._second_opinion is not None
        if self._tally is not None:
            self._tally.count_message(asked_llm=asks)
        if not asks:
            return first_reading
        assert self._second_opinion is not None
        second = await self._second_opinion.parse_message(text, ParseHints(first_reading, chat_id))
        return second if second is not None else first_reading
