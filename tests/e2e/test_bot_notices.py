"""End to end: bank notices forwarded or pasted into a group become top-ups of the box, each recorded once,
on the fake Bot API and the fake Sheets API; the sheet, not the bot's database, says what is recorded."""

import contextlib
from datetime import UTC, date, datetime, timedelta

import pytest

from tests.e2e.test_bot import replies_to, running, shut_down
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.fakes.telegram_origins import (
    bot_account,
    channel_origin,
    hidden_user_origin,
    person_account,
    user_origin,
)

GROUP, SOKHA, DARA, VANNA, ADMIN = -1001, 11, 12, 13, 99
# 11 October 2025, 11:00 in Phnom Penh: the morning the notices below were sent.
MORNING = datetime(2025, 10, 11, 4, 0, tzinfo=UTC)
ABA_NOTICE = (
    "$10.00 paid by LOR PISETH (*467) on Oct 11, 10:21 AM via ABA PAY at KEAM LILAY. "
    "Trx. ID: 176015291049703, APV: 691804."
)
ABA_SENT = datetime(2025, 10, 11, 3, 21, 30, tzinfo=UTC)  # 10:21 in Phnom Penh
ACLEDA_KHMER_NOTICE = (
    "បានទទួល 21.15 ដុល្លារ ពី 097 8555 757 Saing Sopheak, ថ្ងៃទី១១ តុលា ២០២៥ ១០:១៩ព្រឹក, "
    "លេខយោង 52841751197, នៅ PHE MUYTOUNG."
)
PRASAC_NOTICE = (
    "Received Payment Amount 4.75 USD\n- Paid by: RASIN NY / ABA Bank\n- Shop ID: 12003630 / Shop Name: "
    "Chhuon Sovannchhai\n- Counter: Counter 1\n- Received by: -\n- Transaction Date: 11-Oct-25 09:43.44 AM"
)
ABA_BOT = bot_account(5550001, "PayWayByABA_bot", "ABA PayWay")
ACLEDA_BOT = bot_account(5550002, "ACLEDABankBot", "ACLEDA Bank")
PRASAC_BOT = bot_account(5550003, "prasac_merchant_payment_bot", "KB PRASAC Merchant")
SERIAL_EPOCH = date(1899, 12, 30)  # Sheets' day 0: a date cell read unformatted is its serial number


@pytest.fixture
def morning(clock):
    clock.current = MORNING
    return clock


@contextlib.asynccontextmanager
async def bot_on_the_sheet(telegram, sheets, key, tmp_path, clock):
    """The bot on the group's Google Sheet (made once), with Sokha, Dara and Vanna in the group."""
    if SHEET_ID not in sheets.spreadsheets:
        sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    async with running(settings, clock) as application:
        yield application


def forwarded_from(bot, sent_at=ABA_SENT):
    return user_origin(bot, int(sent_at.timestamp()))


async def forwards(telegram, user, text, origin, name=""):
    """A member forwards a message; the bot's reply to it."""
    message = telegram.user_forwards(
        GROUP, user, text, original_date=origin["date"], origin=origin, name=name
    )
    return message, await telegram.wait_for("sendMessage", replies_to(message), timeout=10)


def month_rows(sheets):
    """The data rows of the month's worksheet, each a dict by the header's words."""
    months = sheets.spreadsheets[SHEET_ID].months
    if not months:
        return []
    header, *rows = months[-1].values()
    return [dict(zip(header, row + [""] * (len(header) - len(row)), strict=True)) for row in rows if any(row)]


def day_of(cell):
    return SERIAL_EPOCH + timedelta(days=int(cell))


def buttons_of(sent):
    return [button for row in sent["reply_markup"]["inline_keyboard"] for button in row]


async def test_a_notice_forwarded_from_abas_bot_is_one_top_up_row_with_every_field_right(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        message, reply = await forwards(telegram, SOKHA, ABA_NOTICE, forwarded_from(ABA_BOT), name="Sokha")
    assert reply["text"].startswith(
        "Top-up recorded: 10.00 USD – ABA Trx 176015291049703 – LOR PISETH (10:21). "
        "Saved as No 1 (October 2025)."
    )
    assert buttons_of(reply)[0]["callback_data"] == f"undo:{message['message_id']}"
    (row,) = month_rows(sheets)
    assert sheets.spreadsheets[SHEET_ID].months[-1].title == "October 2025"
    assert row["No"] == 1
    assert day_of(row["Date"]) == date(2025, 10, 11)
    assert row["Item"] == "Top-up: ABA Trx 176015291049703 – LOR PISETH (10:21)"
    assert (row["Amount (USD)"], row["Amount (KHR)"]) == ("", "")
    assert (row["Top-up (USD)"], row["Top-up (KHR)"]) == (10, "")
    assert row["Posted by"] == "LOR PISETH"
    assert row["Reference"] == f"tg:{GROUP}:{message['message_id']}:0:u{SOKHA}"
    assert row["Category"] == ""


async def test_the_same_notice_forwarded_three_times_is_one_row_and_the_others_hear_its_number(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        replies = [
            (await forwards(telegram, member, ABA_NOTICE, forwarded_from(ABA_BOT)))[1]["text"]
            for member in (SOKHA, DARA, VANNA)
        ]
    assert replies[0].startswith("Top-up recorded: 10.00 USD")
    assert (
        replies[1]
        == replies[2]
        == "This payment is already recorded as No 1 (October 2025): I added nothing."
    )
    assert len(month_rows(sheets)) == 1


async def test_a_notice_recorded_before_the_database_was_lost_is_found_in_the_sheet_after_a_restart(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        await forwards(telegram, SOKHA, ABA_NOTICE, forwarded_from(ABA_BOT))
    database = tmp_path / "bot.sqlite3"
    for lost in (database, *database.parent.glob("bot.sqlite3?*")):  # -wal, -shm, .started
        lost.unlink()
    morning.advance(days=2)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        _, again = await forwards(telegram, DARA, ABA_NOTICE, forwarded_from(ABA_BOT))
    assert again["text"] == "This payment is already recorded as No 1 (October 2025): I added nothing."
    assert len(month_rows(sheets)) == 1


async def test_a_pasted_notice_waits_for_an_admins_confirm_and_a_members_tap_is_refused_to_them_alone(
    telegram, sheets, key, tmp_path, morning
):
    telegram.admins.add(ADMIN)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning) as application:
        pasted = telegram.user_says(GROUP, SOKHA, ABA_NOTICE, name="Sokha")
        asked = await telegram.wait_for("sendMessage", replies_to(pasted), timeout=10)
        confirm, not_ours = buttons_of(asked)
        assert month_rows(sheets) == []
        prompt = telegram.sent_message(asked)
        telegram.user_taps(prompt, confirm["callback_data"], DARA, name="Dara")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p, timeout=10)
        await shut_down(application)
    assert asked["text"] == (
        "A bank notice: 10.00 USD from LOR PISETH (ABA, Sat 11 Oct 2025 10:21, Trx 176015291049703). "
        "It was not forwarded from ABA's own bot, so an admin checks it: Confirm records it as a top-up."
    )
    assert (confirm["text"], not_ours["text"]) == ("✅ Confirm", "Not ours")
    assert refused == {**refused, "text": "Only the group's admins can do that.", "show_alert": True}
    assert month_rows(sheets) == []
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):  # kept across the restart
        telegram.user_taps(prompt, confirm["callback_data"], ADMIN, name="Boss")
        recorded = await telegram.wait_for(
            "sendMessage", lambda p: p["text"].startswith("Top-up"), timeout=10
        )
        cleared = await telegram.wait_for("editMessageReplyMarkup", timeout=10)
    assert recorded["text"].startswith("Top-up recorded: 10.00 USD – ABA Trx 176015291049703 – LOR PISETH")
    assert cleared["message_id"] == prompt["message_id"]
    assert not cleared.get("reply_markup")
    (row,) = month_rows(sheets)
    assert row["Reference"] == f"tg:{GROUP}:{pasted['message_id']}:0:u{SOKHA}"


async def test_not_ours_takes_the_buttons_away_and_records_nothing(telegram, sheets, key, tmp_path, morning):
    telegram.admins.add(ADMIN)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        origin = hidden_user_origin("Dara", int(ABA_SENT.timestamp()))
        _pasted, asked = await forwards(telegram, SOKHA, ABA_NOTICE, origin)
        prompt = telegram.sent_message(asked)
        telegram.user_taps(prompt, buttons_of(asked)[1]["callback_data"], ADMIN, name="Boss")
        cleared = await telegram.wait_for("editMessageReplyMarkup", timeout=10)
        telegram.user_taps(prompt, buttons_of(asked)[0]["callback_data"], ADMIN, name="Boss")
        late = await telegram.wait_for(
            "answerCallbackQuery", lambda p: "dealt" in p.get("text", ""), timeout=10
        )
    assert cleared["message_id"] == prompt["message_id"]
    assert not cleared.get("reply_markup")
    assert late["text"] == "This notice was dealt with already."
    assert month_rows(sheets) == []


@pytest.mark.parametrize(
    "origin",
    [
        user_origin(person_account(777, "Dara", "dara_k"), int(ABA_SENT.timestamp())),
        user_origin(bot_account(5550009, "PayWayByABA_fake_bot", "ABA PayWay"), int(ABA_SENT.timestamp())),
        user_origin(ACLEDA_BOT, int(ABA_SENT.timestamp())),  # a bank's bot, but not ABA's
        channel_origin(-1007770001, "ABA Bank", 55, int(ABA_SENT.timestamp()), username="PayWayByABA_bot"),
    ],
    ids=["a person", "a bot of another name", "another bank's bot", "a channel"],
)
async def test_a_notice_forwarded_from_anyone_but_its_banks_bot_waits_for_an_admin(
    telegram, sheets, key, tmp_path, morning, origin
):
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        _, asked = await forwards(telegram, SOKHA, ABA_NOTICE, origin)
    assert asked["text"].startswith("A bank notice: 10.00 USD from LOR PISETH")
    assert [button["text"] for button in buttons_of(asked)] == ["✅ Confirm", "Not ours"]
    assert month_rows(sheets) == []


async def test_a_khmer_acleda_notice_from_acledas_bot_is_recorded_with_its_reference(
    telegram, sheets, key, tmp_path, morning
):
    sent_at = datetime(2025, 10, 11, 3, 19, 40, tzinfo=UTC)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        _, reply = await forwards(telegram, SOKHA, ACLEDA_KHMER_NOTICE, forwarded_from(ACLEDA_BOT, sent_at))
    assert reply["text"].startswith(
        "Top-up recorded: 21.15 USD – ACLEDA Trx 52841751197 – Saing Sopheak (10:19)."
    )
    (row,) = month_rows(sheets)
    assert row["Item"] == "Top-up: ACLEDA Trx 52841751197 – Saing Sopheak (10:19)"
    assert (row["Top-up (USD)"], row["Posted by"], day_of(row["Date"])) == (
        21.15,
        "Saing Sopheak",
        date(2025, 10, 11),
    )


async def test_a_kb_prasac_notice_carries_no_id_so_it_goes_to_the_admins_even_from_its_bot(
    telegram, sheets, key, tmp_path, morning
):
    telegram.admins.add(ADMIN)
    sent_at = datetime(2025, 10, 11, 2, 43, 50, tzinfo=UTC)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        _, asked = await forwards(telegram, SOKHA, PRASAC_NOTICE, forwarded_from(PRASAC_BOT, sent_at))
        assert month_rows(sheets) == []
        telegram.user_taps(telegram.sent_message(asked), buttons_of(asked)[0]["callback_data"], ADMIN)
        recorded = await telegram.wait_for(
            "sendMessage", lambda p: p["text"].startswith("Top-up"), timeout=10
        )
        _, again = await forwards(telegram, DARA, PRASAC_NOTICE, forwarded_from(PRASAC_BOT, sent_at))
    assert asked["text"] == (
        "A PRASAC notice: 4.75 USD from RASIN NY (Sat 11 Oct 2025 09:43). PRASAC's notices carry no "
        "transaction ID, so an admin checks it is not recorded already: Confirm records it as a top-up."
    )
    assert recorded["text"].startswith("Top-up recorded: 4.75 USD – PRASAC 2025-10-11 09:43:44 – RASIN NY.")
    assert again["text"] == "This payment is already recorded as No 1 (October 2025): I added nothing."
    (row,) = month_rows(sheets)
    assert row["Item"] == "Top-up: PRASAC 2025-10-11 09:43:44 – RASIN NY"


async def test_a_group_that_reads_khmer_hears_the_notice_in_khmer_and_its_row_is_found_again(
    telegram, sheets, key, tmp_path, morning
):
    telegram.admins.add(ADMIN)
    async with bot_on_the_sheet(telegram, sheets, key, tmp_path, morning):
        chose = telegram.user_says(GROUP, ADMIN, "/language km")
        await telegram.wait_for("sendMessage", replies_to(chose), timeout=10)
        pasted = telegram.user_says(GROUP, SOKHA, ABA_NOTICE)
        asked = await telegram.wait_for("sendMessage", replies_to(pasted), timeout=10)
        telegram.user_taps(telegram.sent_message(asked), buttons_of(asked)[0]["callback_data"], ADMIN)
        recorded = await telegram.wait_for("sendMessage", lambda p: "ABA Trx" in p["text"], timeout=10)
        _, again = await forwards(telegram, DARA, ABA_NOTICE, forwarded_from(ABA_BOT))
    assert asked["text"].startswith("សារជូនដំណឹងពីធនាគារ៖ 10.00$ ពី LOR PISETH (ABA, ")
    assert [button["text"] for button in buttons_of(asked)] == ["✅ បញ្ជាក់", "មិនមែនរបស់យើង"]
    assert recorded["text"].startswith("បានកត់ត្រាលុយដាក់ចូល៖ 10.00$ – ABA Trx 176015291049703 – LOR PISETH")
    assert again["text"].startswith("ការទូទាត់នេះត្រូវបានកត់ត្រារួចហើយជា លេខ 1 (")
    (row,) = month_rows(sheets)
    assert row["Item"] == "លុយដាក់ចូល: ABA Trx 176015291049703 – LOR PISETH (10:21)"
