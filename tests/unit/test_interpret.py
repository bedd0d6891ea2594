"""Tests for the interpret use case: heuristic first, a second opinion only when unsure."""

import asyncio
from decimal import Decimal

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.domain.expenses import ExpenseEntry, ParseResult, ParseStatus
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.parser import HeuristicParser
from tests.fakes.second_opinion import CountingTally, ScriptedSecondOpinion

UNSURE_MESSAGE = "snacks and cold drinks for the whole staff meeting on the roof 12$"


def interpret(interpreter, text):
    return asyncio.run(interpreter.interpret(text))


def test_a_certain_reading_never_asks_for_a_second_opinion():
    second = ScriptedSecondOpinion(ParseResult.ignore())
    result = interpret(MessageInterpreter(HeuristicParser(), second), "coffee 3$")
    assert result.status is ParseStatus.EXPENSE
    assert second.asked == []


def test_an_unsure_reading_takes_the_second_opinion():
    second = ScriptedSecondOpinion(ParseResult.ignore())
    result = interpret(MessageInterpreter(HeuristicParser(), second), UNSURE_MESSAGE)
    assert result.status is ParseStatus.IGNORE
    assert second.asked == [UNSURE_MESSAGE]


def test_without_an_answer_from_the_second_opinion_the_heuristic_reading_stands():
    second = ScriptedSecondOpinion(None)
    result = interpret(MessageInterpreter(HeuristicParser(), second), UNSURE_MESSAGE)
    assert result.status is ParseStatus.EXPENSE


def test_without_a_second_opinion_the_heuristic_decides_alone():
    assert interpret(MessageInterpreter(HeuristicParser()), UNSURE_MESSAGE).status is ParseStatus.EXPENSE


def test_the_second_opinion_learns_the_first_reading_and_the_group():
    second = ScriptedSecondOpinion(None)
    asyncio.run(MessageInterpreter(HeuristicParser(), second).interpret(UNSURE_MESSAGE, chat_id=-100))
    (hints,) = second.hints
    assert hints.chat_id == -100
    assert hints.first_reading.status is ParseStatus.EXPENSE


def test_every_message_is_counted_and_those_sent_to_the_llm_are_told_apart():
    tally = CountingTally()
    interpreter = MessageInterpreter(HeuristicParser(), ScriptedSecondOpinion(None), tally)
    for text in ["coffee 3$", "hello all", UNSURE_MESSAGE]:
        interpret(interpreter, text)
    assert (tally.messages, tally.asked_llm) == (3, 1)


def test_without_a_second_opinion_an_unsure_reading_stays_unsure():
    assert not interpret(MessageInterpreter(HeuristicParser()), UNSURE_MESSAGE).certain


def test_a_models_reading_takes_the_days_the_parser_marked_and_loses_date_words():
    model_entry = ExpenseEntry(Money(Decimal(12), Currency.USD), "yesterday snacks for the staff meeting")
    second = ScriptedSecondOpinion(ParseResult(ParseStatus.EXPENSE, (model_entry,)))
    result = interpret(MessageInterpreter(HeuristicParser(), second), f"yesterday {UNSURE_MESSAGE}")
    [entry] = result.entries
    assert (entry.purpose, entry.day_words, result.day_words) == (
        "snacks for the staff meeting",
        "yesterday",
        "yesterday",
    )


def test_a_models_entries_take_the_messages_day_when_the_parser_counted_differently():
    entries = tuple(ExpenseEntry(Money(Decimal(n), Currency.USD), f"item {n}") for n in (2, 3))
    second = ScriptedSecondOpinion(ParseResult(ParseStatus.EXPENSE, entries))
    result = interpret(MessageInterpreter(HeuristicParser(), second), f"Monday {UNSURE_MESSAGE}")
    assert [entry.day_words for entry in result.entries] == ["monday", "monday"]


class BrokenSecondOpinion:
    """A second opinion whose reader fails in a way nobody foresaw."""

    async def parse_message(self, text, hints):
        raise RecursionError("maximum recursion depth exceeded while decoding a JSON object")


def test_a_second_opinion_that_raises_leaves_the_parser_s_own_reading_standing():
    result = interpret(MessageInterpreter(HeuristicParser(), BrokenSecondOpinion()), UNSURE_MESSAGE)
    assert result.status is ParseStatus.EXPENSE
    assert not result.certain
