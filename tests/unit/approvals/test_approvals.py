"""Tests for approvals above a threshold: the setting's words, which expenses wait, who may decide,
one decision of two taps at once, a rejection's reason, the month's spending, and the daily reminder."""

import asyncio
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.approvals.decisions import (
    ApprovalRefusal,
    ApprovalRefused,
    Approvals,
    Approved,
    ReasonNoted,
    Rejected,
    Tapper,
)
from balance_bot.approvals.gate import ApprovalGate
from balance_bot.approvals.settings_words import approval_change
from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.outcomes import Saved
from balance_bot.capture.reply_plan import Button
from balance_bot.capture.service import CapturePolicy, CaptureService, IncomingMessage
from balance_bot.domain.approval_threshold import goes_over, read_threshold
from balance_bot.domain.balances import month_figures
from balance_bot.domain.ledger import AWAITING_APPROVAL, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.parser import HeuristicParser
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.ports import ApprovalState
from tests.fakes.approvals import InMemoryApprovals, InMemoryGroupSettings
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.outbox import in_memory_delivery

CHAT, SOKHA, DARA, VANNA = -100, 7, 8, 9
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
DECEMBER = "December 2026"
RATE = Decimal(4000)


async def yes():
    return True


async def no():
    return False


class Team:
    """A group with a 100$ threshold, its capture flow, approvals and ledger on fakes."""

    def __init__(self, threshold="100$", serves=None):
        self.clock = FakeClock()
        self.ledger = InMemoryLedger()
        self.state = InMemoryCaptureState()
        self.store = InMemoryApprovals()
        self.settings = GroupSettings(
            InMemoryGroupSettings(), read_threshold(threshold) if threshold else None
        )
        self.delivery, _ = in_memory_delivery(self.ledger, self.state, self.clock)
        policy = CapturePolicy(timezone=PHNOM_PENH, pending_ttl=timedelta(minutes=5), saves_per_minute=50)

        async def rate_of(day):
            return RATE

        gate = ApprovalGate(self.settings, self.store, rate_of, self.clock)
        self.capture = CaptureService(
            MessageInterpreter(HeuristicParser()),
            self.ledger,
            self.delivery,
            self.state,
            self.clock,
            policy,
            approvals=gate,
        )
        languages = english_by_default()
        self.conversation = Conversation(self.capture, languages, QuietChats(False, _none, _nothing))
        self.approvals = Approvals(
            self.store,
            self.state,
            self.ledger,
            self.settings,
            languages,
            self.clock,
            PHNOM_PENH,
            self.delivery.settle,
            self.conversation.buttons_for,
            serves,
        )
        self.next_id = 100

    async def post(self, text, user=SOKHA):
        self.next_id += 1
        message = IncomingMessage(CHAT, self.next_id, user, f"member{user}", text, self.clock.now())
        plan = await self.conversation.on_message(message)
        while plan.then is not None:
            plan = await plan.then()
        return plan

    def rows(self):
        return self.ledger.sheets.get(DECEMBER, [])

    async def approve(self, message_id, user=DARA, admin=yes, only=no):
        return await self.approvals.approve(CHAT, message_id, Tapper(user, f"member{user}", admin, only))

    async def reject(self, message_id, user=DARA, admin=yes, only=no):
        return await self.approvals.reject(CHAT, message_id, Tapper(user, f"member{user}", admin, only))


async def _none(chat_id):
    return None


async def _nothing(chat_id, quiet):
    return None


@pytest.fixture
async def team():
    team = Team()
    yield team
    await team.delivery.stop()


def test_a_threshold_is_read_with_its_currency_in_ascii_or_khmer_digits():
    assert read_threshold("100$") == Money(Decimal(100), Currency.USD)
    assert read_threshold("១០០$") == Money(Decimal(100), Currency.USD)
    assert read_threshold("400000៛") == Money(Decimal(400000), Currency.KHR)
    assert read_threshold("100 usd") == Money(Decimal(100), Currency.USD)
    assert read_threshold("100") is None  # no currency: no threshold
    assert read_threshold("lots") is None


def test_settings_words_set_the_threshold_off_or_the_reminder_hour_in_english_or_khmer():
    assert approval_change(["approve", "over", "100$"]).threshold == Money(Decimal(100), Currency.USD)
    assert approval_change(["អនុម័ត", "លើស", "១០០$"]).threshold == Money(Decimal(100), Currency.USD)
    off = approval_change(["approve", "off"])
    assert off.threshold_said
    assert off.threshold is None
    assert approval_change(["អនុម័ត", "បិទ"]).threshold_said
    assert approval_change(["approve", "at", "18"]).hour == 18
    assert approval_change(["approve", "at", "១៨"]).hour == 18
    assert approval_change(["approve", "over", "lots"]) is None
    assert approval_change(["approve", "at", "25"]) is None
    assert approval_change(["payments", "box"]) is None


def test_an_amount_in_the_other_currency_goes_over_at_the_rate():
    hundred = Money(Decimal(100), Currency.USD)
    assert goes_over(Money(Decimal(440000), Currency.KHR), hundred, RATE)
    assert not goes_over(Money(Decimal(400000), Currency.KHR), hundred, RATE)  # exactly 100$: not above
    assert goes_over(Money(Decimal("100.01"), Currency.USD), hundred, RATE)
    riel = Money(Decimal(400000), Currency.KHR)
    assert goes_over(Money(Decimal(101), Currency.USD), riel, RATE)


async def test_new_groups_take_the_operators_default_until_an_admin_chooses():
    settings = GroupSettings(InMemoryGroupSettings(), read_threshold("50$"))
    assert (await settings.approvals(CHAT)).over == Money(Decimal(50), Currency.USD)
    assert not (await settings.approvals(CHAT)).chosen
    assert await settings.change_approvals(CHAT, ["approve", "off"])
    assert (await settings.approvals(CHAT)).over is None
    assert await settings.change_approvals(CHAT, ["approve", "over", "400000៛"])
    assert (await settings.approvals(CHAT)).over == Money(Decimal(400000), Currency.KHR)
    assert (await GroupSettings(InMemoryGroupSettings()).approvals(CHAT)).over is None  # off by default


async def test_an_expense_over_the_threshold_is_written_at_once_awaiting_approval_with_the_buttons(team):
    plan = await team.post("laptop 240$")
    assert isinstance(plan.outcome, Saved)
    [row] = team.rows()
    assert row.line.status == AWAITING_APPROVAL
    assert plan.awaiting_approval
    assert Button.APPROVE in plan.buttons
    assert Button.REJECT in plan.buttons
    assert not plan.may_be_quiet
    small = await team.post("coffee 3$")
    assert Button.APPROVE not in small.buttons
    assert team.rows()[1].line.status == ""


async def test_riel_over_the_dollar_threshold_at_the_rate_waits_too_and_top_ups_never_do(team):
    await team.post("generator 500000៛")
    assert team.rows()[0].line.status == AWAITING_APPROVAL
    topup = await team.capture.top_up(
        IncomingMessage(CHAT, 500, DARA, "Dara", "5000$ from the office", team.clock.now())
    )
    await team.capture.confirm(topup)
    assert team.rows()[1].line.status == ""


async def test_another_admin_approves_and_the_row_names_who_and_when(team):
    plan = await team.post("laptop 240$")
    approved = await team.approve(plan.about)
    assert isinstance(approved.outcome, Approved)
    assert not approved.privately
    assert team.rows()[0].line.status.startswith("approved by member8, 2026-12-03 09:00")
    assert Button.APPROVE not in approved.buttons
    assert (await team.store.find(CHAT, plan.about)).state is ApprovalState.APPROVED


async def test_a_member_who_is_not_an_admin_is_told_alone_and_nothing_changes(team):
    plan = await team.post("laptop 240$")
    refused = await team.approve(plan.about, user=VANNA, admin=no)
    assert refused.privately
    assert refused.outcome == ApprovalRefused(ApprovalRefusal.NOT_ADMIN)
    assert team.rows()[0].line.status == AWAITING_APPROVAL


async def test_the_poster_may_approve_only_as_the_groups_only_admin(team):
    plan = await team.post("laptop 240$", user=DARA)
    refused = await team.approve(plan.about, user=DARA)
    assert refused.outcome == ApprovalRefused(ApprovalRefusal.OWN_EXPENSE)
    alone = await team.approve(plan.about, user=DARA, only=yes)
    assert isinstance(alone.outcome, Approved)


async def test_two_admins_tapping_at_once_give_one_decision(team):
    plan = await team.post("laptop 240$")
    approve, reject = await asyncio.gather(team.approve(plan.about, DARA), team.reject(plan.about, VANNA))
    outcomes = [approve.outcome, reject.outcome]
    decided = [o for o in outcomes if isinstance(o, Approved | Rejected)]
    refused = [o for o in outcomes if isinstance(o, ApprovalRefused)]
    assert len(decided) == 1
    assert len(refused) == 1
    assert refused[0].reason is ApprovalRefusal.DECIDED
    pending = await team.store.find(CHAT, plan.about)
    assert pending.state in (ApprovalState.APPROVED, ApprovalState.REJECTED)


async def test_reject_voids_the_row_like_undo_and_the_admins_next_message_is_the_reason(team):
    plan = await team.post("laptop 240$")
    rejected = await team.reject(plan.about)
    assert isinstance(rejected.outcome, Rejected)
    assert rejected.buttons == ()
    assert team.rows()[0].line.purpose == "[void]"
    assert await team.approvals.reason(CHAT, VANNA, "not me") is None  # only the admin who rejected
    noted = await team.approvals.reason(CHAT, DARA, "we have one already\nsecond line")
    assert isinstance(noted.outcome, ReasonNoted)
    assert noted.outcome.reason == "we have one already second line"
    assert team.rows()[0].line.status == "rejected by member8: we have one already second line"
    assert await team.approvals.reason(CHAT, DARA, "a later message") is None  # asked once
    again = await team.approve(plan.about)
    assert again.outcome == ApprovalRefused(ApprovalRefusal.DECIDED, "member8", ApprovalState.REJECTED)


async def test_pending_rows_count_in_the_months_spending_only_once_approved(team):
    plan = await team.post("laptop 240$")
    await team.post("coffee 3$")
    figures = month_figures(await team.ledger.read(Period(2026, 12)), "[void] ")
    assert figures.spent[Currency.USD] == Decimal(3)
    assert figures.awaiting[Currency.USD] == Decimal(240)
    assert figures.awaiting_count == 1
    await team.approve(plan.about)
    figures = month_figures(await team.ledger.read(Period(2026, 12)), "[void] ")
    assert figures.spent[Currency.USD] == Decimal(243)
    assert figures.awaiting_count == 0


async def test_the_admins_are_reminded_once_a_day_at_the_groups_hour_while_anything_waits(team):
    await team.post("laptop 240$")
    await team.post("printer 150$")
    # 02:00 UTC is 09:00 in Phnom Penh: the default hour.
    [due] = await team.approvals.reminders()
    assert due.chat_id == CHAT
    assert [w.numbers for w in due.waiting] == [(1,), (2,)]
    assert due.amounts[Currency.USD] == Decimal(390)
    assert await team.approvals.reminders() == []  # once a day
    await team.settings.change_approvals(CHAT, ["approve", "at", "18"])
    team.clock.advance(days=1)  # 09:00 the next day: before the group's 18:00
    assert await team.approvals.reminders() == []
    team.clock.advance(hours=9)
    assert len(await team.approvals.reminders()) == 1


async def test_nothing_is_reminded_once_every_expense_is_decided_or_undone(team):
    first = await team.post("laptop 240$")
    second = await team.post("printer 150$")
    await team.approve(first.about)
    await team.capture.undo(CHAT, second.about, SOKHA, yes)
    assert await team.approvals.reminders() == []
    assert (await team.store.find(CHAT, second.about)).state is ApprovalState.WITHDRAWN


async def test_an_edited_expense_awaiting_approval_still_awaits_and_its_approval_reaches_the_row(team):
    plan = await team.post("laptop 240$")
    edited = IncomingMessage(CHAT, plan.about, SOKHA, "member7", "laptop 250$", team.clock.now(), revision=1)
    await team.capture.on_edit(edited)
    assert team.rows()[0].line.status == AWAITING_APPROVAL
    await team.approve(plan.about)
    assert team.rows()[0].line.status.startswith("approved by member8")


async def test_a_group_the_operator_no_longer_serves_hears_no_reminder():
    team = Team(serves=no_group)
    await team.post("laptop 240$")
    assert await team.approvals.reminders() == []
    await team.delivery.stop()


async def no_group(chat_id):
    return False
