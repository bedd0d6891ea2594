"""Which months take expenses, as the test says: a stand-in for the balance service's periods."""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_bot.domain.ledger import Period


@dataclass
class OpenMonths:
    """The months listed are open; every other earlier month is closed."""

    open: set[Period] = field(default_factory=set)
    asked: list[Period] = field(default_factory=list)

    async def is_open(self, chat_id: int, period: Period) -> bool:
        """Whether the test opened the month."""
        self.asked.append(period)
        return period in self.open
