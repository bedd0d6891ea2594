"""KHQR top-ups in the core: a payment is one row whatever happens between its record and its QR's
settling (a full disk, a restart, a lost database, two admins tapping at once)."""

import asyncio
from dataclasses import replace
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.parser import HeuristicParser
from balance_bot.payments.qr_ports import BakongMerchant
from balance_bot.payments.qr_recording import PaymentsRecordedOnce
from balance_bot.payments.qr_top_ups import (
    PaidByQr,
    QrAlreadyRecorded,
    QrAsked,
    QrChange,
    QrRecorded,
    QrState,
    QrTapRefused,
    QrTopUps,
    TapRefusal,
)
from balance_bot.payments.qr_watch import QrWatch
from infrastructure.bakong.client import BakongClient
from infrastructure.bakong.khqr import BakongKhqrMaker
from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.pending_notices import recorded_once_on
from tests.fakes.pending_qrs import InMemoryPendingQrs

CHAT, ADMIN, QR_MESSAGE = -100, 99, 500
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")
TEAM = BakongMerchant("team_cash@aclb", "Petty Cash Team", "Phnom Penh")


class Bot:
    """The use cases on one ledger and one list of QRs waiting; `restart` makes them anew, the outbox
    (the bot's database) lost with them, as after a crash on a new disk."""

    def __init__(self, ledger, pending, clock, bakong=None):
        self.ledger, self.pending, self.clock, self.bakong_api = ledger, pending, clock, bakong
        self.deliveries = []
        self.restart()

    def restart(self):
        notices, delivery = recorded_once_on(self.ledger, self.clock)
        self.deliveries.append(delivery)
        self.client = BakongClient(self.bakong_api.url, self.bakong_api.token) if self.bakong_api else None
        self.record = PaymentsRecordedOnce(notices, PHNOM_PENH)
        self.top_ups = QrTopUps(
            TEAM,
            BakongKhqrMaker(),
            HeuristicParser().parse,
            AmountLimits(),
            self.pending,
            self.record,
            english_by_default(),
            self.clock,
            PHNOM_PENH,
            asks_bakong=self.client is not None,
        )
        self.watch = QrWatch(self.top_ups, self.client, self.clock)

    async def shown(self, words="50$", message_id=QR_MESSAGE):
        asked = await self.top_ups.request(CHAT, words)
        assert isinstance(asked, QrAsked)
        await self.top_ups.shown(CHAT, message_id, asked, ADMIN)
        return asked

    async def stop(self):
        for delivery in self.deliveries:
            await delivery.stop()
        if self.client is not None:
            await self.client.close()


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def ledger():
    return InMemoryLedger()


def top_ups_in(ledger, clock):
    return ledger.items(Period.of(clock.now().astimezone(PHNOM_PENH).date()).title("%B %Y"))


async def test_a_payment_recorded_whose_qr_could_not_be_noted_settled_is_found_after_a_restart_not_added(
    ledger, clock, bakong
):
    pending = InMemoryPendingQrs()
    bot = Bot(ledger, pending, clock, bakong)
    try:
        asked = await bot.shown()
        bakong.pays(asked.khqr.text, clock.now())
        pending.failing_settles = 1  # the row is written, then the disk is full
        first = await bot.watch.round()
        assert [change.caption.state for change in first.changes] == [QrState.PAID]
        assert (await bot.watch.round()).changes == ()  # not asked about again in this run
        bot.restart()  # the QR still waits in the database; the outbox is gone
        clock.advance(seconds=30)
        again = await bot.watch.round()
    finally:
        await bot.stop()
    (change,) = again.changes
    assert (change.caption.state, change.caption.number) == (QrState.PAID, 1)
    transaction = bakong.transactions[asked.khqr.md5]["hash"]
    assert top_ups_in(ledger, clock) == [
        (1, f"Top-up: Bakong Trx {transaction} – dara_sok@aclb (09:00)", "50.00 USD")
    ]
    assert pending.settled == {(CHAT, QR_MESSAGE): "paid"}


async def test_the_same_payment_recorded_twice_is_found_by_its_bank_and_id_in_the_months_rows(ledger, clock):
    bot = Bot(ledger, InMemoryPendingQrs(), clock)
    fifty = Money(Decimal(50), Currency.USD)
    payment = PaidByQr("Bakong", "8465d722d7d5065f", fifty, "sokha@abaa", clock.now(), 7, ADMIN)
    try:
        first = await bot.record(CHAT, payment)
        # Another message names the same payment: only the ledger can tell it is recorded.
        second = await bot.record(CHAT, replace(payment, message_id=8))
    finally:
        await bot.stop()
    month = Period.of(clock.now().astimezone(PHNOM_PENH).date())
    assert first == QrRecorded(1, month)
    assert second == QrAlreadyRecorded(1, month)
    assert len(top_ups_in(ledger, clock)) == 1


async def test_two_admins_tapping_received_at_once_record_one_row(ledger, clock):
    bot = Bot(ledger, InMemoryPendingQrs(), clock)

    async def admin():
        return True

    try:
        await bot.shown("12.50$")
        taps = await asyncio.gather(
            bot.top_ups.received(CHAT, QR_MESSAGE, ADMIN, "Dara", admin),
            bot.top_ups.received(CHAT, QR_MESSAGE, ADMIN + 1, "Sokha", admin),
        )
    finally:
        await bot.stop()
    assert sorted(type(tap).__name__ for tap in taps) == ["QrChange", "QrTapRefused"]
    assert next(tap for tap in taps if isinstance(tap, QrTapRefused)).reason is TapRefusal.SETTLED
    assert [row[2] for row in top_ups_in(ledger, clock)] == ["12.50 USD"]


async def test_a_qr_waiting_for_an_admin_expires_at_its_time_and_then_takes_no_tap(ledger, clock):
    bot = Bot(ledger, InMemoryPendingQrs(), clock)

    async def admin():
        return True

    try:
        await bot.shown()
        clock.advance(minutes=29)
        assert (await bot.watch.round()).changes == ()
        clock.advance(minutes=1)
        (expired,) = (await bot.watch.round()).changes
        tap = await bot.top_ups.received(CHAT, QR_MESSAGE, ADMIN, "Dara", admin)
    finally:
        await bot.stop()
    assert isinstance(expired, QrChange)
    assert expired.caption.state is QrState.EXPIRED
    assert expired.caption.expires_at == clock.now().astimezone(PHNOM_PENH)
    assert isinstance(tap, QrTapRefused)
    assert top_ups_in(ledger, clock) == []
