"""The examples /help shows of the commands that read their words, run in a group through the fake Bot
API: none is answered with a refusal. (`try` runs every example: tests/integration/test_help_in_try.py.)"""

from balance_bot.domain.language import Language, Speech
from infrastructure.telegram.replies import Replies
from tests.e2e.test_bot import ADMIN, DARA, GROUP, SOKHA, replies_to, running
from tests.help_examples import help_examples
from tests.integration.test_help_in_try import refusal_in

# Telegram's @usernames have five characters or more.
USERNAMES = {"@member": "@dara_k", "@sokha": "@sokha_k"}
# The commands whose words name a month, a member, a category or a choice. Telegram lets a group hear
# 20 messages a minute, so the group hears these; the rest are tried in `try`.
SAMPLED = ("/balance", "/cat", "/settings", "/language")
# What the help says to send in reply to an expense message.
IN_REPLY = ("/cat Fuel",)


async def test_the_helps_examples_of_commands_with_words_work_in_a_group_as_the_help_says(
    telegram, settings_for, clock
):
    _, commands = help_examples(Replies.of(Speech(Language.ENGLISH)), USERNAMES)
    sampled = [command for command in commands if command.split()[0] in SAMPLED]
    sampled.sort(key=lambda command: command.startswith("/language"))  # the replies in English first
    telegram.admins.add(ADMIN)
    telegram.usernames.update({SOKHA: "sokha_k", DARA: "dara_k"})
    answers = {}
    async with running(settings_for(), clock):
        for member, name in ((SOKHA, "Sokha"), (DARA, "Dara")):  # 12 rows, for "/cat 12 Fuel"
            listed = "\n".join(f"snack {number} 1$" for number in range(1, 7))
            expense = telegram.user_says(GROUP, member, listed, name=name)
            await telegram.wait_for("sendMessage", replies_to(expense))
        for example in sampled:
            reply_to = expense if example.startswith(IN_REPLY) else None
            user, name = (DARA, "Dara") if reply_to is not None else (ADMIN, "Admin")
            sent = telegram.user_says(GROUP, user, example, name=name, reply_to=reply_to)
            answers[example] = (await telegram.wait_for("sendMessage", replies_to(sent)))["text"]
    assert {"/balance Dara", "/cat learned", "/cat 12 Fuel", "/settings payments box"} <= set(answers)
    refused = {example: answer for example, answer in answers.items() if refusal_in(answer)}
    assert refused == {}
    assert answers["/balance Dara"] == answers["/balance @dara_k"]
    assert answers["/balance Dara"].startswith("Dara ")  # the box pays by now: nothing of Dara's own
