"""Guards on what Telegram refuses or adds, so that no later change can send what it does not take."""

import pytest
from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, WebAppInfo
from telegram.error import BadRequest

from tests.e2e.test_bot import GROUP, SOKHA, replies_to, running


async def test_in_an_ordinary_supergroup_a_reply_thread_is_not_a_topic_and_the_bot_answers_in_no_thread(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        confirmation = telegram.sent_message(await telegram.wait_for("sendMessage", replies_to(coffee)))
        undo = telegram.user_says(GROUP, SOKHA, "/undo", reply_to=confirmation)
        undone = await telegram.wait_for("sendMessage", replies_to(undo))
    # Telegram numbers the reply thread (the first message replied to) without making it a topic.
    assert (undo["message_thread_id"], undo.get("is_topic_message")) == (coffee["message_id"], None)
    assert confirmation["message_thread_id"] == coffee["message_id"]
    assert undone["text"].startswith("Undone")
    assert "message_thread_id" not in undone
    assert not telegram.refused


async def test_telegram_refuses_a_mini_app_button_in_a_group_and_takes_it_in_a_private_chat(telegram):
    button = InlineKeyboardButton("📊 This month", web_app=WebAppInfo("https://bot.example.org/month/"))
    async with Bot(telegram.token, base_url=f"{telegram.url}/bot") as bot:
        with pytest.raises(BadRequest, match="Button_type_invalid"):
            await bot.send_message(GROUP, "This month", reply_markup=InlineKeyboardMarkup([[button]]))
        await bot.send_message(SOKHA, "This month", reply_markup=InlineKeyboardMarkup([[button]]))


async def test_a_tap_answered_twice_or_after_telegram_stopped_waiting_is_refused(telegram, clock):
    confirmation = {"message_id": 1, "date": 0, "chat": {"id": GROUP, "type": "supergroup"}}
    async with Bot(telegram.token, base_url=f"{telegram.url}/bot") as bot:
        tapped = telegram.user_taps(confirmation, "undo:1", SOKHA)
        assert await bot.answer_callback_query(tapped)
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_callback_query(tapped)
        late = telegram.user_taps(confirmation, "undo:1", SOKHA)
        clock.advance(seconds=11)
        with pytest.raises(BadRequest, match="Query is too old"):
            await bot.answer_callback_query(late)
