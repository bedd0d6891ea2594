"""Each member's minute: when their next expense may go to the sheet, so none is ever dropped."""

from __future__ import annotations

import bisect
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime, timedelta

_MINUTE = timedelta(minutes=1)


@dataclass(frozen=True, slots=True, order=True)
class _Slot:
    """When one of a member's expenses goes to the sheet, and what they wrote."""

    at: datetime
    message_id: int = field(compare=False)
    said: str = field(compare=False)


class RepeatedText(Exception):
    """Over the limit, the member posted a text they posted in the last minute: likely a repeat."""


class MemberMinutes:
    """At most `per_minute` expenses of a member go to the sheet in any minute; the rest wait.

    Over the limit, an expense is given the first moment its member's minute allows, never
    dropped; the same text posted again meanwhile is refused each time it comes.
    """

    def __init__(self, per_minute: int) -> None:
        self.per_minute = per_minute
        self._slots: defaultdict[tuple[int, int], list[_Slot]] = defaultdict(list)

    def take(self, chat_id: int, user_id: int, message_id: int, text: str, now: datetime) -> datetime:
        """When the expense may go to the sheet: now, or later; raises RepeatedText for a repeat."""
        slots = self._slots[(chat_id, user_id)]
        del slots[: bisect.bisect_right([slot.at for slot in slots], now - _MINUTE)]
        limit = self.per_minute
        at = now if len(slots) < limit else max(now, slots[-limit].at + _MINUTE)
        said = " ".join(text.casefold().split())  # case and spacing do not make a new expense
        if at > now and any(slot.said == said for slot in slots):
            raise RepeatedText(text)
        bisect.insort(slots, _Slot(at, message_id, said))
        return at

    def give_back(self, chat_id: int, user_id: int, message_id: int) -> None:
        """An undone (or refused) expense no longer counts against its member's minute."""
        slots = self._slots.get((chat_id, user_id))
        if slots:
            slots[:] = [slot for slot in slots if slot.message_id != message_id]
