"""Use case: this month's LLM use, for an admin's /usage."""

from __future__ import annotations

from datetime import tzinfo

from balance_bot.ports import Clock, MonthUsage, UsageLog


class UsageReport:
    """The current month's calls, costs and messages read without an LLM, in the team's time zone."""

    def __init__(self, log: UsageLog, clock: Clock, timezone: tzinfo) -> None:
        self._log = log
        self._clock = clock
        self._timezone = timezone

    async def this_month(self, chat_id: int | None) -> MonthUsage:
        """The figures of the month the team is in now, of one group or (None, for operators) of all."""
        month = self._clock.now().astimezone(self._timezone).strftime("%Y-%m")
        return await self._log.month_usage(month, chat_id)
