"""End to end: what real Telegram groups send: captions, channels, anonymous admins, topics, deletions."""

import asyncio
from datetime import UTC, datetime

from openpyxl import load_workbook

from infrastructure.telegram.app import MONTHLY_ROUNDS
from tests.e2e.test_bot import GROUP, SOKHA, replies_to, running, settle, sheet_rows, shut_down

TOPIC = 77
ADMIN = 99


def posted_by(settings):
    book = load_workbook(settings.workbook_path)
    sheet = book[book.sheetnames[-1]]
    return [row[6] for row in sheet.iter_rows(min_row=2, values_only=True)]


async def test_a_receipt_photo_with_a_caption_is_read_like_a_message_and_its_edit_too(
    telegram, settings_for, clock
):
    settings = settings_for()
    async with running(settings, clock) as bot:
        photo = telegram.user_posts_photo(GROUP, SOKHA, caption="taxi 5$")
        sent = await telegram.wait_for("sendMessage", replies_to(photo))
        assert sent["text"].startswith("Logged: 5.00 USD – taxi.")
        telegram.user_edits_caption(photo, "taxi 7$")
        await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Updated: 7.00 USD – taxi"))
        telegram.user_posts_photo(GROUP, SOKHA)  # no caption: nothing to read
        await settle(telegram)
        await shut_down(bot)
    assert [row[2:4] for row in sheet_rows(settings)] == [["taxi", 7], ["marker tea", 1]]


async def test_a_linked_channels_posts_and_posts_on_behalf_of_a_channel_are_never_expenses(
    telegram, settings_for, clock
):
    settings = settings_for()
    async with running(settings, clock) as bot:
        forwarded = telegram.channel_posts(
            GROUP, -1005550001, "Lunch promo this week: 5$ off", automatic=True
        )
        as_channel = telegram.channel_posts(GROUP, -1005550001, "coffee 3$", automatic=False)
        await settle(telegram)
        await shut_down(bot)
    answered = [
        p for p in telegram.calls_to("sendMessage") if replies_to(forwarded)(p) or replies_to(as_channel)(p)
    ]
    assert answered == []
    assert [row[2] for row in sheet_rows(settings)] == ["marker tea"]


async def test_an_anonymous_admin_is_captured_as_the_groups_admins_and_may_use_admin_commands(
    telegram, settings_for, clock
):
    settings = settings_for()
    telegram.admins.add(ADMIN)
    async with running(settings, clock) as bot:
        expense = telegram.anonymous_admin_says(GROUP, "printer ink 12$")
        sent = await telegram.wait_for("sendMessage", replies_to(expense))
        assert sent["text"].startswith("Logged: 12.00 USD – printer ink.")
        balance = telegram.anonymous_admin_says(GROUP, "/balance")
        answer = await telegram.wait_for("sendMessage", replies_to(balance))
        assert not answer["text"].startswith("Only")
        telegram.tap_undo_under(sent, expense, SOKHA)  # a member may not undo the admins' row
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: p.get("show_alert"))
        assert refused["text"].startswith("Only the person who posted it or an admin")
        telegram.tap_undo_under(sent, expense, ADMIN)
        await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone"))
        await shut_down(bot)
    assert posted_by(settings) == ["Group admins"]
    assert sheet_rows(settings)[0][2].startswith("[void]")


async def test_everything_said_about_a_message_in_a_forum_topic_goes_to_that_topic(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        expense = telegram.user_says(GROUP, SOKHA, "coffee 3$", topic=TOPIC)
        confirmed = await telegram.wait_for("sendMessage", replies_to(expense))
        amount = telegram.user_says(GROUP, SOKHA, "3$", topic=TOPIC)
        asked = await telegram.wait_for("sendMessage", replies_to(amount))
        unclear = telegram.user_says(GROUP, SOKHA, "coffee 3$ or 4$?", topic=TOPIC)
        rephrase = await telegram.wait_for("sendMessage", replies_to(unclear))
        outside = telegram.user_says(GROUP, SOKHA, "tea 1$")
        general = await telegram.wait_for("sendMessage", replies_to(outside))
    assert [int(p["message_thread_id"]) for p in (confirmed, asked, rephrase)] == [TOPIC] * 3
    assert "message_thread_id" not in general


async def test_replies_survive_the_members_message_being_deleted_meanwhile(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        telegram.latency_seconds = 0.05
        expense = telegram.user_says(GROUP, SOKHA, "coffee 3$", topic=TOPIC)
        telegram.user_deletes(expense)
        help_asked = telegram.user_says(GROUP, SOKHA, "/help")
        telegram.user_deletes(help_asked)
        balance = telegram.user_says(GROUP, ADMIN, "/balance")
        telegram.user_deletes(balance)
        confirmed = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Logged"))
        await telegram.wait_for("sendMessage", lambda p: "petty cash" in p["text"].lower())
        await telegram.wait_for("sendMessage", replies_to(balance))
    assert int(confirmed["message_thread_id"]) == TOPIC
    assert telegram.refused == []


async def test_added_to_a_group_the_bot_greets_it_once_and_says_when_it_cannot_read(
    telegram, settings_for, clock
):
    telegram.can_read_all_group_messages = False
    async with running(settings_for(), clock):
        telegram.bot_added(GROUP, ADMIN)
        greeting = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Hello!"))
        telegram.bot_removed(GROUP, ADMIN)
        telegram.bot_added(GROUP, ADMIN, as_admin=True)
        await settle(telegram)
    assert "cannot read ordinary messages" in greeting["text"]
    assert len([p for p in telegram.calls_to("sendMessage") if p["text"].startswith("Hello!")]) == 1


async def test_removed_from_a_group_the_bot_posts_no_summary_there_until_added_back(
    telegram, settings_for, clock
):
    clock.current = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    async with running(settings_for(), clock) as bot:
        message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        await telegram.wait_for("sendMessage", replies_to(message))
        rounds = bot.bot_data[MONTHLY_ROUNDS]
        await rounds.run_once(bot.bot)  # November opens
        telegram.bot_removed(GROUP, ADMIN)
        await until_polled_past(telegram)
        clock.current = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # 00:30 on 4 December: November closes
        await rounds.run_once(bot.bot)
        assert telegram.calls_to("sendPhoto") == []
        telegram.bot_added(GROUP, ADMIN)
        await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Hello!"))
        await rounds.run_once(bot.bot)
    (posted,) = telegram.calls_to("sendPhoto")
    assert posted["caption"].startswith("November 2026 is closed.")


async def until_polled_past(telegram):
    """Wait until the bot asked for the updates after those pushed so far: it has handled them."""
    seen = len(telegram.polls)
    for _ in range(500):
        if len(telegram.polls) > seen + 1:
            return
        await asyncio.sleep(0.01)
    raise AssertionError("the bot did not poll again")


async def test_id_tells_the_group_its_chat_id_and_the_member_their_user_id_even_before_it_is_allowed(
    telegram, settings_for, clock
):
    async with running(settings_for(ALLOWED_CHAT_IDS="-999"), clock):
        asked = telegram.user_says(GROUP, SOKHA, "/id")
        answer = await telegram.wait_for("sendMessage", replies_to(asked))
        privately = telegram.user_says_privately(SOKHA, "/id")
        private = await telegram.wait_for("sendMessage", lambda p: p["chat_id"] == SOKHA)
    assert answer["text"].startswith(f"This group's chat id is {GROUP} (for ALLOWED_CHAT_IDS")
    assert f"your user id is {SOKHA}" in answer["text"]
    assert private["text"] == f"Your user id is {SOKHA} (for ADMIN_USER_IDS)."
    assert privately["chat"]["id"] == SOKHA
