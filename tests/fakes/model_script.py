"""What a fake model server answers: per message, a queue of one-off replies, and a latency."""

from __future__ import annotations

import asyncio
from collections import deque
from dataclasses import dataclass, field
from typing import Any

NOT_AN_EXPENSE: dict[str, Any] = {"entries": [], "confidence": 0.9, "reason": "not an expense"}


@dataclass(frozen=True)
class Reply:
    """One scripted reply: an HTTP error, a malformed body, or a late answer."""

    status: int = 200
    malformed: bool = False
    delay: float = 0.0
    retry_after: float | None = None
    body: str | None = None  # a 200 with this body as it is: not JSON, cut short
    no_usage: bool = False  # a reply without its token counts
    raw_answer: str | None = None  # the answer's JSON text as sent: a 5,000-digit integer, deep nesting
    stop_reason: str | None = None  # Anthropic's, when not its usual: max_tokens, refusal, pause_turn...
    done_reason: str | None = None  # Ollama's, when not "stop": "length", an answer cut at num_predict


def answer(amount: float, currency: str, purpose: str, confidence: float = 0.9) -> dict[str, Any]:
    """A model's answer with one entry."""
    entry = {"amount_value": amount, "currency": currency, "purpose": purpose}
    return {"entries": [entry], "confidence": confidence, "reason": "one expense"}


@dataclass
class ModelScript:
    """The answers by message text, the replies queued ahead of them, and what was asked."""

    answers: dict[str, dict[str, Any]] = field(default_factory=dict)
    default: dict[str, Any] = field(default_factory=lambda: dict(NOT_AN_EXPENSE))
    latency: float = 0.0
    input_tokens: int = 900
    output_tokens: int = 40
    queued: deque[Reply] = field(default_factory=deque)
    asked: list[str] = field(default_factory=list)

    def then(self, *replies: Reply) -> None:
        """Reply so to the next calls, one each, before answering normally again."""
        self.queued.extend(replies)

    async def next_reply(self, message: str) -> tuple[Reply, dict[str, Any]]:
        """The reply to give now, after the configured latency, and the answer for the message."""
        self.asked.append(message)
        reply = self.queued.popleft() if self.queued else Reply()
        await asyncio.sleep(self.latency + reply.delay)
        return reply, self.answers.get(message, self.default)


def message_of(user_turn: str) -> str:
    """The member's message inside the user turn that prompts/user.txt builds; for the category
    question (prompts/categories/user.txt), its numbered purposes; for a question to the ledger
    (prompts/ledger/user.txt), the question."""
    for heading in ("Message:\n", "Purposes:\n", "Question:\n"):
        if heading in user_turn:
            return user_turn.split(heading, 1)[-1].strip()
    return user_turn.strip()
