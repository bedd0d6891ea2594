"""Recurring costs wired: kept in SQLite, read by the parser as /topup's amount is, written through the
capture flow's outbox in the groups the bot serves and is still in."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from balance_bot.domain.parser import HeuristicParser
from balance_bot.groups.membership import GroupMembership
from balance_bot.recurring.commands import CommandPolicy, RecurringCommands
from balance_bot.recurring.posting import RecurringRounds
from infrastructure.settings import Settings
from infrastructure.sqlite.memberships import SqliteMemberships
from infrastructure.sqlite.recurring_costs import SqliteRecurringCosts
from infrastructure.telegram.recurring_replies import CatalogRowMarkers
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.interpreter import amount_limits
from infrastructure.wiring.time_zone import time_zone


@dataclass(frozen=True)
class RecurringParts:
    """/recurring's use case, and the rounds that write the costs' rows."""

    commands: RecurringCommands
    rounds: RecurringRounds


def build_recurring(settings: Settings, parts: CaptureParts) -> RecurringParts:
    """Recurring costs on the capture flow's parts and database."""
    timezone = time_zone(settings)
    limits = amount_limits(settings)
    store = SqliteRecurringCosts(parts.database)
    membership = GroupMembership(SqliteMemberships(parts.database))

    async def served(chat_ids: Iterable[int]) -> list[int]:
        """Those of the groups the bot serves and is still in: a group it left gets its days once back."""
        serving = [chat_id for chat_id in chat_ids if await parts.served.serves(chat_id)]
        return await membership.served(serving)

    commands = RecurringCommands(
        store,
        HeuristicParser(limits, settings.max_entries_per_message).parse,
        parts.languages,
        parts.clock,
        CommandPolicy(timezone, limits),
        parts.capture.categorised,
    )
    rounds = RecurringRounds(
        store,
        parts.capture,
        parts.conversation,
        parts.delivery,
        parts.ledgers,
        CatalogRowMarkers(parts.languages),
        parts.clock,
        timezone,
        served,
        settings.recurring_hour,
    )
    return RecurringParts(commands, rounds)
