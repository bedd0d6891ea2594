from balance_bot.domain.money import AmountLimits
from balance_bot.domain.second_reading import Rejected, judge_proposal
from infrastructure.llm.answer import expense_question, proposal_from_text
from infrastructure.llm.prompts import DEFAULT_PROMPTS, load_prompts


def worked_examples():
    blocks = (DEFAULT_PROMPTS / "examples.txt").read_text(encoding="utf-8").strip().split("\n\n")
    return [block.strip().rpartition("\n")[::2] for block in blocks]


def test_the_system_prompt_holds_the_rules_and_every_worked_example():
    prompts = load_prompts()
    assert '"confidence"' in prompts.system
    for message, answer in worked_examples():
        assert f"Message:\n{message}\nAnswer:\n{answer}" in prompts.system


def test_every_worked_example_is_an_answer_the_bot_would_accept():
    # An example the judge rejects would teach the model to be rejected.
    examples = worked_examples()
    assert len(examples) >= 8
    assert any("៛" in message or "រៀល" in message for message, _ in examples)  # Khmer is taught too
    for message, answer in examples:
        judged = judge_proposal(message, proposal_from_text(answer), AmountLimits())
        assert not isinstance(judged, Rejected), (message, judged)


def test_the_message_goes_into_the_user_turn_as_data():
    assert expense_question(load_prompts()).user("coffee {3}$ {message}").endswith("coffee {3}$ {message}")


def test_the_json_only_instruction_is_read_from_the_prompts_folder():
    assert "JSON object alone" in load_prompts().json_only


def test_every_category_example_names_one_default_category_per_purpose():
    from infrastructure.categories.tab import load_categories_csv
    from infrastructure.llm.category_question import (
        CATEGORY_PROMPTS,
        category_answer,
        category_question,
        load_category_prompts,
    )
    from infrastructure.llm.questions import decoded

    names = [category.name for category in load_categories_csv()]
    blocks = (CATEGORY_PROMPTS / "examples.txt").read_text(encoding="utf-8").strip().split("\n\n")
    for block in blocks:
        purposes, _, answer = block.strip().rpartition("\n")
        assert len(category_answer(decoded(answer), names).names) == len(purposes.splitlines())
    system = category_question(load_category_prompts(), load_categories_csv()).system
    assert "{categories}" not in system
    assert "- Other (ផ្សេងៗ)" in system
