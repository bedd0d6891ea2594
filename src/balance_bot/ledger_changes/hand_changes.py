"""Use case: what changed in the sheet by hand, on /changes (admins) and once a day: the group's rows as
the bot wrote them compared with its months as they stand, each change told once, in a calm record."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from datetime import date, datetime, time, tzinfo

from balance_bot.balances.service import BalanceService
from balance_bot.capture.outcomes import AdminCheck
from balance_bot.domain.hand_edits import HandChange, changes_by_hand
from balance_bot.domain.ledger import Period, SheetRow, local_day
from balance_bot.groups.membership import GroupMembership
from balance_bot.ports import (
    Clock,
    LedgerDirectory,
    LedgerError,
    StorageUnavailable,
    ToldChanges,
    WrittenRows,
)

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class ChangesForAdmins:
    """What changed in the sheet is for the group's admins to ask."""


@dataclass(frozen=True, slots=True)
class ChangesUnreadable:
    """The sheet could not be read, so nothing could be compared."""

    error: LedgerError


@dataclass(frozen=True, slots=True)
class ChangesReport:
    """The changes by hand the group was not told of yet, in the months compared; when there are none,
    the day since which nothing changed (the last time one was told, or the first month's 1st)."""

    chat_id: int
    periods: tuple[Period, ...]
    changes: tuple[HandChange, ...]
    since: date


ChangesAnswer = ChangesForAdmins | ChangesUnreadable | ChangesReport


@dataclass(frozen=True, slots=True)
class ChangesPolicy:
    """When the daily look is: at `hour` o'clock in the team's time zone, or at the first round after
    it when the bot was down then."""

    timezone: tzinfo
    hour: int = 18
    groups_per_look: int = 20  # each round's share: at most this many reads of Google's minute quota


class HandChanges:
    """Compares what the bot wrote with the month (and last month while it takes late expenses) in one
    read of the months, the call /balance reads them with; none per row."""

    def __init__(
        self,
        balances: BalanceService,
        ledgers: LedgerDirectory,
        written: WrittenRows,
        told: ToldChanges,
        clock: Clock,
        policy: ChangesPolicy,
        membership: GroupMembership | None = None,
    ) -> None:
        self._balances = balances
        self._ledgers = ledgers
        self._written = written
        self._told = told
        self._clock = clock
        self._policy = policy
        self._membership = membership  # the groups the bot is still in; without it, every known group
        self._looked: dict[int, date] = {}  # the day each group had its daily look, in this run

    async def command(self, chat_id: int, is_admin: AdminCheck) -> ChangesAnswer:
        """/changes: the changes not told yet; a member is told it is for admins."""
        if not await is_admin():
            return ChangesForAdmins()
        try:
            return await self._report(chat_id)
        except LedgerError as exc:
            return ChangesUnreadable(exc)

    def due(self) -> bool:
        """Whether today's daily look has come (its hour has passed in the team's time zone)."""
        now = self._clock.now().astimezone(self._policy.timezone)
        return now.time() >= time(self._policy.hour)

    async def groups_due(self) -> list[int]:
        """The next share of the groups whose daily look has come and not been had (none before the hour)."""
        if not self.due():
            return []
        groups = await self._balances.groups()
        if self._membership is not None:
            groups = await self._membership.served(groups)
        waiting = [chat_id for chat_id in groups if not self.looked_today(chat_id)]
        return waiting[: self._policy.groups_per_look]

    async def daily(self, chat_id: int) -> ChangesReport | None:
        """The group's daily look once its hour has passed: the new changes, or None when there is none
        (quiet), or when the look was had today; a sheet that cannot be read raises the ledger's error."""
        today = self._today()
        if not self.due() or self._looked.get(chat_id) == today:
            return None
        # Claimed before the read, so a restart costs no second read; a sheet that cannot be read
        # loses the day's look, and the next day's tells what this one missed.
        self._looked[chat_id] = today
        if not await self._told.claim_day(chat_id, today):  # looked at before a restart
            return None
        await self._forget_old(chat_id)
        report = await self._report(chat_id)
        return report if report.changes else None

    async def told_of(self, report: ChangesReport) -> None:
        """The group was shown the report: its changes are not told again."""
        if report.changes:
            keys = [change.key for change in report.changes]
            await self._told.remember(report.chat_id, keys, self._clock.now())

    async def _report(self, chat_id: int) -> ChangesReport:
        periods = await self._months(chat_id)
        rows = await self._read(chat_id, periods)
        written = await self._written.written(chat_id, periods)
        told = await self._told.told(chat_id)
        current = periods[-1]
        changes = changes_by_hand(written, rows, chat_id, current)
        new = tuple(change for change in changes if change.key not in told)
        last = await self._told.last_told(chat_id)
        since = periods[0].first_day()
        if last is not None:
            since = max(since, local_day(last, self._policy.timezone))
        return ChangesReport(chat_id, periods, new, since)

    async def _read(self, chat_id: int, periods: tuple[Period, ...]) -> list[SheetRow]:
        """The months' rows in one read, straight from the store: through the balances, rows that
        changed would also have the Categories tab read, to learn from them."""
        store = self._ledgers.for_chat(chat_id)
        if len(periods) == 1:
            return await store.read(periods[0])
        read = await store.read_months(periods)
        return [row for period in periods for row in read.get(period, [])]

    async def _forget_old(self, chat_id: int) -> None:
        """Rows and told changes of the months before last month are compared no more: kept, they would
        grow by a row an expense for every group, for ever."""
        last_month = self._balances.current_period().previous()
        start = datetime.combine(last_month.first_day(), time(), self._policy.timezone)
        try:
            await self._written.forget_before(chat_id, last_month)
            await self._told.forget_before(chat_id, start)
        except StorageUnavailable as exc:  # tomorrow's look lets them go
            log.warning("could not let go of old rows kept for /changes: %s", exc)

    async def _months(self, chat_id: int) -> tuple[Period, ...]:
        """This month, after last month while it still takes late expenses."""
        current = self._balances.current_period()
        previous = current.previous()
        if await self._balances.is_open(chat_id, previous):
            return (previous, current)
        return (current,)

    def _today(self) -> date:
        return local_day(self._clock.now(), self._policy.timezone)

    def looked_today(self, chat_id: int) -> bool:
        """Whether the group had its daily look today, in this run (the job skips it without a read)."""
        return self._looked.get(chat_id) == self._today()
