"""A bank's payment notice, pasted or forwarded into the group, read field by field; never guessed.

Only a text that follows one bank's wording, label after label, is a notice: a message that merely
sounds like a payment ("paid via ABA", "sent 20$ on ABA to Dara") is left to the normal reading.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from balance_bot.domain.money import Currency, Money, exponent_of
from balance_bot.domain.notice_formats import FORMATS, NoticeFormat
from balance_bot.domain.notice_times import notice_time
from balance_bot.domain.numerals import read_number
from balance_bot.domain.text import DIGITS_TO_ASCII, normalize_message

_CURRENCIES = {
    "$": Currency.USD,
    "USD": Currency.USD,
    "ដុល្លារ": Currency.USD,
    "៛": Currency.KHR,
    "KHR": Currency.KHR,
    "រៀល": Currency.KHR,
}
# Bold marks a listener kept from the bank bot's formatting (**KHR 10,000**); not part of any field.
_BOLD = "**"


@dataclass(frozen=True, slots=True)
class BankNotice:
    """A payment a bank announced: how much, from whom, when by the bank's clock, and its reference.

    `transaction_id` is the bank's own reference where the notice gives one, else the payment's
    hash; None only for a bank whose notices carry neither (KB PRASAC's).
    """

    bank: str
    amount: Decimal
    currency: Currency
    payer: str
    when: datetime
    transaction_id: str | None
    received: bool = True

    @property
    def money(self) -> Money:
        """The amount in its currency."""
        return Money(self.amount, self.currency)


def read_bank_notice(text: str, message_date: date) -> BankNotice | None:
    """The one bank notice the text holds; None when it holds none, or several.

    `message_date` is the day the message was sent (a forwarded one: the day of the original), in
    the group's time zone; a notice that names no year takes its year from it.
    """
    notices = read_bank_notices(text, message_date)
    return notices[0] if len(notices) == 1 else None


def read_bank_notices(text: str, message_date: date) -> list[BankNotice]:
    """Every bank notice in the text, in the order they stand (a member may paste several at once)."""
    written = normalize_message(text).replace(_BOLD, "")
    scan = written.translate(DIGITS_TO_ASCII)  # one for one, so a span in scan is the same in written
    found: list[tuple[int, int, BankNotice]] = []
    for notice_format in FORMATS:
        if notice_format.cue not in scan:
            continue
        for match in notice_format.pattern.finditer(scan):
            notice = _notice(notice_format, match, written, message_date)
            if notice is not None:
                found.append((match.start(), match.end(), notice))
    return _apart(found)


def _notice(
    notice_format: NoticeFormat, match: re.Match[str], written: str, message_date: date
) -> BankNotice | None:
    money = _money(match["amount"], match["currency"])
    when = notice_time(match.groupdict(), message_date)
    payer = " ".join(written[match.start("payer") : match.end("payer")].split()).strip(" ,")
    if money is None or when is None or not payer:
        return None
    transaction_id = match["id"] if "id" in notice_format.pattern.groupindex else None
    return BankNotice(notice_format.bank, money.amount, money.currency, payer, when, transaction_id)


def _money(amount: str, currency: str) -> Money | None:
    """The amount as the ledger counts it (cents, whole riel); None for one no bank would print."""
    read = read_number(amount)
    if read is None or read[0] <= 0:
        return None
    money = Money(read[0], _CURRENCIES[currency])
    if not money.is_whole_in_its_currency:
        return None
    return Money(money.amount.quantize(exponent_of(money.currency)), money.currency)


def _apart(found: list[tuple[int, int, BankNotice]]) -> list[BankNotice]:
    """The notices in text order, each read once: of two readings of the same words, the first kept."""
    kept: list[BankNotice] = []
    taken_until = -1
    for start, end, notice in sorted(found, key=lambda reading: reading[0]):
        if start >= taken_until:
            kept.append(notice)
            taken_until = end
    return kept
