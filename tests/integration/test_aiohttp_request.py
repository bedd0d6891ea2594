"""The Bot API over aiohttp: a proxy named by the environment carries the calls, as with PTB's default."""

from __future__ import annotations

import pytest
from telegram import Bot

from infrastructure.telegram.aiohttp_request import AiohttpRequest
from tests.fakes.telegram_api import FakeTelegram


async def test_a_bot_behind_a_proxy_reaches_telegram_through_the_proxy_the_environment_names(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    telegram = FakeTelegram()  # it answers absolute-form requests, as a forwarding proxy receives them
    await telegram.start()
    for name in ("NO_PROXY", "no_proxy", "HTTPS_PROXY", "https_proxy", "http_proxy"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("HTTP_PROXY", telegram.url)
    try:
        # No such host: only the proxy can have answered.
        bot = Bot(FakeTelegram.token, base_url="http://api.telegram.invalid/bot", request=AiohttpRequest())
        async with bot:
            first = await bot.send_message(-1001, "one")
            second = await bot.send_message(-1001, "two")
    finally:
        await telegram.stop()
    assert [first.text, second.text] == ["one", "two"]
    assert [params["text"] for params in telegram.calls_to("sendMessage")] == ["one", "two"]


async def test_a_bot_whose_server_no_proxy_spares_calls_it_directly(monkeypatch: pytest.MonkeyPatch) -> None:
    telegram = FakeTelegram()
    await telegram.start()
    monkeypatch.setenv("HTTP_PROXY", "http://127.0.0.1:9")  # nothing listens there
    monkeypatch.setenv("NO_PROXY", "127.0.0.1")
    try:
        bot = Bot(FakeTelegram.token, base_url=f"{telegram.url}/bot", request=AiohttpRequest())
        async with bot:
            sent = await bot.send_message(-1001, "direct")
    finally:
        await telegram.stop()
    assert sent.text == "direct"
