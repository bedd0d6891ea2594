"""A notice's row in the ledger: the Item that names the bank's reference, and how that Item is found again.

The reference is written where a bookkeeper sees it ("Top-up: ABA Trx 176015291049703 – LOR PISETH
(10:21)"), so the statement can be matched by eye and the row found again by the bot, in the sheet as the
bookkeepers left it: the sheet, not the bot's database, says which payments are recorded.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from balance_bot.domain.bank_notices import BankNotice
from balance_bot.domain.money import Money
from balance_bot.domain.row_labels import RowLabels


def notice_key(notice: BankNotice) -> str:
    """What names the payment within the ledger: the bank and its transaction ID ('ABA Trx 1760…'); for a
    bank whose notices carry none (KB PRASAC), the bank and the moment to the second."""
    if notice.transaction_id is not None:
        return f"{notice.bank} Trx {notice.transaction_id}"
    return f"{notice.bank} {notice.when:%Y-%m-%d %H:%M:%S}"


def notice_item(label: str, notice: BankNotice) -> str:
    """The row's Item: the group's word for a top-up, the reference, the payer and the bank's clock time."""
    if notice.transaction_id is None:  # the key holds the time already
        return RowLabels.with_note(label, f"{notice_key(notice)} – {notice.payer}")
    return RowLabels.with_note(label, f"{notice_key(notice)} – {notice.payer} ({notice.when:%H:%M})")


def records(item: str, amounts: Iterable[Money | None], notice: BankNotice) -> bool:
    """Whether a row (its Item and amounts) records the payment: its Item names the reference, whole (a
    longer ID that starts alike is another payment); for a notice without an ID, the payer and the amount
    must be the row's too, since two payments in the same second are not unheard of."""
    key = re.escape(notice_key(notice).casefold())
    if re.search(rf"(?<![\w]){key}(?![\w])", item.casefold()) is None:
        return False
    if notice.transaction_id is not None:
        return True
    return notice.payer.casefold() in item.casefold() and notice.money in amounts
