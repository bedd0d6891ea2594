"""ExpenseParserClient: a message the heuristic is unsure of, read by the model cascade."""

from __future__ import annotations

from balance_bot.domain.expenses import ParseResult, ParseStatus, Problem
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.second_reading import Proposal, Rejected, judge_proposal
from balance_bot.ports import ParseHints
from infrastructure.llm.cascade import ModelCascade, Verdict
from infrastructure.llm.questions import Question


class ExpenseParserClient:
    """The second opinion: the first sure reading the text bears out, within the cascade's limits."""

    def __init__(self, cascade: ModelCascade, question: Question[Proposal], limits: AmountLimits) -> None:
        self._cascade = cascade
        self._question = question
        self._limits = limits

    async def parse_message(self, text: str, hints: ParseHints) -> ParseResult | None:
        """The first sure reading within the deadline; 'unclear' if the models were all unsure."""

        def judged(proposal: Proposal) -> Verdict[ParseResult]:
            reading = judge_proposal(text, proposal, self._limits)
            return sure_reading(reading, proposal, self._cascade.policy.confidence_threshold)

        asked = await self._cascade.ask(self._question, text, judged, hints.chat_id)
        if asked.result is not None:
            return asked.result
        if asked.unsure and hints.first_reading.status is not ParseStatus.IGNORE:
            return ParseResult.unclear(Problem.UNSURE)
        return None


def sure_reading(
    reading: ParseResult | Rejected, proposal: Proposal, threshold: float
) -> Verdict[ParseResult]:
    """A judged proposal as the cascade weighs it: rejected, unsure below the threshold, or sure."""
    if isinstance(reading, Rejected):
        return Verdict(None, f"rejected:{reading.rejection}")
    if proposal.confidence < threshold:
        return Verdict(None, "unsure")
    return Verdict(reading)
