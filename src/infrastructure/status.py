"""`balance-bot status`: what waits in the outbox for the sheet, and why, for the operator."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime, tzinfo

from balance_bot.ports import OutboxChat


def status_report(waiting: Sequence[OutboxChat], now: datetime, timezone: tzinfo) -> str:
    """One line per group with expenses not yet in the sheet; a single line when none wait."""
    if not waiting:
        return "outbox: empty, every accepted expense is in the sheet"
    lines = [f"outbox: {len(waiting)} group(s) with expenses not yet in the sheet"]
    for chat in waiting:
        since = chat.oldest.astimezone(timezone).strftime("%Y-%m-%d %H:%M")
        minutes = max(0, int((now - chat.oldest).total_seconds() // 60))
        line = (
            f"chat {chat.chat_id}: {chat.messages} message(s), {chat.lines} row(s), "
            f"waiting since {since} ({minutes} min)"
        )
        if chat.held:
            line += f"; {chat.held} held for a minute by the rate limit"
        if chat.attempts:
            line += f"; {chat.attempts} failed attempt(s), last error: {chat.last_error}"
        lines.append(line)
    return "\n".join(lines)
