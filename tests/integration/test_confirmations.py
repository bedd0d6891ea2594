"""Tests for the confirmation queue against the fake Bot API: merged, split, retried, never dropped."""

import asyncio

from telegram import Bot, InlineKeyboardButton
from telegram.request import HTTPXRequest

from infrastructure.telegram.confirmations import Confirmation, ConfirmationQueue, split_text
from tests.fakes.telegram_api import MAX_TEXT_LENGTH

GROUP, SUPERGROUP = -1001, -1009999


class RecordedSleep:
    """Stands in for asyncio.sleep: remembers each wait and lets the loop run, without the seconds."""

    def __init__(self):
        self.waits = []

    async def __call__(self, seconds):
        self.waits.append(seconds)
        await asyncio.sleep(0)


async def bot_on(telegram):
    bot = Bot(telegram.token, base_url=f"{telegram.url}/bot", request=HTTPXRequest())
    await bot.initialize()
    return bot


def confirmation(n, chat_id=GROUP, quiet=False):
    undo = InlineKeyboardButton(f"Undo (row {n})", callback_data=f"undo:{n}")
    return Confirmation(chat_id, n, f"Logged: 1.00 USD – snack {n}. Saved to row {n}.", (undo,), quiet)


def snacks(telegram):
    return sum(params["text"].count("snack") for params in telegram.calls_to("sendMessage"))


async def test_a_flood_of_429s_is_waited_out_as_telegram_asks_and_no_confirmation_is_lost(telegram):
    telegram.refuse("sendMessage", 429, "Too Many Requests: retry after 5", 6, {"retry_after": 5})
    bot, sleep = await bot_on(telegram), RecordedSleep()
    queue = ConfirmationQueue(bot, sleep)
    for n in range(40):
        queue.submit(confirmation(n))
        await asyncio.sleep(0)
    await asyncio.wait_for(queue.drain(), 5)
    await bot.shutdown()
    assert snacks(telegram) == 40
    assert sleep.waits == [5.0] * 6
    assert len(telegram.calls_to("sendMessage")) <= 3, "what piled up during the flood went out merged"


async def test_a_network_that_keeps_failing_is_retried_with_growing_waits(telegram):
    telegram.refuse("sendMessage", 502, "Bad Gateway", 4)
    bot, sleep = await bot_on(telegram), RecordedSleep()
    queue = ConfirmationQueue(bot, sleep)
    queue.submit(confirmation(1))
    await asyncio.wait_for(queue.drain(), 5)
    await bot.shutdown()
    assert sleep.waits == [1.0, 2.0, 4.0, 8.0]
    assert snacks(telegram) == 1


async def test_a_confirmation_too_long_for_one_message_is_split_and_keeps_its_buttons_on_the_last(telegram):
    bot = await bot_on(telegram)
    queue = ConfirmationQueue(bot, RecordedSleep())
    long = confirmation(1)
    queue.submit(Confirmation(GROUP, 1, "\n".join([long.text] * 120), long.buttons, False))
    await asyncio.wait_for(queue.drain(), 5)
    await bot.shutdown()
    sent = telegram.calls_to("sendMessage")
    assert len(sent) == 2
    assert [("reply_parameters" in p, "reply_markup" in p) for p in sent] == [(True, False), (False, True)]
    assert snacks(telegram) == 120
    assert not telegram.refused


async def confirm_one_after_another(telegram, *numbers):
    bot = await bot_on(telegram)
    queue = ConfirmationQueue(bot, RecordedSleep())
    for n in numbers:
        queue.submit(confirmation(n))
        await asyncio.wait_for(queue.drain(), 5)
    await bot.shutdown()


async def test_a_migrated_group_gets_its_confirmation_at_the_supergroup_s_id(telegram):
    telegram.migrated[GROUP] = SUPERGROUP
    await confirm_one_after_another(telegram, 1, 2)
    assert [int(p["chat_id"]) for p in telegram.calls_to("sendMessage")] == [SUPERGROUP, SUPERGROUP]
    assert len(telegram.refused) == 1, "the new id is remembered"


async def test_a_chat_that_refuses_for_good_is_given_up_without_holding_up_the_rest(telegram):
    telegram.refuse("sendMessage", 403, "Forbidden: bot was kicked from the supergroup chat")
    await confirm_one_after_another(telegram, 1, 2)
    assert snacks(telegram) == 1


def test_split_text_cuts_between_lines_and_counts_as_telegram_does():
    text = "\n".join(f"line {n} " + "x" * 100 for n in range(100))
    pieces = split_text(text)
    assert "\n".join(pieces) == text
    assert all(len(piece) <= MAX_TEXT_LENGTH for piece in pieces)
    emoji = split_text("😀" * 5000)
    assert "".join(emoji) == "😀" * 5000
    assert all(len(piece.encode("utf-16-le")) // 2 <= MAX_TEXT_LENGTH for piece in emoji)
