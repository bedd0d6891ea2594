"""The Mini App's web server (aiohttp): the page and its JSON API, every call signed by Telegram's
initData, the viewer's membership of the group checked, the role deciding what is answered."""

from __future__ import annotations

import asyncio
import json
import logging
import re
import time
from collections import defaultdict, deque
from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date, timedelta, tzinfo
from decimal import Decimal
from pathlib import Path
from typing import Any

from aiohttp import web

from balance_bot.balances.month_view import MonthPage, MonthView
from balance_bot.capture.outcomes import Voided
from balance_bot.capture.service import CaptureService
from balance_bot.domain.day_rates import FIXED, DayRates, RateOfDay
from balance_bot.domain.item_words import search_words
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import Clock, LedgerError
from infrastructure.telegram import texts
from infrastructure.telegram.rate_replies import RateReplies
from infrastructure.telegram.replies import Replies
from infrastructure.webapp.init_data import InitDataRefused, WebAppUser, verify_init_data
from infrastructure.webapp.links import chat_of, start_param_of

log = logging.getLogger(__name__)
STATIC = Path(__file__).resolve().parent / "static"
# Telegram's web clients may frame the page; the clients on phones open it in their own view.
FRAME_ANCESTORS = "https://web.telegram.org https://webk.telegram.org https://webz.telegram.org"
CONTENT_SECURITY_POLICY = (
    "default-src 'self'; script-src 'self' https://telegram.org; style-src 'self'; img-src 'self' data:; "
    f"connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors {FRAME_ANCESTORS}"
)
REQUESTS_PER_MINUTE = 30
MEMBERSHIP_SECONDS = 300
LOOKUPS_PER_MINUTE = 25  # getChatMember calls one viewer may cause: the picker asks about 20 groups
MEMBERSHIPS_KEPT = 10_000  # past this, expired answers are dropped before another is kept
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_MESSAGE_ID = re.compile(r"[1-9][0-9]{0,9}")  # Telegram's message ids are positive 32-bit numbers
FIRST_YEAR = 2000
BODY_SECONDS = 10
PAST_MONTHS_PER_MINUTE = 12  # a viewer paging through old months: each may be a Sheets read
# All of a group's viewers together: a third of Google's 60 reads a minute, the rest kept for the
# group's /balance, questions and the outbox's checks.
PAST_MONTHS_PER_GROUP_PER_MINUTE = 20
# What getChatMember says of a member who may see the group's month ("restricted" only while still in it).
MEMBER_STATUSES = frozenset({"creator", "administrator", "member", "restricted"})
ADMIN_STATUSES = frozenset({"creator", "administrator"})

ChatMemberStatus = Callable[[int, int], Awaitable[str | None]]
# The groups a user was seen in, and a group's title: for the picker of a Mini App opened privately.
GroupsOf = Callable[[int], Awaitable[list[int]]]
GroupTitle = Callable[[int], Awaitable[str | None]]
Serves = Callable[[int], Awaitable[bool]]  # whether the bot serves a group (ServedGroups.serves)
MonthRatesOf = Callable[[Period], Awaitable[tuple[DayRates, RateOfDay]]]


@dataclass(frozen=True)
class WebAppConfig:
    """What the server needs from the settings."""

    bot_token: str
    auth_max_age: timedelta
    timezone: tzinfo
    khr_per_usd: Decimal = Decimal(4000)
    admin_user_ids: frozenset[int] = frozenset()
    # The rates of a month's days and the one it is told at (RatesOfTheDay.of_month); else khr_per_usd.
    rates: MonthRatesOf | None = None


class RateLimit:
    """At most so many calls a minute per user; the clock is injected."""

    def __init__(self, per_minute: int, now: Callable[[], float] = time.monotonic) -> None:
        self._per_minute = per_minute
        self.now = now
        self._calls: defaultdict[int, deque[float]] = defaultdict(deque)

    def allows(self, user_id: int) -> bool:
        """Whether the user may make one more call now (the call is counted)."""
        now, calls = self.now(), self._calls[user_id]
        while calls and now - calls[0] >= 60:
            calls.popleft()
        if len(calls) >= self._per_minute:
            return False
        calls.append(now)
        return True


class TooManyLookups(Exception):
    """The viewer asked about more groups this minute than anyone opening the page needs."""


class Memberships:
    """Whether a user belongs to a group, and as what, asked of Telegram and kept a few minutes:
    anyone can write a link with any group's id. Each viewer's lookups a minute are bounded."""

    def __init__(
        self,
        status: ChatMemberStatus,
        now: Callable[[], float] = time.monotonic,
        lookups_per_minute: int = LOOKUPS_PER_MINUTE,
    ) -> None:
        self._status = status
        self._now = now
        self._known: dict[tuple[int, int], tuple[float, str | None]] = {}
        self._lookups = RateLimit(lookups_per_minute, now)

    async def of(self, chat_id: int, user_id: int) -> str | None:
        """The user's status in the group ('member', 'administrator', ...); None when not in it."""
        known = self._known.get((chat_id, user_id))
        if known is not None and self._now() - known[0] < MEMBERSHIP_SECONDS:
            return known[1]
        if not self._lookups.allows(user_id):
            raise TooManyLookups(f"user {user_id} asked about too many groups this minute")
        status = await self._status(chat_id, user_id)
        if len(self._known) >= MEMBERSHIPS_KEPT:
            self._forget_expired()
        self._known[(chat_id, user_id)] = (self._now(), status)
        return status

    def _forget_expired(self) -> None:
        now = self._now()
        for key, (asked_at, _) in list(self._known.items()):
            if now - asked_at >= MEMBERSHIP_SECONDS:
                del self._known[key]


def build_webapp(
    config: WebAppConfig,
    view: MonthView,
    capture: CaptureService,
    memberships: Memberships,
    clock: Clock,
    languages: ChatLanguages,
    serves: Serves,
    rate_limit: RateLimit | None = None,
    groups_of: GroupsOf | None = None,
    title_of: GroupTitle | None = None,
) -> web.Application:
    """The aiohttp application: / (the page), /app.js, /app.css, /api/month, /api/undo."""
    limit = rate_limit or RateLimit(REQUESTS_PER_MINUTE)
    past_months = RateLimit(PAST_MONTHS_PER_MINUTE, limit.now)
    groups_past_months = RateLimit(PAST_MONTHS_PER_GROUP_PER_MINUTE, limit.now)

    @web.middleware
    async def security_headers(request: web.Request, handler: Any) -> web.StreamResponse:
        try:
            response: web.StreamResponse = await handler(request)
        except web.HTTPException as exc:
            response = exc
        response.headers["Content-Security-Policy"] = CONTENT_SECURITY_POLICY
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store" if request.path.startswith("/api/") else "no-cache"
        if isinstance(response, web.HTTPException):
            raise response
        return response

    def words_for(user: WebAppUser) -> Replies:
        """The viewer's words: Khmer when their Telegram app is in Khmer, as in a private chat."""
        return Replies.of(languages.for_private(user.language_code))

    def signed(request: web.Request) -> WebAppUser:
        """The signed user, within the rate limit; the HTTP error otherwise."""
        header = request.headers.get("Authorization", "")
        init_data = header.removeprefix("tma ") if header.startswith("tma ") else ""
        try:
            user = verify_init_data(init_data, config.bot_token, clock.now(), config.auth_max_age)
        except InitDataRefused as exc:
            words = Replies.of(languages.for_private(None))  # nobody known yet: the default language
            raise _error(web.HTTPUnauthorized, words.say(texts.WEBAPP_REFUSED[exc.reason])) from exc
        if not limit.allows(user.user_id):
            raise _error(web.HTTPTooManyRequests, words_for(user).say(texts.WEBAPP_TOO_MANY))
        return user

    async def membership_of(chat_id: int, user: WebAppUser) -> str | None:
        """The viewer's status in the group, or 429 past their lookups for the minute."""
        try:
            return await memberships.of(chat_id, user.user_id)
        except TooManyLookups as exc:
            raise _error(web.HTTPTooManyRequests, words_for(user).say(texts.WEBAPP_TOO_MANY)) from exc

    async def viewer(request: web.Request) -> tuple[WebAppUser, int, bool]:
        """The signed user, the group, and whether they are its admin; the HTTP error otherwise."""
        user = signed(request)
        chat_id = chat_of(request.query.get("chat") or user.start_param)
        if chat_id is None:
            raise _error(web.HTTPBadRequest, words_for(user).say(texts.WEBAPP_NO_GROUP))
        if not await serves(chat_id):  # a group of a stranger's, with the bot in it, has no month here
            raise _error(web.HTTPForbidden, words_for(user).say(texts.WEBAPP_NOT_SERVED))
        status = await membership_of(chat_id, user)
        if status not in MEMBER_STATUSES:
            raise _error(web.HTTPForbidden, words_for(user).say(texts.WEBAPP_NOT_A_MEMBER))
        return user, chat_id, status in ADMIN_STATUSES or user.user_id in config.admin_user_ids

    async def month(request: web.Request) -> web.Response:
        user, chat_id, admin = await viewer(request)
        today = clock.now().astimezone(config.timezone).date()
        period = _period(request.query.get("month"), today)
        past = period < Period.of(today)
        if past and not (past_months.allows(user.user_id) and groups_past_months.allows(chat_id)):
            raise _error(web.HTTPTooManyRequests, words_for(user).say(texts.WEBAPP_TOO_MANY))
        try:
            page = await view.page(chat_id, user.user_id, user.name, admin, period, today)
        except LedgerError as exc:
            words = Replies.of(await languages.for_group(chat_id))
            raise _error(web.HTTPServiceUnavailable, words.balance_problem(exc)) from exc
        replies = Replies.of(await languages.for_group(chat_id))
        answer = page_json(page, user) | {
            "language": replies.speech.language.value,
            "words": {key: replies.say(text) for key, text in texts.WEBAPP_PAGE.items()},
            "month_name": replies.period(period),
            "has_next": period < Period.of(today),
            "khr_per_usd": str(config.khr_per_usd),
        }
        told_at = RateOfDay(config.khr_per_usd, FIXED)
        if config.rates is not None:
            rates_part, told_at = await _rates_json(config.rates, page)
            answer |= rates_part
        answer["rate_used"] = RateReplies(replies).used(told_at)  # said as /balance says it
        response = web.json_response(answer, dumps=_dumps)
        response.enable_compression()  # a busy month is some hundred KB of JSON; a phone's data is dear
        return response

    async def undo(request: web.Request) -> web.Response:
        user, chat_id, admin = await viewer(request)
        try:
            async with asyncio.timeout(BODY_SECONDS):  # a body trickled in holds nothing for long
                message_id = _message_id((await request.json())["message_id"])
        except (ValueError, KeyError, TypeError, json.JSONDecodeError, TimeoutError) as exc:
            raise _error(web.HTTPBadRequest, words_for(user).say(texts.WEBAPP_WHICH_ENTRY)) from exc

        async def is_admin() -> bool:
            return admin

        outcome = await capture.undo(chat_id, message_id, user.user_id, is_admin)
        if not isinstance(outcome, Voided):
            raise _error(web.HTTPConflict, words_for(user).say(texts.WEBAPP_NO_UNDO))
        await view.changed(chat_id)
        return web.json_response({"undone": [line.number for line in outcome.message.lines]})

    async def groups(request: web.Request) -> web.Response:
        """The groups a user opening the Mini App privately may pick: seen there, and still a member."""
        user = signed(request)
        found = []
        for chat_id in (await groups_of(user.user_id))[:20] if groups_of is not None else []:
            if await serves(chat_id) and await membership_of(chat_id, user) in MEMBER_STATUSES:
                title = await title_of(chat_id) if title_of is not None else None
                found.append({"chat": start_param_of(chat_id), "title": title or str(chat_id)})
        return web.json_response({"groups": found}, dumps=_dumps)

    async def static(request: web.Request) -> web.FileResponse:
        name = request.match_info.get("name") or "index.html"
        if name not in {"index.html", "app.js", "app.css"}:
            raise web.HTTPNotFound()
        return web.FileResponse(STATIC / name)

    app = web.Application(middlewares=[security_headers], client_max_size=16 * 1024)
    app.router.add_get("/", static)
    app.router.add_get("/{name}", static)
    app.router.add_get("/api/month", month)
    app.router.add_post("/api/undo", undo)
    app.router.add_get("/api/groups", groups)
    return app


def page_json(page: MonthPage, user: WebAppUser) -> dict[str, Any]:
    """The page's JSON: amounts as exact strings; the admin's part only for admins."""
    answer: dict[str, Any] = {
        "month": page.period.key(),
        "viewer": user.name,
        "admin": page.admin,
        "entries": [
            {
                "no": entry.number,
                "date": entry.day.isoformat() if entry.day else None,
                "item": entry.item,
                "words": search_words(entry.item),
                "category": entry.category,
                "amount": _text(entry.amount, entry.currency),
                "currency": entry.currency.value,
                "member": entry.member,
                "mine": entry.mine,
                "undo": entry.undo_message_id,
                "awaiting": entry.awaiting,
            }
            for entry in page.entries
        ],
        "totals": _amounts(page.totals),
        "awaiting": _amounts(page.awaiting),
        "by_member": {name: _amounts(amounts) for name, amounts in page.by_member.items()},
        "by_category": {name: _amounts(amounts) for name, amounts in page.by_category.items()},
        "by_day": {day.isoformat(): _amounts(amounts) for day, amounts in sorted(page.by_day.items())},
    }
    if page.admin and page.balance is not None:
        balance = page.balance
        answer["balance"] = {
            currency.value: {
                "opening": _text(sums.opening, currency),
                "topups": _text(sums.topups, currency),
                "spent": _text(sums.spent, currency),
                "left": _text(sums.closing, currency),
                "box": _text(balance.box(currency), currency),
            }
            for currency, sums in balance.currencies.items()
        }
        members = balance.members.shown() if balance.members is not None else []
        answer["members"] = [
            {"name": figures.name, "position": _amounts(figures.position)} for figures in members
        ]
    if page.admin and page.usage is not None:
        answer["usage"] = {
            "calls": sum(provider.calls for provider in page.usage.providers),
            "cost_usd": str(page.usage.cost_usd),
        }
    return answer


async def _rates_json(rates_of: MonthRatesOf, page: MonthPage) -> tuple[dict[str, Any], RateOfDay]:
    """The rate the month is told at, with its day and source, and each day's rate for the chart."""
    rates, told_at = await rates_of(page.period)
    return {
        "khr_per_usd": str(told_at.khr_per_usd),
        "rate_day": told_at.day.isoformat() if told_at.day else None,
        "rate_source": told_at.source,
        "khr_per_usd_by_day": {
            day.isoformat(): str(rates.on(day).khr_per_usd) for day in sorted(page.by_day)
        },
    }, told_at


def _amounts(amounts: dict[Currency, Decimal]) -> dict[str, str]:
    return {currency.value: _text(amount, currency) for currency, amount in amounts.items()}


def _text(amount: Decimal, currency: Currency) -> str:
    """An amount as the ledger writes it: dollars with cents, whole riel."""
    return Money(amount, currency).canonical()


def _period(words: str | None, today: date) -> Period:
    """The month asked for ('2026-10'); this month for anything else: '²²²²-01', '0000-01', a future one."""
    asked = _MONTH.fullmatch(words or "")
    if asked is not None:
        period = Period(int(asked.group(1)), int(asked.group(2)))
        if period.year >= FIRST_YEAR and 1 <= period.month <= 12 and period <= Period.of(today):
            return period
    return Period.of(today)


def _message_id(value: object) -> int:
    """A message id as the page sends it (a JSON integer); ValueError for anything else: 1e40,
    Infinity, true, '²'."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not a message id: {value!r}")
    text = str(value)
    if not _MESSAGE_ID.fullmatch(text):
        raise ValueError(f"not a message id: {text[:20]!r}")
    return int(text)


def _error(kind: type[web.HTTPException], message: str) -> web.HTTPException:
    return kind(text=json.dumps({"error": message}), content_type="application/json")


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)
