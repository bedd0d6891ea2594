"""Answers set aside, and list, the rows they cannot be sure of: a category guessed between two, and
an item in the other language that may be the very thing asked about."""

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

from bench.questions import DefaultCategories, SeededMonth

from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.roster import Roster
from balance_bot.questions.ask import Answered, AskLedger, AskPolicy, MembersMay
from tests.fakes.clock import FakeClock

TODAY = date(2027, 5, 19)


def asked(rows, question):
    month = SeededMonth(rows, Roster.of([(7, "Rithy")]))
    policy = AskPolicy(MembersMay.ALL, "[void] ", lambda: TODAY)
    ask = AskLedger(month, FakeClock(datetime(2027, 5, 19, tzinfo=UTC)), policy, DefaultCategories())

    async def admin():
        return True

    answer = asyncio.run(ask.ask(-1, 7, "Rithy", admin, question))
    assert isinstance(answer, Answered)
    counted = [entry.row.item for entry in answer.found.entries]
    return counted, [entry.row.item for entry in answer.found.doubtful]


def row(number, item, khr):
    return SheetRow(number, date(2027, 5, number), item, None, Decimal(khr), "Rithy", f"tg:-1:{number}:0:u7")


def test_an_item_in_the_other_language_of_the_things_category_is_set_aside_where_no_word_tells():
    rows = [row(1, "ប៉ះកង់", 5000), row(2, "puncture", 8000), row(3, "ice", 4000), row(4, "tyre", 90000)]
    # ប៉ះកង់ (a tyre patched) and 'puncture' are both Repairs, and no word says they are one thing
    assert asked(rows, "ប៉ះកង់ ខែនេះអស់ប៉ុន្មាន") == (["ប៉ះកង់"], ["puncture"])
    # a tyre is a thing the vocabulary knows: it says what it is, and it is no patch
    assert asked(rows, "how much on puncture this month") == (["puncture"], ["ប៉ះកង់"])


def test_a_thing_known_in_both_languages_is_counted_in_both_and_doubts_nothing():
    rows = [row(1, "ទឹកកក", 5000), row(2, "ice", 4000), row(3, "ប៉ះកង់", 5000)]
    assert asked(rows, "ទឹកកក ខែនេះអស់ប៉ុន្មាន") == (["ទឹកកក", "ice"], [])


def test_a_row_whose_category_was_guessed_between_two_is_set_aside_from_either():
    rows = [row(1, "tuk tuk to the hardware store", 10000), row(2, "engine oil truck", 45000)]
    assert asked(rows, "how much on transport this month") == (
        ["tuk tuk to the hardware store"],
        ["engine oil truck"],
    )
    assert asked(rows, "ជួសជុល និងថែទាំ ខែនេះអស់ប៉ុន្មាន") == ([], ["engine oil truck"])
