"""The sheet's refusals for good: why the bot's rows are refused until someone changes the sheet."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from enum import StrEnum
from typing import Protocol

from balance_bot.ports import LedgerError


class SheetRefusal(StrEnum):
    """Why a sheet refuses the bot's rows; each has its own remedy, none of them is waiting."""

    NOT_A_GOOGLE_SHEET = "not_a_google_sheet"  # an uploaded .xlsx opened in Drive, never converted
    READ_ONLY = "read_only"  # shared with the bot as Viewer: reads work, writes are refused
    PROTECTED = "protected"  # the tab or range the bot writes is protected against it
    PAST_THE_GRID = "past_the_grid"  # the worksheet's grid ends before the cells the bot writes


class LedgerRefused(LedgerError):
    """The sheet refuses the bot's rows for good: trying again changes nothing until someone fixes it."""

    def __init__(self, reason: SheetRefusal, detail: str, share_with: str = "") -> None:
        super().__init__(detail)
        self.reason = reason
        self.share_with = share_with  # the account to share the sheet with, or to let edit a protection


# Tells a group that its sheet refuses the rows, and what to do about it.
Tell = Callable[[int, "LedgerRefused"], Awaitable[None]]


class RefusalLog(Protocol):
    """Which refusal each group was told of, kept across restarts so that it is told once."""

    async def first_time(self, chat_id: int, reason: SheetRefusal) -> bool:
        """Note that the group hears of this refusal; False when it was told of it already."""
        ...

    async def refusal_of(self, chat_id: int) -> SheetRefusal | None:
        """The refusal the group was last told of, while it stands."""
        ...

    async def lifted(self, chat_id: int) -> None:
        """The sheet takes the group's rows again: a later refusal is news."""
        ...
