"""A fake of the National Bank of Cambodia's exchange-rate page on 127.0.0.1, in the page's real shape.

The page (pages/nbc_exchange_rate.html, a recorded answer of the real one) names the day its rates are
for ("Exchange Rate on : 2026-05-18") and the official rate ("Official Exchange Rate : 4014 KHR / USD").
A GET shows the last rate published: on a weekend or a holiday the page still shows the last working
day's (in the afternoon, already the next working day's). A day without data shows "There is no data
available." in the table. CloudFront in front of it answers 5xx with its own HTML page when the site is
down; `hang` makes the page never come (a timeout), `malformed` answers a page without the rate.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from aiohttp import web

from tests.fakes.loopback import serve

PAGE_PATH = "/english/economic_research/exchange_rate.php"
RECORDED = (Path(__file__).parent / "pages" / "nbc_exchange_rate.html").read_text(encoding="utf-8")
RECORDED_DAY, RECORDED_RATE = date(2026, 5, 18), 4014
NO_DATA_ROW = "<tr><td colspan='6'>There is no data available.</td></tr>"
CLOUDFRONT_ERROR = (
    '<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN" '
    '"http://www.w3.org/TR/html4/loose.dtd">\n<HTML><HEAD><META HTTP-EQUIV="Content-Type" '
    'CONTENT="text/html; charset=iso-8859-1">\n<TITLE>ERROR: The request could not be satisfied</TITLE>\n'
    "</HEAD><BODY>\n<H1>503 ERROR</H1>\n<H2>The request could not be satisfied.</H2>\n</BODY></HTML>"
)


def page(day: date, rate: int | str) -> str:
    """The page as it shows the rate published for `day`."""
    return (
        RECORDED.replace(RECORDED_DAY.isoformat(), day.isoformat())
        .replace(f">{RECORDED_RATE}<", f">{rate}<")
        .replace(RECORDED_DAY.strftime("%d-%m-%y"), day.strftime("%d-%m-%y"))
    )


def no_data_page(day: date) -> str:
    """The page for a day without data: no rate in the headline, no rows in the table."""
    shown = page(day, "")
    start = shown.index("<tr>", shown.index("Average</td>"))
    end = shown.index("</table>", start)
    return shown[:start] + NO_DATA_ROW + shown[end:]


@dataclass
class FakeNbc:
    """The page shows `day`'s `rate`; a test sets what it shows, or how it fails."""

    day: date = date(2026, 12, 4)
    rate: int = 4012
    no_data: bool = False
    status: int = 200  # a 5xx from CloudFront when set so
    malformed: bool = False
    hang: bool = False
    url: str = ""
    requests: list[str] = field(default_factory=list)
    _runner: web.AppRunner | None = None
    _released: asyncio.Event = field(default_factory=asyncio.Event)

    async def start(self) -> str:
        """Serve on a free loopback port; returns the page's URL for RATE_SOURCE_URL."""
        app = web.Application()
        app.router.add_route("*", "/{path:.*}", self._handle)
        self._runner, base = await serve(app)
        self.url = base + PAGE_PATH
        return self.url

    async def stop(self) -> None:
        """Close the server (a hanging request is let go first)."""
        self._released.set()
        if self._runner is not None:
            await self._runner.cleanup()

    def publishes(self, day: date, rate: int) -> None:
        """The bank publishes the rate of a day: the page shows it from now on."""
        self.day, self.rate, self.no_data = day, rate, False

    async def _handle(self, request: web.Request) -> web.Response:
        self.requests.append(f"{request.method} {request.path}")
        if request.path != PAGE_PATH:
            return web.Response(status=404, text="<h1>Not Found</h1>", content_type="text/html")
        if self.hang:
            await self._released.wait()
        if self.status >= 500:
            return web.Response(status=self.status, text=CLOUDFRONT_ERROR, content_type="text/html")
        if self.malformed:
            body = "<html><body><h1>Website under maintenance</h1></body></html>"
        else:
            body = no_data_page(self.day) if self.no_data else page(self.day, self.rate)
        return web.Response(text=body.replace("\n", "\r\n"), content_type="text/html", charset="utf-8")
