"""The sums awaiting approval, as /balance, answers and reminders name them: "$240.00 awaiting approval"."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from balance_bot.domain.balances import MonthFigures
from balance_bot.domain.money import Currency
from infrastructure.telegram import approvals_texts
from infrastructure.telegram.wording import Wording


def sums(words: Wording, amounts: Mapping[Currency, Decimal]) -> str:
    """'$240.00 + 1,200,000៛': each currency that has any."""
    money = words.formats.money
    return " + ".join(money(amount, currency) for currency, amount in amounts.items() if amount)


def awaiting(words: Wording, amounts: Mapping[Currency, Decimal]) -> str:
    """'$240.00 awaiting approval'."""
    return words.say(approvals_texts.AWAITING_LINE, amounts=sums(words, amounts))


def month_note(words: Wording, figures: MonthFigures) -> list[str]:
    """/balance's line for the expenses awaiting approval, out of the spending; none when none wait."""
    if not figures.awaiting_count:
        return []
    return [f"⏳ {awaiting(words, figures.awaiting)}"]
