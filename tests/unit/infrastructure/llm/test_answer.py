from decimal import Decimal

import pytest

from infrastructure.llm.answer import expense_question, proposal_from_json, proposal_from_text
from infrastructure.llm.prompts import load_prompts
from infrastructure.llm.questions import Failure, InvalidAnswer, ModelFailure


def test_a_schema_answer_becomes_a_proposal_with_exact_amounts():
    proposal = proposal_from_text(
        '{"entries": [{"amount_value": 3.5, "currency": "USD", "purpose": "coffee"}], "confidence": 0.8}'
    )
    (entry,) = proposal.entries
    assert entry.amount == Decimal("3.5")  # read as Decimal, never through a float
    assert (entry.currency, entry.purpose, proposal.confidence) == ("USD", "coffee", 0.8)


def test_the_uncertain_shape_is_a_proposal_without_entries():
    proposal = proposal_from_json({"reason": "two amounts", "confidence": 0})
    assert proposal.entries == ()
    assert proposal.reason == "two amounts"


@pytest.mark.parametrize(
    "answer",
    [
        "[]",
        '{"entries": []}',
        '{"entries": [], "confidence": 1.5}',
        '{"entries": {}, "confidence": 1}',
        '{"entries": [{"amount_value": "3", "currency": "USD", "purpose": "x"}], "confidence": 1}',
        '{"entries": [{"amount_value": 3, "currency": "EUR", "purpose": "x"}], "confidence": 1}',
        '{"entries": [{"amount_value": 3, "currency": "USD", "purpose": 7}], "confidence": 1}',
        '{"entries": [{"amount_value": true, "currency": "USD", "purpose": "x"}], "confidence": 1}',
        '{"entries": [{"amount_value": NaN, "currency": "USD", "purpose": "x"}], "confidence": 1}',
        '{"entries": ["3$ coffee"], "confidence": 1}',
        "Sure! Here is the JSON: {",
    ],
)
def test_anything_off_schema_is_invalid(answer):
    with pytest.raises(InvalidAnswer):
        proposal_from_text(answer)


def test_an_invalid_answer_is_a_model_failure_that_keeps_its_token_counts():
    with pytest.raises(ModelFailure) as failed:
        expense_question(load_prompts()).answer(None, 120, 7)
    assert failed.value.failure is Failure.INVALID
    assert (failed.value.input_tokens, failed.value.output_tokens) == (120, 7)
