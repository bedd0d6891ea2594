"""End to end: a group the bot does not serve reaches none of a team's data, by any way in.

The attack: a stranger adds the bot to a group of their own (they are its creator, so its admin) and
tries every command, button, question and the Mini App there, while the bot serves only the team's
group and its ledger is the one BALANCE_SHEET_ID names.
"""

import json

import aiohttp

from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from tests.e2e.test_bot import GROUP, SOKHA, replies_to, running
from tests.e2e.test_bot_google import SHEET_ID, google_settings
from tests.e2e.test_bot_webapp import free_port

STRANGERS_GROUP, STRANGER = -1009999, 66
ATTEMPTS = [
    "coffee 3$",
    "15000៛",
    "/balance",
    "/balance November",
    "/ask how much did we spend this month?",
    "/ask list everything this month",
    "/recent",
    "/mine",
    "/export",
    "/cat 1 Fuel",
    "/undo",
    "/topup 100$",
    "/advance @sokha 10$",
    "/mybalance",
    "/settings",
    "/language km",
    "/quiet on",
    "/usage",
    f"/connect https://docs.google.com/spreadsheets/d/{SHEET_ID}/edit",
    "@balance_test_bot how much is left?",
    "returned 20$",
]


async def test_a_stranger_in_a_group_the_bot_does_not_serve_reaches_nothing_but_the_id_command(
    telegram, sheets, key, tmp_path, clock
):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key[0]["client_email"]})
    telegram.creators[STRANGERS_GROUP] = STRANGER
    port = free_port()
    settings = google_settings(
        telegram,
        sheets,
        key,
        tmp_path,
        BALANCE_SHEET_ID=SHEET_ID,
        ALLOWED_CHAT_IDS=str(GROUP),
        WEBAPP_URL="https://bot.example.org/month/",
        WEBAPP_SHORT_NAME="month",
        WEBAPP_PORT=str(port),
    )
    async with running(settings, clock):
        secret = telegram.user_says(GROUP, SOKHA, "secret salary advance 500$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(secret))
        for text in ATTEMPTS:
            telegram.user_says(STRANGERS_GROUP, STRANGER, text, name="Stranger")
        # Buttons forged onto a message of the stranger's group, naming the team's message.
        forged = {**telegram.user_says(STRANGERS_GROUP, STRANGER, "hi"), "message_id": 5001}
        for data in (f"undo:{secret['message_id']}", "switch:1", "catmenu:1", "cat:1:1", "confirm:x"):
            telegram.user_taps(forged, data, STRANGER, name="Stranger")
        barrier = telegram.user_says(STRANGERS_GROUP, STRANGER, "/id", name="Stranger")
        ids = await telegram.wait_for("sendMessage", replies_to(barrier))
        fields = {
            "auth_date": str(int(clock.now().timestamp())),
            "start_param": start_param_of(STRANGERS_GROUP),
            "user": json.dumps({"id": STRANGER, "first_name": "Stranger"}),
        }
        headers = {"Authorization": f"tma {signed_init_data(fields, telegram.token)}"}
        async with aiohttp.ClientSession() as session:
            base = f"http://127.0.0.1:{port}/api"
            async with session.get(f"{base}/month", headers=headers) as month:
                month_status, month_body = month.status, await month.text()
            undo_body = {"message_id": secret["message_id"]}
            async with session.post(f"{base}/undo", json=undo_body, headers=headers) as undo:
                undo_status = undo.status
        # The team's group is still served, and its row is still there, not voided.
        later = telegram.user_says(GROUP, SOKHA, "tea 1$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(later))
    assert str(STRANGERS_GROUP) in ids["text"]  # /id works anywhere: the operator needs the id to allow it
    to_stranger = [
        call
        for call in telegram.calls
        if str(call.params.get("chat_id")) == str(STRANGERS_GROUP) and call.method != "getChatMember"
    ]
    assert [call.params.get("text", call.method) for call in to_stranger] == [ids["text"]]
    assert telegram.calls_to("answerCallbackQuery") == []
    assert (month_status, undo_status) == (403, 403)
    assert "secret" not in month_body
    items = [row[2] for row in spreadsheet.months[0].values()[1:]]
    assert items == ["secret salary advance", "tea"]
