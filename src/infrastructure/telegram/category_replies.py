"""What the bot says about the categories learned in a group's sheet: /cat learned and /cat forget."""

from __future__ import annotations

from collections.abc import Mapping

from infrastructure.telegram import texts
from infrastructure.telegram.replies import Replies


def learned_reply(replies: Replies, learned: Mapping[str, str]) -> str:
    """/cat learned: purpose words and the category learned for them, or that nothing was."""
    if not learned:
        return replies.say(texts.LEARNED_NONE)
    lines = "\n".join(f"• {words} → {category}" for words, category in sorted(learned.items()))
    return replies.say(texts.LEARNED, count=replies.formats.number(len(learned)), lines=lines)


def forgotten_reply(replies: Replies, forgotten: int) -> str:
    """/cat forget: how many learned categories were dropped."""
    return replies.count(texts.FORGOTTEN, forgotten)
