"""End to end: forwards, huge lists and a Bot API that refuses: nothing saved wrongly, nothing lost."""

import time

from tests.e2e.test_bot import GROUP, SOKHA, replies_to, running, settle, sheet_rows, shut_down
from tests.fakes.telegram_api import MAX_TEXT_LENGTH

SUPERGROUP = -1009999
DAY = 86400


def logged(telegram, word):
    """How many confirmations, merged or not, name the word."""
    return sum(params["text"].count(word) for params in telegram.calls_to("sendMessage"))


async def test_a_forwarded_expense_is_not_saved_and_the_forwarder_hears_the_original_day(
    telegram, settings_for, clock
):
    settings = settings_for()
    async with running(settings, clock):
        original = int(time.time()) - 40 * DAY
        message = telegram.user_forwards(GROUP, SOKHA, "taxi 5$", original_date=original)
        sent = await telegram.wait_for("sendMessage", replies_to(message))
        day = time.strftime("%d %b %Y", time.gmtime(original)).lstrip("0")
        assert sent["text"].startswith("This was forwarded from a message of ")
        assert day.split()[1] in sent["text"]
        assert "5.00 USD" in sent["text"]
        await settle(telegram)
    assert [row[2] for row in sheet_rows(settings)] == ["marker tea"]


async def test_forwarded_chatter_gets_no_reply(telegram, settings_for, clock):
    async with running(settings_for(), clock):
        message = telegram.user_forwards(GROUP, SOKHA, "see you at 8:30", original_date=int(time.time()))
        await settle(telegram)
        assert not [p for p in telegram.calls_to("sendMessage") if replies_to(message)(p)]


async def test_a_list_over_the_most_entries_a_message_may_add_is_refused_whole(telegram, settings_for, clock):
    settings = settings_for(MAX_ENTRIES_PER_MESSAGE="5")
    async with running(settings, clock):
        message = telegram.user_says(GROUP, SOKHA, "\n".join(f"item {n} {n + 1}$" for n in range(6)))
        sent = await telegram.wait_for("sendMessage", replies_to(message))
        assert "more than 5 expenses, so I saved none of them" in sent["text"]
        await settle(telegram)
    assert len(sheet_rows(settings)) == 1


async def test_a_long_lists_confirmation_is_summarised_with_its_undo_button(telegram, settings_for, clock):
    purpose = "printed handouts for the parents' evening and the spring concert programme"
    text = "\n".join(f"{purpose} {n} {n + 1}$" for n in range(50))
    async with running(settings_for(), clock):
        message = telegram.user_says(GROUP, SOKHA, text)
        sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged 50 expenses (")
    assert "Nos 1–50: 1,275.00 USD in all." in sent["text"]
    assert sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"undo:{message['message_id']}"
    assert len(sent["text"]) <= MAX_TEXT_LENGTH
    assert not telegram.refused


async def test_a_confirmation_refused_because_the_group_became_a_supergroup_goes_to_the_supergroup(
    telegram, settings_for, clock
):
    telegram.migrated[GROUP] = SUPERGROUP
    async with running(settings_for(), clock):
        telegram.user_says(GROUP, SOKHA, "coffee 3$")
        sent = await telegram.wait_for("sendMessage", lambda p: "coffee" in p["text"])
        assert int(sent["chat_id"]) == SUPERGROUP
        assert sent["text"].startswith("Logged: 3.00 USD – coffee.")


async def test_a_refused_reaction_becomes_a_message(telegram, settings_for, clock):
    admin = 99
    telegram.admins.add(admin)
    async with running(settings_for(), clock) as bot:
        telegram.user_says(GROUP, admin, "/quiet on")
        await telegram.wait_for("sendMessage", lambda p: "reaction" in p["text"])
        telegram.refuse("setMessageReaction", 400, "Bad Request: REACTION_INVALID")
        message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        sent = await telegram.wait_for("sendMessage", replies_to(message))
        assert sent["text"].startswith("Logged: 3.00 USD – coffee.")
        await shut_down(bot)


NASTY_NUMBERS = ["²", "²²²²-01", "0000-01", "123456789012345678901234567", "Infinity", "NaN", "1e40", "-0"]
COMMANDS = [
    "/cat {} Fuel",
    "/ask undo No {}",
    "/balance {}",
    "/export {}",
    "/advance @dara {}$",
    "/topup {}$",
    "/recurring rent {}$ monthly on 1",
    "/recurring stop {}",
]


async def test_commands_and_buttons_given_unicode_digits_huge_numbers_infinity_and_nan_answer_without_error(
    telegram, settings_for, clock, caplog
):
    telegram.admins.add(SOKHA)  # the admin's commands too
    async with running(settings_for(), clock):
        first = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(first))
        bot_message = {**first, "message_id": 5001}
        for number in NASTY_NUMBERS:
            for data in (f"undo:{number}", f"switch:{number}", f"catmenu:{number}", f"cat:{number}:1"):
                telegram.user_taps(bot_message, data, SOKHA, name="Sokha")
        telegram.user_taps(bot_message, "undo:99999999999999999999999999999", SOKHA, name="Sokha")
        for command in COMMANDS:
            for number in NASTY_NUMBERS:
                sent = telegram.user_says(GROUP, SOKHA, command.format(number), name="Sokha")
                answer = await telegram.wait_for("sendMessage", replies_to(sent))
                assert answer["text"], command.format(number)
    errors = [record for record in caplog.records if record.levelname in ("ERROR", "CRITICAL")]
    assert errors == [], [record.getMessage() for record in errors]
    assert "Traceback" not in caplog.text
