"""Which of an expense's lines wait for an admin: those above the group's threshold, marked as they are
accepted, so that their rows are written with their Status at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from balance_bot.approvals.threshold import goes_over
from balance_bot.domain.ledger import AWAITING_APPROVAL, LedgerLine
from balance_bot.domain.money import CURRENCIES, ZERO
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.ports import ApprovalStore, Clock, PendingApproval

# The KHR per USD rate of a row's day, for an amount in the other currency than the threshold's.
RateOf = Callable[[date], Awaitable[Decimal]]  # the rate of a line's day (RatesOfTheDay's)


class ApprovalGate:
    """Marks the lines above the group's threshold as awaiting approval, and keeps their message."""

    def __init__(self, settings: GroupSettings, store: ApprovalStore, rate_of: RateOf, clock: Clock) -> None:
        self._settings = settings
        self.store = store
        self._rate_of = rate_of
        self._clock = clock

    async def mark(
        self, chat_id: int, message_id: int, author_id: int, lines: Sequence[LedgerLine]
    ) -> list[LedgerLine]:
        """The lines, those above the threshold with the Status AWAITING_APPROVAL; their message kept
        as awaiting a decision (top-ups and members' movements never wait)."""
        threshold = (await self._settings.approvals(chat_id)).over
        if threshold is None:
            return list(lines)
        marked = [
            replace(line, status=AWAITING_APPROVAL)
            if line.spending and goes_over(line.money, threshold, await self._rate_of(line.day))
            else line
            for line in lines
        ]
        waiting = [line for line in marked if line.status == AWAITING_APPROVAL]
        if waiting:
            amounts = dict.fromkeys(CURRENCIES, ZERO)
            for line in waiting:
                if line.money.currency in amounts:
                    amounts[line.money.currency] += line.money.amount
            pending = PendingApproval(chat_id, message_id, author_id, self._clock.now(), amounts)
            await self.store.open(pending)
        return marked
