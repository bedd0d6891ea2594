from balance_bot.domain.money import AmountLimits
from balance_bot.domain.second_reading import Rejected, judge_proposal
from infrastructure.llm.answer import proposal_from_text
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
    assert load_prompts().user("coffee {3}$ {message}").endswith("coffee {3}$ {message}")


def test_the_json_only_instruction_is_read_from_the_prompts_folder():
    assert "JSON object alone" in load_prompts().json_only
