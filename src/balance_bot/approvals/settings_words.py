"""What an admin's `/settings approve …` asks for: a threshold, off, or the reminder's hour; in English
or Khmer words, with ASCII or Khmer digits."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.domain.approval_threshold import read_threshold
from balance_bot.domain.money import Money
from balance_bot.domain.text import DIGITS_TO_ASCII

APPROVE_WORDS = frozenset({"approve", "approval", "approvals", "អនុម័ត", "ការអនុម័ត"})
OVER_WORDS = frozenset({"over", "above", "លើស", "លើសពី", "ជាង"})
OFF_WORDS = frozenset({"off", "none", "បិទ"})
HOUR_WORDS = frozenset({"reminder", "remind", "at", "hour", "រំលឹក", "ម៉ោង"})
HOURS_IN_A_DAY = 24


@dataclass(frozen=True, slots=True)
class ApprovalChange:
    """A change of the group's approvals: the threshold (None: off) when `threshold_said`, else the hour."""

    threshold: Money | None = None
    threshold_said: bool = False
    hour: int | None = None


def approval_change(words: list[str]) -> ApprovalChange | None:
    """The change the words after /settings ask for; None when they are not about approvals or are
    not understood ('approve over lots')."""
    if not words or words[0].casefold() not in APPROVE_WORDS:
        return None
    rest = [word.casefold() for word in words[1:]]
    if len(rest) == 1 and rest[0] in OFF_WORDS:
        return ApprovalChange(None, threshold_said=True)
    if rest and rest[0] in HOUR_WORDS:
        hour = _hour(rest[1:])
        return None if hour is None else ApprovalChange(hour=hour)
    if rest and rest[0] in OVER_WORDS:
        rest = rest[1:]
    threshold = read_threshold(" ".join(rest))
    return None if threshold is None else ApprovalChange(threshold, threshold_said=True)


def _hour(words: list[str]) -> int | None:
    """'9', '៩', '18:00', '9h': an hour of the day."""
    if len(words) != 1:
        return None
    said = words[0].translate(DIGITS_TO_ASCII).removesuffix("h").removesuffix(":00")
    if not said.isascii() or not said.isdigit():
        return None
    hour = int(said)
    return hour if hour < HOURS_IN_A_DAY else None
