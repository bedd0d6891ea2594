"""Use case: where a group stands — the month read from the sheet, its opening carried forward once."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo

from balance_bot.domain.balances import CURRENCIES, ZERO, PeriodBalance, balance_of, month_figures
from balance_bot.domain.ledger import EntrySource, Period, SheetRow, local_day
from balance_bot.domain.members import MembersMonth, PaymentMode, members_month
from balance_bot.domain.months import month_named
from balance_bot.domain.roster import Roster
from balance_bot.ports import (
    BalanceMirror,
    Clock,
    LedgerDirectory,
    LedgerError,
    LedgerStore,
    MemberDirectory,
    PeriodRecord,
)

# How long rows read for a question answer the next ones: an open month's a few seconds (members
# post into it); a closed month's some minutes, so paging through old months in the Mini App
# costs each month one read, however many viewers page through it.
ROWS_FRESH_SECONDS = 5
CLOSED_ROWS_FRESH_SECONDS = 600


@dataclass(frozen=True, slots=True)
class Balance:
    """The month's balance, as the sheet stands now."""

    balance: PeriodBalance
    current: bool
    # Last month still takes late expenses until this day, so this month's opening may change.
    opening_settles_on: date | None = None
    # Last month itself, while it takes late expenses: its figures may still change until this day.
    open_until: date | None = None


@dataclass(frozen=True, slots=True)
class UnknownMonth:
    """The words name no month."""

    words: str


@dataclass(frozen=True, slots=True)
class FutureMonth:
    """The month has not begun."""

    period: Period


@dataclass(frozen=True, slots=True)
class BalanceUnavailable:
    """The sheet could not be read."""

    error: LedgerError


BalanceOutcome = Balance | UnknownMonth | FutureMonth | BalanceUnavailable


class BalanceService:
    """Reads a month in one Sheets call, mirrors it, and carries each month's closing forward once.

    A month stays open for `grace_days` into the next one, for expenses posted a day or two
    late ("yesterday taxi 5$" on the 1st); until it closes, the next month's opening follows
    its balance, and its summary waits.
    """

    def __init__(
        self,
        ledgers: LedgerDirectory,
        mirror: BalanceMirror,
        clock: Clock,
        timezone: tzinfo,
        void_prefix: str,
        grace_days: int = 3,
        rows_read: Callable[[int, list[SheetRow]], Awaitable[object]] | None = None,
        payment_mode: Callable[[int], Awaitable[PaymentMode]] | None = None,
        members: MemberDirectory | None = None,
    ) -> None:
        self._members = members  # who is who by user id; without it, members are the names rows carry
        self._payment_mode = payment_mode  # whose money pays for what members post, per group
        self._rows_read = rows_read  # e.g. categories a bookkeeper chose, learned from the rows
        self._ledgers = ledgers
        self._mirror = mirror
        self._clock = clock
        self._timezone = timezone
        self._void_prefix = void_prefix
        self._grace_days = grace_days
        # Each group's current month's cash moves as last read: not its rows, kept once per group.
        self._latest: dict[int, tuple[Period, MembersMonth]] = {}
        # Rows read for questions, kept a few seconds: a burst of questions is one read per month.
        self._recent_rows: dict[tuple[str, Period], tuple[datetime, list[SheetRow]]] = {}
        # One read of a month at a time: forty members opening the Mini App at once cost one read.
        self._reading: dict[tuple[str, Period], asyncio.Lock] = {}

    async def roster(self, chat_id: int) -> Roster | None:
        """The group's members by user id, as seen post there; None when the bot keeps no directory."""
        if self._members is None:
            return None
        return Roster.of((member.user_id, member.name) for member in await self._members.members(chat_id))

    def current_period(self) -> Period:
        """The month the team is in, in its time zone."""
        return Period.of(self._today())

    def _today(self) -> date:
        return local_day(self._clock.now(), self._timezone)

    def current_day(self) -> date:
        """The team's date today, in its time zone."""
        return self._today()

    def _last_day_open(self, period: Period) -> date:
        """The last day a month takes late expenses: `grace_days` into the next month."""
        return period.next().first_day() + timedelta(days=self._grace_days - 1)

    async def is_open(self, chat_id: int, period: Period) -> bool:
        """Whether an expense dated in the month still goes to its worksheet: this month, or
        last month during the grace days unless it was closed already.
        """
        current = self.current_period()
        if period >= current:
            return True
        if period != current.previous() or self._today() > self._last_day_open(period):
            return False
        ledger = await self._ledgers.for_chat(chat_id).identity()
        record = await self._mirror.period(ledger, period)
        return record is None or record.closing is None

    async def balance_named(self, chat_id: int, words: str) -> BalanceOutcome:
        """/balance [month]: this month, or the one the words name ("November", "last month")."""
        current = self.current_period()
        period = month_named(words, local_day(self._clock.now(), self._timezone))
        if period is None:
            return UnknownMonth(words)
        if period > current:
            return FutureMonth(period)
        try:
            balance, last_month_open = await self._balance(chat_id, period)
        except LedgerError as exc:
            return BalanceUnavailable(exc)
        if period == current:
            settles = self._last_day_open(period.previous()) if last_month_open else None
            return Balance(balance, current=True, opening_settles_on=settles)
        open_until = self._last_day_open(period) if await self.is_open(chat_id, period) else None
        return Balance(balance, current=False, open_until=open_until)

    async def balance(self, chat_id: int, period: Period) -> PeriodBalance:
        """The month's balance from its worksheet as it stands: one read once the month is open,
        and one more of last month while it is open, as late expenses move this month's opening.
        """
        balance, _ = await self._balance(chat_id, period)
        return balance

    async def _balance(self, chat_id: int, period: Period) -> tuple[PeriodBalance, bool]:
        """The month's balance, and whether last month still takes late expenses."""
        store = self._ledgers.for_chat(chat_id)
        ledger = await store.identity()
        last_month_open = await self._roll_over(
            chat_id, store, ledger, read_open_month=period == self.current_period()
        )
        return await self._read(chat_id, store, ledger, period), last_month_open

    async def month_round(self, chat_id: int) -> PeriodBalance | None:
        """The scheduled round for a group: roll the month over, reconcile it with the sheet, and
        last month's balance the first time it is asked for after that month closed (else None).
        """
        store = self._ledgers.for_chat(chat_id)
        ledger = await store.identity()
        await self._roll_over(chat_id, store, ledger, read_open_month=True)
        current = self.current_period()
        await self._read(chat_id, store, ledger, current)
        previous = current.previous()
        record = await self._mirror.period(ledger, previous)
        if record is None or record.closing is None:
            return None  # summed up once it has closed, late expenses included
        if not await self._mirror.claim_summary(chat_id, previous):
            return None
        return await self._read(chat_id, store, ledger, previous)

    async def rows(self, chat_id: int, period: Period) -> list[SheetRow]:
        """The month's rows as the sheet has them now: read at most every ROWS_FRESH_SECONDS, and
        mirrored, so a bookkeeper's edit counts in the next answer."""
        return await self.rows_of(chat_id, [period])

    async def months_kept(self, chat_id: int, periods: Sequence[Period]) -> set[Period]:
        """Those of the months the group's sheet has a worksheet for."""
        return await self._ledgers.for_chat(chat_id).months_kept(periods)

    async def rows_of(self, chat_id: int, periods: Sequence[Period]) -> list[SheetRow]:
        """The months' rows in order, as `rows` has them: the months not read lately in one read of
        one month, or one go for several."""
        store = self._ledgers.for_chat(chat_id)
        ledger = await store.identity()
        now = self._clock.now()
        kept = {period: self._recent_rows.get((ledger, period)) for period in periods}
        stale = [
            period
            for period, rows in kept.items()
            if rows is None or now - rows[0] >= self._fresh_for(period)
        ]
        if len(stale) == 1:
            key = (ledger, stale[0])
            async with self._reading.setdefault(key, asyncio.Lock()):
                meanwhile = self._recent_rows.get(key)
                if meanwhile is None or meanwhile is kept[stale[0]]:  # not read by another meanwhile
                    await self._remember(chat_id, ledger, now, kept, {stale[0]: await store.read(stale[0])})
        elif stale:
            await self._remember(chat_id, ledger, now, kept, await store.read_months(stale))
        answer = [row for period in periods for row in self._recent_rows[(ledger, period)][1]]
        if stale:
            self._forget_old_rows(now)
        return answer

    async def _remember(
        self,
        chat_id: int,
        ledger: str,
        now: datetime,
        kept: dict[Period, tuple[datetime, list[SheetRow]] | None],
        read: dict[Period, list[SheetRow]],
    ) -> None:
        """Keep the months' rows just read, and mirror those the sheet changed."""
        for period, rows in read.items():
            earlier = kept[period]
            if (
                earlier is None or earlier[1] != rows
            ):  # the mirror is written again only when the sheet changed
                await self._mirrored(chat_id, ledger, period, rows)
            self._recent_rows[(ledger, period)] = (now, rows)

    def _fresh_for(self, period: Period) -> timedelta:
        """How long a month's rows, once read, answer again: longer once it takes no more expenses."""
        closed = period < self.current_period() and self._today() > self._last_day_open(period)
        return timedelta(seconds=CLOSED_ROWS_FRESH_SECONDS if closed else ROWS_FRESH_SECONDS)

    def _forget_old_rows(self, now: datetime) -> None:
        """Drop the months whose rows would be read again anyway: memory stays that of recent reads."""
        for key, (read_at, _) in list(self._recent_rows.items()):
            if now - read_at >= self._fresh_for(key[1]):
                del self._recent_rows[key]
        for key, lock in list(self._reading.items()):
            if not lock.locked():
                del self._reading[key]

    async def message_of_row(self, chat_id: int, period: Period, number: int) -> int | None:
        """The group's message row No `number` of the month came from; None when no row of the
        bot's has that No (a bookkeeper may have renumbered or added rows by hand). Rows read in the
        last seconds may predate the row: then the month is read again."""
        for fresh in (False, True):
            if fresh:
                await self.forget_rows(chat_id)
            for row in await self.rows(chat_id, period):
                source = EntrySource.parse(row.reference) if row.number == number else None
                if source is not None and source.chat_id == chat_id:
                    return source.message_id
        return None

    async def forget_rows(self, chat_id: int) -> None:
        """The group's rows are read again for the next question: the bot just changed them."""
        ledger = await self._ledgers.for_chat(chat_id).identity()
        for key in [key for key in self._recent_rows if key[0] == ledger]:
            del self._recent_rows[key]

    def latest_members(self, chat_id: int) -> MembersMonth | None:
        """Who moved or holds cash in the group's current month as last read (by a round or /balance),
        as MembersMonth.cash_moves() keeps them; None before the first read or without members."""
        latest = self._latest.get(chat_id)
        return latest[1] if latest is not None and latest[0] == self.current_period() else None

    async def groups(self) -> list[int]:
        """The groups whose months are kept: those with a month in the mirror or a saved expense."""
        return await self._mirror.known_chats()

    async def _read(self, chat_id: int, store: LedgerStore, ledger: str, period: Period) -> PeriodBalance:
        """One read of the month's worksheet, mirrored; its balance from the mirror's opening.

        An earlier month still open passes what it holds now on to the next month's opening.
        """
        rows = await store.read(period)
        await self._mirrored(chat_id, ledger, period, rows)
        balance, record = await self._balance_of(chat_id, ledger, period, rows)
        if record is not None and record.closing is None and period < self.current_period():
            members = balance.members.positions() if balance.members is not None else {}
            await self._mirror.carry(ledger, period.next(), balance.closing(), members)
        return balance

    async def balance_of_rows(self, chat_id: int, period: Period, rows: list[SheetRow]) -> PeriodBalance:
        """The month's balance from rows already read (by `rows`): no read of its own."""
        ledger = await self._ledgers.for_chat(chat_id).identity()
        return (await self._balance_of(chat_id, ledger, period, rows))[0]

    async def _mirrored(self, chat_id: int, ledger: str, period: Period, rows: list[SheetRow]) -> None:
        """The month's rows as read kept in the mirror, and shown to whoever learns from them."""
        await self._mirror.reconcile(ledger, period, rows)
        if self._rows_read is not None:
            await self._rows_read(chat_id, rows)

    async def _balance_of(
        self, chat_id: int, ledger: str, period: Period, rows: list[SheetRow]
    ) -> tuple[PeriodBalance, PeriodRecord | None]:
        """The balance of the rows from the mirror's opening (the box's and the members'), and the record."""
        record = await self._mirror.period(ledger, period)
        opening = record.opening if record is not None else {}  # before the ledger's first month: unknown
        mode = await self._payment_mode(chat_id) if self._payment_mode is not None else PaymentMode.MEMBER
        roster = await self.roster(chat_id)
        members = members_month(
            rows, self._void_prefix, record.members_opening if record is not None else {}, mode, roster
        )
        figures = month_figures(rows, self._void_prefix, roster.shown_poster if roster is not None else None)
        balance = balance_of(period, opening, figures, members)
        if period == self.current_period() and members is not None:
            self._latest[chat_id] = (period, members.cash_moves())
        return balance, record

    async def _roll_over(
        self, chat_id: int, store: LedgerStore, ledger: str, *, read_open_month: bool
    ) -> bool:
        """Open this month with last month's balance, and close last month once its grace is over;
        whether last month is still open.

        While it is open, last month is read when this month opens, and whenever
        `read_open_month` asks for its late expenses to move this month's opening.
        A ledger's first month opens at zero: what the cash box held before is unknown, and an
        admin's /topup puts it in. Groups sharing a spreadsheet share its months.
        """
        current = self.current_period()
        previous = current.previous()
        record = await self._mirror.period(ledger, previous)
        is_open = await self._mirror.period(ledger, current) is not None
        if record is None or record.closing is not None:
            if not is_open:
                closing = record.closing if record is not None else None
                members = record.members_closing if record is not None else None
                await self._mirror.open(
                    ledger, current, closing or dict.fromkeys(CURRENCIES, ZERO), members or {}
                )
            return False
        grace_over = self._today() > self._last_day_open(previous)
        if is_open and not grace_over and not read_open_month:
            return True
        balance = await self._read(chat_id, store, ledger, previous)  # carries its balance into this month
        if grace_over:
            members = balance.members.positions() if balance.members is not None else {}
            await self._mirror.close(ledger, previous, balance.closing(), members)
        return not grace_over
