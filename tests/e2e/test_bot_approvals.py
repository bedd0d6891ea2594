"""End to end on the fake Bot API and the fake Sheets API: an expense over the group's threshold waits
for an admin across a restart; one of two admins' taps decides; a rejection's reason; /settings and
/balance; the daily reminder, once."""

from datetime import UTC, datetime

from infrastructure.telegram.approval_handlers import APPROVAL_REMINDERS
from tests.e2e.test_bot import replies_to, running
from tests.e2e.test_bot_google import google_settings
from tests.fakes.clock import FakeClock

GROUP, SOKHA, DARA, VANNA = -1001, 11, 12, 13
SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"
STATUS = 14  # the template's Status column, the 15th


def rows(sheets):
    """The month's rows, each as wide as the header (the API leaves out a row's empty cells at its end)."""
    values = sheets.spreadsheets[SHEET_ID].months[0].values()
    return [[*row, *[""] * (len(values[0]) - len(row))] for row in values[1:] if any(row)]


def buttons(sent):
    return [button["callback_data"] for row in sent["reply_markup"]["inline_keyboard"] for button in row
            if "callback_data" in button]  # fmt: skip


def text_starts(prefix):
    return lambda sent: sent["text"].startswith(prefix)


async def test_an_expense_over_the_threshold_waits_across_a_restart_and_one_admins_tap_decides(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.update({DARA, VANNA})
    settings = google_settings(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, APPROVAL_OVER="100$"
    )
    clock = FakeClock(datetime.now(UTC))
    async with running(settings, clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee), timeout=10)
        laptop = telegram.user_says(GROUP, SOKHA, "laptop 240$", name="Sokha")
        sent = await telegram.wait_for("sendMessage", replies_to(laptop), timeout=10)
        assert "Awaiting an admin's approval" in sent["text"]
        about = laptop["message_id"]
        assert {f"approve:{about}", f"reject:{about}"} <= set(buttons(sent))
        assert [row[STATUS] for row in rows(sheets)] == ["", "awaiting approval"]
        balance = telegram.user_says(GROUP, DARA, "/balance", name="Dara")
        answer = await telegram.wait_for("sendMessage", replies_to(balance), timeout=10)
        assert "⏳ $240.00 awaiting approval" in answer["text"]
        assert "spent $3.00" in answer["text"]
    async with running(settings, clock):  # restarted: the buttons still decide
        confirmation = telegram.sent_message(sent)
        telegram.user_taps(confirmation, f"approve:{about}", SOKHA, name="Sokha")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: p.get("show_alert"))
        assert refused["text"] == "Only the group's admins approve or reject expenses."
        telegram.user_taps(confirmation, f"approve:{about}", DARA, name="Dara")
        telegram.user_taps(confirmation, f"reject:{about}", VANNA, name="Vanna")
        decided = await telegram.wait_for("sendMessage", text_starts("✅ Approved by Dara"), timeout=10)
        assert "No 2 (240.00 USD – laptop)" in decided["text"]
        late = await telegram.wait_for(
            "answerCallbackQuery", lambda p: p.get("text") == "Already decided by Dara.", timeout=10
        )
        assert late["show_alert"]
        assert not [p for p in telegram.calls_to("sendMessage") if p["text"].startswith("✖ Rejected")]
        [status] = [row[STATUS] for row in rows(sheets)][1:]
        assert status.startswith("approved by Dara, ")
        redrawn = telegram.markups[(GROUP, confirmation["message_id"])]
        assert f"approve:{about}" not in str(redrawn)


async def test_a_rejection_voids_the_row_and_keeps_the_admins_next_message_as_its_reason(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.add(DARA)
    settings = google_settings(telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID)
    clock = FakeClock(datetime.now(UTC))
    async with running(settings, clock):
        change = telegram.user_says(GROUP, DARA, "/settings approve over ៤០០០០០៛", name="Dara")
        shown = await telegram.wait_for("sendMessage", replies_to(change), timeout=10)
        assert "approvals: expenses over 400,000 KHR wait for an admin" in shown["text"]
        printer = telegram.user_says(GROUP, SOKHA, "printer 150$", name="Sokha")  # 600,000៛ at 4,000
        sent = await telegram.wait_for("sendMessage", replies_to(printer), timeout=10)
        telegram.user_taps(telegram.sent_message(sent), f"reject:{printer['message_id']}", DARA, name="Dara")
        await telegram.wait_for("sendMessage", text_starts("✖ Rejected by Dara"), timeout=10)
    async with running(settings, clock):  # the reason is still asked after a restart
        reason = telegram.user_says(GROUP, DARA, "we bought one last week", name="Dara")
        noted = await telegram.wait_for("sendMessage", replies_to(reason), timeout=10)
        assert noted["text"] == "Reason noted for No 1 (150.00 USD – printer): we bought one last week"
        [row] = rows(sheets)
        assert row[2] == "[void] printer"
        assert row[STATUS] == "rejected by Dara: we bought one last week"
        after = telegram.user_says(GROUP, DARA, "tea 1$", name="Dara")  # asked once: an expense again
        logged = await telegram.wait_for("sendMessage", replies_to(after), timeout=10)
        assert logged["text"].startswith("Logged: 1.00 USD – tea")


async def test_the_admins_are_reminded_once_a_day_while_an_expense_waits(telegram, sheets, key, tmp_path):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    settings = google_settings(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, APPROVAL_OVER="100$"
    )
    clock = FakeClock(datetime.now(UTC))
    async with running(settings, clock) as application:
        laptop = telegram.user_says(GROUP, SOKHA, "laptop 240$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(laptop), timeout=10)
        clock.current = clock.current.replace(hour=4, minute=0)  # 11:00 in Phnom Penh: past its 09:00
        reminders = application.bot_data[APPROVAL_REMINDERS]
        await reminders.run_once(application.bot)
        await reminders.run_once(application.bot)
        reminded = [p for p in telegram.calls_to("sendMessage") if p["text"].startswith("Admins:")]
        assert [p["text"] for p in reminded] == [
            "Admins: 1 expense awaits your approval ($240.00): No 1 ($240.00). Tap Approve or Reject "
            "under it."
        ]


async def test_the_poster_approves_their_own_expense_only_as_the_groups_only_admin(
    telegram, sheets, key, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.admins.update({SOKHA, DARA})
    settings = google_settings(
        telegram, sheets, key, tmp_path, BALANCE_SHEET_ID=SHEET_ID, APPROVAL_OVER="100$"
    )
    async with running(settings, FakeClock(datetime.now(UTC))):
        laptop = telegram.user_says(GROUP, SOKHA, "laptop 240$", name="Sokha")
        sent = await telegram.wait_for("sendMessage", replies_to(laptop), timeout=10)
        confirmation = telegram.sent_message(sent)
        telegram.user_taps(confirmation, f"approve:{laptop['message_id']}", SOKHA, name="Sokha")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: p.get("show_alert"), timeout=10)
        assert refused["text"] == "You posted this expense: another admin approves or rejects it."
        telegram.admins.discard(DARA)  # Sokha is the group's only admin now
        telegram.user_taps(confirmation, f"approve:{laptop['message_id']}", SOKHA, name="Sokha")
        await telegram.wait_for("sendMessage", text_starts("✅ Approved by Sokha"), timeout=10)
