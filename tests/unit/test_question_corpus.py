"""The labelled question set (tests/corpus/ask/reader.jsonl), read without a model, default categories."""

import json
from datetime import date
from pathlib import Path

from balance_bot.domain.questions import LedgerQuestion, read_question
from infrastructure.categories.tab import load_categories_csv

QUESTIONS = Path(__file__).parents[1] / "corpus" / "ask" / "reader.jsonl"
TODAY = date(2026, 11, 18)


def reading_of(text, categories):
    reading = read_question(text, TODAY, ["Dara", "Sokha"], categories)
    if not isinstance(reading, LedgerQuestion):
        return None
    return {
        "measure": reading.measure.value,
        "span": [reading.span.first.isoformat(), reading.span.last.isoformat()],
        "member": reading.member,
        "me": reading.about_me,
        "words": list(reading.words),
        "category": reading.category,
    }


def test_every_labelled_question_is_read_as_labelled():
    categories = [(category.name, category.name_km) for category in load_categories_csv()]
    wrong = []
    for line in QUESTIONS.read_text(encoding="utf-8").splitlines():
        labelled = json.loads(line)
        expected = {key: labelled[key] for key in ("measure", "span", "member", "me", "words", "category")}
        if reading_of(labelled["text"], categories) != expected:
            wrong.append(labelled["text"])
    assert wrong == []
