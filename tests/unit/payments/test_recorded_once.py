"""Tests for the notices' use case: a bank's notice is a top-up, recorded once, on the ledger's word."""

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from balance_bot.capture.outcomes import DateRefused, LedgerProblem, Queued, Saved
from balance_bot.capture.reply_plan import Button, ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.recorded_once import (
    AlreadyRecorded,
    AskAdmins,
    NoticeButton,
    NoticeReply,
    SeveralNotices,
    TapResult,
    WhyAsked,
)
from balance_bot.ports import LedgerAccessDenied
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger, UnsharedLedger
from tests.fakes.pending_notices import recorded_once_on

CHAT, SOKHA, DARA = -100, 7, 8
# The fake clock's morning: 3 December 2026, 09:00 in Phnom Penh.
ABA = (
    "$10.00 paid by LOR PISETH (*467) on Dec 03, 08:15 AM via ABA PAY at KEAM LILAY. "
    "Trx. ID: 176015291049703, APV: 691804."
)
PRASAC = (
    "Received Payment Amount 48,000 KHR\n- Paid by: HOUT DO / ABA Bank\n- Shop ID: 12003630 / Shop Name: "
    "Chhuon Sovannchhai\n- Counter: Counter 1\n- Received by: -\n- Transaction Date: 03-Dec-26 08:12.41 AM"
)
ABA_BOT = ForwardedFrom(SenderKind.BOT, "PayWayByABA_bot")
PRASAC_BOT = ForwardedFrom(SenderKind.BOT, "prasac_merchant_payment_bot")


async def admin() -> bool:
    return True


async def member() -> bool:
    return False


class Group:
    """Members post and forward into one group on an in-memory ledger, numbering messages like Telegram."""

    def __init__(self, ledger, clock, pending=None, quiet=False):
        self.ledger, self.clock, self.next_id = ledger, clock, 100
        self.notices, self.delivery = recorded_once_on(ledger, clock, pending, quiet=quiet)

    def message(self, text, user=SOKHA, forwarded_from=None):
        self.next_id += 1
        return IncomingMessage(
            CHAT, self.next_id, user, f"member{user}", text, self.clock.now(), 0, forwarded_from
        )

    async def post(self, text, user=SOKHA, sender=None, forwarded_from=None):
        """What the group hears, the confirmation once the row landed."""
        return await heard(await self.notices.on_message(self.message(text, user, forwarded_from), sender))

    def rows(self):
        return self.ledger.items("December 2026")


async def heard(plan):
    return await plan.then() if isinstance(plan, ReplyPlan) and plan.then is not None else plan


@pytest.fixture
async def group():
    group = Group(InMemoryLedger(), FakeClock())
    yield group
    await group.delivery.stop()


async def test_a_notice_from_its_banks_bot_is_a_top_up_on_the_banks_day_with_the_payer_as_its_member(group):
    plan = await group.post(ABA, sender=ABA_BOT)
    assert isinstance(plan.outcome, Saved)
    (saved,) = plan.outcome.message.lines
    line = saved.line
    assert line.topup
    assert (line.day, line.money, line.member) == (
        date(2026, 12, 3),
        Money(Decimal("10.00"), Currency.USD),
        "LOR PISETH",
    )
    assert line.purpose == "Top-up: ABA Trx 176015291049703 – LOR PISETH (08:15)"
    assert line.source == EntrySource(CHAT, group.next_id, 0, SOKHA)
    assert plan.buttons[0] is Button.UNDO
    assert group.rows() == [(1, "Top-up: ABA Trx 176015291049703 – LOR PISETH (08:15)", "10.00 USD")]


async def test_a_notice_recorded_is_said_in_words_in_a_group_that_chose_a_thumbs_up_for_its_expenses():
    group = Group(InMemoryLedger(), FakeClock(), quiet=True)
    try:
        plan = await group.post(ABA, sender=ABA_BOT)
    finally:
        await group.delivery.stop()
    assert isinstance(plan.outcome, Saved)
    assert plan.as_confirmation
    assert not plan.may_be_quiet


async def test_the_same_notice_again_from_another_member_is_already_recorded_with_its_no_and_adds_nothing(
    group,
):
    await group.post(ABA, sender=ABA_BOT)
    again = await group.post(ABA, user=DARA, sender=ABA_BOT)
    pasted = await group.post(ABA, user=DARA)
    expected = AlreadyRecorded(again.shown.notice, 1, Period(2026, 12))
    assert again == NoticeReply(expected, again.speech, group.next_id - 1)
    assert pasted.shown == expected
    assert pasted.buttons == ()
    assert len(group.rows()) == 1


async def test_two_copies_handled_at_once_are_one_row(group):
    first, second = await asyncio.gather(
        group.notices.on_message(group.message(ABA), ABA_BOT),
        group.notices.on_message(group.message(ABA, DARA), ABA_BOT),
    )
    await heard(first)
    assert isinstance(second, NoticeReply)
    assert isinstance(second.shown, AlreadyRecorded)
    assert len(group.rows()) == 1


async def test_a_notice_whose_row_waits_for_the_sheet_is_already_recorded_and_waiting():
    group = Group(UnsharedLedger(), FakeClock())
    try:
        first = await group.post(ABA, sender=ABA_BOT)
        again = await group.post(ABA, user=DARA, sender=ABA_BOT)
    finally:
        await group.delivery.stop()
    assert isinstance(first.outcome, Queued)
    assert again.shown == AlreadyRecorded(again.shown.notice, None, Period(2026, 12), waiting=True)


async def test_a_row_a_bookkeeper_typed_with_the_reference_counts_as_recorded(group):
    source = EntrySource(CHAT, 1, 0)
    typed = LedgerLine(
        date(2026, 12, 3), "ABA trx 176015291049703 office", Money(Decimal(10), Currency.USD), "", source
    )
    await group.ledger.append(Period(2026, 12), [typed])
    reply = await group.post(ABA, sender=ABA_BOT)
    assert reply.shown.number == 1
    assert len(group.rows()) == 1


async def test_a_voided_rows_payment_and_a_longer_id_that_starts_alike_are_not_recorded(group):
    source = EntrySource(CHAT, 1, 0)
    for item in ("ABA Trx 1760152910497031", "[void]"):
        line = LedgerLine(date(2026, 12, 3), item, Money(Decimal(10), Currency.USD), "", source)
        await group.ledger.append(Period(2026, 12), [line])
    plan = await group.post(ABA, sender=ABA_BOT)
    assert isinstance(plan.outcome, Saved)
    assert len(group.rows()) == 3


async def test_a_pasted_notice_waits_for_an_admin_whose_confirm_records_it_once(group):
    asked = await group.post(ABA)
    notice_message = group.next_id
    assert asked.shown == AskAdmins(asked.shown.notice, WhyAsked.NOT_FROM_ITS_BANK)
    assert asked.buttons == (NoticeButton.CONFIRM, NoticeButton.NOT_OURS)
    assert asked.about == notice_message
    assert group.rows() == []
    refused = await group.notices.confirm(CHAT, notice_message, member)
    assert (refused.result, refused.privately, refused.buttons_stay) == (TapResult.ADMINS_ONLY, True, True)
    confirmed = await group.notices.confirm(CHAT, notice_message, admin)
    assert confirmed.result is TapResult.CONFIRMED
    assert not confirmed.buttons_stay
    said = await heard(confirmed.said)
    assert isinstance(said.outcome, Saved)
    assert said.outcome.message.lines[0].line.source == EntrySource(CHAT, notice_message, 0, SOKHA)
    again = await group.notices.confirm(CHAT, notice_message, admin)
    assert (again.result, again.privately) == (TapResult.GONE, True)
    assert len(group.rows()) == 1


async def test_a_notice_forwarded_by_a_person_or_another_banks_bot_is_not_the_banks_word(group):
    for sender in (
        ForwardedFrom(SenderKind.PERSON, "PayWayByABA_bot"),
        ForwardedFrom(SenderKind.BOT, "ACLEDABankBot"),
        ForwardedFrom(SenderKind.HIDDEN),
        ForwardedFrom(SenderKind.CHAT, "PayWayByABA_bot"),
    ):
        asked = await group.post(ABA, sender=sender)
        assert asked.shown.why is WhyAsked.NOT_FROM_ITS_BANK
    assert group.rows() == []


async def test_not_ours_lets_the_notice_go_and_records_nothing(group):
    await group.post(ABA)
    tapped = await group.notices.not_ours(CHAT, group.next_id, admin)
    assert (tapped.result, tapped.said, tapped.buttons_stay) == (TapResult.LEFT_OUT, None, False)
    assert (await group.notices.confirm(CHAT, group.next_id, admin)).result is TapResult.GONE
    assert group.rows() == []


async def test_a_notice_without_an_id_waits_for_an_admin_even_from_its_banks_bot(group):
    asked = await group.post(PRASAC, sender=PRASAC_BOT)
    assert asked.shown.why is WhyAsked.NO_TRANSACTION_ID
    said = await heard((await group.notices.confirm(CHAT, group.next_id, admin)).said)
    assert said.outcome.message.lines[0].line.purpose == "Top-up: PRASAC 2026-12-03 08:12:41 – HOUT DO"
    again = await group.post(PRASAC, user=DARA, sender=PRASAC_BOT)
    assert again.shown.number == 1
    # Another payer in the same second is another payment.
    other = await group.post(PRASAC.replace("HOUT DO", "SOK DARA"), sender=PRASAC_BOT)
    assert isinstance(other.shown, AskAdmins)


async def test_a_message_without_a_notice_is_left_to_the_normal_reading(group):
    for text in ("coffee 3$", "paid via ABA", "$10.00 paid by USER A (*123) on Oct 11"):
        assert await group.notices.on_message(group.message(text), ABA_BOT) is None


async def test_several_notices_in_one_message_are_answered_not_read_as_an_expense(group):
    reply = await group.post(f"{ABA}\n{ABA.replace('176015291049703', '176015291049704')}", sender=ABA_BOT)
    assert reply.shown == SeveralNotices(2)
    assert group.rows() == []


async def test_a_forwarded_notice_takes_its_year_from_the_originals_date():
    clock = FakeClock(datetime(2027, 1, 2, 3, 0, tzinfo=UTC))
    group = Group(InMemoryLedger(), clock)
    late = ABA.replace("Dec 03, 08:15 AM", "Dec 31, 11:50 PM")
    try:
        plan = await group.post(
            late, sender=ABA_BOT, forwarded_from=datetime(2026, 12, 31, 16, 55, tzinfo=UTC)
        )
    finally:
        await group.delivery.stop()
    assert plan.outcome.message.lines[0].line.day == date(2026, 12, 31)


async def test_a_notice_older_than_the_days_the_bot_takes_is_refused_and_recorded_nowhere(group):
    old = ABA.replace("Dec 03", "Oct 03")
    plan = await group.post(old, sender=ABA_BOT, forwarded_from=datetime(2026, 10, 3, 2, 0, tzinfo=UTC))
    assert isinstance(plan.outcome, DateRefused)
    assert group.ledger.sheets == {}


class SometimesUnreadable(InMemoryLedger):
    """A ledger whose months cannot be read while `readable` is off (the sheet was unshared)."""

    readable = True

    async def read_months(self, periods):
        if not self.readable:
            raise LedgerAccessDenied("bot@project.iam.gserviceaccount.com")
        return await super().read_months(periods)


async def test_a_sheet_that_cannot_be_read_records_nothing_and_a_confirm_waits_for_another_tap():
    ledger = SometimesUnreadable()
    group = Group(ledger, FakeClock())
    try:
        await group.post(ABA)
        ledger.readable = False
        unread = await group.post(ABA, user=DARA, sender=ABA_BOT)
        tapped = await group.notices.confirm(CHAT, group.next_id - 1, admin)
        ledger.readable = True
        retried = await group.notices.confirm(CHAT, group.next_id - 1, admin)
        await heard(retried.said)
    finally:
        await group.delivery.stop()
    assert isinstance(unread.outcome, LedgerProblem)
    assert (tapped.result, tapped.buttons_stay) == (TapResult.TRY_AGAIN, True)
    assert isinstance(tapped.said.outcome, LedgerProblem)
    assert retried.result is TapResult.CONFIRMED
    assert len(group.rows()) == 1
