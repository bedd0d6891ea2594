"""Photos' proposals waiting for Save or Edit, in a dictionary, with the SQLite adapter's rules."""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_bot.ports import ProposedExpense


@dataclass
class InMemoryProposedExpenses:
    """ProposedExpenses kept in memory."""

    waiting: dict[tuple[int, int], ProposedExpense] = field(default_factory=dict)

    async def put(self, proposal: ProposedExpense) -> None:
        """Keep it, replacing the photo's earlier one (the last put is the last asked)."""
        self.waiting.pop((proposal.chat_id, proposal.message_id), None)
        self.waiting[(proposal.chat_id, proposal.message_id)] = proposal

    async def get(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """The photo's proposal."""
        return self.waiting.get((chat_id, message_id))

    async def take(self, chat_id: int, message_id: int) -> ProposedExpense | None:
        """Remove and return it."""
        return self.waiting.pop((chat_id, message_id), None)

    async def editing(self, chat_id: int, user_id: int) -> ProposedExpense | None:
        """The last proposal the member tapped Edit under."""
        asked = [p for p in self.waiting.values() if p.chat_id == chat_id and p.editing_by == user_id]
        return asked[-1] if asked else None
