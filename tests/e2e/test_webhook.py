"""Webhook mode: the real bot's webhook server, Telegram's secret token checked on every update."""

import asyncio
import json
import socket
import urllib.error
import urllib.request
from datetime import UTC, datetime

import pytest

from infrastructure.bootstrap import build_bot, webhook_options
from infrastructure.settings import Settings, SettingsError
from tests.e2e.test_bot import replies_to, shut_down
from tests.fakes.clock import FakeClock

GROUP, SOKHA = -1001, 11
SECRET = "a-webhook-secret_123"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
async def webhook_bot(telegram, tmp_path):
    port = free_port()
    settings = Settings.from_environment(
        {
            "TELEGRAM_BOT_TOKEN": telegram.token,
            "TELEGRAM_API_URL": telegram.url,
            "WORKBOOK_PATH": str(tmp_path / "balance.xlsx"),
            "DATABASE_PATH": str(tmp_path / "bot.sqlite3"),
            "WEBHOOK_URL": f"http://127.0.0.1:{port}/telegram-updates",
            "WEBHOOK_LISTEN": "127.0.0.1",
            "WEBHOOK_PORT": str(port),
            "WEBHOOK_SECRET": SECRET,
        }
    )
    options = webhook_options(settings)
    application = build_bot(settings, FakeClock(datetime.now(UTC)))
    await application.initialize()
    await application.post_init(application)
    await application.updater.start_webhook(
        listen=options.listen,
        port=options.port,
        url_path=options.url_path,
        webhook_url=options.webhook_url,
        secret_token=options.secret_token,
    )
    await application.start()
    yield application, options.webhook_url
    await shut_down(application)


async def post(url, update, secret=None):
    """Telegram's side: POST an update to the bot's webhook, with or without the secret header."""

    def send():
        headers = {"Content-Type": "application/json"}
        if secret is not None:
            headers["X-Telegram-Bot-Api-Secret-Token"] = secret
        request = urllib.request.Request(url, json.dumps(update).encode(), headers, method="POST")
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
