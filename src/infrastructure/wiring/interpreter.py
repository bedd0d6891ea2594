"""The message interpreter: the heuristic parser with the configured ceilings, a model as second opinion."""

from __future__ import annotations

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import ExpenseParser, MessageTally
from infrastructure.settings import Settings


def amount_limits(settings: Settings) -> AmountLimits:
    """The per-currency ceilings of a single expense."""
    return AmountLimits(max_usd=settings.max_amount_usd, max_khr=settings.max_amount_khr)


def build_interpreter(
    settings: Settings, second_opinion: ExpenseParser | None = None, tally: MessageTally | None = None
) -> MessageInterpreter:
    """The message interpreter: the heuristic parser with the configured amount ceilings."""
    parser = HeuristicParser(amount_limits(settings), settings.max_entries_per_message)
    return MessageInterpreter(parser, second_opinion, tally)
