"""End to end: a group upgraded to a supergroup keeps its sheet, its settings and its expenses."""

from datetime import UTC, datetime

import pytest

from infrastructure.check import Verdict, run_checks
from infrastructure.telegram.app import MONTHLY_ROUNDS
from tests.e2e.test_bot import replies_to, running
from tests.e2e.test_bot_google import SHEET_ID, google_bot, google_settings

OLD, NEW, SOKHA, ADMIN = -4001, -1004001, 11, 99


@pytest.fixture
def service_account_key(key):
    """The key and its file, as the e2e fixtures make them."""
    return key


async def test_after_the_upgrade_a_waiting_question_and_undo_follow_the_group_to_its_new_id(
    telegram, settings_for, clock
):
    async with running(settings_for(ALLOWED_CHAT_IDS=str(OLD)), clock):
        amount = telegram.user_says(OLD, SOKHA, "3$")
        await telegram.wait_for("sendMessage", replies_to(amount))  # what is this for?
        telegram.group_upgraded(OLD, NEW, ADMIN)
        answer = telegram.user_says(NEW, SOKHA, "printer ink")
        sent = await telegram.wait_for("sendMessage", lambda p: "printer ink" in p["text"])
        assert sent["text"].startswith("Logged: 3.00 USD – printer ink.")
        assert int(sent["chat_id"]) == NEW
        telegram.tap_undo_under(sent, answer, SOKHA)  # the row was saved under the old id
        await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone"))


async def test_after_the_upgrade_the_groups_choices_follow_it(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(ALLOWED_CHAT_IDS=str(OLD)), clock):
        telegram.user_says(OLD, ADMIN, "/quiet on")
        await telegram.wait_for("sendMessage", lambda p: "reaction" in p["text"])
        telegram.group_upgraded(OLD, NEW, ADMIN)
        quiet = telegram.user_says(NEW, SOKHA, "coffee 2$")
        reaction = await telegram.wait_for("setMessageReaction")
    assert (int(reaction["chat_id"]), reaction["message_id"]) == (NEW, quiet["message_id"])


async def test_a_call_refused_because_the_group_moved_moves_it_even_without_the_service_message(
    telegram, settings_for, clock
):
    async with running(settings_for(ALLOWED_CHAT_IDS=str(OLD)), clock):
        telegram.group_upgraded(OLD, NEW, ADMIN, tell=False)
        telegram.user_says(OLD, SOKHA, "coffee 3$")  # posted just before the upgrade
        sent = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Logged"))
        assert int(sent["chat_id"]) == NEW
        later = telegram.user_says(NEW, SOKHA, "tea 1$")
        assert (await telegram.wait_for("sendMessage", replies_to(later)))["text"].startswith("Logged")


async def test_the_sheet_named_for_the_old_id_is_the_new_ids_and_check_says_to_update_the_setting(
    telegram, sheets, service_account_key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {service_account_key[0]["client_email"]})
    by_chat = f'{{"{OLD}": "{SHEET_ID}"}}'
    allowed = str(OLD)  # the new id is followed, as the sheet named for the old one is
    async with google_bot(
        telegram,
        sheets,
        service_account_key,
        tmp_path,
        BALANCE_SHEET_BY_CHAT=by_chat,
        ALLOWED_CHAT_IDS=allowed,
    ):
        telegram.group_upgraded(OLD, NEW, ADMIN)
        message = telegram.user_says(NEW, SOKHA, "coffee 3$")
        sent = await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
        assert SHEET_ID in sent["text"]
        await settle_in(telegram, NEW)
    settings = google_settings(
        telegram,
        sheets,
        service_account_key,
        tmp_path,
        BALANCE_SHEET_BY_CHAT=by_chat,
        PARSER_LLM="none",
        ALLOWED_CHAT_IDS=allowed,
    )
    findings = {finding.item: finding for finding in await run_checks(settings)}
    moved = findings["Group moved"]
    assert moved.verdict is Verdict.WARN
    assert f"{OLD} is now {NEW}" in moved.detail
    assert "BALANCE_SHEET_BY_CHAT" in moved.detail


async def settle_in(telegram, chat_id):
    telegram.user_says(chat_id, 12, "marker tea 1$")
    await telegram.wait_for("sendMessage", lambda sent: "marker tea" in sent["text"], timeout=10)


async def test_a_reply_refused_because_the_group_moved_goes_to_the_supergroup_and_moves_the_group(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    async with running(settings_for(ALLOWED_CHAT_IDS=str(OLD)), clock):
        telegram.user_says(OLD, ADMIN, "/quiet on")
        await telegram.wait_for("sendMessage", lambda p: "reaction" in p["text"])
        telegram.group_upgraded(OLD, NEW, ADMIN, tell=False)
        telegram.user_says(OLD, SOKHA, "coffee 3$ or 4$?")  # posted just before the upgrade
        rephrase = await telegram.wait_for("sendMessage", lambda p: "rephrase" in p["text"])
        assert int(rephrase["chat_id"]) == NEW
        quiet = telegram.user_says(NEW, SOKHA, "coffee 2$")
        reaction = await telegram.wait_for("setMessageReaction")
    assert (int(reaction["chat_id"]), reaction["message_id"]) == (NEW, quiet["message_id"])


async def test_a_monthly_summary_refused_because_the_group_moved_is_posted_in_the_supergroup(
    telegram, settings_for, clock
):
    clock.current = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    async with running(settings_for(ALLOWED_CHAT_IDS=str(OLD)), clock) as bot:
        message = telegram.user_says(OLD, SOKHA, "coffee 3$")
        await telegram.wait_for("sendMessage", replies_to(message))
        rounds = bot.bot_data[MONTHLY_ROUNDS]
        await rounds.run_once(bot.bot)  # November opens
        telegram.group_upgraded(OLD, NEW, ADMIN, tell=False)
        clock.current = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # 00:30 on 4 December: November closes
        await rounds.run_once(bot.bot)
        later = telegram.user_says(NEW, SOKHA, "tea 1$")  # the group follows: no "/connect" needed
        assert (await telegram.wait_for("sendMessage", replies_to(later)))["text"].startswith("Logged")
    (posted,) = telegram.calls_to("sendPhoto")
    assert int(posted["chat_id"]) == NEW
    assert posted["caption"].startswith("November 2026 is closed.")
