"""End to end: recurring costs. /recurring in the group; the rounds on the test's clock write each cost's row
on its day, once, said with Undo; across a bot that was down over the day, a restart, and a database put
back from a copy taken before the day; on the workbook and on the fake Sheets API."""

import shutil
from datetime import UTC, date, datetime, timedelta

from openpyxl import load_workbook

from infrastructure.telegram.recurring_handlers import RECURRING_ROUNDS
from tests.e2e.test_bot import ADMIN, GROUP, SOKHA, replies_to, running
from tests.e2e.test_bot_google import SHEET_ID, google_settings

# 10:00 in Phnom Penh on Wednesday 30 December 2026.
SET_UP_AT = datetime(2026, 12, 30, 3, 0, tzinfo=UTC)
RENT = "/recurring rent 300$ monthly on 1"


def phnom_penh(year, month, day, hour=0, minute=5):
    """That time in Phnom Penh (UTC+7), as the clock's UTC."""
    return datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


async def command(telegram, text, user=ADMIN):
    """A member's /recurring, and the bot's reply to it."""
    message = telegram.user_says(GROUP, user, text, name="Dara")
    return (await telegram.wait_for("sendMessage", replies_to(message), timeout=10))["text"]


async def round_on(application):
    """One round of the recurring costs, as the JobQueue runs it."""
    await application.bot_data[RECURRING_ROUNDS].run_once(application.bot)


def the_row_said(sent):
    """The bot's message over a cost's row (not its answer to /recurring, which names the cost too)."""
    return sent["text"].startswith("Recurring cost #1: rent") and "reply_parameters" not in sent


def recurring_said(telegram):
    return [sent for sent in telegram.calls_to("sendMessage") if the_row_said(sent)]


def month_rows(settings, title):
    book = load_workbook(settings.workbook_path)
    sheet = book[title]
    return [list(row)[:5] for row in sheet.iter_rows(min_row=2, values_only=True)]


async def test_an_admin_sets_up_rent_lists_it_with_its_next_day_and_stops_it_a_member_is_refused(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    clock.current = SET_UP_AT
    async with running(settings_for(), clock):
        added = await command(telegram, RENT)
        listed = await command(telegram, "/recurring")
        refused = await command(telegram, "/recurring stop 1", user=SOKHA)
        unclear = await command(telegram, "/recurring rent 300$")
        stopped = await command(telegram, "/recurring stop 1")
        empty = await command(telegram, "/recurring")
    assert added == (
        "Recurring cost #1: rent, 300.00 USD every month on the 1st. I write it in the sheet on its day; "
        "the first is Fri 1 Jan."
    )
    assert listed == (
        "Recurring costs (I write each in the sheet on its day):\n"
        "#1 rent: 300.00 USD every month on the 1st; next Fri 1 Jan\n"
        "To end one: /recurring stop 1"
    )
    assert "admins" in refused
    assert unclear.startswith("Say what it is, how much and when")
    assert stopped.startswith("Recurring cost #1 (rent) stopped")
    assert empty.startswith("No recurring costs yet.")


async def test_on_its_day_at_seven_in_phnom_penh_the_row_is_written_once_and_said_with_undo(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    clock.current = SET_UP_AT
    settings = settings_for()
    async with running(settings, clock) as application:
        await command(telegram, RENT)
        clock.current = phnom_penh(2027, 1, 1, 6, 59)  # 23:59 UTC on the 31st: the 1st, before seven
        await round_on(application)
        assert recurring_said(telegram) == []
        clock.current = phnom_penh(2027, 1, 1, 7, 0)
        await round_on(application)
        said = await telegram.wait_for("sendMessage", the_row_said)
        await round_on(application)
        (undo,) = said["reply_markup"]["inline_keyboard"][0]
        telegram.user_taps(telegram.sent_message(said), undo["callback_data"], ADMIN, name="Dara")
        undone = await telegram.wait_for(
            "sendMessage", lambda sent: sent["text"].startswith("Undone by Dara")
        )
        clock.advance(hours=9)
        await round_on(application)  # an Undo is not undone by a later round
    assert said["text"] == (
        "Recurring cost #1: rent, 300.00 USD every month on the 1st.\n"
        "Logged: 300.00 USD – rent (recurring #1, 2027-01-01). Saved as No 1 (January 2027), Other."
    )
    assert undo["text"] == "Undo (No 1)"
    assert "reply_parameters" not in said  # it answers no member's message
    assert "No 1 (rent (recurring #1, 2027-01-01))" in undone["text"]
    assert len(recurring_said(telegram)) == 1
    (row,) = month_rows(settings, "January 2027")
    assert (row[0], row[1].date(), row[2]) == (1, date(2027, 1, 1), "[void] rent (recurring #1, 2027-01-01)")


async def test_a_khmer_groups_cost_is_set_up_and_written_in_khmer(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    clock.current = SET_UP_AT
    settings = settings_for(DEFAULT_LANGUAGE="km")
    async with running(settings, clock) as application:
        added = await command(telegram, "/recurring ជួលផ្ទះ ៣០០$ រៀងរាល់ខែ ថ្ងៃទី១")
        weekly = await command(telegram, "/recurring សម្អាត ២០$ រៀងរាល់ថ្ងៃចន្ទ")
        clock.current = phnom_penh(2027, 1, 1, 7)
        await round_on(application)
        said = await telegram.wait_for(
            "sendMessage",
            lambda sent: sent["text"].startswith("ចំណាយប្រចាំ #1") and "reply_parameters" not in sent,
        )
    assert added.startswith("ចំណាយប្រចាំ #1៖ ជួលផ្ទះ 300.00$ រៀងរាល់ខែ ថ្ងៃទី1។")
    assert "រៀងរាល់ថ្ងៃចន្ទ" in weekly
    assert "ជួលផ្ទះ (ប្រចាំ #1, 2027-01-01)" in said["text"]
    assert said["reply_markup"]["inline_keyboard"][0][0]["callback_data"].startswith("undo:")
    assert month_rows(settings, "January 2027")[0][2] == "ជួលផ្ទះ (ប្រចាំ #1, 2027-01-01)"


async def test_on_google_a_day_missed_is_written_on_its_day_once_across_restarts_and_a_restored_database(
    telegram, sheets, key, tmp_path, clock
):
    telegram.admins.add(ADMIN)
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    clock.current = SET_UP_AT
    async with running(settings, clock):
        await command(telegram, RENT)
    backup = tmp_path / "backup.sqlite3"
    shutil.copyfile(settings.database_path, backup)  # last night's copy, taken before the day

    clock.current = phnom_penh(2027, 1, 3, 9)  # the bot was down over the 1st; back on the 3rd
    async with running(settings, clock) as application:
        back = await _round_reads(application, sheets)
        said = await telegram.wait_for("sendMessage", the_row_said)
    assert said["text"].startswith(
        "Recurring cost #1: rent, 300.00 USD every month on the 1st.\n"
        "Logged for Fri 1 Jan: 300.00 USD – rent (recurring #1, 2027-01-01). Saved as No 1 (January 2027), "
        "Other."
    )
    assert said["reply_markup"]["inline_keyboard"][0][0]["text"] == "Undo (No 1)"

    async with running(settings, clock) as application:  # restarted again
        again = await _round_reads(application, sheets)
    shutil.copyfile(backup, settings.database_path)  # the disk was lost: the copy is put back
    for leftover in ("-wal", "-shm"):
        settings.database_path.with_name(settings.database_path.name + leftover).unlink(missing_ok=True)
    async with running(settings, clock) as application:
        restored = await _round_reads(application, sheets)
        after = await _round_reads(application, sheets)

    (month,) = spreadsheet.months
    rows = [row for row in month.values()[1:] if any(row)]
    assert [row[2] for row in rows] == ["rent (recurring #1, 2027-01-01)"]
    assert len(recurring_said(telegram)) == 1
    # The Sheets reads of each round: back on the 3rd, January's tab by its title, and by the title for
    # another year's month (Google answers 400 to both: there is no January tab yet); restarted, none
    # (nothing due); on the restored database, January's tab, which holds the day; after that, none.
    assert (back, again, restored, after) == (2, 0, 1, 0)


async def _round_reads(application, sheets):
    """One round, and the Sheets reads of months' rows it made; the Categories tab's (read by other parts
    of the bot, and when a new month's tab is made for a row) are not counted."""
    before = len(sheets.calls)
    await round_on(application)
    return sum(1 for kind, path in sheets.calls[before:] if kind in _READS and "'Categories'" not in path)


_READS = ("values.get", "values.batchGet", "get")
