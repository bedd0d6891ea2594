"""Tests for the command line: its arguments and the `parse` JSON-lines contract."""

import asyncio
import json
from datetime import date

import pytest

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.cli import parse_command_line, parse_stream
from balance_bot.domain.parser import HeuristicParser


def run_parse(lines, today=None):
    written = []
    asyncio.run(parse_stream(MessageInterpreter(HeuristicParser()), lines, written.append, today))
    return [json.loads(line) for line in written]


def test_each_message_gets_one_answer_in_order_with_its_id():
    answers = run_parse(
        [
            json.dumps({"id": "a", "text": "coffee 3$"}),
            json.dumps({"id": 7, "text": "see you at 8:30"}),
        ]
    )
    assert answers == [
        {
            "id": "a",
            "status": "expense",
            "entries": [
                {
                    "amount": "3.00",
                    "currency": "USD",
                    "purpose": "coffee",
                    "currency_guessed": False,
                }
            ],
        },
        {"id": 7, "status": "ignore", "entries": []},
    ]


def test_riel_are_written_whole_and_khmer_stays_readable():
    [answer] = run_parse([json.dumps({"id": 1, "text": "ទឹកកក ៥០០០៛"}, ensure_ascii=False)])
    assert answer["entries"] == [
        {"amount": "5000", "currency": "KHR", "purpose": "ទឹកកក", "currency_guessed": False}
    ]


def test_a_guessed_currency_is_flagged():
    [answer] = run_parse([json.dumps({"id": 1, "text": "ice 5000"})])
    assert answer["entries"][0]["currency_guessed"] is True


def test_an_unclear_answer_names_its_problem():
    [answer] = run_parse([json.dumps({"id": 1, "text": "coffee 3$ or 4$?"})])
    assert (answer["status"], answer["problem"]) == ("unclear", "ambiguous")


def test_blank_lines_are_skipped_and_broken_lines_still_get_an_answer():
    answers = run_parse(["\n", "not json\n", json.dumps({"id": 2}) + "\n", json.dumps([1, 2])])
    assert [answer["status"] for answer in answers] == ["ignore", "ignore", "ignore"]
    assert answers[1]["id"] == 2
    assert all("error" in answer for answer in answers)


def test_the_parse_command_is_recognised():
    assert parse_command_line(["parse"]).command == "parse"


def test_a_command_is_required():
    with pytest.raises(SystemExit):
        parse_command_line([])


def test_an_entry_has_the_iso_date_its_message_names():
    [answer] = run_parse(
        [json.dumps({"id": 1, "text": "yesterday taxi 5$"})], today=lambda: date(2026, 12, 1)
    )
    assert answer["entries"][0]["date"] == "2026-11-30"


def test_an_entry_without_a_named_day_has_no_date():
    [answer] = run_parse([json.dumps({"id": 1, "text": "taxi 5$"})], today=lambda: date(2026, 12, 1))
    assert "date" not in answer["entries"][0]


def test_each_entry_names_its_category_when_categories_are_given():
    from balance_bot.domain.categories import default_category_book
    from infrastructure.categories.tab import load_categories_csv

    written = []
    lines = [json.dumps({"id": 1, "text": "Market:\n- fish 20000៛\n- printer ink 2$\n- piano strings 5$"})]
    book = default_category_book(load_categories_csv())
    asyncio.run(parse_stream(MessageInterpreter(HeuristicParser()), lines, written.append, None, book))
    (answer,) = [json.loads(line) for line in written]
    assert [entry["category"] for entry in answer["entries"]] == ["Food & drinks", "Office supplies", "Other"]


def test_a_purpose_no_word_decides_gets_the_models_category_as_in_the_bot():
    from balance_bot.domain.categories import default_category_book
    from infrastructure.categories.tab import load_categories_csv
    from tests.fakes.category_guesser import ScriptedCategoryGuesser

    written = []
    guesser = ScriptedCategoryGuesser({"piano strings": "Repairs & maintenance"})
    lines = [json.dumps({"id": 1, "text": "Market:\n- fish 20000៛\n- piano strings 5$\n- piano strings 6$"})]
    book = default_category_book(load_categories_csv())
    asyncio.run(
        parse_stream(MessageInterpreter(HeuristicParser()), lines, written.append, None, book, guesser)
    )
    (answer,) = [json.loads(line) for line in written]
    assert [entry["category"] for entry in answer["entries"]] == [
        "Food & drinks",
        "Repairs & maintenance",
        "Repairs & maintenance",
    ]
    assert guesser.asked == [("piano strings",)]
