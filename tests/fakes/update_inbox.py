"""An update inbox in memory, as the Poller's UpdateInbox."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field


@dataclass
class InMemoryUpdateInbox:
    """Keeps update JSON by id; `handled` plays the handled-update log's part."""

    kept: dict[int, str] = field(default_factory=dict)
    handled: set[int] = field(default_factory=set)
    keeps: int = 0

    async def keep(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep the updates; count the writes."""
        self.keeps += 1
        self.kept.update(updates)

    async def unhandled(self) -> list[tuple[int, str]]:
        """What was kept and not handled, oldest first."""
        return sorted(
            (update_id, body) for update_id, body in self.kept.items() if update_id not in self.handled
        )
