"""RecordsPayment through the capture flow's /topup path, until bank notices (issue 36, section 1) record
payments by their bank and transaction ID: the lead swaps this adapter for that use case."""

from __future__ import annotations

from dataclasses import replace
from datetime import tzinfo

from balance_bot.capture.outcomes import Accepted, LedgerProblem, Saved, Silent, StorageProblem
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.domain.ledger import Period, SheetRow, local_day
from balance_bot.domain.row_labels import RowLabels
from balance_bot.payments.qr_top_ups import PaidByQr, PaymentRecording, QrAlreadyRecorded, QrRecorded
from balance_bot.ports import Clock, LedgerDirectory, LedgerError, StorageUnavailable

# The part of a transaction ID the Item shows: Bakong's apps and statements show a hash's first 8.
ID_SHOWN = 8


def payment_note(payment: PaidByQr) -> str:
    """The top-up's note, after the group's 'Top-up' label: 'KHQR Bakong 8465d722… – payer@bank'.
    The bank and the ID's start are how the payment is found again among the month's rows."""
    return f"KHQR {_key(payment)}… – {payment.payer}"


def _key(payment: PaidByQr) -> str:
    return f"{payment.bank} {payment.transaction_id[:ID_SHOWN]}"


class TopUpsThroughCapture:
    """RecordsPayment: a top-up recorded by CaptureService.record_cash, on the day it was paid; a payment
    whose bank and ID start stand in an Item of that month's rows (or this month's) is not recorded
    again. The ledger itself says what is recorded: a lost database changes nothing."""

    def __init__(
        self,
        capture: CaptureService,
        ledgers: LedgerDirectory,
        clock: Clock,
        timezone: tzinfo,
        void_prefix: str,
    ) -> None:
        self._capture = capture
        self._ledgers = ledgers
        self._clock = clock
        self._timezone = timezone
        self._void_prefix = void_prefix

    async def __call__(self, chat_id: int, payment: PaidByQr) -> PaymentRecording:
        """Record the payment once."""
        month = Period.of(local_day(payment.paid_at, self._timezone))
        try:
            found = await self._found(chat_id, payment, month)
            if found is not None:
                return found
            words = await self._capture.labels.labels(chat_id)
            item = RowLabels.with_note(words.top_up, payment_note(payment))
            message = IncomingMessage(
                chat_id=chat_id,
                message_id=payment.message_id,
                user_id=payment.user_id,
                member_name=payment.payer,
                text=str(payment.money),  # "50.00 USD": the amount and its currency, read as /topup reads
                sent_at=payment.paid_at,
            )
            outcome = await self._capture.record_cash(message, item, lambda line: replace(line, topup=True))
            if isinstance(outcome, Silent):  # the outbox holds it already: the QR's message was recorded
                return QrAlreadyRecorded(None, month)
            if not isinstance(outcome, Accepted):
                raise ValueError(f"the payment {_key(payment)} could not be a top-up: {outcome}")
            confirmed = await self._capture.confirm(outcome)
            if isinstance(confirmed, Saved):  # the row is in the sheet; else it waits in the outbox
                line = confirmed.message.lines[0]
                return QrRecorded(line.number, line.period or month)
            return QrRecorded(None, confirmed.message.period)
        except LedgerError as error:
            return LedgerProblem(error)
        except StorageUnavailable:
            return StorageProblem()

    async def _found(self, chat_id: int, payment: PaidByQr, month: Period) -> QrAlreadyRecorded | None:
        """The row of this payment in its month or this month, not voided; None when there is none."""
        store = self._ledgers.for_chat(chat_id)
        this_month = Period.of(local_day(self._clock.now(), self._timezone))
        for period in dict.fromkeys((month, this_month)):
            for row in await store.read(period):
                if self._holds(row, payment):
                    return QrAlreadyRecorded(row.number, period)
        return None

    def _holds(self, row: SheetRow, payment: PaidByQr) -> bool:
        return _key(payment) in row.item and not row.item.startswith(self._void_prefix)
