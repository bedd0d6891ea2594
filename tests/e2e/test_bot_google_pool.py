"""End to end with a pool of service accounts: the real bot, the fake Bot API and the fake Sheets API
with two accounts; /connect names the least loaded, a sheet shared with another account of the pool
is found, and the account of each sheet is kept across a restart and shown by `status`."""

import asyncio
import json
from datetime import UTC, datetime

from infrastructure.bootstrap import print_status
from tests.e2e.test_bot import replies_to
from tests.e2e.test_bot_google import google_bot, google_settings
from tests.fakes.clock import FakeClock

CLINIC_GROUP, SCHOOL_GROUP, SOKHA, ADMIN = -1001, -1002, 11, 99
CLINIC, SCHOOL = "1ClinicSheetAbCdEfGhIjKlMn", "1SchoolSheetAbCdEfGhIjKlMn"


def second_account(sheets, tmp_path):
    """A folder with a second key, of the same project: GOOGLE_SERVICE_ACCOUNT_FILES."""
    key = sheets.service_account_key("pool-2@petty-cash.iam.gserviceaccount.com")
    folder = tmp_path / "keys"
    folder.mkdir()
    (folder / "pool-2.json").write_text(json.dumps(key))
    return key["client_email"], str(folder)


async def says(telegram, group, user, text):
    message = telegram.user_says(group, user, text)
    return (await telegram.wait_for("sendMessage", replies_to(message), timeout=10))["text"]


async def landed(sheets, spreadsheet_id, count):
    for _ in range(1500):  # up to 15 s on a busy machine
        months = sheets.spreadsheets[spreadsheet_id].months
        if months and len(months[0].values()) == count + 1:
            return [row[2] for row in months[0].values()[1:]]
        await asyncio.sleep(0.01)
    raise AssertionError(f"{spreadsheet_id} has not {count} rows")


async def test_each_group_shares_with_the_account_named_and_a_sheet_on_another_is_found_and_kept(
    telegram, sheets, key, tmp_path, capsys
):
    first = key[0]["client_email"]
    second, folder = second_account(sheets, tmp_path)
    telegram.admins.add(ADMIN)
    sheets.add_spreadsheet(CLINIC, "Clinic", {first})
    sheets.add_spreadsheet(SCHOOL, "School", {second})
    pool = {"GOOGLE_SERVICE_ACCOUNT_FILES": folder, "CONFIRM_WAIT_SECONDS": "3"}
    async with google_bot(telegram, sheets, key, tmp_path, **pool):
        told = await says(telegram, CLINIC_GROUP, ADMIN, "/connect")
        assert told == (
            f"Share the Google Sheet with {first} as Editor, then send /connect followed by the sheet's link."
        )
        assert (await says(telegram, CLINIC_GROUP, ADMIN, f"/connect {CLINIC}")).startswith("Connected:")
        assert f"Share the Google Sheet with {second} as Editor" in await says(
            telegram, SCHOOL_GROUP, ADMIN, "/connect"
        )
        assert (await says(telegram, SCHOOL_GROUP, ADMIN, f"/connect {SCHOOL}")).startswith("Connected:")
        telegram.user_says(CLINIC_GROUP, SOKHA, "gauze 3$")
        telegram.user_says(SCHOOL_GROUP, SOKHA, "chalk 1$")
        assert await landed(sheets, CLINIC, 1) == ["gauze"]
        assert await landed(sheets, SCHOOL, 1) == ["chalk"]
    calls = dict(sheets.calls_by)

    async with google_bot(telegram, sheets, key, tmp_path, **pool):
        telegram.user_says(SCHOOL_GROUP, SOKHA, "paper 2$")
        assert await landed(sheets, SCHOOL, 2) == ["chalk", "paper"]
    assert sheets.calls_by[first] == calls[first]  # the school's account was kept: no try on the first
    assert sheets.calls_by[second] > calls[second]

    settings = google_settings(telegram, sheets, key, tmp_path, **pool)
    await print_status(settings, FakeClock(datetime.now(UTC)))
    status = capsys.readouterr().out
    assert f"account {first} (petty-cash): 1 spreadsheet(s); last minute" in status
    assert f"account {second} (petty-cash): 1 spreadsheet(s); last minute" in status
