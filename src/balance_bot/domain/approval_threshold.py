"""The approval threshold: read from an admin's words, whether an amount goes over it, and which of an
expense's lines wait for an admin."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from balance_bot.domain.amounts import scan_line
from balance_bot.domain.ledger import AWAITING_APPROVAL, LedgerLine
from balance_bot.domain.money import CURRENCIES, ZERO, Currency, Money

OFF = "off"  # what the store keeps for a group that turned approvals off


def read_threshold(words: str) -> Money | None:
    """The one amount with its currency an admin named ('100$', '៤០០០០០៛', '100 usd'); None otherwise."""
    mentions = [mention for mention in scan_line(words) if mention.currency is not None]
    if len(mentions) != 1 or mentions[0].negative:
        return None
    mention = mentions[0]
    assert mention.currency is not None
    money = Money(mention.value, mention.currency)
    if mention.value <= ZERO or not money.is_whole_in_its_currency:
        return None
    return money


def kept(threshold: Money | None) -> str:
    """The threshold as the store keeps it: '100.00 USD', or OFF."""
    return OFF if threshold is None else str(threshold)


def from_kept(value: str) -> Money | None:
    """What kept() wrote: a threshold, or None for OFF (or what no threshold reads from)."""
    if value == OFF:
        return None
    amount, _, currency = value.partition(" ")
    try:
        return Money(Decimal(amount), Currency(currency))
    except (ArithmeticError, ValueError):
        return None


def goes_over(money: Money, threshold: Money, khr_per_usd: Decimal) -> bool:
    """Whether an amount is above the threshold: in the threshold's currency, the other one at the rate."""
    if money.currency is threshold.currency:
        return money.amount > threshold.amount
    if money.currency is Currency.KHR and threshold.currency is Currency.USD:
        return money.amount / khr_per_usd > threshold.amount
    if money.currency is Currency.USD and threshold.currency is Currency.KHR:
        return money.amount * khr_per_usd > threshold.amount
    return False  # a currency not said: nothing to compare it with


def marked_for_approval(
    lines: Sequence[LedgerLine], threshold: Money, rates: Mapping[date, Decimal]
) -> list[LedgerLine]:
    """The lines, those spending above the threshold with the Status AWAITING_APPROVAL (top-ups and
    members' movements never wait); `rates`, the KHR per USD of each spending line's day."""
    return [
        replace(line, status=AWAITING_APPROVAL)
        if line.spending and goes_over(line.money, threshold, rates[line.day])
        else line
        for line in lines
    ]


def amounts_awaiting(lines: Sequence[LedgerLine]) -> dict[Currency, Decimal]:
    """What the lines awaiting approval add up to, per currency: what the admins are asked about."""
    amounts = dict.fromkeys(CURRENCIES, ZERO)
    for line in lines:
        if line.status == AWAITING_APPROVAL and line.money.currency in amounts:
            amounts[line.money.currency] += line.money.amount
    return amounts
