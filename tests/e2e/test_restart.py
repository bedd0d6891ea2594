"""End to end, nothing lost: the bot killed mid-burst or mid-LLM call and restarted; a sheet that refuses."""

import asyncio
import os
import signal
import sys

import pytest

from tests.e2e.conftest import TEAM_GROUPS
from tests.e2e.test_bot import replies_to
from tests.e2e.test_bot_google import google_bot
from tests.fakes.model_script import answer
from tests.fakes.telegram_api import CONFLICT

GROUP = -1001
SHEET_ID = "1AbCdEfGhIjKlMnOpQrStUvWxYz0123"
BURST = 60


@pytest.fixture
def key_file(key):
    """The service-account key and its file, as the e2e fixtures make them."""
    return key


async def start_bot(telegram, sheets, key_file, tmp_path, log_name, **extra):
    """`balance-bot run` as its own process, against the fakes, with a log to read when a test fails."""
    env = {
        "ALLOWED_CHAT_IDS": TEAM_GROUPS,
        **extra,
        "PATH": os.environ.get("PATH", ""),
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "SHEET_BACKEND": "google",
        "GOOGLE_SERVICE_ACCOUNT_FILE": str(key_file[1]),
        "SHEETS_API_URL": sheets.url,
        "BALANCE_SHEET_ID": SHEET_ID,
        "DATABASE_PATH": str(tmp_path / "data" / "bot.sqlite3"),
        "USER_RATE_LIMIT_PER_MINUTE": "1000",
    }
    log = (tmp_path / log_name).open("wb")
    (tmp_path / ".env").touch()
    return await asyncio.create_subprocess_exec(
        sys.executable, "-m", "balance_bot", "run", env=env, cwd=tmp_path, stdout=log, stderr=log
    )


def data_rows(sheets):
    spreadsheet = sheets.spreadsheets[SHEET_ID]
    with sheets._lock:
        if not spreadsheet.months:
            return []
        return [row for row in spreadsheet.months[0].values()[1:] if any(row)]


async def until(condition, seconds, what):
    for _ in range(int(seconds * 20)):
        if condition():
            return
        await asyncio.sleep(0.05)
    raise AssertionError(f"timed out waiting for {what}")


async def test_a_bot_killed_mid_burst_and_restarted_saves_every_expense_exactly_once(
    telegram, sheets, key_file, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key_file[0]["client_email"]})
    sheets.latency_seconds = 0.1
    posted = []

    def member_posts(n):
        posted.append(telegram.user_says(GROUP, 10 + n % 7, f"item {n} {n + 1}$", name="Member"))

    async def members_post():
        for n in range(1, BURST):
            member_posts(n)
            await asyncio.sleep(0.03)

    first = await start_bot(telegram, sheets, key_file, tmp_path, "first.log")
    try:
        # The burst starts once the month's worksheet exists: a bot slow to start (a busy CI machine)
        # would otherwise find the whole burst waiting and could save it in one append before the kill.
        member_posts(0)
        await until(lambda: len(data_rows(sheets)) >= 1, 60, "the first row")
        posting = asyncio.create_task(members_post())
        await until(lambda: len(data_rows(sheets)) >= 10, 60, "the first rows")
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    assert len(data_rows(sheets)) < BURST, "the bot was killed mid-burst"
    second = await start_bot(telegram, sheets, key_file, tmp_path, "second.log")
    try:
        await posting
        await until(lambda: len(data_rows(sheets)) >= BURST, 60, "every row")
        await asyncio.sleep(1)  # room for a duplicate to show up, if there were one
    finally:
        second.send_signal(signal.SIGTERM)
        await second.wait()
    rows = data_rows(sheets)
    assert [row[0] for row in rows] == list(range(1, BURST + 1))
    references = sorted(f"tg:{GROUP}:{m['message_id']}:0:u{m['from']['id']}" for m in posted)
    assert sorted(row[7] for row in rows) == references
    assert sorted(row[2] for row in rows) == sorted(f"item {n}" for n in range(BURST))


async def test_a_message_waiting_on_the_llm_when_the_bot_is_killed_is_saved_once_after_restart(
    telegram, sheets, key_file, tmp_path, ollama
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key_file[0]["client_email"]})
    text = "paid 15 to the driver who brought the chairs"
    ollama.script.answers[text] = answer(15, "USD", "driver who brought the chairs")
    ollama.script.latency = 2.0
    llm = {"PARSER_LLM": "ollama", "OLLAMA_HOST": ollama.url}
    first = await start_bot(telegram, sheets, key_file, tmp_path, "first.log", **llm)
    try:
        slow = telegram.user_says(GROUP, 11, text)
        await until(lambda: ollama.script.asked, 30, "the LLM call")
        other = telegram.user_says(-1002, 12, "tea 1$")  # another group is not held up meanwhile
        await telegram.wait_for("sendMessage", replies_to(other), timeout=1.5)
    finally:
        first.send_signal(signal.SIGKILL)
        await first.wait()
    assert not [row for row in data_rows(sheets) if "driver" in row[2]]
    ollama.script.latency = 0.0
    second = await start_bot(telegram, sheets, key_file, tmp_path, "second.log", **llm)
    try:
        await telegram.wait_for("sendMessage", replies_to(slow), timeout=30)
        await asyncio.sleep(1)  # room for a duplicate to show up, if there were one
    finally:
        second.send_signal(signal.SIGTERM)
        await second.wait()
    assert [row[2] for row in data_rows(sheets) if "driver" in row[2]] == ["driver who brought the chairs"]


async def test_a_sheet_that_refuses_gets_the_rows_once_it_is_shared_again(
    telegram, sheets, tmp_path, key_file
):
    spreadsheet = sheets.add_spreadsheet(SHEET_ID, "Petty cash", editors=set())
    async with google_bot(
        telegram, sheets, key_file, tmp_path, BALANCE_SHEET_ID=SHEET_ID, CONFIRM_WAIT_SECONDS="1"
    ):
        message = telegram.user_says(GROUP, 11, "coffee 3$", name="Sokha")
        told = await telegram.wait_for("sendMessage", replies_to(message), timeout=10)
        assert told["text"] == (
            "Saved: 3.00 USD – coffee. It will be added to the sheet shortly, "
            "once the sheet is shared with the bot again."
        )
        spreadsheet.editors.add(key_file[0]["client_email"])
        await until(lambda: len(data_rows(sheets)) == 1, 15, "the row")
    assert data_rows(sheets)[0][2] == "coffee"


async def test_a_second_bot_on_the_same_database_refuses_to_start_and_the_first_keeps_serving(
    telegram, sheets, key_file, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key_file[0]["client_email"]})
    first = await start_bot(telegram, sheets, key_file, tmp_path, "first.log")
    try:
        await until(lambda: len(telegram.polls) >= 1, 30, "the first bot to poll")
        second = await start_bot(telegram, sheets, key_file, tmp_path, "second.log")
        assert await asyncio.wait_for(second.wait(), 30) == 3
        said = (tmp_path / "second.log").read_text(encoding="utf-8")
        assert f"another balance-bot (pid {first.pid}) is running on" in said
        assert "Traceback" not in said
        telegram.user_says(GROUP, 7, "coffee 3$")
        await telegram.wait_for("sendMessage", lambda sent: "coffee" in sent["text"], timeout=30)
    finally:
        first.send_signal(signal.SIGTERM)
        await asyncio.wait_for(first.wait(), 30)


async def test_another_process_polling_with_the_token_stops_the_bot_with_one_line(
    telegram, sheets, key_file, tmp_path
):
    sheets.add_spreadsheet(SHEET_ID, "Petty cash", {key_file[0]["client_email"]})
    telegram.refuse("getUpdates", 409, CONFLICT, times=1000)
    bot = await start_bot(telegram, sheets, key_file, tmp_path, "bot.log")
    assert await asyncio.wait_for(bot.wait(), 30) == 3
    said = (tmp_path / "bot.log").read_text(encoding="utf-8")
    assert "another process is polling Telegram with this bot's token (409 Conflict)" in said
    assert "Traceback" not in said
    assert len(telegram.refused) == 1
