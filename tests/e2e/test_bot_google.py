"""End to end on Google Sheets: the real bot, the fake Bot API and the fake Sheets API together."""

import asyncio
import contextlib
from datetime import UTC, datetime

from infrastructure.bootstrap import print_status
from infrastructure.settings import Settings
from infrastructure.telegram.callback_answers import CALLBACK_ANSWERS
from tests.e2e.conftest import TEAM_GROUPS
from tests.e2e.test_bot import replies_to, running
from tests.fakes.clock import FakeClock

GROUP, SOKHA, ADMIN = -1001, 11, 99
SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"


def google_settings(telegram, sheets, key, tmp_path, **extra):
    """Settings for a bot on the fake Bot API and the fake Sheets API, with any extra settings given."""
    return Settings.from_environment(
        {
            "ALLOWED_CHAT_IDS": TEAM_GROUPS,
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.url,
            "SHEET_BACKEND": "google",
            "GOOGLE_SERVICE_ACCOUNT_FILE": str(key[1]),
            "SHEETS_API_URL": sheets.url,
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            # Off the network: the rate of the day is read from the fake NBC where a test asks for it.
            "RATE_SOURCE": "fixed",
            **extra,
        }
    )


@contextlib.asynccontextmanager
async def google_bot(telegram, sheets, key, tmp_path, **extra):
    settings = google_settings(telegram, sheets, key, tmp_path, **extra)
    async with running(settings, FakeClock(datetime.now(UTC))) as application:
        yield application


async def test_an_expense_becomes_a_row_of_the_groups_google_sheet(telegram, sheets, key, tmp_path):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID):
        message = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        sent = await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
    assert sent["text"].startswith("Logged: 3.00 USD – coffee. Saved as No 1 (")
    assert f"https://docs.google.com/spreadsheets/d/{SHEET_ID}" in sent["text"]
    worksheet = sheets.spreadsheets[SHEET_ID].months[0]
    reference = f"tg:{GROUP}:{message['message_id']}:0:u{SOKHA}"  # the poster's user id: names change
    assert worksheet.values()[1][2:8] == ["coffee", 3.0, "", "Food & drinks", "Sokha", reference]


async def test_an_admin_connects_the_group_after_sharing_the_sheet(telegram, sheets, key, tmp_path):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", editors=set())
    telegram.admins.add(ADMIN)
    link = f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit"
    async with google_bot(telegram, sheets, key, tmp_path):
        early = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        no_sheet = await telegram.wait_for("sendMessage", replies_to(early), timeout=10)
        assert "/connect" in no_sheet["text"]

        refused = telegram.user_says(GROUP, ADMIN, f"/connect {link}")
        share = await telegram.wait_for("sendMessage", replies_to(refused), timeout=10)
        assert f"Share it with {key[0]['client_email']} as Editor" in share["text"]

        spreadsheet.editors.add(key[0]["client_email"])
        accepted = telegram.user_says(GROUP, ADMIN, f"/connect {link}")
        connected = await telegram.wait_for("sendMessage", replies_to(accepted), timeout=10)
        assert connected["text"].startswith("Connected: this group's expenses now go to “Petty cash”.")

        later = telegram.user_says(GROUP, SOKHA, "tea 1$")
        saved = await telegram.wait_for("sendMessage", replies_to(later), timeout=10)
    assert saved["text"].startswith("Logged: 1.00 USD – tea.")
    assert spreadsheet.months[0].values()[1][2] == "tea"


async def test_only_admins_may_connect_a_sheet(telegram, sheets, key, tmp_path):
    async with google_bot(telegram, sheets, key, tmp_path):
        attempt = telegram.user_says(GROUP, SOKHA, f"/connect {SHEET_ID}")
        answer = await telegram.wait_for("sendMessage", replies_to(attempt), timeout=10)
    assert answer["text"] == "Only the group's admins can do that."


async def test_a_month_tab_a_bookkeeper_deleted_is_made_again_and_the_next_expense_lands_at_once(
    telegram, sheets, key, tmp_path
):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID):
        first = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        await telegram.wait_for("sendMessage", replies_to(first), timeout=10)
        spreadsheet.sheets.clear()
        second = telegram.user_says(GROUP, SOKHA, "tea 1$")
        sent = await telegram.wait_for("sendMessage", replies_to(second), timeout=10)
    assert sent["text"].startswith("Logged: 1.00 USD – tea. Saved as No 1 (")
    assert [row[2] for row in spreadsheet.months[0].values()[1:]] == ["tea"]


async def test_a_revoked_key_is_named_to_the_group_and_in_status(telegram, sheets, key, tmp_path, capsys):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    sheets.refuse_tokens(times=1000, revoked=True)
    settings = google_settings(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, CONFIRM_WAIT_SECONDS="1"
    )
    async with google_bot(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, CONFIRM_WAIT_SECONDS="1"
    ):
        message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        sent = await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
    assert sent["text"].startswith("Saved: 3.00 USD – coffee.")
    assert "once the bot's operator gives it a new Google key" in sent["text"]
    assert await print_status(settings, FakeClock(datetime.now(UTC))) == 1
    assert "Google refused the service account's key (invalid_grant)" in capsys.readouterr().out


async def test_every_reply_names_entries_by_the_no_in_the_sheet_after_a_bookkeepers_edits(
    telegram, sheets, key, tmp_path
):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID):
        first = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        saved = await telegram.wait_for("sendMessage", replies_to(first), timeout=10)
        assert "Saved as No 1 (" in saved["text"]
        assert saved["reply_markup"]["inline_keyboard"][0][0]["text"] == "Undo (No 1)"
        worksheet = spreadsheet.months[0]
        # The bookkeeper puts two rows of her own above the bot's and numbers everything again.
        worksheet.rows[1:1] = [[1, "Nov 01", "rent", 300], [2, "Nov 02", "water", 10]]
        worksheet.rows[3][0] = 3
        second = telegram.user_says(GROUP, SOKHA, "ice 5000៛", name="Sokha")
        after_insert = await telegram.wait_for("sendMessage", replies_to(second), timeout=10)
        assert "Saved as No 4 (" in after_insert["text"]
        telegram.tap_undo_under(saved, first, SOKHA)
        undone = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone"), timeout=10)
        assert undone["text"].endswith(": No 3 (coffee).")
        # She deletes her two rows; the bot's rows keep the No she gave them.
        del worksheet.rows[1:3]
        telegram.user_edits(second, "ice 6000៛")
        updated = await telegram.wait_for(
            "sendMessage", lambda p: p["text"].startswith("Updated"), timeout=10
        )
        assert updated["text"] == "Updated: 6,000 KHR – ice (No 4)."
        third = telegram.user_says(GROUP, SOKHA, "tea 1$", name="Sokha")
        after_delete = await telegram.wait_for("sendMessage", replies_to(third), timeout=10)
    assert "Saved as No 5 (" in after_delete["text"]
    assert [row[0] for row in worksheet.values()[1:]] == [3, 4, 5]


async def test_an_expense_that_waited_for_the_sheet_counts_against_its_budget_once_it_lands(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    sheets.add_sheet(
        SHEET_ID,
        "Categories",
        [
            ["Category", "Category (Khmer)", "Words", "Budget (USD)", "Budget (KHR)"],
            ["Fuel", "ប្រេងឥន្ធនៈ", "diesel", 100, ""],
        ],
    )
    async with google_bot(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, CONFIRM_WAIT_SECONDS="1"
    ):
        first = telegram.user_says(GROUP, SOKHA, "diesel 70$")
        await telegram.wait_for("sendMessage", replies_to(first), timeout=10)
        sheets.answer_late(":append", 2.5)  # Google is slow: the member hears before the row lands
        second = telegram.user_says(GROUP, SOKHA, "diesel 15$")
        waiting = await telegram.wait_for("sendMessage", replies_to(second), timeout=10)
        notice = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Fuel:"), timeout=10)
    assert waiting["text"].startswith("Saved: 15.00 USD – diesel.")
    assert notice["text"] == "Fuel: $85.00 of this month's $100.00 budget used (85%); $15.00 left."


async def test_an_advance_and_the_change_returned_are_rows_of_their_own_in_the_google_sheet(
    telegram, sheets, key, tmp_path
):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.add(ADMIN)
    telegram.usernames[SOKHA] = "sokha_k"
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID):
        for user, text in (
            (SOKHA, "coffee 2$"),
            (ADMIN, "/advance @sokha_k 50$ market"),
            (SOKHA, "market 30$"),
            (SOKHA, "returned 18$"),
        ):
            message = telegram.user_says(GROUP, user, text, name="Sokha" if user == SOKHA else "Admin")
            await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        balance = (await telegram.wait_for("sendMessage", replies_to(asked), timeout=10))["text"]
    header, *rows = spreadsheet.months[0].values()
    cells = [dict(zip(header, row, strict=False)) for row in rows]
    assert [(row["Item"], row["Movement"], row["Member"], row["Movement (USD)"]) for row in cells[1::2]] == [
        ("Advance to Sokha: market", "Advance", "Sokha", 50.0),
        ("Returned by Sokha", "Returned", "Sokha", 18.0),
    ]
    assert cells[1]["Amount (USD)"] == ""  # out of the month's spending
    assert "• Sokha: advanced $50.00 · spent $32.00 · returned $18.00 · even" in balance
    assert "Cash in the box: -$32.00 + 0៛" in balance  # nothing was put in: the team spent 32


async def test_an_undo_tapped_while_the_sheet_takes_twelve_seconds_is_answered_in_time_and_told_to_the_group(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    seconds_later = 0.0
    telegram.now = lambda: datetime.now(UTC).timestamp() + seconds_later
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID) as application:
        application.bot_data[CALLBACK_ANSWERS].within_seconds = 0.5  # the test's wait, not Telegram's
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        saved = await telegram.wait_for("sendMessage", replies_to(coffee), timeout=10)
        release = sheets.hold_calls()
        telegram.tap_undo_under(saved, coffee, SOKHA)
        # The button stops spinning while the sheet is still busy with the undo.
        await telegram.wait_for("answerCallbackQuery", timeout=5)
        assert sheets.calls_held >= 1
        seconds_later = 12.0  # Telegram takes no answer to that tap any more
        release.set()
        undone = await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone"), timeout=10)
    assert undone["text"].endswith(": No 1 (coffee).")
    assert not [call for call in telegram.refused if call.method == "answerCallbackQuery"]


OWNER = "owner@petty-cash.example"
LINK = f"https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit"


async def test_an_uploaded_xlsx_is_named_in_connect_with_what_to_do(telegram, sheets, key, tmp_path):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash.xlsx", {key[0]["client_email"]}).uploaded_xlsx = True
    telegram.admins.add(ADMIN)
    async with google_bot(telegram, sheets, key, tmp_path):
        attempt = telegram.user_says(GROUP, ADMIN, f"/connect {LINK}")
        answer = await telegram.wait_for("sendMessage", replies_to(attempt), timeout=10)
    assert answer["text"].startswith(
        "I did not connect that sheet. This spreadsheet is an Excel file (.xlsx)"
    )
    assert "File → Save as Google Sheets" in answer["text"]
    assert "again in a few minutes" not in answer["text"]


async def test_a_sheet_shared_as_viewer_is_told_to_the_group_once_its_expenses_wait_and_land_after_connect(
    telegram, sheets, key, tmp_path
):
    bot_account = key[0]["client_email"]
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {OWNER})
    spreadsheet.viewers.add(bot_account)
    telegram.admins.add(ADMIN)
    extra = {"BALANCE_SHEET_ID": SHEET_ID, "CONFIRM_WAIT_SECONDS": "3"}
    async with google_bot(telegram, sheets, key, tmp_path, **extra):
        for text in ("coffee 3$", "tea 1$", "ice 1$"):
            telegram.user_says(GROUP, SOKHA, text)
        for item in ("coffee", "tea", "ice"):  # on a busy machine confirmations due together go out merged
            names_it = lambda sent, item=item: f"USD – {item}." in sent["text"]  # noqa: E731
            await telegram.wait_for("sendMessage", names_it, timeout=10)
        parts = [part for sent in telegram.calls_to("sendMessage") for part in sent["text"].split("\n\n")]
        told = [part for part in parts if "as Viewer" in part]
        assert len(told) == 1, "the group hears it once, not per expense"
        assert told[0].startswith("I cannot add rows to this group's sheet. The sheet is shared with")
        assert f"Share it with {bot_account} as Editor." in told[0]
        queued = [part for part in parts if " USD – " in part]
        assert len(queued) == 3
        assert all(part.startswith("Saved: ") for part in queued)
        assert any("see my message about it" in part for part in queued)
        assert spreadsheet.months == []

        spreadsheet.editors.add(bot_account)  # an admin shares it as Editor, and connects it again
        accepted = telegram.user_says(GROUP, ADMIN, f"/connect {LINK}")
        await telegram.wait_for("sendMessage", replies_to(accepted), timeout=10)
        for _ in range(1500):  # up to 15 s on a busy machine
            if spreadsheet.months and len(spreadsheet.months[0].values()) == 4:
                break
            await asyncio.sleep(0.01)
    assert [row[2] for row in spreadsheet.months[0].values()[1:]] == ["coffee", "tea", "ice"]


async def test_a_refusal_is_named_in_status_while_the_rows_wait(telegram, sheets, key, tmp_path, capsys):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    spreadsheet.uploaded_xlsx = True
    extra = {"BALANCE_SHEET_ID": SHEET_ID, "CONFIRM_WAIT_SECONDS": "3"}
    async with google_bot(telegram, sheets, key, tmp_path, **extra):
        message = telegram.user_says(GROUP, SOKHA, "coffee 3$")
        await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
    settings = google_settings(telegram, sheets, key, tmp_path, **extra)
    assert await print_status(settings, FakeClock(datetime.now(UTC))) == 1
    status = capsys.readouterr().out
    assert "the sheet refuses the rows for good (not_a_google_sheet: it is an uploaded .xlsx" in status
    assert "File → Save as Google Sheets" in status


async def test_the_balance_of_an_uploaded_xlsx_names_the_problem_instead_of_an_empty_month(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]}).uploaded_xlsx = True
    telegram.admins.add(ADMIN)
    async with google_bot(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID):
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        answer = await telegram.wait_for("sendMessage", replies_to(asked), timeout=10)
    assert answer["text"].startswith("I cannot read the balance from the sheet. This spreadsheet is an Excel")
    assert "$0.00" not in answer["text"]
