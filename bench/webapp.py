"""Issue 23: the Mini App on a month of 5,000 rows — the API's answer time and size, and the time to
the first rendered rows in headless Chromium."""

from __future__ import annotations

import json
import statistics
import time
from datetime import timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import quote

import aiohttp
from aiohttp.test_utils import TestServer
from tests.fakes.capture_state import InMemoryCaptureState

from balance_bot.balances.month_view import MonthView
from balance_bot.domain.language import Language
from balance_bot.groups.languages import ChatLanguages
from bench.balance import CHAT, ZONE, against_fake_sheets, google_balances
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.webapp.init_data import signed_init_data
from infrastructure.webapp.links import start_param_of
from infrastructure.webapp.server import Memberships, RateLimit, WebAppConfig, build_webapp

TOKEN = "123456:bench-token"
ROUNDS = 9
CHROMIUM = "/usr/bin/chromium"


async def member(chat_id: int, user_id: int) -> str:
    return "member"


async def served(chat_id: int) -> bool:
    return True


async def measure(url: str, key: dict[str, Any]) -> dict[str, float]:
    async with google_balances(url, key) as (balances, clock, database):
        view = MonthView(
            balances, InMemoryCaptureState(), clock, timedelta(minutes=15), load_template().void_prefix
        )
        app = build_webapp(
            WebAppConfig(TOKEN, timedelta(days=1), ZONE, Decimal(4000)),
            view,
            None,  # type: ignore[arg-type]  (no Undo in the bench)
            Memberships(member),
            clock,
            ChatLanguages(SqliteChatPreferences(database), Language.ENGLISH),
            served,
            RateLimit(10_000),
        )
        server = TestServer(app, host="127.0.0.1")
        await server.start_server()
        base = f"http://127.0.0.1:{server.port}"
        fields = {
            "auth_date": str(int(clock.now().timestamp())),
            "start_param": start_param_of(CHAT),
            "user": json.dumps({"id": 1, "first_name": "Sokha"}),
        }
        init_data = signed_init_data(fields, TOKEN)
        headers = {"Authorization": f"tma {init_data}"}
        api_ms, size, compressed = [], 0, 0
        async with aiohttp.ClientSession() as session:
            for _ in range(ROUNDS + 1):
                clock.current += timedelta(seconds=10)  # stale: each answer reads the month
                started = time.perf_counter()
                async with session.get(f"{base}/api/month", headers=headers) as response:
                    body = await response.read()
                    sent = int(response.headers.get("Content-Length", len(body)))
                api_ms.append((time.perf_counter() - started) * 1000)
                size = len(body)
                compressed = sent
        render_ms = await first_render(base, init_data) if Path(CHROMIUM).exists() else []
        await server.close()
    return {
        "api_ms": statistics.median(api_ms[1:]),
        "size_kb": size / 1024,
        "sent_kb": compressed / 1024,
        "entries": len(json.loads(body)["entries"]),
        "render_ms": statistics.median(render_ms) if render_ms else float("nan"),
    }


async def first_render(base: str, init_data: str) -> list[float]:
    """Milliseconds from navigation to the first rows in the table, in headless Chromium."""
    from playwright.async_api import async_playwright

    arguments = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"]
    times = []
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=arguments, headless=True)
        for _ in range(5):
            page = await browser.new_page(viewport={"width": 390, "height": 844})
            await page.route("https://telegram.org/**", lambda route: route.abort())
            started = time.perf_counter()
            await page.goto(f"{base}/#tgWebAppData={quote(init_data)}", wait_until="commit")
            await page.wait_for_selector("#rows tr td", timeout=60_000)
            times.append((time.perf_counter() - started) * 1000)
            await page.close()
        await browser.close()
    return times


def report() -> None:
    """Print the figures of issue 23."""
    figures = against_fake_sheets(lambda url, key, _: measure(url, key))
    print(
        f"Mini App, 5,000 rows    /api/month median {figures['api_ms']:.0f} ms with the month read "
        f"({ROUNDS} runs), {figures['size_kb']:.0f} KB of JSON ({figures['sent_kb']:.0f} KB sent "
        f"compressed) for {figures['entries']:,} entries; first rows drawn "
        f"in headless Chromium median {figures['render_ms']:.0f} ms (5 loads; fake Sheets in its own process)"
    )


if __name__ == "__main__":
    report()
