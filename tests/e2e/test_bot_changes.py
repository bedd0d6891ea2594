"""End to end: what a bookkeeper changed in the sheet by hand, told on /changes and once a day, through
the fake Bot API and the fake Sheets API, across a restart."""

from datetime import UTC, datetime

from infrastructure.telegram.app import DAILY_CHANGES
from tests.e2e.test_bot import replies_to, running, settle
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.fakes.clock import FakeClock

GROUP, SOKHA, ADMIN = -1001, 11, 99
TEN_IN_PHNOM_PENH = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)
READS = ("values.get", "values.batchGet", "get")


def sheet_reads(sheets):
    return sum(sheets.calls_to(kind) for kind in READS)


async def post(telegram, *texts):
    """Sokha posts each expense and waits for its confirmation; the confirmations, in order."""
    confirmations = []
    for text in texts:
        message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
        confirmations.append(
            telegram.sent_message(await telegram.wait_for("sendMessage", replies_to(message)))
        )
    return confirmations


async def ask(telegram, user_id, text):
    message = telegram.user_says(GROUP, user_id, text, name="Admin" if user_id == ADMIN else "Sokha")
    return (await telegram.wait_for("sendMessage", replies_to(message)))["text"]


def month_rows(sheets):
    """The December worksheet's cells, header first, as a bookkeeper edits them."""
    return sheets.spreadsheets[SHEET_ID].months[0].rows


async def test_changes_tells_an_admin_what_a_bookkeeper_changed_once_after_a_restart_in_one_read(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.add(ADMIN)
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    clock = FakeClock(TEN_IN_PHNOM_PENH)
    telegram.now = lambda: clock.now().timestamp()
    async with running(settings, clock):
        _, _, tea, _ = await post(telegram, "coffee 3$", "taxi 25$", "tea 1$", "ice 5000៛")
        undo = telegram.user_says(GROUP, SOKHA, "/undo", reply_to=tea)
        await telegram.wait_for("sendMessage", replies_to(undo))
        await settle(telegram)  # its marker message is row No 5
    rows = month_rows(sheets)
    rows[2][3] = 2.5  # taxi: 25 → 2.5 USD
    rows[4][2] = "ice for the party"
    typed = [6, rows[1][1], "printer paper", 4, "", "", "Dara", ""]
    del rows[1]  # coffee deleted; the rows below keep their No
    rows.append(typed)
    clock.advance(minutes=10)
    async with running(settings, clock):
        refused = await ask(telegram, SOKHA, "/changes")
        before = len(sheets.calls)
        told = await ask(telegram, ADMIN, "/changes")
        calls = sheets.calls[before:]
        again = await ask(telegram, ADMIN, "/changes")
    assert refused == "Only the group's admins can do that."
    assert told.splitlines() == [
        "Changes made by hand in the sheet (December 2026), for the record:",
        "• No 1 deleted (coffee, 3.00 USD)",
        "• No 2: 25.00 → 2.50 USD",
        "• No 4: “ice” → “ice for the party”",
        "• No 6 added by hand: Thu 10 Dec, printer paper, 4.00 USD",
    ]  # tea, undone by the bot itself, is no change by hand
    assert calls == [("values.get", f"GET /v4/spreadsheets/{SHEET_ID}/values/'December 2026'!A:AZ")]
    assert again == "No changes by hand since Thu 10 Dec."


async def test_the_daily_note_is_quiet_until_something_changes_then_tells_it_once(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, CHANGES_HOUR="18")
    clock = FakeClock(TEN_IN_PHNOM_PENH)
    telegram.now = lambda: clock.now().timestamp()
    async with running(settings, clock) as application:
        await post(telegram, "coffee 3$", "taxi 25$")
        await settle(telegram)
        sent_before = len(telegram.calls_to("sendMessage"))
        daily = application.bot_data[DAILY_CHANGES]
        before = sheet_reads(sheets)
        await daily.run_once(application.bot)  # 10:00: not its hour yet
        assert sheet_reads(sheets) == before
        clock.advance(hours=8, minutes=5)
        await daily.run_once(application.bot)  # 18:05: nothing changed, nothing said
        assert sheet_reads(sheets) == before + 1
        month_rows(sheets)[2][3] = 2.5
        await daily.run_once(application.bot)  # looked at today already
        assert sheet_reads(sheets) == before + 1
    assert len(telegram.calls_to("sendMessage")) == sent_before
    async with running(settings, clock) as application:  # restarted the same evening
        await application.bot_data[DAILY_CHANGES].run_once(application.bot)
    assert sheet_reads(sheets) == before + 1  # today's look was had: no read again
    clock.advance(days=1)
    async with running(settings, clock) as application:
        daily = application.bot_data[DAILY_CHANGES]
        await daily.run_once(application.bot)
        await daily.run_once(application.bot)
        clock.advance(days=1)
        await daily.run_once(application.bot)
        await settle(telegram)
    notes = [sent["text"] for sent in telegram.calls_to("sendMessage")[sent_before:]]
    assert notes == [
        "Changes made by hand in the sheet (December 2026), for the record:\n• No 2: 25.00 → 2.50 USD"
    ]
