"""Questions to the ledger: a model's choice of read tool for a question the bot cannot read."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Protocol


@dataclass(frozen=True, slots=True)
class ToolChoice:
    """A model's choice of read tool for a question, with its arguments, before the bot checks them."""

    tool: str  # "sum", "count", "list" or "balance"
    first: str | None = None  # ISO days
    last: str | None = None
    member: str | None = None  # a name, or "me"
    words: str | None = None
    category: str | None = None
    by: str | None = None  # "member" or "category": a total of each


class LedgerToolCaller(Protocol):
    """A language model that picks a read tool for a question the question reader cannot read."""

    async def choose(
        self, question: str, today: date, members: Sequence[str], categories: Sequence[str], chat_id: int
    ) -> ToolChoice | None:
        """The tool and arguments; None when no model chose one in time."""
        ...
