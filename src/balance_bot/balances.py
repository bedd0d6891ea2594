"""Use case: where a group stands — the month read from the sheet, its opening carried forward once."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import tzinfo

from balance_bot.domain.balances import CURRENCIES, ZERO, PeriodBalance, balance_of, month_figures
from balance_bot.domain.ledger import Period, local_day
from balance_bot.domain.months import month_named
from balance_bot.ports import BalanceMirror, Clock, LedgerDirectory, LedgerError, LedgerStore


@dataclass(frozen=True, slots=True)
class Balance:
    """The month's balance, as the sheet stands now."""

    balance: PeriodBalance
    current: bool


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
    """Reads a month in one Sheets call, mirrors it, and carries each month's closing forward once."""

    def __init__(
        self,
        ledgers: LedgerDirectory,
        mirror: BalanceMirror,
        clock: Clock,
        timezone: tzinfo,
        void_prefix: str,
    ) -> None:
        self._ledgers = ledgers
        self._mirror = mirror
        self._clock = clock
        self._timezone = timezone
        self._void_prefix = void_prefix

    def current_period(self) -> Period:
        """The month the team is in, in its time zone."""
        return Period.of(local_day(self._clock.now(), self._timezone))

    async def balance_named(self, chat_id: int, words: str) -> BalanceOutcome:
        """/balance [month]: this month, or the one the words name ("November", "last month")."""
        current = self.current_period()
        period = month_named(words, local_day(self._clock.now(), self._timezone))
        if period is None:
            return UnknownMonth(words)
        if period > current:
            return FutureMonth(period)
        try:
            return Balance(await self.balance(chat_id, period), period == current)
        except LedgerError as exc:
            return BalanceUnavailable(exc)

    async def balance(self, chat_id: int, period: Period) -> PeriodBalance:
        """The month's balance from its worksheet as it stands: one read once the month is open."""
        store = self._ledgers.for_chat(chat_id)
        ledger = await store.identity()
        await self._roll_over(store, ledger)
        return await self._read(store, ledger, period)

    async def month_round(self, chat_id: int) -> PeriodBalance | None:
        """The scheduled round for a group: roll the month over, reconcile it with the sheet, and
        last month's balance the first time it is asked for after that month closed (else None).
        """
        store = self._ledgers.for_chat(chat_id)
        ledger = await store.identity()
        await self._roll_over(store, ledger)
        current = self.current_period()
        await self._read(store, ledger, current)
        previous = current.previous()
        if await self._mirror.period(ledger, previous) is None:
            return None
        if not await self._mirror.claim_summary(chat_id, previous):
            return None
        return await self._read(store, ledger, previous)

    async def groups(self) -> list[int]:
        """The groups whose months are kept: those with a month in the mirror or a saved expense."""
        return await self._mirror.known_chats()

    async def _read(self, store: LedgerStore, ledger: str, period: Period) -> PeriodBalance:
        """One read of the month's worksheet, mirrored; its balance from the mirror's opening."""
        rows = await store.read(period)
        await self._mirror.reconcile(ledger, period, rows)
        record = await self._mirror.period(ledger, period)
        opening = record.opening if record is not None else {}  # before the ledger's first month: unknown
        return balance_of(period, opening, month_figures(rows, self._void_prefix))

    async def _roll_over(self, store: LedgerStore, ledger: str) -> None:
        """Open this month with last month's closing, once.

        A ledger's first month opens at zero: what the cash box held before is unknown, and an
        admin's /topup puts it in. Groups sharing a spreadsheet share its months.
        """
        current = self.current_period()
        if await self._mirror.period(ledger, current) is not None:
            return
        previous = current.previous()
        record = await self._mirror.period(ledger, previous)
        if record is None:
            await self._mirror.open(ledger, current, dict.fromkeys(CURRENCIES, ZERO))
            return
        closed = await self._read(store, ledger, previous)
        await self._mirror.close(ledger, previous, closed.closing())
        await self._mirror.open(ledger, current, closed.closing())
