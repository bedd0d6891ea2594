"""Use case: each recurring cost's row written on its day, once; the days the bot was down written when it
is back, each on its own day, oldest first.

Whether a day's row is written is read from the ledger (the months it may be in, in one read, only when
some day is due) and from the rows on their way to it, not only from the bot's database: a database
restored from an older copy, or two rounds at once, write no day twice.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from typing import Protocol

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.outcomes import LedgerProblem, Silent, StorageProblem
from balance_bot.capture.reply_plan import ReplyPlan, said_in_words
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.domain.ledger import Period, local_day
from balance_bot.ports import Clock, LedgerDirectory, LedgerError, LedgerNotConnected, StorageUnavailable
from balance_bot.recurring.costs import RecurringCost, RecurringStore, keys_in, row_item

log = logging.getLogger(__name__)
# A group whose sheet could not be read is asked again after this long, not at every round: the sheet's
# quota is the team's, and a sheet that is down is down for a while.
RETRY_AFTER = timedelta(minutes=30)


@dataclass(frozen=True, slots=True)
class Posted:
    """A cost's row of one day as the group hears it: the capture flow's plan of the row (confirmed with
    Undo once written, or why it could not be), said in words."""

    cost: RecurringCost
    day: date
    plan: ReplyPlan


class RowMarkers(Protocol):
    """The port to the group's word that marks a recurring cost's row in its Item ('recurring')."""

    async def marker(self, chat_id: int) -> str:
        """The word, in the group's language."""
        ...


class RecurringRounds:
    """Writes the rows of the days due, group by group."""

    def __init__(
        self,
        store: RecurringStore,
        capture: CaptureService,
        conversation: Conversation,
        delivery: Delivery,
        ledgers: LedgerDirectory,
        markers: RowMarkers,
        clock: Clock,
        timezone: tzinfo,
        served: Callable[[Iterable[int]], Awaitable[list[int]]] | None = None,
        hour: int = 0,
    ) -> None:
        self._store = store
        self._capture = capture
        self._conversation = conversation
        self._delivery = delivery
        self._ledgers = ledgers
        self._markers = markers
        self._clock = clock
        self._timezone = timezone  # whose day a cost falls on
        self._served = served  # those of the groups the bot serves and is still in
        self._hour = hour  # a day's rows are written from this hour of it, when the team is up to see them
        # A group's look in the ledger and its writes are one step: two rounds at once write a day once.
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._resting: dict[int, datetime] = {}  # a group whose sheet failed -> when to try it again

    async def groups_due(self) -> list[int]:
        """The groups with a day due, from the bot's database alone (no read of any sheet); a group
        whose sheet failed lately waits RETRY_AFTER."""
        now = self._clock.now()
        chats = [
            chat for chat in await self._store.chats_due(self._today()) if self._resting.get(chat, now) <= now
        ]
        return chats if self._served is None else await self._served(chats)

    async def post_due(self, chat_id: int) -> list[Posted]:
        """The group's days due, each written once, oldest first. A sheet that cannot be read or
        written, or a database that fails, leaves the rest for the next round."""
        async with self._locks[chat_id]:
            today = self._today()
            try:
                costs = await self._store.active(chat_id)
                due = sorted(((day, cost) for cost in costs for day in cost.due(today)), key=_by_day)
                if not due:
                    return []
                written = await self._written(chat_id, [day for day, _ in due])
                return await self._write(due, written)
            except LedgerNotConnected:
                self._resting[chat_id] = self._clock.now() + RETRY_AFTER  # until an admin connects one
            except LedgerError as exc:
                log.warning("the recurring costs of chat %s wait: the sheet cannot be read: %s", chat_id, exc)
                self._resting[chat_id] = self._clock.now() + RETRY_AFTER
            except StorageUnavailable as exc:
                log.warning("the recurring costs of chat %s wait: the database failed: %s", chat_id, exc)
            return []

    async def _write(
        self, due: list[tuple[date, RecurringCost]], written: set[tuple[int, date]]
    ) -> list[Posted]:
        """Each day not written yet, in order; a row written is said even when the database cannot note
        it done (the next round finds it in the ledger, or on its way there)."""
        posted: list[Posted] = []
        try:
            for day, cost in due:
                if (cost.number, day) not in written:
                    plan = await self._post(cost, day)
                    if isinstance(plan.outcome, LedgerProblem | StorageProblem):
                        log.warning("recurring cost #%s of %s waits: %s", cost.number, day, plan.outcome)
                        self._resting[cost.chat_id] = self._clock.now() + RETRY_AFTER
                        break  # nothing was written: a later round tries again
                    if not isinstance(plan.outcome, Silent):  # Silent: written before (a bookkeeper
                        posted.append(Posted(cost, day, plan))  # took it out of the sheet since)
                await self._store.done(cost.number, day, cost.schedule.next_after(day))
        except StorageUnavailable as exc:
            log.warning("the recurring costs' days done could not be noted: %s", exc)
        return posted

    async def _written(self, chat_id: int, days: list[date]) -> set[tuple[int, date]]:
        """The (cost, day) rows in the ledger or on their way to it. A voided row counts: an admin's Undo
        of a day's row is not undone by a later round."""
        with contextlib.suppress(LedgerError, StorageUnavailable):
            await self._delivery.settle(chat_id)  # rows on their way are in the sheet first
        items = [line.purpose for queued in await self._delivery.waiting(chat_id) for line in queued.lines]
        # A day of a month closed since goes to this month's worksheet.
        this_month = Period.of(local_day(self._clock.now(), self._timezone))
        periods = sorted({Period.of(day) for day in days} | {this_month})
        store = self._ledgers.for_chat(chat_id)
        if len(periods) == 1:  # the usual day: this month's tab alone, read by its title in one call
            rows = await store.read(periods[0])
        else:  # days of last month too: the months' tabs together (the spreadsheet's titles, then rows)
            rows = [row for month in (await store.read_months(periods)).values() for row in month]
        return keys_in([*items, *(row.item for row in rows)])

    async def _post(self, cost: RecurringCost, day: date) -> ReplyPlan:
        """The row of the day, through the outbox as every row, posted by the admin who set the cost up."""
        marker = await self._markers.marker(cost.chat_id)
        message = IncomingMessage(
            cost.chat_id, cost.row_message_id(day), cost.added_by, cost.added_by_name, "", self._clock.now()
        )
        outcome = await self._capture.spent_on(
            message, day, cost.money, row_item(cost, day, marker), cost.category
        )
        return said_in_words(await self._conversation.plan(cost.chat_id, outcome, cost.added_by_name))

    def _today(self) -> date:
        """The last day whose rows are due: today from the hour they are written, else yesterday."""
        local = self._clock.now().astimezone(self._timezone)
        return local.date() if local.hour >= self._hour else local.date() - timedelta(days=1)


def _by_day(due: tuple[date, RecurringCost]) -> tuple[date, int]:
    return due[0], due[1].number
