"""What the reply modules below Replies need of it, so that they need not import it (no circle)."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal
from typing import Protocol

from balance_bot.balances.service import BalanceOutcome
from balance_bot.domain.categories import CategoryBook
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import Period, SavedLine
from infrastructure.i18n.formats import Formats


class Wording(Protocol):
    """A chat's words: its texts said, counted and dated in its language."""

    speech: Speech
    formats: Formats

    def say(self, message: str, **values: object) -> str:
        """A text of the catalogs in the chat's language, its values filled in."""
        ...

    def count(self, message: tuple[str, str], count: int, **values: object) -> str:
        """A text with a number, in the form the number takes."""
        ...

    def day(self, day: date, *, with_year: bool = False) -> str:
        """A day, as the chat writes it."""
        ...

    def period(self, period: Period) -> str:
        """A month, as the chat writes it."""
        ...

    def month(self, month: str) -> str:
        """A month written '2026-11', as the chat names it."""
        ...

    def category(self, name: str, shown: Mapping[str, str] | None = None) -> str:
        """A category as the chat reads it."""
        ...

    def entry_number(self, saved: SavedLine) -> str:
        """'No 12': an entry as bookkeepers name it."""
        ...

    def balance_reply(
        self,
        outcome: BalanceOutcome,
        khr_per_usd: Decimal,
        book: CategoryBook | None = None,
        shown: Mapping[str, str] | None = None,
    ) -> str:
        """The reply to /balance."""
        ...
