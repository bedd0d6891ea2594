"""RecordsPayment through the bank notices' use case: a KHQR paid is a payment like any bank's notice of it,
keyed by its bank and transaction ID ("Bakong Trx <hash>") in the group's ledger, so it is recorded once,
whichever way it is told."""

from __future__ import annotations

from datetime import tzinfo

from balance_bot.capture.outcomes import LedgerProblem, Queued, Saved, StorageProblem
from balance_bot.domain.bank_notices import BankNotice
from balance_bot.domain.ledger import Period
from balance_bot.payments.qr_top_ups import PaidByQr, PaymentRecording, QrAlreadyRecorded, QrRecorded
from balance_bot.payments.recorded_once import AlreadyRecorded, RecordedOnce
from balance_bot.ports import PendingNotice


class PaymentsRecordedOnce:
    """RecordsPayment: the payment handed to RecordedOnce as the notice a bank would have sent of it; the
    QR's caption then names its row's No."""

    def __init__(self, notices: RecordedOnce, timezone: tzinfo) -> None:
        self._notices = notices
        self._timezone = timezone

    async def __call__(self, chat_id: int, payment: PaidByQr) -> PaymentRecording:
        """Record the payment once."""
        when = payment.paid_at.astimezone(self._timezone).replace(tzinfo=None)  # a bank's clock, as notices
        notice = BankNotice(
            payment.bank,
            payment.money.amount,
            payment.money.currency,
            payment.payer,
            when,
            payment.transaction_id,
        )
        pending = PendingNotice(chat_id, payment.message_id, payment.user_id, payment.paid_at, notice)
        recorded = await self._notices.record_payment(pending)
        if isinstance(recorded, AlreadyRecorded):
            return QrAlreadyRecorded(recorded.number, recorded.period)
        if recorded.then is not None:
            recorded = await recorded.then()  # the QR's caption names the row: wait for the sheet's No
        outcome = recorded.outcome
        match outcome:
            case Saved(saved):
                line = saved.lines[0]
                return QrRecorded(line.number, line.period or Period.of(when.date()))
            case Queued(queued):
                return QrRecorded(None, queued.period)
            case LedgerProblem() | StorageProblem():
                return outcome
        raise ValueError(
            f"the payment {payment.bank} {payment.transaction_id} could not be a top-up: {outcome}"
        )
