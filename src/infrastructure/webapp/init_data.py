"""Telegram's Mini App launch data (initData): its HMAC-SHA256 signature checked with the bot token."""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from urllib.parse import parse_qsl


class InitDataRefused(Exception):
    """The launch data is missing, forged, too old, or names no user: nothing is answered.

    `reason` is one of "missing", "forged", "no_user", "too_old" (the page words it)."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


@dataclass(frozen=True, slots=True)
class WebAppUser:
    """Who opened the Mini App, as Telegram signed it, and the start parameter of its link."""

    user_id: int
    name: str
    username: str | None
    language_code: str | None
    start_param: str | None
    auth_date: datetime


def verify_init_data(init_data: str, bot_token: str, now: datetime, max_age: timedelta) -> WebAppUser:
    """The signed user, per Telegram's 'Validating data received via the Mini App': the fields but
    `hash`, sorted and joined 'key=value' by newlines, signed with HMAC-SHA256 under the key
    HMAC-SHA256('WebAppData', bot token); refused when older than max_age."""
    fields = dict(parse_qsl(init_data, keep_blank_values=True, strict_parsing=False))
    received = fields.pop("hash", "")
    if not received or not fields:
        raise InitDataRefused("missing")
    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    expected = hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, received):
        raise InitDataRefused("forged")
    try:
        signed_at = datetime.fromtimestamp(int(fields.get("auth_date", "")), tz=now.tzinfo)
        user = json.loads(fields.get("user", ""))
        user_id = int(user["id"])
    except (ValueError, KeyError, TypeError) as exc:
        raise InitDataRefused("no_user") from exc
    if now - signed_at > max_age or signed_at - now > timedelta(minutes=5):
        raise InitDataRefused("too_old")
    name = " ".join(str(user.get(part) or "") for part in ("first_name", "last_name")).strip()
    return WebAppUser(
        user_id,
        name or str(user.get("username") or user_id),
        user.get("username"),
        user.get("language_code"),
        fields.get("start_param"),
        signed_at,
    )


def signed_init_data(fields: dict[str, str], bot_token: str) -> str:
    """Launch data signed as Telegram signs it: for tests, the bench and `balance-bot try`'s page."""
    from urllib.parse import urlencode

    check = "\n".join(f"{key}={value}" for key, value in sorted(fields.items()))
    secret = hmac.new(b"WebAppData", bot_token.encode(), hashlib.sha256).digest()
    return urlencode({**fields, "hash": hmac.new(secret, check.encode(), hashlib.sha256).hexdigest()})
