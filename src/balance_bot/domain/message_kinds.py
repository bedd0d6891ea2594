"""What kind of message a member posted in a group, so that one use case takes it: the amount a photo's
proposal asked for, a bank's notice of money received, or anything else (the capture conversation's)."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, timedelta
from enum import Enum

from balance_bot.domain.bank_notices import BankNotice, read_bank_notices


class MessageKind(Enum):
    """Which use case a group's message goes to."""

    AMOUNT_ASKED = "amount_asked"  # its poster was asked for a photo's amount: the answer, if it is one
    BANK_NOTICE = "bank_notice"  # one or several notices of money received: a top-up, recorded once
    CONVERSATION = "conversation"  # anything else: an expense, a purpose asked for, or nothing


def within_answer_window(asked_at: datetime | None, sent_at: datetime, answer_within: timedelta) -> bool:
    """Whether a message answers an amount asked at `asked_at`: sent within the window (later, the
    question is forgotten and the message is an expense of its own)."""
    return asked_at is not None and sent_at - asked_at <= answer_within


def received_notices(text: str, written_on: date) -> list[BankNotice]:
    """The bank's notices of money received in the text (a notice of money sent is no top-up)."""
    return [notice for notice in read_bank_notices(text, written_on) if notice.received]


def kind_of(notices: Sequence[BankNotice], *, amount_asked: bool) -> MessageKind:
    """The message's kind: an answer to an amount asked first (the member was asked), then a bank's
    notice, then the conversation."""
    if amount_asked:
        return MessageKind.AMOUNT_ASKED
    return MessageKind.BANK_NOTICE if notices else MessageKind.CONVERSATION
