"""Questions written fresh as members ask them (half Khmer), over two seeded months: each answer holds
the figures computed from the rows, or says it is unsure; never a confident wrong figure."""

import asyncio
import json

import pytest
from bench.questions import SETS, score


@pytest.mark.parametrize(("month", "questions"), SETS, ids=["office", "music school", "ngo", "coffee shop"])
def test_fresh_questions_are_answered_right_or_said_unsure_never_confidently_wrong(month, questions):
    asked = [json.loads(line) for line in questions.read_text(encoding="utf-8").splitlines() if line]
    scored = asyncio.run(score(json.loads(month.read_text(encoding="utf-8")), asked))
    wrong = [(entry.question["text"], entry.why) for entry in scored if entry.verdict == "wrong"]
    right = sum(entry.verdict == "right" for entry in scored)
    assert wrong == []
    assert right >= 0.9 * len(scored)
