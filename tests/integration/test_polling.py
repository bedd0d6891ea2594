"""Tests for the Poller: Telegram is told to forget a batch only after each of its updates was handled."""

import asyncio

from telegram import Update
from telegram.ext import Application, TypeHandler

from infrastructure.telegram.polling import Poller

GROUP = -1001


async def until(condition, seconds=5.0):
    for _ in range(int(seconds * 100)):
        if condition():
            return
        await asyncio.sleep(0.01)
    raise AssertionError("timed out")


async def application_on(telegram, handle):
    application = Application.builder().token(telegram.token).base_url(f"{telegram.url}/bot").build()
    application.add_handler(TypeHandler(Update, handle))
    await application.initialize()
    return application


def polls(telegram):
    return telegram.polls


async def test_no_poll_confirms_a_batch_while_one_of_its_updates_is_being_handled(telegram):
    release, handled = asyncio.Event(), []

    async def slow(update, context):
        await release.wait()
        handled.append(update.update_id)

    application = await application_on(telegram, slow)
    posted = [telegram.user_says(GROUP, 7, f"coffee {n} 1$") for n in range(3)]
    poller = Poller(application, timeout_seconds=0.1)
    await poller.start()
    await until(lambda: len(polls(telegram)) >= 1)
    await asyncio.sleep(0.3)
    assert len(polls(telegram)) == 1, "a second getUpdates would tell Telegram to forget the batch"
    release.set()
    await until(lambda: len(handled) == 3)
    await until(lambda: len(polls(telegram)) >= 2)
    assert int(polls(telegram)[1]["offset"]) == handled[-1] + 1
    await poller.stop()
    await application.shutdown()
    assert len(posted) == len(handled)


async def test_stopping_finishes_the_update_in_hand_and_confirms_what_was_handled(telegram):
    handled = []

    async def record(update, context):
        handled.append(update.update_id)

    application = await application_on(telegram, record)
    poller = Poller(application, timeout_seconds=5)
    await poller.start()
    telegram.user_says(GROUP, 7, "tea 1$")
    await until(lambda: len(handled) == 1)
    await asyncio.wait_for(poller.stop(), 2)  # stop does not wait out the 5 s long poll
    await application.shutdown()
    assert int(polls(telegram)[-1]["offset"]) == handled[0] + 1
