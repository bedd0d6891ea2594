"""Tests for the Poller: Telegram forgets an update once it is handled or kept; chats run side by side."""

import asyncio

import pytest
from telegram import Update
from telegram.ext import Application, TypeHandler

from balance_bot.ports import StorageUnavailable
from infrastructure.telegram.polling import Poller, PollingConflict
from tests.fakes.telegram_api import CONFLICT
from tests.fakes.update_inbox import InMemoryUpdateInbox

GROUP, OTHER_GROUP = -1001, -1002


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


async def test_a_slow_update_holds_up_only_its_own_chat_once_it_is_kept(telegram):
    release, handled = asyncio.Event(), []

    async def handle(update, context):
        if "slow" in update.effective_message.text:
            await release.wait()
        handled.append(update.effective_message.text)

    application = await application_on(telegram, handle)
    inbox = InMemoryUpdateInbox()
    poller = Poller(application, timeout_seconds=0.1, inbox=inbox)
    slow = telegram.user_says(GROUP, 7, "slow llm 15")
    await poller.start()
    await until(lambda: len(inbox.kept) == 1)
    telegram.user_says(GROUP, 7, "after the slow one 1$")
    telegram.user_says(OTHER_GROUP, 8, "tea 1$")
    await until(lambda: handled == ["tea 1$"])
    (kept_id, body) = next(iter(inbox.kept.items()))
    assert slow["text"] in body
    assert int(polls(telegram)[1]["offset"]) == kept_id + 1  # confirmed only once it was kept
    release.set()
    await until(lambda: len(handled) == 3)
    assert handled[1:] == ["slow llm 15", "after the slow one 1$"]  # its chat's order holds
    await poller.stop()
    await application.shutdown()


async def test_fast_updates_are_never_written_to_the_inbox(telegram):
    handled = []

    async def record(update, context):
        handled.append(update.update_id)

    application = await application_on(telegram, record)
    inbox = InMemoryUpdateInbox()
    poller = Poller(application, timeout_seconds=0.1, inbox=inbox)
    await poller.start()
    for n in range(5):
        telegram.user_says(GROUP if n % 2 else OTHER_GROUP, 7, f"tea {n} 1$")
        await until(lambda n=n: len(handled) == n + 1)
    await poller.stop()
    await application.shutdown()
    assert inbox.keeps == 0


async def test_a_batch_that_keeps_moving_is_let_finish_without_the_inbox(telegram):
    handled = []

    async def steady(update, context):
        await asyncio.sleep(0.03)  # each quick, together longer than the hand-off moment
        handled.append(update.update_id)

    application = await application_on(telegram, steady)
    for n in range(6):
        telegram.user_says(GROUP, 7, f"tea {n} 1$")
    inbox = InMemoryUpdateInbox()
    poller = Poller(application, timeout_seconds=0.1, inbox=inbox)
    await poller.start()
    await until(lambda: len(handled) == 6)
    await poller.stop()
    await application.shutdown()
    assert inbox.keeps == 0


async def test_kept_updates_not_handled_before_a_crash_are_handled_first_and_only_once(telegram):
    handled = []

    async def record(update, context):
        handled.append(update.effective_message.text)

    first = await application_on(telegram, record)
    lost = telegram.user_says(GROUP, 7, "kept before the crash 2$")
    [update] = await first.bot.get_updates(timeout=0)  # received; the crash comes before it is handled
    await first.shutdown()
    inbox = InMemoryUpdateInbox(kept={update.update_id: update.to_json()})
    application = await application_on(telegram, record)
    poller = Poller(application, timeout_seconds=0.1, inbox=inbox)
    await poller.start()  # Telegram sends it again too: it was never confirmed
    telegram.user_says(GROUP, 7, "new 1$")
    await until(lambda: len(handled) == 2)
    await asyncio.sleep(0.2)
    await poller.stop()
    await application.shutdown()
    assert handled == [lost["text"], "new 1$"]


MALFORMED_ANSWERS = [
    ('{"ok": true, "result": "garbage"}', 200),
    ('{"ok": true, "result": null}', 200),
    ('{"ok": true, "result": [{"update_id": "not a number"}]}', 200),
    ('{"ok": false}', 200),
    ('{"ok": true}', 200),
    ('{"ok": true, "result": [1, 2]}', 200),
    ("not json at all", 200),
    ("<html>502 Bad Gateway</html>", 502),
    ('{"ok": true, "result": [{"update_id": 5, "message": "zz"}]}', 200),
]


async def test_answers_the_poller_cannot_read_are_waited_out_and_polling_goes_on(telegram):
    handled = []

    async def record(update, context):
        handled.append(update.effective_message.text)

    application = await application_on(telegram, record)
    for body, status in MALFORMED_ANSWERS:
        telegram.answer_raw("getUpdates", body, status=status)
    poller = Poller(application, timeout_seconds=0.1, first_backoff_seconds=0.001)
    await poller.start()
    telegram.user_says(GROUP, 7, "tea 1$")
    await until(lambda: handled == ["tea 1$"])
    assert poller._task is not None
    assert not poller._task.done()
    await poller.stop()
    await application.shutdown()
    assert len(telegram.refused) == len(MALFORMED_ANSWERS)


async def test_another_process_polling_with_the_token_stops_this_one_with_the_reason(telegram, caplog):
    application = await application_on(telegram, lambda update, context: None)
    telegram.refuse("getUpdates", 409, CONFLICT, times=100)
    poller = Poller(application, timeout_seconds=0.1, first_backoff_seconds=0.001)
    with pytest.raises(PollingConflict, match="another process is polling Telegram"):
        await asyncio.wait_for(poller.run(), 5)
    await application.shutdown()
    assert len(telegram.refused) == 1, "the bot stops at the first 409 instead of fighting"


class FullDiskInbox(InMemoryUpdateInbox):
    """An inbox on a disk that is full for its first few writes."""

    def __init__(self, failures):
        super().__init__()
        self.failures = failures

    async def keep(self, updates):
        if self.failures:
            self.failures -= 1
            raise StorageUnavailable("database or disk is full")
        await super().keep(updates)


async def test_an_update_the_inbox_cannot_keep_is_not_confirmed_until_it_is_kept_or_handled(telegram):
    release, handled = asyncio.Event(), []

    async def handle(update, context):
        await release.wait()
        handled.append(update.effective_message.text)

    application = await application_on(telegram, handle)
    inbox = FullDiskInbox(failures=1)
    poller = Poller(application, timeout_seconds=0.1, inbox=inbox, first_backoff_seconds=0.01)
    telegram.user_says(GROUP, 7, "slow llm 15")
    await poller.start()
    await until(lambda: inbox.failures == 0)
    assert len(polls(telegram)) == 1, "nothing confirmed while the update is neither handled nor kept"
    await until(lambda: len(inbox.kept) == 1)
    await until(lambda: len(polls(telegram)) >= 2)
    release.set()
    await until(lambda: handled == ["slow llm 15"])
    await poller.stop()
    await application.shutdown()
