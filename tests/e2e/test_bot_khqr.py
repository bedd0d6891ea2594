"""End to end: KHQR top-ups. /topup qr answered with the QR's photo; the fake Bakong paid by a payer who
scans it; the watch's rounds on the test's clock; the caption and the workbook read back."""

import asyncio
import io
import sqlite3
from datetime import timedelta

import pytest
import segno
from openpyxl import load_workbook
from PIL import Image

from infrastructure.bakong.qr_image import BORDER, SCALE
from infrastructure.telegram.app import KHQR_ROUNDS
from infrastructure.telegram.khqr_handlers import RECEIVED
from tests.e2e.test_bot import ADMIN, GROUP, SOKHA, replies_to, running
from tests.fakes.khqr_reader import read_khqr

TEAM_ACCOUNT = "team_cash@aclb"


@pytest.fixture
def khqr_settings(settings_for, bakong):
    """A bot with the team's Bakong account; with the fake Bakong's token unless told otherwise."""

    def make(*, token=True, **extra):
        return settings_for(
            BAKONG_ACCOUNT_ID=TEAM_ACCOUNT,
            BAKONG_MERCHANT_NAME="Petty Cash Team",
            BAKONG_API_URL=bakong.url,
            **({"BAKONG_TOKEN": bakong.token} if token else {}),
            **extra,
        )

    return make


async def asked(telegram, text="/topup qr 50$", user=ADMIN):
    """An admin asks for a QR; the photo's sendPhoto parameters."""
    message = telegram.user_says(GROUP, user, text)
    return await telegram.wait_for("sendPhoto", replies_to(message))


async def shown_text(settings):
    """The KHQR text of the last QR the bot keeps waiting, once it keeps it (its own database)."""
    for _ in range(500):
        with sqlite3.connect(settings.database_path) as database:
            row = database.execute("SELECT qr FROM pending_qr ORDER BY rowid DESC LIMIT 1").fetchone()
        if row is not None:
            return row[0]
        await asyncio.sleep(0.01)
    raise AssertionError("the QR was never kept")


def modules_of(png):
    """The dark modules of a QR picture drawn at the bot's scale and border."""
    image = Image.open(io.BytesIO(png)).convert("L")
    size = image.size[0] // SCALE - 2 * BORDER
    middle = SCALE // 2
    return [
        [
            image.getpixel(((BORDER + x) * SCALE + middle, (BORDER + y) * SCALE + middle)) < 128
            for x in range(size)
        ]
        for y in range(size)
    ]


async def scanned(telegram, photo, settings):
    """The text a payer's app reads in the photo: the QR the bot keeps, drawn module for module."""
    text = await shown_text(settings)
    assert modules_of(photo["photo"]) == [
        [bool(m) for m in row] for row in segno.make_qr(text, error="m").matrix
    ]
    return text


def top_up_rows(settings):
    if not settings.workbook_path.exists():
        return []  # nothing was ever written
    book = load_workbook(settings.workbook_path)
    sheet = book[[title for title in book.sheetnames if title != "Categories"][-1]]
    header = [cell.value for cell in sheet[1]]
    rows = [dict(zip(header, row, strict=False)) for row in sheet.iter_rows(min_row=2, values_only=True)]
    return [row for row in rows if row["Top-up (USD)"] or row["Top-up (KHR)"]]


async def watch_round(application):
    await application.bot_data[KHQR_ROUNDS].run_once(application.bot)


async def test_a_qr_asked_for_is_a_photo_of_the_amount_into_the_teams_account_until_its_time(
    telegram, khqr_settings, clock
):
    telegram.admins.add(ADMIN)
    settings = khqr_settings()
    async with running(settings, clock):
        photo = await asked(telegram)
        text = await scanned(telegram, photo, settings)
    read = read_khqr(text)
    assert (read.account_id, read.amount, read.currency, read.merchant_name) == (
        TEAM_ACCOUNT,
        50,
        "USD",
        "Petty Cash Team",
    )
    local = (clock.now() + timedelta(minutes=30)).astimezone(settings_zone(settings))
    assert photo["caption"] == (
        f"KHQR top-up: 50.00 USD to Petty Cash Team.\nScan it with any bank app before {local:%H:%M}.\n"
        "I write it in the sheet as soon as Bakong sees the payment."
    )
    assert "reply_markup" not in photo  # Bakong confirms it: no button to tap


def settings_zone(settings):
    from zoneinfo import ZoneInfo

    return ZoneInfo(settings.timezone)


async def test_a_qr_paid_is_one_top_up_row_keyed_by_bakongs_hash_and_its_caption_says_paid_with_its_no(
    telegram, khqr_settings, clock, bakong
):
    telegram.admins.add(ADMIN)
    settings = khqr_settings()
    async with running(settings, clock) as application:
        photo = await asked(telegram)
        text = await scanned(telegram, photo, settings)
        await watch_round(application)  # not paid yet: nothing changes
        assert telegram.calls_to("editMessageCaption") == []
        clock.advance(minutes=2)
        transaction = bakong.pays(text, clock.now(), from_account="sokha_chan@abaa")
        clock.advance(seconds=5)
        await watch_round(application)
        await watch_round(application)  # settled: not asked about again, nothing recorded twice
        now = telegram.caption_of(photo)
    assert now["caption"].startswith("Paid: 50.00 USD, No 1 (")
    assert "reply_markup" not in now
    (row,) = top_up_rows(settings)
    # Keyed as a bank's notice of the payment would be: the two are one row, whichever comes first.
    assert row["Item"].startswith(f"Top-up: Bakong Trx {transaction} – sokha_chan@abaa (")
    assert row["Top-up (USD)"] == 50
    assert bakong.asked.count(bakong.asked[0]) == 2  # once unpaid, once paid


async def test_a_qr_paid_while_the_bot_was_stopped_is_recorded_once_it_runs_again(
    telegram, khqr_settings, clock, bakong
):
    telegram.admins.add(ADMIN)
    settings = khqr_settings()
    async with running(settings, clock):
        photo = await asked(telegram, "/topup qr 200000៛")
        text = await scanned(telegram, photo, settings)
    bakong.pays(text, clock.now())
    async with running(settings, clock) as application:
        await watch_round(application)
    async with running(settings, clock) as application:
        await watch_round(application)  # a third run finds nothing waiting
        now = telegram.caption_of(photo)
    assert now["caption"].startswith("Paid: 200,000 KHR, No 1 (")
    (row,) = top_up_rows(settings)
    assert row["Top-up (KHR)"] == 200000


async def test_a_qr_not_paid_by_its_time_says_it_expired_and_records_nothing(
    telegram, khqr_settings, clock, bakong
):
    telegram.admins.add(ADMIN)
    settings = khqr_settings()
    async with running(settings, clock) as application:
        photo = await asked(telegram)
        await scanned(telegram, photo, settings)
        clock.advance(minutes=29)
        await watch_round(application)
        assert telegram.calls_to("editMessageCaption") == []
        clock.advance(minutes=1, seconds=1)
        await watch_round(application)
        now = telegram.caption_of(photo)
    assert now["caption"].startswith("Not paid by ")
    assert "this QR has expired" in now["caption"]
    assert top_up_rows(settings) == []


@pytest.mark.parametrize(
    ("refuse", "why", "operators"),
    [
        ("token_expired", "Bakong refuses the bot's token", "Bakong refused BAKONG_TOKEN"),
        ("outside_cambodia", "Bakong answers only addresses in Cambodia", "Bakong answered 403"),
    ],
)
async def test_bakong_refusing_the_bot_hands_each_qr_to_the_admins_and_tells_the_operators_once(
    telegram, khqr_settings, clock, bakong, caplog, refuse, why, operators
):
    operator = 4242
    telegram.admins.add(ADMIN)
    settings = khqr_settings(ADMIN_USER_IDS=str(operator))
    setattr(bakong, refuse, True)
    async with running(settings, clock) as application:
        first = await asked(telegram)
        await shown_text(settings)
        await watch_round(application)
        second = await asked(telegram, "/topup qr 20$")  # Bakong is not asked again in this run
        await watch_round(application)
        now = telegram.caption_of(first)
    assert why in now["caption"]
    assert now["reply_markup"]["inline_keyboard"][0][0] == {"text": "Received", "callback_data": RECEIVED}
    assert why in second["caption"]
    assert second["reply_markup"]["inline_keyboard"][0][0]["callback_data"] == RECEIVED
    told = [call for call in telegram.calls_to("sendMessage") if call["chat_id"] == operator]
    assert len(told) == 1
    assert told[0]["text"].startswith(operators)
    assert len(bakong.asked) + len(bakong.authorizations) <= 2  # asked once; 403 before any reading
    assert bakong.token not in caplog.text
    assert len([r for r in caplog.records if "Bakong refuses the bot" in r.getMessage()]) == 1


async def test_without_a_token_an_admins_received_records_the_qr_and_a_members_tap_is_refused_privately(
    telegram, khqr_settings, clock, bakong
):
    telegram.admins.add(ADMIN)
    settings = khqr_settings(token=False)
    async with running(settings, clock):
        photo = await asked(telegram, "/topup qr 12.50$")
        text = await scanned(telegram, photo, settings)
        assert photo["caption"].endswith("Once the money is in the account, an admin taps Received.")
        message = next(message for params, message in telegram.photos if params is photo)
        shown = {**message, **telegram.caption_of(photo)}
        tap = telegram.user_taps(shown, RECEIVED, SOKHA, "Sokha")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == tap)
        assert top_up_rows(settings) == []
        telegram.user_taps(shown, RECEIVED, ADMIN, "Dara")
        await telegram.wait_for("editMessageCaption")
        again = telegram.user_taps(shown, RECEIVED, ADMIN, "Dara")
        settled = await telegram.wait_for("answerCallbackQuery", lambda p: p["callback_query_id"] == again)
        now = telegram.caption_of(photo)
    assert refused["text"] == "Only the group's admins can confirm a payment."
    assert refused["show_alert"] is True
    assert settled["text"] == "This QR is settled already."
    assert now["caption"].startswith("Paid: 12.50 USD, No 1 (")
    assert "reply_markup" not in now
    (row,) = top_up_rows(settings)
    md5 = __import__("hashlib").md5(text.encode()).hexdigest()
    assert row["Item"].startswith(f"Top-up: Bakong Trx {md5} – Dara (")
    assert bakong.asked == []


@pytest.mark.parametrize(
    ("text", "answer"),
    [
        ("/topup qr", "Say one amount with its currency: /topup qr 50$ or /topup qr 200000៛."),
        ("/topup qr 50", "Say one amount with its currency: /topup qr 50$ or /topup qr 200000៛."),
        ("/topup qr 20000$", "is more than the 10,000.00 USD allowed"),
    ],
)
async def test_a_qr_without_one_amount_and_its_currency_says_how(
    telegram, khqr_settings, clock, text, answer
):
    telegram.admins.add(ADMIN)
    async with running(khqr_settings(), clock):
        message = telegram.user_says(GROUP, ADMIN, text)
        said = await telegram.wait_for("sendMessage", replies_to(message))
    assert answer in said["text"]
    assert telegram.calls_to("sendPhoto") == []


async def test_a_qr_is_for_admins_and_needs_the_teams_account(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        member = telegram.user_says(GROUP, SOKHA, "/topup qr 50$")
        refused = await telegram.wait_for("sendMessage", replies_to(member))
        admin = telegram.user_says(GROUP, ADMIN, "/topup qr 50$")
        not_set_up = await telegram.wait_for("sendMessage", replies_to(admin))
    assert refused["text"] == "Only the group's admins can do that."
    assert not_set_up["text"].startswith("KHQR top-ups need the team's Bakong account")
    assert telegram.calls_to("sendPhoto") == []


async def test_a_khmer_groups_qr_says_paid_in_khmer(telegram, khqr_settings, clock, bakong):
    telegram.admins.add(ADMIN)
    settings = khqr_settings(DEFAULT_LANGUAGE="km")
    async with running(settings, clock) as application:
        photo = await asked(telegram)
        text = await scanned(telegram, photo, settings)
        bakong.pays(text, clock.now())
        await watch_round(application)
        now = telegram.caption_of(photo)
    assert photo["caption"].startswith("បញ្ចូលលុយតាម KHQR៖ 50.00$ ទៅ Petty Cash Team។")
    assert now["caption"].startswith("បានបង់៖ 50.00$ លេខ 1 (ខែ")
