"""Links to the Mini App: the group in a direct link's start parameter. No web server is loaded here,
so the bot's handlers can make links without it."""

from __future__ import annotations

import re

_GROUP = re.compile(r"g[1-9][0-9]{0,15}")  # ASCII digits a chat id can have, never '²' nor 10^40


def chat_of(start_param: str | None) -> int | None:
    """The group a direct link names: 'g1001234' is -1001234 (Telegram allows no '-' first there)."""
    if not start_param or not _GROUP.fullmatch(start_param):
        return None
    return -int(start_param[1:])


def start_param_of(chat_id: int) -> str:
    """The start parameter of a direct link to the group's month."""
    return f"g{-chat_id}" if chat_id < 0 else f"g{chat_id}"


def month_link(bot_username: str | None, short_name: str | None, chat_id: int) -> str | None:
    """The direct link that opens the Mini App on the group's month; None when none is set up."""
    if not bot_username or not short_name:
        return None
    return f"https://t.me/{bot_username}/{short_name}?startapp={start_param_of(chat_id)}"
