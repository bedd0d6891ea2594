"""Bank notices waiting for an admin, in a dictionary, with the SQLite adapter's take-once rule; and the
notices' use case on the in-memory fakes."""

from __future__ import annotations

from dataclasses import dataclass, field
from zoneinfo import ZoneInfo

from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.service import CapturePolicy, CaptureService
from balance_bot.domain.parser import HeuristicParser
from balance_bot.payments.recorded_once import NoticePolicy, RecordedOnce
from balance_bot.ports import LedgerDirectory, PendingNotice, PendingNotices
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.outbox import in_memory_delivery

PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


@dataclass
class InMemoryPendingNotices:
    """PendingNotices kept in memory."""

    waiting: dict[tuple[int, int], PendingNotice] = field(default_factory=dict)

    async def put(self, pending: PendingNotice) -> None:
        """Keep it, replacing the message's earlier one."""
        self.waiting[(pending.chat_id, pending.message_id)] = pending

    async def take(self, chat_id: int, message_id: int) -> PendingNotice | None:
        """Remove and return it."""
        return self.waiting.pop((chat_id, message_id), None)


async def _chosen_by_none(chat_id: int) -> bool | None:
    return None


async def _keep_quiet(chat_id: int, quiet: bool) -> None:
    return None


def recorded_once_on(
    ledger: LedgerDirectory, clock: FakeClock, pending: PendingNotices | None = None, *, quiet: bool = False
) -> tuple[RecordedOnce, Delivery]:
    """The notices' use case on an in-memory ledger, outbox and state, every group reading English (and
    confirming with a 👍 when `quiet`), the outbox's waits moving the fake clock; stop the delivery after."""
    state = InMemoryCaptureState()
    delivery, _ = in_memory_delivery(ledger, state, clock)
    policy = CapturePolicy(timezone=PHNOM_PENH)
    capture = CaptureService(MessageInterpreter(HeuristicParser()), ledger, delivery, state, clock, policy)
    languages = english_by_default()
    conversation = Conversation(capture, languages, QuietChats(quiet, _chosen_by_none, _keep_quiet))
    notices = RecordedOnce(
        capture,
        conversation,
        delivery,
        ledger,
        pending or InMemoryPendingNotices(),
        languages,
        clock,
        NoticePolicy(PHNOM_PENH, "[void] "),
    )
    return notices, delivery
