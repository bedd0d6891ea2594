"""Use case: the bot's own rounds: each group's month rolled over and reconciled with its sheet, the
closed month's summary told once, advances held long reminded of; the groups shared out over the ticks."""

from __future__ import annotations

import math
from dataclasses import dataclass

from balance_bot.balances.service import BalanceService
from balance_bot.domain.balances import PeriodBalance
from balance_bot.domain.language import Speech
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.members.movements import AdvanceReminders, DueReminder

TICK_SECONDS = 60.0


@dataclass(frozen=True, slots=True)
class RoundPlan:
    """What a group is told after its round: the reminders due, then the month that closed (with
    something in it), its summary posted once."""

    chat_id: int
    speech: Speech
    reminders: tuple[DueReminder, ...] = ()
    closed: PeriodBalance | None = None


class MonthlyRounds:
    """Every group has its round once per `round_seconds`; each tick of TICK_SECONDS takes the next
    share of the groups, so that their sheet reads are spread over the round rather than spent all in
    the first minute of Google's read quota."""

    def __init__(
        self,
        balances: BalanceService,
        languages: ChatLanguages,
        membership: GroupMembership | None = None,
        round_seconds: float = 0.0,
        reminders: AdvanceReminders | None = None,
    ) -> None:
        self._balances = balances
        self._languages = languages
        self._membership = membership
        self._round_seconds = round_seconds
        self._reminders = reminders
        self._next = 0  # where the next tick's share of the groups starts
        self._owed = 0.0  # groups owed a round, in fractions of a group, not yet read

    async def next_share(self) -> list[int]:
        """The groups whose round is this tick's."""
        groups = await self.every_group()
        if not groups:
            return []
        ticks_per_round = max(1.0, self._round_seconds / TICK_SECONDS)
        # Fewer groups than ticks in a round: a group a tick would read each one every few minutes, not
        # once a round; the share owed builds up over the ticks instead.
        self._owed = min(float(len(groups)), self._owed + len(groups) / ticks_per_round)
        share = min(len(groups), math.floor(self._owed + 1e-9))
        self._owed -= share
        if not share:
            return []
        start = self._next % len(groups)
        self._next = start + share
        return (groups * 2)[start : start + share]

    async def every_group(self) -> list[int]:
        """Every known group the bot is still in."""
        groups = await self._balances.groups()
        if self._membership is not None:
            groups = await self._membership.served(groups)
        return groups

    async def round(self, chat_id: int) -> RoundPlan:
        """One group's round; a sheet that cannot be read raises the ledger's error."""
        closed = await self._balances.month_round(chat_id)
        reminders: list[DueReminder] = []
        if self._reminders is not None:  # from the month the round just read: no read of its own
            reminders = await self._reminders.due(chat_id, self._balances.current_day())
        if closed is not None and not (closed.figures.entries or closed.figures.topup_count):
            closed = None  # a month with nothing in it has no summary
        return RoundPlan(chat_id, await self._languages.for_group(chat_id), tuple(reminders), closed)
