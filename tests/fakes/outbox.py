"""An outbox in memory that records delivered messages into a capture state, as the SQLite one does."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from balance_bot.capture.delivery import Delivery
from balance_bot.ports import CaptureState, LedgerDirectory, OutboxChat, QueuedMessage, SavedMessage
from tests.fakes.clock import FakeClock


@dataclass
class InMemoryOutbox:
    """Outbox kept in a list; `delivered_messages` keeps what went out, for assertions."""

    state: CaptureState
    queued: list[QueuedMessage] = field(default_factory=list)
    delivered_keys: set[tuple[int, int, int]] = field(default_factory=set)
    failures: dict[tuple[int, int, int], list[str]] = field(default_factory=dict)

    async def put(self, queued: QueuedMessage) -> bool:
        """Keep it unless the same message and revision came before."""
        key = (queued.chat_id, queued.message_id, queued.revision)
        if key in self.delivered_keys or any(_key(q) == key for q in self.queued):
            return False
        self.queued.append(queued)
        return True

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """In order."""
        return [q for q in self.queued if q.chat_id == chat_id]

    async def chats_waiting(self) -> list[int]:
        """Distinct chats."""
        return sorted({q.chat_id for q in self.queued})

    async def failed(self, queued: Sequence[QueuedMessage], reason: str) -> None:
        """Count the attempt."""
        for q in queued:
            self.failures.setdefault(_key(q), []).append(reason)

    async def delivered(self, landed: Sequence[tuple[QueuedMessage, SavedMessage]]) -> None:
        """Move them out and record them."""
        for queued, saved in landed:
            self.delivered_keys.add(_key(queued))
            await self.state.record(saved)
        self.queued = [q for q in self.queued if _key(q) not in self.delivered_keys]

    async def summary(self) -> list[OutboxChat]:
        """Per chat."""
        return [
            OutboxChat(
                chat_id,
                len(waiting := [q for q in self.queued if q.chat_id == chat_id]),
                sum(len(q.lines) for q in waiting),
                waiting[0].queued_at,
                max(len(self.failures.get(_key(q), [])) for q in waiting),
                (self.failures.get(_key(waiting[0])) or [None])[-1],
            )
            for chat_id in await self.chats_waiting()
        ]


def _key(queued: QueuedMessage) -> tuple[int, int, int]:
    return (queued.chat_id, queued.message_id, queued.revision)


def in_memory_delivery(
    ledgers: LedgerDirectory, state: CaptureState, clock: FakeClock
) -> tuple[Delivery, InMemoryOutbox]:
    """A Delivery on an in-memory outbox whose waits move the fake clock."""
    outbox = InMemoryOutbox(state)
    return Delivery(outbox, ledgers, sleep=clock.sleep, now=clock.now), outbox
