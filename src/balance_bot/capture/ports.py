"""The capture flow's port toward the chat faces: the words a plan is said in."""

from __future__ import annotations

from typing import Protocol

from balance_bot.capture.reply_plan import DrawnPlan, ReplyPlan


class PlanWords(Protocol):
    """A chat face's words in one chat's language: a plan drawn as its text and its buttons' labels.

    The plan decides what is said and which buttons go under it; the words only say it, so every face
    (Telegram, the terminal) draws the same plan alike.
    """

    def drawn(self, plan: ReplyPlan) -> DrawnPlan:
        """A reply plan in words: its text (None when the bot stays silent) and its buttons' labels."""
        ...
