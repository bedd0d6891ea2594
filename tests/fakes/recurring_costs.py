"""RecurringStore in memory, with the SQLite adapter's rules: numbers never given twice, days done only
move forward; its next `done` calls can be made to fail as a full disk fails them. And the recurring
costs' use cases on the in-memory fakes."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field, replace
from datetime import date, datetime

from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.service import CapturePolicy, CaptureService
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.parser import HeuristicParser
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import LedgerDirectory, StorageUnavailable
from balance_bot.recurring.commands import CommandPolicy, RecurringCommands
from balance_bot.recurring.costs import NewCost, RecurringCost
from balance_bot.recurring.posting import RecurringRounds
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.outbox import in_memory_delivery
from tests.fakes.pending_notices import PHNOM_PENH


@dataclass
class InMemoryRecurringCosts:
    """The costs by number, those stopped, and each one's next day due."""

    costs: dict[int, RecurringCost] = field(default_factory=dict)
    next_days: dict[int, date] = field(default_factory=dict)
    stopped: set[int] = field(default_factory=set)
    failing_dones: int = 0

    async def add(self, cost: NewCost, added_at: datetime) -> RecurringCost:
        number = max(self.costs, default=0) + 1
        terms = {name: getattr(cost, name) for name in NewCost.__dataclass_fields__}
        kept = RecurringCost(**terms, number=number, done_through=cost.before_first)
        self.costs[number] = kept
        self.next_days[number] = cost.schedule.first
        return kept

    async def active(self, chat_id: int) -> list[RecurringCost]:
        return [
            cost
            for number, cost in sorted(self.costs.items())
            if cost.chat_id == chat_id and number not in self.stopped
        ]

    async def chats_due(self, today: date) -> list[int]:
        return sorted(
            {
                cost.chat_id
                for number, cost in self.costs.items()
                if number not in self.stopped and self.next_days[number] <= today
            }
        )

    async def stop(self, chat_id: int, number: int, stopped_at: datetime) -> RecurringCost | None:
        cost = self.costs.get(number)
        if cost is None or cost.chat_id != chat_id or number in self.stopped:
            return None
        self.stopped.add(number)
        return cost

    async def done(self, number: int, day: date, next_day: date) -> None:
        if self.failing_dones:
            self.failing_dones -= 1
            raise StorageUnavailable("the disk is full")
        cost = self.costs[number]
        if day > cost.done_through:
            self.costs[number] = replace(cost, done_through=day)
            self.next_days[number] = next_day


class EnglishMarkers:
    """RowMarkers: every group's rows say 'recurring'."""

    async def marker(self, chat_id: int) -> str:
        return "recurring"


@dataclass
class RecurringOnFakes:
    """The recurring costs' use cases on an in-memory ledger, outbox, state and store, the group reading
    English (or the languages given); stop the delivery after."""

    ledger: LedgerDirectory
    clock: FakeClock
    store: InMemoryRecurringCosts = field(default_factory=InMemoryRecurringCosts)
    languages: ChatLanguages = field(default_factory=english_by_default)
    served: Callable[[Iterable[int]], Awaitable[list[int]]] | None = None
    hour: int = 0  # the hour a day's rows are written

    def __post_init__(self) -> None:
        state = InMemoryCaptureState()
        self.delivery, self.outbox = in_memory_delivery(self.ledger, state, self.clock)
        policy = CapturePolicy(timezone=PHNOM_PENH)
        capture = CaptureService(
            MessageInterpreter(HeuristicParser()), self.ledger, self.delivery, state, self.clock, policy
        )
        self.capture = capture
        conversation = Conversation(capture, self.languages, QuietChats(True, _chosen_by_none, _keep_quiet))
        self.commands = RecurringCommands(
            self.store,
            HeuristicParser().parse,
            self.languages,
            self.clock,
            CommandPolicy(PHNOM_PENH, AmountLimits()),
        )
        self.rounds = RecurringRounds(
            self.store,
            capture,
            conversation,
            self.delivery,
            self.ledger,
            EnglishMarkers(),
            self.clock,
            PHNOM_PENH,
            self.served,
            self.hour,
        )


async def _chosen_by_none(chat_id: int) -> bool | None:
    return None


async def _keep_quiet(chat_id: int, quiet: bool) -> None:
    return None
