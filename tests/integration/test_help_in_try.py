"""Every example /help shows, run in `balance-bot try`: none is answered with a refusal."""

import contextlib
import io

import pytest

from balance_bot.domain.language import Language, Speech
from infrastructure.bootstrap import load_settings, try_services
from infrastructure.console.try_chat import TryChat
from infrastructure.console.try_settings import try_settings
from infrastructure.telegram import ask_texts, balance_texts, member_texts, texts
from infrastructure.telegram.replies import Replies
from tests.fakes.clock import FakeClock
from tests.help_examples import help_examples

ENGLISH = Replies.of(Speech(Language.ENGLISH))
# The answers that say the bot did not do what the example promised.
REFUSALS = [
    balance_texts.BALANCE_UNKNOWN_MONTH,
    *texts.ACTION_REFUSALS.values(),
    texts.NO_SUCH_CATEGORY,
    ask_texts.NO_SUCH_NUMBER,
    texts.CAT_HOW,
    member_texts.SETTINGS_HOW,
    texts.QUIET_HOW,
    texts.LANGUAGE_HOW,
    texts.TOPUP_HOW,
    member_texts.MOVEMENT_HOW,
    member_texts.RETURNED_HOW,
    member_texts.UNKNOWN_MEMBER,
    member_texts.NO_MEMBER_NAMED,
    ask_texts.EXPORT_UNKNOWN_MONTH,
    ask_texts.ASK_HOW,
    ask_texts.ASK_CANNOT,
    texts.ADMINS_ONLY,
    texts.UNDO_HOW,
    texts.TRY_NO_SUCH_COMMAND,
]


def refusal_in(answer: str) -> str | None:
    """The refusal an answer holds (its words up to the first placeholder), in English or Khmer."""
    for refusal in REFUSALS:
        for language in Language:
            fixed = Replies.of(Speech(language)).say(refusal).split("{")[0].strip()
            if fixed and fixed in answer:
                return refusal
    return None


class Typing:
    """The try chat with a member typing, and what the bot said to each line."""

    def __init__(self, chat: TryChat, out: io.StringIO) -> None:
        self._chat = chat
        self._out = out

    async def says(self, text: str) -> str:
        start = len(self._out.getvalue())
        await self._chat.handle(text)
        return self._out.getvalue()[start:]


@contextlib.asynccontextmanager
async def typing_at(tmp_path, now):
    """The try chat on a clock at `now`, started, and closed after."""
    tried = try_settings(load_settings({"PARSER_LLM": "none"}, tmp_path / ".env"), tmp_path)
    services = try_services(tried, FakeClock(now))
    out = io.StringIO()
    await services.start()
    try:
        yield Typing(TryChat(services, out), out)
    finally:
        await services.close()


@pytest.fixture
async def typing(tmp_path):
    async with typing_at(tmp_path, FakeClock().current) as typing:
        yield typing


def test_the_help_shows_examples_of_its_commands_and_messages():
    messages, commands = help_examples(ENGLISH)
    assert {"coffee 3$", "returned 20$", "Dec 3 printer ink 12$"} <= set(messages)
    assert {"/balance Dara", "/balance @Dara", "/balance November", "/cat learned", "/cat 12 Fuel"} <= set(
        commands
    )
    assert {"/usage", "/language km digits"} <= set(commands)
    assert not [command for command in commands if command.split()[0] in ("/off", "/on")]


@pytest.mark.parametrize("language", list(Language))
async def test_every_example_of_the_help_works_in_try_as_the_help_says(typing, language):
    messages, commands = help_examples(Replies.of(Speech(language)))
    await typing.says("/as Sokha")
    for number in range(12):  # rows for "/cat 12 Fuel", and Sokha seen for "@Sokha"
        await typing.says(f"snack {number + 1} 1$")
    await typing.says("/as Dara")
    await typing.says("/admin")
    await typing.says(f"/language {language.value}")
    answers = {}
    for example in [*messages, *commands]:
        answers[example] = await typing.says(example)
        if example.startswith("/language"):
            await typing.says(f"/language {language.value}")
    refused = {example: answer for example, answer in answers.items() if refusal_in(answer)}
    assert refused == {}


async def test_balance_of_a_member_by_name_and_cat_learned_answer_in_try(typing):
    await typing.says("/as Dara")
    await typing.says("/admin")
    coffee = await typing.says("coffee 3$")
    by_name = await typing.says("/balance Dara")
    by_username = await typing.says("/balance @Dara")
    recategorised = await typing.says("/cat Fuel")
    learned = await typing.says("/cat learned")
    assert "Logged" in coffee
    assert by_name.startswith("bot: Dara in December 2026:\n")
    assert by_name.startswith(by_username)  # and then the one question which way the team works
    assert "now Fuel" in recategorised
    assert learned.startswith("bot: Learned in this sheet (1)")
    assert "• coffee → Fuel" in learned


async def test_try_asks_once_which_way_the_team_works_and_its_buttons_are_the_settings_that_answer(typing):
    await typing.says("market 43.50$")
    first = await typing.says("/mybalance")
    again = await typing.says("/mybalance")
    await typing.says("/admin")
    chosen = await typing.says("/settings payments box")
    assert "spent $43.50 · is owed $43.50" in first
    assert "Which way does this team work?" in first
    assert "[The box paid it] → /settings payments box" in first
    assert "Which way" not in again
    assert "• payments: from the member's advance, else from the box (box)\n" in chosen
