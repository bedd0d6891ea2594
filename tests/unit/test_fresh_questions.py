"""Questions written fresh as members ask them (half Khmer), over two seeded months: each answer holds
the figures computed from the rows, or says it is unsure; never a confident wrong figure."""

import asyncio
import json
from datetime import date
from decimal import Decimal

import pytest
from bench.questions import SETS, score, verdict

from balance_bot.domain.categories import Category
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.ledger_answers import Entry, Found
from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import LedgerQuestion, Measure
from balance_bot.questions.ask import Answered, BudgetAnswer
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.replies import Replies


@pytest.mark.parametrize(
    ("month", "questions"),
    SETS,
    ids=[
        "office",
        "music school",
        "ngo",
        "coffee shop",
        "construction site",
        "guesthouse",
        "music school march",
        "clinic",
        "kitchen",
        "tailor",
        "canteen",
        "garage",
        "fishing",
        "print shop",
        "rice cooperative",
        "bakery",
        "bakery march",
        "ngo september",
    ],
)
def test_fresh_questions_are_answered_right_or_said_unsure_never_confidently_wrong(month, questions):
    asked = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line]
    scored = asyncio.run(score(json.loads(month.read_text(encoding="utf-8")), asked))
    wrong = [(entry.question["text"], entry.why) for entry in scored if entry.verdict == "wrong"]
    right = sum(entry.verdict == "right" for entry in scored)
    if month.name in NOT_YET:  # below the goal still: held where they are, never to lose ground
        most_wrong, least_right = NOT_YET[month.name]
        assert len(wrong) <= most_wrong
        assert right >= least_right
        return
    assert wrong == []
    assert right >= 0.9 * len(scored)


# Sets written fresh that the reader does not yet answer to the goal (>= 90% right, none confidently
# wrong): the most questions confidently wrong and the fewest right they had when added.
NOT_YET = {
    # Since food for people hosted and trays of eggs are Other (issue 32, categories), the coffee shop's
    # 'snacks for guests (tourism office visit)' and 'eggs 2 trays' are, and its two questions of food
    # and drinks' total and share are answered unsure, listing them (42 right before).
    "shop-month.json": (0, 40),
    "printshop-month.json": (0, 35),
    "ricecoop-month.json": (0, 31),
}


MAY = Period(2027, 5)
ROWS = [
    SheetRow(1, date(2027, 5, 3), "diesel", Decimal("30.00"), None, "Vuthy", ""),
    SheetRow(2, date(2027, 5, 4), "ice", None, Decimal(5000), "Sopheak", ""),
]


def test_a_budget_answer_is_right_when_it_names_the_category_and_what_its_rows_add_up_to():
    asked = {"measure": "budget", "category": "Fuel", "rows": [1]}
    fuel = Category("Fuel")
    spent = {Currency.USD: Decimal("30.00"), Currency.KHR: Decimal(0)}
    assert verdict(asked, BudgetAnswer(MAY, ((fuel, spent),), fuel), ROWS).verdict == "right"
    more = {Currency.USD: Decimal("30.00"), Currency.KHR: Decimal(5000)}
    assert verdict(asked, BudgetAnswer(MAY, ((fuel, more),), fuel), ROWS).verdict == "wrong"


def test_saying_a_category_has_no_budget_gives_no_figure_of_a_budget_but_a_budget_left_does():
    asked = {"measure": "unsure", "rows": []}
    spent = {Currency.USD: Decimal("30.00"), Currency.KHR: Decimal(0)}
    unbudgeted, budgeted = Category("Fuel"), Category("Fuel", budget_usd=Decimal(100))
    assert verdict(asked, BudgetAnswer(MAY, ((unbudgeted, spent),), unbudgeted)).verdict == "right"
    assert verdict(asked, BudgetAnswer(MAY, ((budgeted, spent),), budgeted)).verdict == "wrong"


def test_rows_it_said_it_was_not_sure_of_make_an_answer_unsure_not_wrong():
    taxi = Entry(ROWS[0], Currency.USD, Decimal("30.00"))
    asked = {"measure": "total", "rows": [1]}
    question = LedgerQuestion(Measure.TOTAL, Span(date(2027, 5, 1), date(2027, 5, 31)), category="Transport")
    sure = Found((), {}, (taxi,))
    assert verdict(asked, Answered(question, sure, None)).verdict == "unsure"
    counted = Found((taxi,), {}, ())
    assert verdict(asked, Answered(question, counted, None)).verdict == "right"


def test_a_list_is_right_where_a_total_is_asked_as_its_reply_opens_with_that_total_but_not_the_reverse():
    ice = Entry(ROWS[1], Currency.KHR, Decimal(5000))
    found = Found((ice,), {Currency.USD: Decimal(0), Currency.KHR: Decimal(5000)})
    may = Span(date(2027, 5, 1), date(2027, 5, 31))
    listed = Answered(LedgerQuestion(Measure.LIST, may), found, None)
    reply = AskReplies(Replies(Speech(Language.ENGLISH)), Decimal(4000)).answer(listed)
    # "what did we spend on the 4th": the total, then what it went on
    assert "5,000៛ in 1 expense" in reply.splitlines()[0]
    assert verdict({"measure": "total", "rows": [2]}, listed).verdict == "right"
    total = Answered(LedgerQuestion(Measure.TOTAL, may), found, None)
    assert verdict({"measure": "list", "rows": [2]}, total).verdict == "wrong"  # no entries shown


def test_a_largest_written_with_its_one_answer_row_is_right_when_the_reply_names_that_row_first():
    may = Span(date(2027, 5, 1), date(2027, 5, 31))
    diesel = Entry(ROWS[0], Currency.USD, Decimal("30.00"))
    ice = Entry(ROWS[1], Currency.KHR, Decimal(5000))
    found = Found((diesel, ice), {Currency.USD: Decimal("30.00"), Currency.KHR: Decimal(5000)})
    largest = Answered(LedgerQuestion(Measure.LARGEST, may), found, None)
    assert verdict({"measure": "largest", "rows": [1]}, largest).verdict == "right"
    assert verdict({"measure": "largest", "rows": [2]}, largest).verdict == "wrong"
    smallest = Answered(LedgerQuestion(Measure.SMALLEST, may), found, None)
    assert verdict({"measure": "smallest", "rows": [2]}, smallest).verdict == "right"
    # two rows written and no first: the rows themselves are scored, as before
    assert (
        verdict(
            {"measure": "largest", "rows": [1]}, Answered(LedgerQuestion(Measure.TOTAL, may), found, None)
        ).verdict
        == "wrong"
    )


def test_who_spent_the_most_written_with_the_winners_own_rows_is_right_only_for_the_top_member():
    may = Span(date(2027, 5, 1), date(2027, 5, 31))
    diesel = Entry(ROWS[0], Currency.USD, Decimal("30.00"))  # Vuthy: 30$
    ice = Entry(ROWS[1], Currency.KHR, Decimal(5000))  # Sopheak: 5,000៛, 1.25$
    found = Found((diesel, ice), {Currency.USD: Decimal("30.00"), Currency.KHR: Decimal(5000)})
    by_member = Answered(LedgerQuestion(Measure.BY_MEMBER, may), found, None)
    assert verdict({"measure": "top_member", "rows": [1, 2]}, by_member).verdict == "right"  # every row
    assert verdict({"measure": "top_member", "rows": [1]}, by_member).verdict == "right"  # the winner's
    assert verdict({"measure": "top_member", "rows": [2]}, by_member).verdict == "wrong"  # not the top one
