"""A message in, the bot's reading out (the MessageReader port): the parser first, a model if unsure."""

from __future__ import annotations

import logging

from balance_bot.domain.expenses import ParseResult, dated_like
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ExpenseParser, MessageTally, ParseHints

_log = logging.getLogger(__name__)


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
            self._tally.count_message(asked_llm=asks, chat_id=chat_id)
        if not asks:
            return first_reading
        assert self._second_opinion is not None
        try:
            second = await self._second_opinion.parse_message(text, ParseHints(first_reading, chat_id))
        except Exception:
            # A reader's bug must not cost the member the reply: the heuristic reading stands.
            _log.exception("the second opinion failed; the parser's own reading stands")
            return first_reading
        return dated_like(second, first_reading) if second is not None else first_reading
