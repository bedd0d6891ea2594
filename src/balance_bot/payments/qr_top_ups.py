"""Use case: KHQR top-ups. An admin asks for a QR of one amount into the team's Bakong account; once it
is paid (Bakong says so, or an admin taps Received) the payment is recorded once, as a top-up, and the
QR's caption says what became of it."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta, tzinfo
from enum import StrEnum
from typing import Protocol

from balance_bot.capture.outcomes import AdminCheck, LedgerProblem, Refused, StorageProblem, TopUpUnclear
from balance_bot.domain import entry_checks as checks
from balance_bot.domain.expenses import ExpenseEntry, ParseResult
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import AmountLimits, Money
from balance_bot.groups.languages import ChatLanguages
from balance_bot.payments.qr_ports import (
    BakongMerchant,
    BakongPayment,
    BakongRefusal,
    Khqr,
    MakesKhqr,
    PendingQr,
    PendingQrs,
)
from balance_bot.ports import Clock, StorageUnavailable

log = logging.getLogger(__name__)
# How long a QR waits for its payment: Bakong is asked about it until then, then it says it expired.
QR_LIFETIME = timedelta(minutes=30)
BAKONG = "Bakong"


@dataclass(frozen=True, slots=True)
class PaidByQr:
    """A payment to record as a top-up: the bank and its transaction ID are its key in the group's ledger.

    `message_id` is the message the row refers to (the QR's) and `user_id` who asked for it.
    """

    bank: str
    transaction_id: str
    money: Money
    payer: str
    paid_at: datetime
    message_id: int
    user_id: int


@dataclass(frozen=True, slots=True)
class QrRecorded:
    """The payment is a new row: its No (None while the sheet has not answered; the row is safe in
    the outbox) and month."""

    number: int | None
    month: Period


@dataclass(frozen=True, slots=True)
class QrAlreadyRecorded:
    """The ledger holds the payment already: its row's No and month; nothing was added."""

    number: int | None
    month: Period


PaymentRecording = QrRecorded | QrAlreadyRecorded | LedgerProblem | StorageProblem


class RecordsPayment(Protocol):
    """The port to the ledger's payments: a payment recorded once, keyed by its bank and transaction ID."""

    async def __call__(self, chat_id: int, payment: PaidByQr) -> PaymentRecording:
        """Record the payment as a top-up, unless the group's ledger has it already."""
        ...


class QrState(StrEnum):
    """Where a QR stands."""

    WAITING = "waiting"
    PAID = "paid"
    EXPIRED = "expired"


@dataclass(frozen=True, slots=True)
class QrCaption:
    """What a QR's caption says: the amount, whose account, until when; then what became of it.

    `by_hand` says why an admin confirms the payment (None while Bakong is asked about it).
    """

    speech: Speech
    money: Money
    merchant: str
    expires_at: datetime  # the team's local time
    state: QrState = QrState.WAITING
    by_hand: BakongRefusal | None = None
    number: int | None = None
    month: Period | None = None

    @property
    def received_button(self) -> bool:
        """Whether the QR carries the Received button an admin taps once the money is in."""
        return self.state is QrState.WAITING and self.by_hand is not None


@dataclass(frozen=True, slots=True)
class QrAsked:
    """The QR to show the group, and its caption."""

    khqr: Khqr
    caption: QrCaption


@dataclass(frozen=True, slots=True)
class QrNotSetUp:
    """The operator has not set the team's Bakong account: no QR can be made."""


@dataclass(frozen=True, slots=True)
class QrChange:
    """A QR message's caption to redraw."""

    chat_id: int
    message_id: int
    caption: QrCaption


class TapRefusal(StrEnum):
    """Why a tap on Received records nothing."""

    NOT_ADMIN = "not_admin"
    SETTLED = "settled"  # paid or expired already
    WATCHED = "watched"  # Bakong is asked about this QR: its payment is recorded when Bakong sees it


@dataclass(frozen=True, slots=True)
class QrTapRefused:
    """Said to the one who tapped, alone."""

    reason: TapRefusal
    speech: Speech


@dataclass(frozen=True, slots=True)
class QrNotRecorded:
    """The ledger or the bot's database could not take the payment now; the QR waits still."""

    problem: LedgerProblem | StorageProblem
    speech: Speech


QrRequest = QrAsked | QrNotSetUp | TopUpUnclear | Refused
QrTap = QrChange | QrTapRefused | QrNotRecorded


class QrTopUps:
    """KHQRs asked for, shown, and settled: paid (recorded once) or expired; for every chat face.

    `refusal` is why payments are confirmed by hand: no token, or Bakong refused the bot in this run.
    """

    def __init__(
        self,
        merchant: BakongMerchant | None,
        make: MakesKhqr,
        read: Callable[[str], ParseResult],
        limits: AmountLimits,
        pending: PendingQrs,
        record: RecordsPayment,
        languages: ChatLanguages,
        clock: Clock,
        timezone: tzinfo,
        *,
        asks_bakong: bool,
    ) -> None:
        self._merchant = merchant
        self._make = make
        self._read = read
        self._limits = limits
        self.pending = pending
        self._record = record
        self._languages = languages
        self._clock = clock
        self._timezone = timezone
        self.refusal: BakongRefusal | None = None if asks_bakong else BakongRefusal.NO_TOKEN
        self._locks: dict[tuple[int, int], asyncio.Lock] = {}
        # Settled in this run though the database could not note it: not expired or asked about again.
        self._settled: set[tuple[int, int]] = set()

    async def request(self, chat_id: int, words: str) -> QrRequest:
        """/topup qr 50$: the QR of that amount, its caption; or why there is none."""
        if self._merchant is None:
            return QrNotSetUp()
        entry = checks.one_amount(self._read(words), self._limits)
        if not isinstance(entry, ExpenseEntry):
            return entry
        khqr = self._make(self._merchant, entry.money)
        caption = QrCaption(
            await self._languages.for_group(chat_id),
            entry.money,
            self._merchant.name,
            (self._clock.now() + QR_LIFETIME).astimezone(self._timezone),
            by_hand=self.refusal,
        )
        return QrAsked(khqr, caption)

    async def shown(self, chat_id: int, message_id: int, asked: QrAsked, requested_by: int) -> None:
        """The group was shown the QR in that message: it waits for its payment, across restarts."""
        qr = PendingQr(
            chat_id,
            message_id,
            asked.khqr.md5,
            asked.khqr.text,
            asked.caption.money,
            requested_by,
            self._clock.now(),
            asked.caption.expires_at,
            by_hand=asked.caption.by_hand is not None,
        )
        await self.pending.keep(qr)

    async def received(
        self, chat_id: int, message_id: int, user_id: int, name: str, is_admin: AdminCheck
    ) -> QrTap:
        """Received tapped under a QR: an admin's tap records the payment (its key: the QR's md5)."""
        speech = await self._languages.for_group(chat_id)
        if not await is_admin():
            return QrTapRefused(TapRefusal.NOT_ADMIN, speech)
        qr = await self.pending.find(chat_id, message_id)
        if qr is None or (chat_id, message_id) in self._settled:
            return QrTapRefused(TapRefusal.SETTLED, speech)
        if not qr.by_hand:
            return QrTapRefused(TapRefusal.WATCHED, speech)
        payment = PaidByQr(BAKONG, qr.md5, qr.money, name, self._clock.now(), qr.message_id, user_id)
        return await self._settle(qr, payment) or QrTapRefused(TapRefusal.SETTLED, speech)

    async def paid(self, qr: PendingQr, payment: BakongPayment) -> QrChange | QrNotRecorded | None:
        """Bakong holds the QR's payment: recorded once (its key: Bakong's hash); None if settled."""
        if payment.money != qr.money:
            log.warning("QR %s was paid %s, not %s: what was paid counts", qr.md5, payment.money, qr.money)
        paid = PaidByQr(
            BAKONG,
            payment.hash,
            payment.money,
            payment.from_account or BAKONG,
            payment.paid_at or self._clock.now(),
            qr.message_id,
            qr.requested_by,
        )
        return await self._settle(qr, paid)

    async def expire(self, qr: PendingQr) -> QrChange:
        """The QR's time is up unpaid: it waits no more, and says so."""
        await self._note(qr, QrState.EXPIRED.value)
        return QrChange(qr.chat_id, qr.message_id, await self._caption(qr, QrState.EXPIRED))

    async def to_hand(self, qr: PendingQr) -> QrChange:
        """Bakong cannot be asked: the QR waits for an admin's Received."""
        await self.pending.by_hand(qr.chat_id, qr.message_id)
        return QrChange(qr.chat_id, qr.message_id, await self._caption(qr, QrState.WAITING))

    def is_settled(self, qr: PendingQr) -> bool:
        """Whether the QR was settled in this run, though the database may still list it."""
        return (qr.chat_id, qr.message_id) in self._settled

    async def _settle(self, qr: PendingQr, payment: PaidByQr) -> QrChange | QrNotRecorded | None:
        """Record the payment and settle the QR, one caller at a time per QR."""
        key = (qr.chat_id, qr.message_id)
        async with self._locks.setdefault(key, asyncio.Lock()):
            if key in self._settled or await self.pending.find(qr.chat_id, qr.message_id) is None:
                return None  # settled meanwhile, by the watch or another admin's tap
            recorded = await self._record(qr.chat_id, payment)
            if isinstance(recorded, LedgerProblem | StorageProblem):
                return QrNotRecorded(recorded, await self._languages.for_group(qr.chat_id))
            await self._note(qr, QrState.PAID.value)
            self._locks.pop(key, None)
        caption = await self._caption(qr, QrState.PAID)
        return QrChange(
            qr.chat_id, qr.message_id, _numbered(caption, recorded.number, recorded.month, payment.money)
        )

    async def _note(self, qr: PendingQr, how: str) -> None:
        """The QR waits no more; a database that cannot note it now is told in the log, and the QR is
        left alone in this run (a later run finds its payment recorded already)."""
        self._settled.add((qr.chat_id, qr.message_id))
        try:
            await self.pending.settle(qr.chat_id, qr.message_id, how)
        except StorageUnavailable as exc:
            log.warning("QR %s is %s, but the database could not note it: %s", qr.md5, how, exc)

    async def _caption(self, qr: PendingQr, state: QrState) -> QrCaption:
        assert self._merchant is not None
        return QrCaption(
            await self._languages.for_group(qr.chat_id),
            qr.money,
            self._merchant.name,
            qr.expires_at.astimezone(self._timezone),
            state,
            by_hand=self.refusal if state is QrState.WAITING else None,
        )


def _numbered(caption: QrCaption, number: int | None, month: Period, paid: Money) -> QrCaption:
    return QrCaption(
        caption.speech, paid, caption.merchant, caption.expires_at, QrState.PAID, None, number, month
    )
