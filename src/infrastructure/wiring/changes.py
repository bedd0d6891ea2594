"""What changed in the sheet by hand, wired: the rows the bot writes kept in SQLite, /changes and its
daily look on the balances' reads."""

from __future__ import annotations

from balance_bot.balances.service import BalanceService
from balance_bot.groups.membership import GroupMembership
from balance_bot.ledger_changes.hand_changes import ChangesPolicy, HandChanges
from balance_bot.ledger_changes.recording import RecordedLedgers
from balance_bot.ports import Clock, LedgerDirectory
from infrastructure.settings import Settings
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.hand_edits import SqliteToldChanges, SqliteWrittenRows
from infrastructure.wiring.time_zone import time_zone


def recorded_ledgers(ledgers: LedgerDirectory, database: Database) -> RecordedLedgers:
    """The ledgers, keeping every row the bot writes as it writes it."""
    return RecordedLedgers(ledgers, SqliteWrittenRows(database))


def build_changes(
    settings: Settings,
    balances: BalanceService,
    ledgers: LedgerDirectory,
    database: Database,
    clock: Clock,
    membership: GroupMembership | None = None,
) -> HandChanges:
    """/changes and the daily look at CHANGES_HOUR in TIMEZONE."""
    return HandChanges(
        balances,
        ledgers,
        SqliteWrittenRows(database),
        SqliteToldChanges(database),
        clock,
        ChangesPolicy(time_zone(settings), settings.changes_hour),
        membership,
    )
