"""What /balance says of expenses whose date it cannot read: they count in the month, in no day's answer."""

from __future__ import annotations

from balance_bot.domain.balances import PeriodBalance
from balance_bot.domain.ledger import SheetRow
from infrastructure.telegram import balance_texts, texts
from infrastructure.telegram.wording import Wording

MOST_NAMED = 3  # rows named one by one; the rest are counted, for a bookkeeper fixes a few at a time


def note(replies: Wording, balance: PeriodBalance) -> list[str]:
    """'Row No 14 has no date I can read…', naming a few rows and counting the others; nothing when every
    expense has its day."""
    undated = balance.figures.undated
    if not undated:
        return []
    named = ", ".join(_name(replies, row) for row in undated[:MOST_NAMED])
    if len(undated) > MOST_NAMED:
        more = replies.formats.number(len(undated) - MOST_NAMED)
        named = replies.say(balance_texts.UNDATED_MORE, rows=named, count=more)
    return [replies.count(balance_texts.UNDATED_ROWS, len(undated), rows=named)]


def _name(replies: Wording, row: SheetRow) -> str:
    """'No 14' as the sheet numbers the row; a row a bookkeeper left without a No, by its item."""
    if row.number is not None:
        return replies.say(texts.ENTRY_NUMBER, number=replies.formats.digits(str(row.number)))
    return f"“{row.item.strip()}”"
