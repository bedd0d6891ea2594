"""The use case of /changes and the daily look, on the fake ledger and the fake stores of what was kept."""

from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal
from zoneinfo import ZoneInfo

from balance_bot.domain.hand_edits import AmountChanged, RowDeleted, WrittenRow
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ledger_changes.hand_changes import (
    ChangesForAdmins,
    ChangesPolicy,
    ChangesReport,
    ChangesUnreadable,
    HandChanges,
)
from balance_bot.ledger_changes.recording import RecordedLedgers
from balance_bot.ports import LedgerUnavailable
from tests.fakes.clock import FakeClock
from tests.fakes.hand_edits import InMemoryToldChanges, InMemoryWrittenRows
from tests.fakes.ledger import InMemoryLedger

CHAT = -1001
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
DECEMBER = Period(2026, 12)
TEN_IN_PHNOM_PENH = datetime(2026, 12, 10, 3, 0, tzinfo=UTC)


class Months:
    """The balances' answers the use case asks for: the month, whether last month is open, the groups."""

    def __init__(self, clock, last_month_open=False):
        self._clock = clock
        self.last_month_open = last_month_open

    def current_period(self):
        return Period.of(self._clock.now().astimezone(PHNOM_PENH).date())

    async def is_open(self, chat_id, period):
        return period >= self.current_period() or self.last_month_open

    async def groups(self):
        return [CHAT]


class Books:
    """The recorded ledger, what it kept, and the use case over them."""

    def __init__(self, clock=None, last_month_open=False):
        self.clock = clock or FakeClock(TEN_IN_PHNOM_PENH)
        self.sheet = InMemoryLedger()
        self.written = InMemoryWrittenRows()
        self.told = InMemoryToldChanges()
        self.ledgers = RecordedLedgers(self.sheet, self.written)
        self.changes = HandChanges(
            Months(self.clock, last_month_open),
            self.ledgers,
            self.written,
            self.told,
            self.clock,
            ChangesPolicy(PHNOM_PENH, hour=18),
        )

    async def write(self, message_id, purpose, amount, day=date(2026, 12, 10)):
        line = LedgerLine(day, purpose, money(amount), "Sokha", EntrySource(CHAT, message_id, 0, 7))
        (saved,) = await self.ledgers.for_chat(CHAT).append(Period.of(day), [line])
        return saved

    def bookkeeper_sets(self, saved, **changed):
        rows = self.sheet.sheets[saved.worksheet]
        index = next(i for i, row in enumerate(rows) if row.line.source == saved.line.source)
        rows[index] = replace(rows[index], line=replace(rows[index].line, **changed))


def money(amount):
    return Money(Decimal(amount), Currency.USD)


async def admin():
    return True


async def member():
    return False


async def test_the_rows_the_bot_writes_and_its_own_edits_are_kept_as_it_wrote_them():
    books = Books()
    coffee = await books.write(1, "coffee", "3")
    tea = await books.write(2, "tea", "1")
    store = books.ledgers.for_chat(CHAT)
    await store.replace(coffee, replace(coffee.line, money=money("4")))
    await store.set_category(coffee, "Food & drinks")
    await store.void(tea)
    kept = {row.item: row for row in await books.written.written(CHAT, [DECEMBER])}
    reference = coffee.line.source.reference()
    assert kept["coffee"] == WrittenRow(
        reference, CHAT, DECEMBER, 1, date(2026, 12, 10), "coffee", money("4"), category="Food & drinks"
    )
    assert kept["tea"].voided


async def test_a_member_is_told_changes_are_for_admins():
    assert await Books().changes.command(CHAT, member) == ChangesForAdmins()


async def test_a_change_is_told_once_then_nothing_changed_since_the_day_it_was_told():
    books = Books()
    taxi = await books.write(1, "taxi", "25")
    books.bookkeeper_sets(taxi, money=money("2.5"))
    first = await books.changes.command(CHAT, admin)
    assert isinstance(first, ChangesReport)
    assert first.changes == (
        AmountChanged(1, DECEMBER, taxi.line.source.reference(), money("25"), (money("2.5"),)),
    )
    await books.changes.told_of(first)
    books.clock.advance(days=2)
    again = await books.changes.command(CHAT, admin)
    assert again == ChangesReport(CHAT, (DECEMBER,), (), date(2026, 12, 10))


async def test_with_nothing_ever_told_nothing_changed_since_the_first_of_the_month():
    books = Books()
    await books.write(1, "coffee", "3")
    assert await books.changes.command(CHAT, admin) == ChangesReport(CHAT, (DECEMBER,), (), date(2026, 12, 1))


async def test_while_last_month_takes_late_expenses_its_rows_are_compared_too():
    books = Books(FakeClock(datetime(2027, 1, 1, 3, 0, tzinfo=UTC)), last_month_open=True)
    late = await books.write(1, "party", "40", day=date(2026, 12, 31))
    books.sheet.sheets.clear()  # a bookkeeper deleted December's tab
    report = await books.changes.command(CHAT, admin)
    assert report == ChangesReport(
        CHAT,
        (DECEMBER, Period(2027, 1)),
        (RowDeleted(1, DECEMBER, late.line.source.reference(), "party", money("40")),),
        date(2026, 12, 1),
    )


async def test_a_sheet_that_cannot_be_read_is_said_and_nothing_is_compared():
    class Unreadable(InMemoryLedger):
        async def read(self, period):
            raise LedgerUnavailable("503")

    books = Books()
    books.changes = HandChanges(
        Months(books.clock), Unreadable(), books.written, books.told, books.clock, ChangesPolicy(PHNOM_PENH)
    )
    answer = await books.changes.command(CHAT, admin)
    assert isinstance(answer, ChangesUnreadable)


async def test_the_daily_look_comes_once_a_day_after_its_hour_and_only_with_something_new():
    books = Books()
    taxi = await books.write(1, "taxi", "25")
    assert await books.changes.groups_due() == []  # 10:00 in Phnom Penh
    books.clock.advance(hours=8)
    assert await books.changes.groups_due() == [CHAT]
    assert await books.changes.daily(CHAT) is None  # nothing changed: quiet
    assert await books.changes.groups_due() == []
    books.bookkeeper_sets(taxi, purpose="taxi to the airport")
    assert await books.changes.daily(CHAT) is None  # looked at today already
    books.clock.advance(days=1)
    report = await books.changes.daily(CHAT)
    assert report is not None
    assert len(report.changes) == 1
    await books.changes.told_of(report)
    books.clock.advance(days=1)
    assert await books.changes.daily(CHAT) is None  # told once


async def test_the_daily_look_lets_go_of_what_was_kept_of_months_no_longer_compared():
    books = Books(FakeClock(datetime(2026, 10, 30, 12, 0, tzinfo=UTC)))
    october = await books.write(1, "ink", "8", day=date(2026, 10, 30))
    deleted = RowDeleted(1, Period(2026, 10), october.line.source.reference(), "ink", money("8"))
    await books.changes.told_of(ChangesReport(CHAT, (Period(2026, 10),), (deleted,), None))
    books.clock.advance(days=21)
    tea = await books.write(2, "tea", "2", day=date(2026, 11, 20))
    deleted_tea = RowDeleted(2, Period(2026, 11), tea.line.source.reference(), "tea", money("2"))
    await books.changes.told_of(ChangesReport(CHAT, (Period(2026, 11),), (deleted_tea,), None))
    books.clock.advance(days=20)  # 10 December, after the hour: October is compared no more
    await books.changes.daily(CHAT)
    assert [row.item for row in books.written.rows.values()] == ["tea"]
    assert await books.told.told(CHAT) == {deleted_tea.key}  # told in November, still compared
