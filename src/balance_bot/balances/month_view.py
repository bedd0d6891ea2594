"""Use case: a group's month at a glance for the Mini App — the entries and totals every member sees,
their own marked (with Undo while it is allowed), and for admins the cash, members' balances, usage."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal

from balance_bot.balances.service import BalanceService
from balance_bot.domain.balances import PeriodBalance, month_figures
from balance_bot.domain.ledger import EntrySource, Period, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.groups.usage import UsageReport
from balance_bot.ports import CaptureState, Clock, MonthUsage
from balance_bot.questions.policy import MembersMay

Amounts = dict[Currency, Decimal]


@dataclass(frozen=True, slots=True)
class MonthEntry:
    """One expense row as the page shows it."""

    number: int | None
    day: date | None
    item: str
    category: str
    amount: Decimal
    currency: Currency
    member: str
    mine: bool
    undo_message_id: int | None  # set when the viewer may still undo it, as with the button
    awaiting: bool = False  # awaits an admin's approval: shown apart, out of the totals


@dataclass(frozen=True, slots=True)
class MonthPage:
    """What the Mini App shows of a month; the admin's part is None for members."""

    period: Period
    entries: tuple[MonthEntry, ...]
    totals: Amounts
    by_member: dict[str, Amounts]
    by_category: dict[str, Amounts]
    by_day: dict[date, Amounts]
    admin: bool
    balance: PeriodBalance | None = None
    usage: MonthUsage | None = None
    awaiting: Amounts = field(default_factory=dict)  # the entries awaiting approval, summed apart


class MonthView:
    """Reads the month's rows (at most every few seconds) and shapes them for one viewer."""

    def __init__(
        self,
        balances: BalanceService,
        state: CaptureState,
        clock: Clock,
        undo_window: timedelta,
        void_prefix: str,
        usage: UsageReport | None = None,
        members_may: MembersMay = MembersMay.OWN,
    ) -> None:
        self._members_may = members_may  # what a member (not an admin) may ask is what the page shows
        self._balances = balances
        self._state = state
        self._clock = clock
        self._undo_window = undo_window
        self._void_prefix = void_prefix
        self._usage = usage

    async def page(
        self, chat_id: int, viewer_id: int, viewer: str, admin: bool, period: Period, today: date
    ) -> MonthPage:
        """The month for this viewer: the role decides what is in it, not the page. A member sees others'
        entries and each member's totals only under ASK_FOR_MEMBERS=all; under `own` their own entries
        and the group's totals; under `none` their own entries and what they add up to."""
        rows = await self._balances.rows(chat_id, period)
        roster = await self._balances.roster(chat_id)
        everyone = admin or self._members_may is MembersMay.ALL

        def is_mine(row: SheetRow) -> bool:  # by user id: a name another member takes is not theirs
            if roster is None:
                return row.member.strip().casefold() == viewer.strip().casefold()
            return roster.poster_of(row) == viewer_id

        entries = []
        for row in rows:
            if row.item.startswith(self._void_prefix):
                continue
            mine = is_mine(row)
            if not (mine or everyone):
                continue
            for currency, amount in ((Currency.USD, row.usd), (Currency.KHR, row.khr)):
                if not amount:
                    continue
                undo = (
                    await self._undoable(chat_id, viewer_id, row.reference, row.day, today) if mine else None
                )
                entries.append(
                    MonthEntry(
                        row.number,
                        row.day,
                        row.item,
                        row.category,
                        amount,
                        currency,
                        roster.shown_poster(row) if roster is not None else row.member,
                        mine,
                        undo,
                        row.awaiting_approval,
                    )
                )
        totalled = (
            rows if everyone or self._members_may is MembersMay.OWN else [row for row in rows if is_mine(row)]
        )
        # The sums /balance gives, from the same rows.
        figures = month_figures(
            totalled, self._void_prefix, roster.shown_poster if roster is not None else None
        )
        balance = usage = None
        if admin:
            balance = await self._balances.balance_of_rows(chat_id, period, rows)
            usage = await self._usage.this_month(chat_id) if self._usage is not None else None
        return MonthPage(
            period,
            tuple(entries),
            dict(figures.spent),
            {name: dict(amounts) for name, amounts in figures.by_member.items()} if everyone else {},
            {name: dict(amounts) for name, amounts in figures.by_category.items()},
            {day: dict(amounts) for day, amounts in figures.by_day.items()},
            admin,
            balance,
            usage,
            dict(figures.awaiting),
        )

    async def changed(self, chat_id: int) -> None:
        """The viewer changed the month (an Undo): the next page reads the sheet again."""
        await self._balances.forget_rows(chat_id)

    async def _undoable(
        self, chat_id: int, viewer_id: int, reference: str, day: date | None, today: date
    ) -> int | None:
        """The message id to undo, when the row is the viewer's own and still within the undo window."""
        if day is None or (today - day).days > 1:
            return None  # the window is minutes long: rows of earlier days are past it
        source = EntrySource.parse(reference)
        if source is None or source.chat_id != chat_id:
            return None
        saved = await self._state.find(chat_id, source.message_id)
        if saved is None or saved.voided or saved.author_id != viewer_id:
            return None
        return saved.message_id if self._clock.now() - saved.saved_at <= self._undo_window else None
