"""PendingQrs in memory, whose next settles can be made to fail as a full disk fails them."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from balance_bot.payments.qr_ports import PendingQr
from balance_bot.ports import StorageUnavailable


@dataclass
class InMemoryPendingQrs:
    """The QRs waiting, and how each settled one ended."""

    qrs: dict[tuple[int, int], PendingQr] = field(default_factory=dict)
    settled: dict[tuple[int, int], str] = field(default_factory=dict)
    failing_settles: int = 0  # how many settles to come raise StorageUnavailable

    async def keep(self, qr: PendingQr) -> None:
        self.qrs[(qr.chat_id, qr.message_id)] = qr

    async def waiting(self) -> list[PendingQr]:
        return [qr for key, qr in self.qrs.items() if key not in self.settled]

    async def find(self, chat_id: int, message_id: int) -> PendingQr | None:
        key = (chat_id, message_id)
        return None if key in self.settled else self.qrs.get(key)

    async def by_hand(self, chat_id: int, message_id: int) -> None:
        self.qrs[(chat_id, message_id)] = replace(self.qrs[(chat_id, message_id)], by_hand=True)

    async def settle(self, chat_id: int, message_id: int, how: str) -> None:
        if self.failing_settles:
            self.failing_settles -= 1
            raise StorageUnavailable("the disk is full")
        self.settled[(chat_id, message_id)] = how
