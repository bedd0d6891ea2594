"""The operator's choices for questions: what members (not admins) may ask, how voided rows read."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from enum import Enum


class MembersMay(Enum):
    """What members (not admins) may ask: ASK_FOR_MEMBERS."""

    OWN = "own"  # their own entries and the group's totals
    ALL = "all"  # any member's entries too
    NONE = "none"  # nothing: questions are for admins


@dataclass(frozen=True, slots=True)
class AskPolicy:
    """The operator's choices for questions."""

    members_may: MembersMay
    void_prefix: str
    today: Callable[[], date]  # the team's date in its time zone, never the machine's
