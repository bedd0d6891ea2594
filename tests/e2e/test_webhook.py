"""Webhook mode: the real bot's webhook server, Telegram's secret token checked on every update."""

import asyncio
import json
import os
import signal
import socket
import sys
import urllib.error
import urllib.request
import zipfile
from datetime import UTC, datetime

import pytest
from openpyxl import load_workbook

from infrastructure.bootstrap import build_bot, webhook_options
from infrastructure.settings import Settings, SettingsError
from infrastructure.telegram.polling import UPDATE_INBOX
from infrastructure.telegram.webhook import WebhookServer
from tests.e2e.conftest import TEAM_GROUPS
from tests.e2e.test_bot import replies_to, shut_down
from tests.fakes.clock import FakeClock

GROUP, SOKHA = -1001, 11
SECRET = "a-webhook-secret_123"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def webhook_env(telegram, workdir):
    """The settings of a workbook bot on its webhook, on a free loopback port, against the fake Bot API."""
    port = free_port()
    return {
        "ALLOWED_CHAT_IDS": TEAM_GROUPS,
        "TELEGRAM_BOT_TOKEN": telegram.token,
        "TELEGRAM_API_URL": telegram.url,
        "WORKBOOK_PATH": str(workdir / "balance.xlsx"),
        "DATABASE_PATH": str(workdir / "bot.sqlite3"),
        "RATE_SOURCE": "fixed",  # off the network
        "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram-updates",
        "WEBHOOK_LISTEN": "127.0.0.1",
        "WEBHOOK_PORT": str(port),
        "WEBHOOK_SECRET": SECRET,
    }


@pytest.fixture
async def webhook_bot(telegram, tmp_path):
    settings = Settings.from_environment(webhook_env(telegram, tmp_path))
    options = webhook_options(settings)
    application = build_bot(settings, FakeClock(datetime.now(UTC)))
    await application.initialize()
    await application.post_init(application)
    await application.start()
    server = WebhookServer(
        application, application.bot_data[UPDATE_INBOX], options.secret_token, options.url_path
    )
    application.bot_data["webhook"] = server
    await server.start(options.listen, options.port, options.webhook_url)
    yield application, options.webhook_url
    await shut_down(application)


async def post(url, update, secret=None):
    """Telegram's side: POST an update (or raw bytes) to the bot's webhook, with or without the secret."""

    def send():
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        body = update if isinstance(update, bytes) else json.dumps(update).encode()
        request = urllib.request.Request(url, body, headers, method="POST")
        try:
            with urllib.request.urlopen(request, timeout=5) as response:
                return response.status
        except urllib.error.HTTPError as refused:
            return refused.code

    return await asyncio.to_thread(send)


def message_update(update_id, text):
    return {
        "update_id": update_id,
        "message": {
            "message_id": 500 + update_id,
            "date": int(datetime.now(UTC).timestamp()),
            "chat": {"id": GROUP, "type": "supergroup", "title": "Petty cash"},
            "from": {"id": SOKHA, "is_bot": False, "first_name": "Sokha"},
            "text": text,
        },
    }


async def test_the_webhook_is_registered_with_its_secret(telegram, webhook_bot):
    _, url = webhook_bot
    registered = await telegram.wait_for("setWebhook")
    assert registered["url"] == url
    assert registered["secret_token"] == SECRET


async def test_an_update_without_the_secret_is_refused_and_one_with_it_is_handled(telegram, webhook_bot):
    _, url = webhook_bot
    assert await post(url, message_update(1, "coffee 3$")) == 403
    assert await post(url, message_update(2, "coffee 3$"), secret="wrong") == 403
    assert await post(url, message_update(3, "tea 1$"), secret=SECRET) == 200
    sent = await telegram.wait_for("sendMessage", replies_to(message_update(3, "")["message"]))
    assert sent["text"].startswith("Logged: 1.00 USD – tea.")
    assert not [p for p in telegram.calls_to("sendMessage") if "coffee" in p["text"]]


def test_webhook_mode_needs_a_url():
    with pytest.raises(SettingsError, match="WEBHOOK_URL"):
        webhook_options(Settings.from_environment({}))


async def test_a_body_over_a_megabyte_or_not_an_update_is_refused(telegram, webhook_bot):
    _, url = webhook_bot
    assert await post(url, b"{" + b" " * (1024 * 1024 + 10) + b"}", secret=SECRET) == 413
    assert await post(url, b"not json", secret=SECRET) == 400
    assert await post(url, {"update_id": "seven"}, secret=SECRET) == 400


async def test_updates_answered_200_survive_a_sigkill_at_once_and_are_saved_after_the_restart(
    telegram, tmp_path
):
    saved = await webhook_kill_and_restart(telegram, tmp_path, updates=20)
    assert saved == [f"item {n}" for n in range(1, 21)]


async def webhook_kill_and_restart(telegram, workdir, updates):
    """`run --webhook` as a process: `updates` expenses posted and answered 200, SIGKILL at once,
    run again; the items of the workbook's rows once the restarted bot stopped."""
    env = {
        **webhook_env(telegram, workdir),
        "PATH": os.environ.get("PATH", ""),
        "USER_RATE_LIMIT_PER_MINUTE": "1000",
        "PARSER_LLM": "none",
    }
    url = env["WEBHOOK_URL"]
    command = [sys.executable, "-m", "balance_bot", "run", "--webhook"]
    log = (workdir / "bot.log").open("ab")
    (workdir / ".env").touch()
    bot = await asyncio.create_subprocess_exec(*command, env=env, cwd=workdir, stdout=log, stderr=log)
    await telegram.wait_for("setWebhook", timeout=30)
    for update_id in range(1, updates + 1):
        assert await post(url, message_update(update_id, f"item {update_id} 1$"), secret=SECRET) == 200
    bot.kill()  # SIGKILL: no shutdown, nothing flushed
    await bot.wait()
    registered = len(telegram.calls_to("setWebhook"))
    bot = await asyncio.create_subprocess_exec(*command, env=env, cwd=workdir, stdout=log, stderr=log)
    await telegram.wait_for_count("setWebhook", registered + 1, timeout=30)
    for _ in range(300):  # until every accepted expense is in the saved workbook
        if len(saved_items(workdir)) >= updates:
            break
        await asyncio.sleep(0.1)
    bot.send_signal(signal.SIGTERM)
    await asyncio.wait_for(bot.wait(), 30)
    return saved_items(workdir)


def saved_items(workdir):
    """The items of the workbook's rows, as saved on disk so far."""
    try:
        book = load_workbook(workdir / "balance.xlsx")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile):
        return []  # not saved yet, or being replaced
    months = [sheet for sheet in book.worksheets if sheet.title != "Categories"]
    return [row[2] for sheet in months for row in sheet.iter_rows(min_row=2, values_only=True)]
