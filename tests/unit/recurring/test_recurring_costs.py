"""The recurring costs' use cases on in-memory fakes: /recurring for admins; each day's row written once, on
its day in the team's time zone, the days missed written when the bot is back, never twice."""

import asyncio
import copy
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

import pytest

from balance_bot.capture.outcomes import Queued, Refused, Saved
from balance_bot.capture.reply_plan import Button
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import LedgerUnavailable
from balance_bot.recurring.commands import Added, AdminsOnly, HowToSay, Listed, NoSuchCost, Stopped
from balance_bot.recurring.costs import ROW_MESSAGE_BASE
from balance_bot.recurring.schedules import Every
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger, UnconnectedLedger, UnsharedLedger
from tests.fakes.recurring_costs import RecurringOnFakes

CHAT, OTHER_CHAT, ADMIN, MEMBER = -100, -200, 7, 8
# 09:00 in Phnom Penh on Thursday 3 December 2026.
MORNING = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


async def admin():
    return True


async def member():
    return False


class CountingLedger(InMemoryLedger):
    """Counts the reads of months, as the Sheets quota counts them; can be made unreadable."""

    def __init__(self):
        super().__init__()
        self.reads = 0
        self.unreadable = False

    async def read(self, period):
        self.reads += 1
        if self.unreadable:
            raise LedgerUnavailable("the sheet does not answer")
        return await super().read(period)

    async def read_months(self, periods):
        self.reads += 1
        if self.unreadable:
            raise LedgerUnavailable("the sheet does not answer")
        return {period: await InMemoryLedger.read(self, period) for period in periods}


@pytest.fixture
async def team():
    team = RecurringOnFakes(CountingLedger(), FakeClock(MORNING))
    yield team
    await team.delivery.stop()


async def restored(team, backup):
    """The bot again, on a copy of its database taken earlier: the costs as they were, nothing of the
    outbox or the rows since; the same sheet."""
    await team.delivery.stop()
    return RecurringOnFakes(team.ledger, team.clock, store=backup)


async def said(team, words, user=ADMIN, is_admin=admin, chat=CHAT):
    return (await team.commands.command(chat, user, "Dara", words, is_admin)).shown


async def posted(team, chat=CHAT):
    """Each row posted by a round, as (day, the plan once the row is written)."""
    rows = []
    for post in await team.rounds.post_due(chat):
        plan = post.plan
        while plan.then is not None:
            plan = await plan.then()
        rows.append((post.day, plan))
    return rows


def at_local(team, year, month, day, hour=0, minute=5):
    """Moves the clock to that time in Phnom Penh (UTC+7)."""
    team.clock.current = datetime(year, month, day, hour, minute, tzinfo=UTC) - timedelta(hours=7)


async def test_an_admin_sets_up_rent_and_hears_when_its_first_row_is_written(team):
    shown = await said(team, "rent 300$ monthly on 1")
    assert isinstance(shown, Added)
    assert shown.first == date(2027, 1, 1)
    cost = shown.cost
    assert (cost.number, cost.item, cost.money, cost.added_by, cost.added_by_name) == (
        1,
        "rent",
        Money(Decimal(300), Currency.USD),
        ADMIN,
        "Dara",
    )
    assert (cost.schedule.every, cost.schedule.interval, cost.schedule.day) == (Every.MONTH, 1, 1)


async def test_a_member_who_is_not_an_admin_is_refused_and_nothing_is_kept(team):
    assert await said(team, "rent 300$ monthly on 1", user=MEMBER, is_admin=member) == AdminsOnly()
    assert await said(team, "", user=MEMBER, is_admin=member) == AdminsOnly()
    assert team.store.costs == {}


async def test_the_list_names_each_cost_with_its_next_day_and_stop_ends_one(team):
    await said(team, "rent 300$ monthly on 1")
    await said(team, "cleaning 20$ weekly on Monday")
    listed = await said(team, "")
    assert isinstance(listed, Listed)
    assert [(cost.number, cost.item, day) for cost, day in listed.costs] == [
        (1, "rent", date(2027, 1, 1)),
        (2, "cleaning", date(2026, 12, 7)),
    ]
    stopped = await said(team, "stop 2")
    assert isinstance(stopped, Stopped)
    assert stopped.cost.item == "cleaning"
    assert await said(team, "stop 2") == NoSuchCost(2)
    assert [cost.number for cost, _ in (await said(team, "list")).costs] == [1]


async def test_another_groups_cost_cannot_be_stopped_from_here(team):
    await said(team, "rent 300$ monthly on 1", chat=OTHER_CHAT)
    assert await said(team, "stop 1") == NoSuchCost(1)
    assert await said(team, "") == Listed(())


async def test_a_cost_without_a_currency_or_a_schedule_or_over_the_limit_is_explained_not_kept(team):
    assert await said(team, "rent 300 monthly on 1") == HowToSay()  # the currency must be said
    assert await said(team, "rent 300$") == HowToSay()
    assert await said(team, "300$ monthly on 1") == HowToSay()  # nothing says what it is
    over = await said(team, "rent 1000000$ monthly on 1")
    assert isinstance(over, HowToSay)
    assert isinstance(over.refused, Refused)
    assert team.store.costs == {}


async def test_on_its_day_the_row_is_written_once_dated_on_it_with_the_cost_and_day_in_its_item(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2027, 1, 1)
    assert await team.rounds.groups_due() == [CHAT]
    ((day, plan),) = await posted(team)
    assert day == date(2027, 1, 1)
    assert isinstance(plan.outcome, Saved)
    (line,) = plan.outcome.message.lines
    assert (line.line.day, line.line.purpose, line.line.member) == (
        date(2027, 1, 1),
        "rent (recurring #1, 2027-01-01)",
        "Dara",
    )
    assert line.line.source.member_id == ADMIN  # Undo is for the admin who set it up, or any admin
    assert plan.buttons[0] is Button.UNDO
    assert plan.about == line.line.source.message_id > ROW_MESSAGE_BASE  # no Telegram message's id
    assert not plan.may_be_quiet  # a 👍 needs a member's message to stand on
    assert team.ledger.items("January 2027") == [(1, "rent (recurring #1, 2027-01-01)", "300.00 USD")]
    assert await posted(team) == []
    assert await team.rounds.groups_due() == []
    assert team.ledger.items("January 2027") == [(1, "rent (recurring #1, 2027-01-01)", "300.00 USD")]


async def test_the_day_is_the_teams_day_in_phnom_penh_not_utcs(team):
    await said(team, "rent 300$ monthly on 1")
    team.clock.current = datetime(2026, 12, 31, 16, 59, tzinfo=UTC)  # 23:59 on the 31st in Phnom Penh
    assert await team.rounds.groups_due() == []
    team.clock.current = datetime(
        2026, 12, 31, 17, 0, tzinfo=UTC
    )  # midnight: the 1st, though UTC says the 31st
    assert await team.rounds.groups_due() == [CHAT]
    ((day, plan),) = await posted(team)
    assert day == date(2027, 1, 1)
    assert plan.outcome.message.lines[0].line.day == date(2027, 1, 1)


async def test_before_its_day_a_round_reads_no_sheet_and_writes_nothing(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2026, 12, 31, 23, 59)
    assert await team.rounds.groups_due() == []
    assert await posted(team) == []
    assert team.ledger.reads == 0


async def test_days_missed_while_the_bot_was_down_are_written_once_each_in_order_on_their_days(team):
    await said(team, "cleaning 20$ weekly on Monday")  # from Monday 7 December
    at_local(team, 2026, 12, 30, 10)  # back on Wednesday 30 December
    rows = await posted(team)
    assert [day for day, _ in rows] == [
        date(2026, 12, 7),
        date(2026, 12, 14),
        date(2026, 12, 21),
        date(2026, 12, 28),
    ]
    assert all(plan.outcome.message.lines[0].line.day == day for day, plan in rows)
    assert team.ledger.reads == 1  # one read of the month the days are in
    assert [item for _, item, _ in team.ledger.items("December 2026")] == [
        "cleaning (recurring #1, 2026-12-07)",
        "cleaning (recurring #1, 2026-12-14)",
        "cleaning (recurring #1, 2026-12-21)",
        "cleaning (recurring #1, 2026-12-28)",
    ]
    assert await posted(team) == []
    assert team.ledger.reads == 1


async def test_a_day_of_a_month_closed_meanwhile_goes_to_this_months_tab_on_its_own_date_once(team):
    await said(team, "rent 300$ monthly on 15")
    backup = copy.deepcopy(team.store)
    at_local(team, 2027, 1, 10)  # December is closed (no month is kept open here)
    ((day, plan),) = await posted(team)
    assert day == date(2026, 12, 15)
    assert plan.outcome.message.lines[0].line.day == date(2026, 12, 15)
    assert plan.outcome.dating.closed_month == Period(2026, 12)
    assert team.ledger.items("January 2027") == [(1, "rent (recurring #1, 2026-12-15)", "300.00 USD")]
    team = await restored(team, backup)
    try:
        assert await posted(team) == []  # found in January's tab, where it went
    finally:
        await team.delivery.stop()
    assert team.ledger.reads == 2  # each round: December's and January's rows, in one read


async def test_a_database_restored_from_before_the_day_writes_nothing_twice(team):
    await said(team, "rent 300$ monthly on 1")
    backup = copy.deepcopy(team.store)  # last night's copy of the bot's database
    at_local(team, 2027, 1, 1)
    await posted(team)
    team = await restored(team, backup)  # the disk was lost: last night's copy is put back
    try:
        assert await team.rounds.groups_due() == [CHAT]  # the copy says the day is not written
        assert await posted(team) == []
        assert await team.rounds.groups_due() == []  # the day is known written now
    finally:
        await team.delivery.stop()
    assert team.ledger.items("January 2027") == [(1, "rent (recurring #1, 2027-01-01)", "300.00 USD")]


async def test_a_row_still_waiting_for_the_sheet_is_not_written_again():
    team = RecurringOnFakes(UnsharedLedger(), FakeClock(MORNING))  # the sheet refuses every write
    try:
        await said(team, "rent 300$ monthly on 1")
        at_local(team, 2027, 1, 1)
        team.store.failing_dones = 1  # and the bot cannot note the day done
        ((_, plan),) = await posted(team)
        assert isinstance(plan.outcome, Queued)  # safe in the outbox, said with its Undo all the same
        assert plan.buttons == (Button.UNDO,)
        assert await team.rounds.groups_due() == [CHAT]
        assert await posted(team) == []  # found on its way to the sheet
        assert len(team.outbox.queued) == 1
        assert await team.rounds.groups_due() == []
    finally:
        await team.delivery.stop()


async def test_a_sheet_that_cannot_be_read_is_asked_again_half_an_hour_later_not_at_every_round(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2027, 1, 1, 8)
    team.ledger.unreadable = True
    assert await posted(team) == []
    team.ledger.unreadable = False
    team.clock.advance(minutes=29)
    assert await team.rounds.groups_due() == []
    team.clock.advance(minutes=1)
    assert await team.rounds.groups_due() == [CHAT]
    assert [day for day, _ in await posted(team)] == [date(2027, 1, 1)]
    assert team.ledger.reads == 2


async def test_a_database_that_fails_after_the_row_leaves_the_row_said_once_and_written_once(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2027, 1, 1)
    team.store.failing_dones = 1
    assert len(await posted(team)) == 1  # written and said, though the bot could not note it
    assert await team.rounds.groups_due() == [CHAT]
    assert await posted(team) == []
    assert len(team.ledger.items("January 2027")) == 1


async def test_two_rounds_at_once_write_the_day_once(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2027, 1, 1)
    first, second = await asyncio.gather(team.rounds.post_due(CHAT), team.rounds.post_due(CHAT))
    assert len(first) + len(second) == 1
    await team.delivery.settle(CHAT)
    assert len(team.ledger.items("January 2027")) == 1


async def test_a_stopped_cost_writes_nothing_on_its_day(team):
    await said(team, "rent 300$ monthly on 1")
    await said(team, "stop 1")
    at_local(team, 2027, 1, 1)
    assert await team.rounds.groups_due() == []
    assert await posted(team) == []


async def test_a_group_the_bot_no_longer_serves_gets_no_rows():
    async def none_served(chats):
        return []

    team = RecurringOnFakes(CountingLedger(), FakeClock(MORNING), served=none_served)
    try:
        await said(team, "rent 300$ monthly on 1")
        at_local(team, 2027, 1, 1)
        assert await team.rounds.groups_due() == []
    finally:
        await team.delivery.stop()


async def test_the_31st_of_a_cost_is_written_on_the_last_day_of_february():
    team = RecurringOnFakes(CountingLedger(), FakeClock(datetime(2027, 2, 10, 3, 0, tzinfo=UTC)))
    try:
        await said(team, "salary 400$ monthly on the 31st")
        at_local(team, 2027, 2, 28, 8)
        ((day, plan),) = await posted(team)
        assert day == date(2027, 2, 28)
        assert plan.outcome.message.lines[0].line.purpose == "salary (recurring #1, 2027-02-28)"
    finally:
        await team.delivery.stop()


async def test_a_row_a_bookkeeper_took_out_after_it_was_written_is_not_written_again_nor_said(team):
    await said(team, "rent 300$ monthly on 1")
    at_local(team, 2027, 1, 1)
    team.store.failing_dones = 1
    await posted(team)
    team.ledger.sheets["January 2027"].clear()  # a bookkeeper deleted the row
    assert await posted(team) == []  # the bot wrote that day's row once: the sheet's word stands
    assert team.ledger.items("January 2027") == []
    assert await team.rounds.groups_due() == []


async def test_a_days_row_is_written_from_the_hour_set_for_it_and_a_missed_day_at_once():
    team = RecurringOnFakes(CountingLedger(), FakeClock(MORNING), hour=7)
    try:
        await said(team, "rent 300$ monthly on 1")
        at_local(team, 2027, 1, 1, 6, 59)
        assert await team.rounds.groups_due() == []
        at_local(team, 2027, 1, 1, 7, 0)
        assert [day for day, _ in await posted(team)] == [date(2027, 1, 1)]
        await said(team, "cleaning 20$ weekly on Monday")  # from Monday 4 January
        at_local(team, 2027, 1, 5, 3)  # back at 03:00 on the 5th: the 4th is written now
        assert [day for day, _ in await posted(team)] == [date(2027, 1, 4)]
    finally:
        await team.delivery.stop()


async def test_a_group_without_a_sheet_gets_no_row_and_is_not_asked_again_at_every_round():
    team = RecurringOnFakes(UnconnectedLedger(), FakeClock(MORNING))
    try:
        await said(team, "rent 300$ monthly on 1")
        at_local(team, 2027, 1, 1, 8)
        assert await posted(team) == []
        assert await team.rounds.groups_due() == []  # rests half an hour
        assert team.outbox.queued == []
    finally:
        await team.delivery.stop()
