"""End to end: photos of receipts and bank screens posted in a group become rows with a link to the photo,
on the fake Bot API (getFile and the download as Telegram serves them) and the fake Sheets API."""

import asyncio
import contextlib
from datetime import UTC, datetime

import pytest

from tests.e2e.test_bot import replies_to, running, shut_down
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.e2e.test_bot_notices import ABA_BOT, forwarded_from, month_rows
from tests.fakes.image_readers import TextAsImage

GROUP, SOKHA, DARA, ADMIN = -1001, 11, 12, 99
MORNING = datetime(2025, 10, 11, 4, 0, tzinfo=UTC)  # 11:00 in Phnom Penh
SCREEN = b"""ABA
Transfer successful
-10.00 USD
Paid to
KEAM LILAY
Trx. ID: 176015291049703
Transaction date: Oct 11, 2025 10:21 AM"""
# The bank's notice of the same payment, as ABA's bot sends it to the box's account.
NOTICE = (
    "$10.00 paid by LOR PISETH (*467) on Oct 11, 10:21 AM via ABA PAY at KEAM LILAY. "
    "Trx. ID: 176015291049703, APV: 691804."
)
NO_TOTAL = b"""LUCKY SUPERMARKET
Water 2.50 $
Bread 12.50 $"""


@pytest.fixture
def morning(clock):
    clock.current = MORNING
    return clock


@contextlib.asynccontextmanager
async def bot_reading_photos(telegram, sheets, key, tmp_path, clock, reader=None):
    """The bot on the group's Google Sheet, reading photos with an OCR whose "image" is its text."""
    if SHEET_ID not in sheets.spreadsheets:
        sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    async with running(settings, clock, reader or TextAsImage()) as application:
        yield application


def link_to(message):
    return f"https://t.me/c/{str(GROUP)[4:]}/{message['message_id']}"


def buttons_of(sent):
    return sent["reply_markup"]["inline_keyboard"][0]


async def test_a_transfer_screen_becomes_a_row_linked_to_its_photo_and_the_same_screen_again_adds_none(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, SCREEN, name="Sokha")
        saved = await telegram.wait_for("sendMessage", replies_to(photo), timeout=10)
        again = telegram.user_posts_image(GROUP, SOKHA, SCREEN, name="Sokha")
        told = await telegram.wait_for("sendMessage", replies_to(again), timeout=10)
        await shut_down(application)
    assert telegram.calls_to("sendChatAction")[0]["action"] == "typing"  # seen at once to be read
    assert saved["text"].startswith("Logged: 10.00 USD – KEAM LILAY – ABA Trx 176015291049703.")
    assert buttons_of(saved)[0]["callback_data"] == f"undo:{photo['message_id']}"
    assert told["text"].startswith("This payment is already recorded as No 1")
    (row,) = month_rows(sheets)
    assert row["Receipt"] == link_to(photo)
    assert row["Amount (USD)"] == 10


async def test_a_notice_forwarded_then_its_screen_is_one_row(telegram, sheets, key, tmp_path, morning):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        origin = forwarded_from(ABA_BOT)
        notice = telegram.user_forwards(GROUP, SOKHA, NOTICE, original_date=origin["date"], origin=origin)
        await telegram.wait_for("sendMessage", replies_to(notice), timeout=10)
        screen = telegram.user_posts_image(GROUP, DARA, SCREEN, name="Dara")
        told = await telegram.wait_for("sendMessage", replies_to(screen), timeout=10)
        await shut_down(application)
    assert "already recorded" in told["text"]
    (row,) = month_rows(sheets)
    assert row["Top-up (USD)"] == 10


async def test_an_unsure_receipt_is_proposed_another_members_save_is_refused_and_the_posters_saves(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, NO_TOTAL, name="Sokha")
        proposed = await telegram.wait_for("sendMessage", replies_to(photo), timeout=10)
        save, edit = buttons_of(proposed)
        prompt = telegram.sent_message(proposed)
        telegram.user_taps(prompt, save["callback_data"], DARA, name="Dara")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p, timeout=10)
        assert month_rows(sheets) == []
        telegram.user_taps(prompt, save["callback_data"], SOKHA, name="Sokha")
        saved = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Logged"), timeout=10)
        await shut_down(application)
    assert proposed["text"] == "Receipt: 12.50 USD – Lucky Supermarket, Sat 11 Oct. Save?"
    assert (save["text"], edit["text"]) == ("✅ Save", "✏️ Edit")
    assert refused == {**refused, "show_alert": True}
    assert "posted this photo or an admin" in refused["text"]
    assert saved["text"].startswith("Logged: 12.50 USD – Lucky Supermarket.")
    (row,) = month_rows(sheets)
    assert row["Receipt"] == link_to(photo)


async def test_a_proposal_waits_across_a_restart_and_edit_takes_the_right_amount_in_one_line(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, NO_TOTAL, name="Sokha")
        proposed = await telegram.wait_for("sendMessage", replies_to(photo), timeout=10)
        await shut_down(application)
    _, edit = buttons_of(proposed)
    prompt = telegram.sent_message(proposed)
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        telegram.user_taps(prompt, edit["callback_data"], SOKHA, name="Sokha")
        asked = await telegram.wait_for("sendMessage", lambda p: "right amount" in p["text"], timeout=10)
        answer = telegram.user_says(GROUP, SOKHA, "14.75", name="Sokha")
        saved = await telegram.wait_for("sendMessage", replies_to(answer), timeout=10)
        await shut_down(application)
    assert asked["text"].startswith("What is the right amount?")
    assert saved["text"].startswith("Logged: 14.75 USD – Lucky Supermarket.")
    (row,) = month_rows(sheets)
    assert row["Amount (USD)"] == 14.75


async def test_a_file_over_20_mb_and_a_heic_file_are_answered_and_nothing_is_downloaded(
    telegram, sheets, key, tmp_path, morning
):
    big = 25 * 1024 * 1024
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        shown = telegram.user_posts_image(GROUP, SOKHA, b"x", as_document="scan.jpg", size=big)
        too_big = await telegram.wait_for("sendMessage", replies_to(shown), timeout=10)
        hidden = telegram.user_posts_image(
            GROUP, SOKHA, b"x", as_document="scan2.jpg", size=big, size_shown=False
        )
        refused = await telegram.wait_for("sendMessage", replies_to(hidden), timeout=10)
        heic = telegram.user_posts_image(GROUP, SOKHA, b"x", as_document="IMG_1.HEIC", mime_type="image/heic")
        as_photo = await telegram.wait_for("sendMessage", replies_to(heic), timeout=10)
        await shut_down(application)
    assert too_big["text"].startswith("This file is over 20 MB")
    assert refused["text"] == too_big["text"]  # Telegram's own "file is too big", met the same way
    assert [call.params["file_id"] for call in telegram.refused if call.method == "getFile"]
    assert "send it as a photo" in as_photo["text"]
    assert telegram.downloads == []
    assert month_rows(sheets) == []


async def test_an_expired_download_a_corrupt_file_and_a_selfie_add_no_row_and_the_bot_goes_on(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        telegram.paths_expire_at_once = True
        expired = telegram.user_posts_image(GROUP, SOKHA, SCREEN)
        not_downloaded = await telegram.wait_for("sendMessage", replies_to(expired), timeout=10)
        telegram.paths_expire_at_once = False
        corrupt = telegram.user_posts_image(GROUP, SOKHA, b"%PDF-1.4 not an image")
        unreadable = await telegram.wait_for("sendMessage", replies_to(corrupt), timeout=10)
        telegram.user_posts_image(GROUP, SOKHA, b"Happy birthday Sokha!")
        after = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        await telegram.wait_for("sendMessage", replies_to(after), timeout=10)
        await shut_down(application)
    assert not_downloaded["text"].startswith("I could not download this photo")
    assert unreadable["text"].startswith("I cannot open this file as an image")
    assert [row["Item"] for row in month_rows(sheets)] == ["coffee"]


class HeldReader(TextAsImage):
    """An OCR that reads only once let: the chat's other messages must not wait for it."""

    def __init__(self):
        super().__init__()
        self.let = asyncio.Event()

    async def read_text(self, image):
        await self.let.wait()
        return await super().read_text(image)


async def test_the_chats_other_messages_are_not_held_up_while_a_photo_is_read(
    telegram, sheets, key, tmp_path, morning
):
    reader = HeldReader()
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning, reader) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, SCREEN)
        coffee = telegram.user_says(GROUP, DARA, "coffee 3$")
        first = await telegram.wait_for("sendMessage", replies_to(coffee), timeout=10)
        reader.let.set()
        later = await telegram.wait_for("sendMessage", replies_to(photo), timeout=10)
        await shut_down(application)
    assert first["text"].startswith("Logged: 3.00 USD – coffee")
    assert later["text"].startswith("Logged: 10.00 USD")


async def test_a_caption_with_an_amount_stays_a_text_expense_with_its_photo_as_receipt(
    telegram, sheets, key, tmp_path, morning
):
    async with bot_reading_photos(telegram, sheets, key, tmp_path, morning) as application:
        photo = telegram.user_posts_image(GROUP, SOKHA, SCREEN, caption="printer ink 7$")
        saved = await telegram.wait_for("sendMessage", replies_to(photo), timeout=10)
        await shut_down(application)
    assert saved["text"].startswith("Logged: 7.00 USD – printer ink.")
    assert telegram.downloads == []
    (row,) = month_rows(sheets)
    assert row["Receipt"] == link_to(photo)
