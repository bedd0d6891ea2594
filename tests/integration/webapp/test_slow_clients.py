"""The Mini App's server against slow and many clients: a request trickled in is dropped, and
connections past the cap are closed at once, while a normal request is still answered."""

import asyncio
from datetime import timedelta
from decimal import Decimal

import pytest
from telegram import Bot

from infrastructure.webapp.runner import MiniAppServer
from tests.e2e.test_bot_webapp import free_port
from tests.integration.webapp.test_api import PHNOM_PENH, MiniApp


@pytest.fixture
async def served(telegram, database):
    app = MiniApp(database)
    port = free_port()
    server = MiniAppServer(
        app.view,
        app.capture,
        app.languages,
        app.clock,
        "127.0.0.1",
        port,
        timedelta(days=1),
        PHNOM_PENH,
        Decimal(4000),
        frozenset(),
        "https://bot.example.org/month/",
        app.serves,
        slow_client_seconds=0.3,
        max_connections=3,
    )
    bot = Bot(telegram.token, base_url=f"{telegram.url}/bot")
    await bot.initialize()
    await server.start(bot)
    yield port
    await server.stop()
    await bot.shutdown()
    await app.delivery.stop()


async def closed_within(reader, seconds):
    """Whether the server closed the connection within the time."""
    try:
        return await asyncio.wait_for(reader.read(1024), seconds) == b""
    except TimeoutError:
        return False


async def page(port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"GET / HTTP/1.1\r\nHost: bot.example.org\r\nConnection: close\r\n\r\n")
    answer = await asyncio.wait_for(reader.read(), 5)
    writer.close()
    return answer.split(b"\r\n", 1)[0]


async def test_a_client_trickling_its_headers_is_dropped_and_others_are_still_served(served):
    reader, writer = await asyncio.open_connection("127.0.0.1", served)
    writer.write(b"GET /api/month HTTP/1.1\r\nHost: bot.example.org\r\n")  # and never the rest
    assert await closed_within(reader, 3)
    writer.close()
    assert await page(served) == b"HTTP/1.1 200 OK"


async def test_connections_past_the_cap_are_closed_at_once_and_served_again_once_some_close(served):
    held = [await asyncio.open_connection("127.0.0.1", served) for _ in range(3)]
    reader, writer = await asyncio.open_connection("127.0.0.1", served)
    assert await closed_within(reader, 0.2)  # long before the slow-client time
    writer.close()
    for _, held_writer in held:
        held_writer.close()
    await asyncio.sleep(0.05)
    assert await page(served) == b"HTTP/1.1 200 OK"
