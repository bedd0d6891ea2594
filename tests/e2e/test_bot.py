"""End to end: the real python-telegram-bot Application against the fake Bot API, the workbook read back."""

import asyncio
import contextlib
import logging

import pytest
from openpyxl import load_workbook

from infrastructure.bootstrap import build_bot
from infrastructure.telegram.polling import UPDATE_INBOX, Poller

GROUP, OTHER_GROUP, SOKHA, DARA, ADMIN = -1001, -1002, 11, 12, 99


@contextlib.asynccontextmanager
async def running(settings, clock, text_reader=None):
    """The bot as `balance-bot run` runs it, with a short long-poll timeout so tests stop quickly."""
    application = build_bot(settings, clock, text_reader)
    await application.initialize()
    await application.post_init(application)
    inbox = application.bot_data.get(UPDATE_INBOX)
    application.bot_data["poller"] = poller = Poller(application, timeout_seconds=0.2, inbox=inbox)
    await application.start()
    await poller.start()
    try:
        yield application
    finally:
        await shut_down(application)


async def shut_down(application):
    """Stop as `run_polling` does on Ctrl-C: confirmations drained, workbook saved; safe to repeat."""
    if application.running:
        if "poller" in application.bot_data:
            await application.bot_data["poller"].stop()
        if "webhook" in application.bot_data:
            await application.bot_data["webhook"].stop()
        await application.stop()
        await application.post_stop(application)
        await application.shutdown()


@pytest.fixture
async def bot(settings_for, clock):
    async with running(settings_for(), clock) as application:
        yield application


def sheet_rows(settings):
    book = load_workbook(settings.workbook_path)
    sheet = book[book.sheetnames[-1]]
    return [list(row)[:5] for row in sheet.iter_rows(min_row=2, values_only=True)]


def replies_to(message):
    return lambda params: params.get("reply_parameters", {}).get("message_id") == message["message_id"]


async def settle(telegram, marker_user=DARA):
    """Post a harmless expense and wait for its confirmation, maybe merged: all before it was handled."""
    telegram.user_says(GROUP, marker_user, "marker tea 1$")
    await telegram.wait_for("sendMessage", lambda sent: "marker tea" in sent["text"])


async def test_a_plain_expense_is_confirmed_and_written_to_the_workbook(telegram, bot, settings_for):
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
    sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged: 3.00 USD – coffee. Saved as No 1 (")
    assert sent["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == f"undo:{message['message_id']}"
    await shut_down(bot)
    rows = sheet_rows(settings_for())
    assert rows[0][0] == 1
    assert rows[0][2:5] == ["coffee", 3, None]


async def test_several_entries_of_one_message_are_confirmed_in_one_reply(telegram, bot):
    message = telegram.user_says(GROUP, SOKHA, "Market:\n- fish 20000៛\n- oil 2$")
    sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert "Logged 2 expenses" in sent["text"]
    assert "20,000 KHR – fish — No 1" in sent["text"]
    assert "2.00 USD – oil — No 2" in sent["text"]


async def test_an_amount_alone_is_followed_up_and_the_answer_completes_it(telegram, bot):
    amount = telegram.user_says(GROUP, SOKHA, "3$")
    asked = await telegram.wait_for("sendMessage", replies_to(amount))
    assert asked["text"] == "I saw an amount of 3.00 USD. What is this for?"
    answer = telegram.user_says(GROUP, SOKHA, "printer ink")
    sent = await telegram.wait_for("sendMessage", replies_to(answer))
    assert sent["text"].startswith("Logged: 3.00 USD – printer ink.")


async def test_a_pending_amount_expires_after_its_ttl(telegram, bot, clock):
    amount = telegram.user_says(GROUP, SOKHA, "3$")
    await telegram.wait_for("sendMessage", replies_to(amount))
    clock.advance(minutes=6)
    late = telegram.user_says(GROUP, SOKHA, "printer ink")
    await settle(telegram)
    assert not [p for p in telegram.calls_to("sendMessage") if replies_to(late)(p)]


async def test_undo_voids_the_row_for_its_author(telegram, bot, settings_for):
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
    confirmation = await telegram.wait_for("sendMessage", replies_to(message))
    bot_message = {
        **message,
        "message_id": 5000,
        "from": {"id": 1, "is_bot": True, "first_name": "B"},
        "text": confirmation["text"],
    }
    telegram.user_taps(bot_message, f"undo:{message['message_id']}", SOKHA, name="Sokha")
    undone = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone by Sokha"))
    assert "No 1 (coffee)" in undone["text"]
    await shut_down(bot)
    assert sheet_rows(settings_for())[0][2:5] == ["[void] coffee", None, None]


async def test_undo_by_another_member_is_refused_unless_they_are_an_admin(telegram, bot):
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
    await telegram.wait_for("sendMessage", replies_to(message))
    bot_message = {**message, "message_id": 5001}
    telegram.user_taps(bot_message, f"undo:{message['message_id']}", DARA)
    refused = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p)
    assert refused["text"].startswith("Only the person who posted it or an admin")
    telegram.admins.add(ADMIN)
    telegram.user_taps(bot_message, f"undo:{message['message_id']}", ADMIN, name="Boss")
    await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone by Boss"))


async def test_editing_an_expense_updates_its_row(telegram, bot, settings_for):
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
    await telegram.wait_for("sendMessage", replies_to(message))
    telegram.user_edits(message, "coffee and cake 5$")
    updated = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Updated:"))
    assert updated["text"] == "Updated: 5.00 USD – coffee and cake (No 1)."
    await shut_down(bot)
    assert sheet_rows(settings_for())[0][2:4] == ["coffee and cake", 5]


async def test_a_burst_beyond_the_rate_limit_is_kept_and_each_expense_answered(telegram, bot):
    for n in range(8):
        telegram.user_says(GROUP, SOKHA, f"tea round {n} 1$")
    # On a busy machine confirmations due together go out merged, one message of several parts.
    held = await telegram.wait_for("sendMessage", lambda sent: "tea round 7." in sent["text"])
    part = next(part for part in held["text"].split("\n\n") if "tea round 7." in part)
    assert part.startswith("Saved: 1.00 USD – tea round 7. You posted more than 5 expenses")
    assert held["reply_markup"]["inline_keyboard"][0][0]["text"] == "Undo"
    await settle(telegram)
    texts = [part for p in telegram.calls_to("sendMessage") for part in p["text"].split("\n\n")]
    assert sum(text.startswith("Logged: 1.00 USD – tea round") for text in texts) == 5
    assert sum(text.startswith("Saved: 1.00 USD – tea round") for text in texts) == 3


async def test_chats_outside_the_allowed_list_are_told_once_and_stickers_and_bots_are_ignored(
    telegram, settings_for, clock
):
    async with running(settings_for(ALLOWED_CHAT_IDS=str(GROUP)), clock):
        telegram.user_says(OTHER_GROUP, SOKHA, "coffee 3$")
        telegram.user_says(OTHER_GROUP, SOKHA, "tea 1$")
        telegram.user_sends_sticker(GROUP, SOKHA)
        other_bot = telegram.user_says(GROUP, 777, "coffee 3$")
        other_bot["from"]["is_bot"] = True
        await telegram.wait_for("sendMessage", lambda sent: sent["chat_id"] == OTHER_GROUP)
        await settle(telegram)
        sent = sorted((p["chat_id"], p["text"][:31]) for p in telegram.calls_to("sendMessage"))
        assert [chat_id for chat_id, _ in sent] == [OTHER_GROUP, GROUP]
        assert sent[0][1] == "This bot is private to its team"


async def test_a_pending_purpose_survives_a_restart(telegram, settings_for, clock):
    settings = settings_for()
    async with running(settings, clock):
        amount = telegram.user_says(GROUP, SOKHA, "15000៛")
        await telegram.wait_for("sendMessage", replies_to(amount))
    async with running(settings, clock):
        answer = telegram.user_says(GROUP, SOKHA, "ទឹកកក")
        sent = await telegram.wait_for("sendMessage", replies_to(answer))
    assert sent["text"].startswith("Logged: 15,000 KHR – ទឹកកក.")


async def test_privacy_mode_is_warned_about_at_start(telegram, settings_for, clock, caplog):
    telegram.can_read_all_group_messages = False
    with caplog.at_level(logging.WARNING):
        async with running(settings_for(), clock):
            pass
    assert "/setprivacy" in caplog.text


async def test_commands_are_registered_and_help_explains_posting(telegram, bot):
    commands = await telegram.wait_for("setMyCommands")
    assert {c["command"] for c in commands["commands"]} >= {"help", "undo", "quiet"}
    telegram.user_says(GROUP, SOKHA, "/help")
    help_text = await telegram.wait_for("sendMessage", lambda p: "coffee 3$" in p["text"])
    assert "what it was for" in help_text["text"]


async def test_a_guessed_currency_is_said_and_can_be_switched(telegram, bot):
    message = telegram.user_says(GROUP, SOKHA, "parking 500")
    sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert "(assumed KHR)" in sent["text"]
    switch = sent["reply_markup"]["inline_keyboard"][1][0]
    assert switch["text"] == "Switch to USD"
    telegram.user_taps({**message, "message_id": 5002}, switch["callback_data"], SOKHA)
    switched = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Switched:"))
    assert "500.00 USD – parking" in switched["text"]


async def test_a_number_paid_to_someone_is_saved_with_its_assumed_currency_when_no_model_runs(telegram, bot):
    message = telegram.user_says(GROUP, SOKHA, "paid 15 to the driver")
    sent = await telegram.wait_for("sendMessage", replies_to(message))
    assert sent["text"].startswith("Logged: 15.00 USD – driver")
    assert "(assumed USD)" in sent["text"]
    assert sent["reply_markup"]["inline_keyboard"][1][0]["text"] == "Switch to KHR"


async def test_a_bill_still_due_and_money_received_are_neither_saved_nor_questioned(telegram, bot):
    for text in ("EDC bill came, 52.30$, due on the 15th", "client transferred 300$ to ABA this morning"):
        telegram.user_says(GROUP, SOKHA, text)
    marker = telegram.user_says(GROUP, SOKHA, "coffee 3$")
    sent = await telegram.wait_for("sendMessage", replies_to(marker))
    assert sent["text"].startswith("Logged: 3.00 USD – coffee")
    assert [
        call for call in telegram.calls_to("sendMessage") if "52.30" in call["text"] or "300" in call["text"]
    ] == []


async def test_a_quiet_group_gets_reactions_instead_of_messages(telegram, bot):
    telegram.admins.add(ADMIN)
    telegram.user_says(GROUP, ADMIN, "/quiet on")
    await telegram.wait_for("sendMessage", lambda p: "reaction" in p["text"])
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
    reaction = await telegram.wait_for("setMessageReaction")
    assert (reaction["message_id"], reaction["reaction"][0]["emoji"]) == (message["message_id"], "👍")


async def test_confirmations_that_pile_up_go_out_merged(telegram, bot):
    telegram.latency_seconds = 0.2
    for member in range(20, 26):
        telegram.user_says(GROUP, member, f"snack for member {member} 1$")
    await asyncio.sleep(0)
    await telegram.wait_for("sendMessage", lambda p: "member 25" in p["text"], timeout=10)
    confirmations = [p for p in telegram.calls_to("sendMessage") if "snack" in p["text"]]
    assert len(confirmations) < 6
    assert sum(p["text"].count("snack") for p in confirmations) == 6


async def test_a_429_from_telegram_is_waited_out_and_the_confirmation_arrives(telegram, bot):
    telegram.answer_with_429("sendMessage", 1)
    message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
    sent = await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
    assert sent["text"].startswith("Logged: 3.00 USD – coffee.")


async def test_expenses_held_by_the_rate_limit_survive_a_restart_and_land_when_due(
    telegram, settings_for, clock
):
    settings = settings_for(USER_RATE_LIMIT_PER_MINUTE="2")
    async with running(settings, clock):
        for n in range(4):
            telegram.user_says(GROUP, SOKHA, f"tea round {n} 1$")
        await telegram.wait_for("sendMessage", lambda sent: "tea round 3." in sent["text"])  # maybe merged
    assert [row[2] for row in sheet_rows(settings)] == ["tea round 0", "tea round 1"]
    clock.advance(seconds=61)  # the bot was stopped meanwhile; the minute has passed
    async with running(settings, clock):
        for _ in range(200):
            if len(sheet_rows(settings)) == 4:
                break
            await asyncio.sleep(0.05)
    assert [row[2] for row in sheet_rows(settings)] == [f"tea round {n}" for n in range(4)]
    assert [row[0] for row in sheet_rows(settings)] == [1, 2, 3, 4]
