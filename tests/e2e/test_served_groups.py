"""End to end: a group the bot does not serve reaches none of a team's data, by any way in.

The attack: a stranger adds the bot to a group of their own (they are its creator, so its admin) and
tries every command, button, question and the Mini App there, while the bot serves only the team's
group and its ledger is the one BALANCE_SHEET_ID names.
"""

import json

import aiohttp

from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from tests.e2e.test_bot import GROUP, SOKHA, replies_to, running, sheet_rows
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
    "/changes",
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


async def test_a_stranger_in_a_group_the_bot_does_not_serve_reaches_nothing_but_one_line_and_the_id_command(
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
    told, *rest = [call.params.get("text", call.method) for call in to_stranger]
    assert told.startswith("This bot is private to its team")  # once, for all the attempts
    assert rest == [ids["text"]]
    assert telegram.calls_to("answerCallbackQuery") == []
    assert (month_status, undo_status) == (403, 403)
    assert "secret" not in month_body
    items = [row[2] for row in spreadsheet.months[0].values()[1:]]
    assert items == ["secret salary advance", "tea"]


def calls_to_chat(telegram, chat_id):
    """What the bot sent to the chat, by text (or method), but its look-ups of members."""
    return [
        call.params.get("text", call.method)
        for call in telegram.calls
        if str(call.params.get("chat_id")) == str(chat_id) and call.method != "getChatMember"
    ]


async def test_with_no_group_allowed_a_group_is_told_once_that_the_bot_is_private_and_nothing_is_written(
    telegram, settings_for, clock
):
    settings = settings_for(ALLOWED_CHAT_IDS="")
    telegram.creators[STRANGERS_GROUP] = STRANGER
    async with running(settings, clock):
        telegram.bot_added(STRANGERS_GROUP, STRANGER)
        for text in ("coffee 3$", "/balance", "/export", "tea 2$", "/help"):
            telegram.user_says(STRANGERS_GROUP, STRANGER, text, name="Stranger")
        barrier = telegram.user_says(STRANGERS_GROUP, STRANGER, "/id", name="Stranger")
        await telegram.wait_for("sendMessage", replies_to(barrier))
    told, ids = calls_to_chat(telegram, STRANGERS_GROUP)
    assert told == (
        "This bot is private to its team, so I read nothing here. Its operator can allow this group with "
        f"/allow {STRANGERS_GROUP} in a private chat with the bot, or by adding {STRANGERS_GROUP} to "
        "ALLOWED_CHAT_IDS."
    )
    assert str(STRANGERS_GROUP) in ids
    assert not settings.workbook_path.exists() or sheet_rows(settings) == []


async def test_the_one_line_is_in_khmer_for_a_member_whose_telegram_is_in_khmer(
    telegram, settings_for, clock
):
    telegram.user_languages[STRANGER] = "km"
    async with running(settings_for(), clock):
        telegram.user_says(STRANGERS_GROUP, STRANGER, "coffee 3$", name="Stranger")
        barrier = telegram.user_says(STRANGERS_GROUP, STRANGER, "/id", name="Stranger")
        await telegram.wait_for("sendMessage", replies_to(barrier))
    told = calls_to_chat(telegram, STRANGERS_GROUP)[0]
    assert f"/allow {STRANGERS_GROUP}" in told
    assert "This bot" not in told
    assert any("\u1780" <= letter <= "\u17ff" for letter in told)  # Khmer letters


OPERATOR = 99


async def private_answer(telegram, user_id, text):
    said = telegram.user_says_privately(user_id, text)
    return (await telegram.wait_for("sendMessage", replies_to(said)))["text"]


async def test_an_operator_allows_a_group_from_a_private_chat_and_it_stays_allowed_after_a_restart(
    telegram, settings_for, clock
):
    settings = settings_for(ALLOWED_CHAT_IDS="", ADMIN_USER_IDS=str(OPERATOR))
    async with running(settings, clock):
        asked = telegram.user_says(STRANGERS_GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", lambda params: str(params["chat_id"]) == str(STRANGERS_GROUP))
        listed = await private_answer(telegram, OPERATOR, "/allow")
        refused = await private_answer(telegram, STRANGER, f"/allow {STRANGERS_GROUP}")
        not_a_group = await private_answer(telegram, OPERATOR, "/allow 12345")
        allowed = await private_answer(telegram, OPERATOR, f"/allow {STRANGERS_GROUP}")
        again = await private_answer(telegram, OPERATOR, f"/allow {STRANGERS_GROUP}")
        served = telegram.user_says(STRANGERS_GROUP, SOKHA, "tea 1$", name="Sokha")
        logged = await telegram.wait_for("sendMessage", replies_to(served))
    async with running(settings, clock):
        later = telegram.user_says(STRANGERS_GROUP, SOKHA, "ice 2$", name="Sokha")
        after_restart = await telegram.wait_for("sendMessage", replies_to(later))
    assert f"• {STRANGERS_GROUP} “Petty cash”: /allow {STRANGERS_GROUP}" in listed
    assert refused == "Only the bot's operator (a user of ADMIN_USER_IDS) can allow a group."
    assert not_a_group.startswith("“12345” is not a group's chat id")
    assert allowed == f"Group {STRANGERS_GROUP} is allowed: I serve it from now on, also after a restart."
    assert again == f"Group {STRANGERS_GROUP} is allowed already."
    assert "Logged: 1.00 USD – tea." in logged["text"]
    assert "Logged: 2.00 USD – ice." in after_restart["text"]
    to_group = calls_to_chat(telegram, STRANGERS_GROUP)
    assert to_group[1].startswith("Hello! I log this group's petty cash")  # greeted once allowed
    assert not any("coffee" in str(row) for row in sheet_rows(settings))  # said before it was allowed
    assert asked["message_id"] not in [
        call.params.get("reply_parameters", {}).get("message_id") for call in telegram.calls
    ]


async def test_a_group_allowed_from_a_private_chat_stays_allowed_as_a_supergroup(
    telegram, settings_for, clock
):
    old, new = -4002, -1004002
    settings = settings_for(ALLOWED_CHAT_IDS="", ADMIN_USER_IDS=str(OPERATOR))
    async with running(settings, clock):
        await private_answer(telegram, OPERATOR, f"/allow {old}")
        first = telegram.user_says(old, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(first))
        telegram.group_upgraded(old, new, SOKHA)
        moved = telegram.user_says(new, SOKHA, "tea 1$", name="Sokha")
        in_supergroup = await telegram.wait_for("sendMessage", replies_to(moved))
    async with running(settings, clock):
        later = telegram.user_says(new, SOKHA, "ice 2$", name="Sokha")
        after_restart = await telegram.wait_for("sendMessage", replies_to(later))
    assert "Logged: 1.00 USD – tea." in in_supergroup["text"]
    assert "Logged: 2.00 USD – ice." in after_restart["text"]
    assert not any(text.startswith("This bot is private") for text in calls_to_chat(telegram, new))
