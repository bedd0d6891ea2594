"""What the bot says about bank notices, in a chat's language: recorded already, waiting for an admin."""

from __future__ import annotations

from balance_bot.domain.bank_notices import BankNotice
from balance_bot.payments.recorded_once import (
    AlreadyRecorded,
    AskAdmins,
    NoticeButton,
    NoticeTap,
    SeveralNotices,
    TapResult,
    WhyAsked,
)
from infrastructure.telegram import payments_texts, texts
from infrastructure.telegram.replies import Replies


class PaymentReplies:
    """The payments' room's words, built on a chat's Replies."""

    def __init__(self, replies: Replies) -> None:
        self._replies = replies

    def said(self, shown: AlreadyRecorded | AskAdmins | SeveralNotices) -> str:
        """What the group hears about a notice that was not recorded now."""
        say = self._replies.say
        match shown:
            case AlreadyRecorded(_, _, period, waiting=True):
                return say(payments_texts.ALREADY_ON_ITS_WAY, month=self._replies.period(period))
            case AlreadyRecorded(_, None, period):
                return say(payments_texts.ALREADY_UNNUMBERED, month=self._replies.period(period))
            case AlreadyRecorded(_, number, period):
                no = say(texts.ENTRY_NUMBER, number=self._replies.formats.digits(str(number)))
                return say(payments_texts.ALREADY_RECORDED, number=no, month=self._replies.period(period))
            case SeveralNotices(count):
                return say(payments_texts.SEVERAL_NOTICES, count=self._replies.formats.number(count))
        notice = shown.notice
        fields = {
            "amount": self._replies.amount(notice.money),
            "payer": notice.payer,
            "bank": notice.bank,
            "when": self._when(notice),
        }
        if shown.why is WhyAsked.NO_TRANSACTION_ID:
            return say(payments_texts.WITHOUT_ID_TO_CONFIRM, **fields)
        return say(payments_texts.TO_CONFIRM, reference=notice.transaction_id, **fields)

    def button(self, button: NoticeButton) -> str:
        """A button's label under a notice waiting for an admin."""
        if button is NoticeButton.CONFIRM:
            return self._replies.say(payments_texts.CONFIRM_BUTTON)
        return self._replies.say(payments_texts.NOT_OURS_BUTTON)

    def tapped(self, tap: NoticeTap) -> str | None:
        """What the tapper alone is told (None: nothing)."""
        match tap.result:
            case TapResult.ADMINS_ONLY:
                return self._replies.say(texts.ADMINS_ONLY)
            case TapResult.GONE:
                return self._replies.say(payments_texts.DEALT_WITH)
            case TapResult.LEFT_OUT:
                return self._replies.say(payments_texts.LEFT_OUT)
        return None

    def _when(self, notice: BankNotice) -> str:
        """'Sat 11 Oct 2025 10:21': the bank's day and clock time."""
        day = self._replies.day(notice.when.date(), with_year=True)
        return f"{day} {self._replies.formats.digits(f'{notice.when:%H:%M}')}"
