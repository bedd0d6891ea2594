"""The lines of `balance-bot check`: an item, how it stands, and what to know or do about it."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    """How an item stands."""

    OK = "OK"
    WARN = "WARN"
    FAIL = "FAIL"
    SKIP = "SKIP"


@dataclass(frozen=True)
class Finding:
    """One line of the report."""

    verdict: Verdict
    item: str
    detail: str

    def line(self) -> str:
        """'OK    Telegram: @bot reads group messages'."""
        return f"{self.verdict.value:<5} {self.item}: {self.detail}"
