"""Messages where the member is not sure of the amount (two figures, a range, a guess, forgotten), and
expenses written with a count, a reminder or a unit price beside a clear amount: read by the parser alone."""

import json
from decimal import Decimal
from pathlib import Path

import pytest

from balance_bot.domain.expenses import ParseStatus, Problem
from balance_bot.domain.parser import HeuristicParser
from balance_bot.domain.unit_price_asides import without_unit_price_aside
from balance_bot.domain.unsure_amounts import says_the_amount_is_unsure

CORPUS = Path(__file__).parents[2] / "corpus" / "unsure-amounts.jsonl"


def labelled(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line]


def test_every_unsure_amount_of_the_set_is_asked_again_and_every_clear_one_saved_as_said():
    parser = HeuristicParser()
    wrong = []
    for case in labelled(CORPUS):
        result = parser.parse(case["text"])
        got = sorted((entry.money.amount, entry.money.currency.value) for entry in result.entries)
        wanted = sorted((Decimal(entry["amount"]), entry["currency"]) for entry in case["entries"])
        if result.status.value != case["expect"][0] or (case["expect"][0] == "expense" and got != wanted):
            wrong.append((case["text"], case["expect"][0], result.status.value, got))
    assert wrong == []


@pytest.mark.parametrize(
    "text",
    [
        "ink cartridge 35 or 36 something, will check the receipt",
        "ចាក់សាំងហើយ តែភ្លេចថាប៉ុន្មាន ប្រហែល ២ ឬ ៣ ម៉ឺន 😅",
        "kafe 4 keo 1m2 rii 1m6 ot jam te",
        "tuk tuk 1.5 or 2 dollar, forgot",
        "ថ្លៃជួសកុំព្យូទ័រ អស់ជាងពីរម៉ឺន",
        "lunch 35 something, will send receipt later",
        "about 10$ I think",
        "ជិត ៥ម៉ឺន",
        "sang 2 mern ot jam",
        "10-12$",
        "15 ឬ 18ពាន់",
    ],
)
def test_a_member_not_sure_of_the_amount_is_asked_to_say_it_again_never_saved_nor_ignored(text):
    result = HeuristicParser().parse(text)
    assert (result.status, result.problem, result.entries) == (ParseStatus.UNCLEAR, Problem.AMBIGUOUS, ())
    assert result.certain  # no model is asked to pick one of the figures


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("2 or 3 people lunch 12$", Decimal(12)),
        ("coffee x2 or so 5$", Decimal(5)),
        ("forgot to post yesterday: taxi 5$", Decimal(5)),
        ("almost forgot! taxi 5$", Decimal(5)),
        ("approx 2 hours parking 3$", Decimal(3)),
        ("ice 2 bags 4000 (or 2000 each)", Decimal(4000)),
        ("ជាងភ្លើង ២ម៉ឺន", Decimal(20000)),
    ],
)
def test_a_guess_at_a_count_a_time_or_a_unit_price_beside_a_clear_amount_is_no_doubt_of_it(text, amount):
    result = HeuristicParser().parse(text)
    assert result.status is ParseStatus.EXPENSE
    assert [entry.money.amount for entry in result.entries] == [amount]


@pytest.mark.parametrize(
    "text",
    [
        "the boys won 3-1 today",
        "pages 10-12",
        "call 012-345-678",
        "meeting 3-4pm",
        "see you in 2 or 3 days",
        "kom plech tlai sam 15$",
        "hang chhay say roof fix maybe 60-70$",
        "pls buy 2 reams of paper on your way, about 9$",
    ],
)
def test_scores_pages_phones_times_reminders_quotes_and_requests_are_no_unsure_expense(text):
    assert not says_the_amount_is_unsure(text)
    assert HeuristicParser().parse(text).status is ParseStatus.IGNORE


def test_a_member_who_posts_water_by_the_case_and_ice_gets_two_entries():
    result = HeuristicParser().parse("tek sot 1 kes 4500 + tek kork 2000")
    assert result.status is ParseStatus.EXPENSE
    assert [(entry.money.amount, entry.purpose) for entry in result.entries] == [
        (Decimal(4500), "tek sot 1 kes"),
        (Decimal(2000), "tek kork"),
    ]


def test_a_unit_price_in_brackets_stays_when_the_count_times_it_is_not_what_was_paid():
    assert without_unit_price_aside("ice 2 bags 5000 (2000 each)") == "ice 2 bags 5000 (2000 each)"
    assert without_unit_price_aside("ice 2 bags 4000 (2000 each)") == "ice 2 bags 4000"
