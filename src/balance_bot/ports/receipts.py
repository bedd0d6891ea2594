"""What the receipts keep: readings of photos proposed to the group, waiting for the poster's Save or Edit."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Protocol

from balance_bot.domain.money import Money


@dataclass(frozen=True, slots=True)
class ProposedExpense:
    """An expense read from a photo but not sure enough to save: who posted the photo and when, what was
    read, the photo's link, and the bank's key when the photo is a transfer screen. `editing_by` is the
    member asked for the right amount (Edit tapped) at `asked_at`, None before."""

    chat_id: int
    message_id: int
    poster_id: int
    poster_name: str
    posted_at: datetime
    money: Money
    purpose: str
    day: date | None
    receipt: str = ""
    bank: str = ""
    transaction_id: str = ""
    received: bool = False  # a transfer screen of money received: a top-up, as its notice would be
    editing_by: int | None = None
    asked_at: datetime | None = None  # when the member was asked for the amount


class ProposedExpenses(Protocol):
    """The proposals waiting under their photos, kept across restarts."""

    async def put(self, proposal: ProposedExpense) -> None:
        """Keep a proposal (replacing the photo's earlier one)."""
        ...

    async def get(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """The proposal under the photo, if one waits."""
        ...

    async def take(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """The proposal under the photo, removed; None when there is none (saved already)."""
        ...

    async def editing(self, chat_id: int, user_id: int) -> ProposedExpense | None:
        """The proposal whose right amount the member was last asked for, if one waits."""
        ...
