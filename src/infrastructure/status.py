"""`balance-bot status`: what waits in the outbox for the sheet, and why, for the operator."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import datetime, tzinfo
from pathlib import Path

from balance_bot.capture.refusals import SheetRefusal
from balance_bot.domain.day_rates import RateOfDay
from balance_bot.ports import AccountLoad, OutboxChat
from balance_bot.rates.ports import SourceHealth
from infrastructure.settings import SettingsError
from infrastructure.sqlite.daily_rates import SqliteRateStore
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.outbox import SqliteOutbox
from infrastructure.sqlite.sheet_accounts import SqliteSheetAccounts

_REFUSALS = {
    SheetRefusal.NOT_A_GOOGLE_SHEET: "it is an uploaded .xlsx, not a Google Sheet",
    SheetRefusal.READ_ONLY: "it is shared with the bot as Viewer",
    SheetRefusal.PROTECTED: "the range the bot writes is protected",
    SheetRefusal.PAST_THE_GRID: "the month's tab is too small for the bot's cells",
}


async def print_outbox(
    database_path: Path,
    now: datetime,
    timezone: tzinfo,
    rate_from_source: bool = True,
    accounts: Sequence[tuple[str, str]] = (),
) -> int:
    """Print what waits in the outbox, and the rate of the day while its source cannot be read (when it
    has one: not with RATE_SOURCE=fixed), and each (service account, project)'s load; 1 when anything
    waits, so a monitor can alert on it."""
    if not database_path.is_file():
        # Opening it would make a new empty database and report "empty" about the wrong file.
        raise SettingsError(
            f"there is no database at {database_path}: the bot has not run with this "
            "DATABASE_PATH yet (run status from the bot's folder, or set DATABASE_PATH)"
        )
    database = Database(database_path)
    try:
        outbox = SqliteOutbox(database)
        waiting, refusals = await outbox.summary(now), await outbox.refusals()
        rate_line = (
            await _rate_trouble(SqliteRateStore(database), now, timezone) if rate_from_source else None
        )
        loads = await SqliteSheetAccounts(database).loads(accounts, int(now.timestamp() // 60))
    finally:
        await database.close()
    print(status_report(waiting, now, timezone, refusals))
    for line in account_lines(loads):
        print(line)
    if rate_line is not None:
        print(rate_line)
    return 1 if waiting else 0


async def _rate_trouble(rates: SqliteRateStore, now: datetime, timezone: tzinfo) -> str | None:
    """The rate in use and since when its source cannot be read, while it cannot; else nothing to say."""
    health = await rates.health()
    if health.failing_since is None:
        return None
    latest = await rates.rate_on(now.astimezone(timezone).date()) or await rates.earliest()
    return rate_report(latest, health, timezone)


def rate_report(latest: RateOfDay | None, health: SourceHealth, timezone: tzinfo) -> str:
    """The rate in use and its day; since when its source cannot be read, when it cannot."""
    if latest is None or latest.day is None:
        line = "rate of the day: none read yet, KHR_PER_USD is used"
    else:
        line = (
            f"rate of the day: {latest.source} {latest.khr_per_usd} KHR per USD, published for {latest.day}"
        )
    if health.failing_since is not None:
        since = health.failing_since.astimezone(timezone).strftime("%Y-%m-%d %H:%M")
        line += (
            f"; its source cannot be read since {since} ({health.last_error}), the last rate known is used"
        )
    elif health.last_read is not None:
        line += f"; read {health.last_read.astimezone(timezone):%Y-%m-%d %H:%M}"
    return line


def account_lines(loads: Sequence[AccountLoad]) -> list[str]:
    """One line per service account: the spreadsheets it serves, its requests lately (as the bot
    counted them: the minutes are kept about once a minute while it runs)."""
    return [
        f"account {load.account} ({load.group or 'no project'}): {load.spreadsheets} spreadsheet(s); "
        f"last minute {load.writes_last_minute} writes, {load.reads_last_minute} reads; last hour "
        f"{load.writes_last_hour} writes, {load.reads_last_hour} reads, busiest minute "
        f"{load.busiest_writes} writes, {load.busiest_reads} reads"
        for load in loads
    ]


def status_report(
    waiting: Sequence[OutboxChat],
    now: datetime,
    timezone: tzinfo,
    refusals: Mapping[int, SheetRefusal] | None = None,
) -> str:
    """One line per group with expenses not yet in the sheet; a single line when none wait."""
    if not waiting:
        return "outbox: empty, every accepted expense is in the sheet"
    lines = [f"outbox: {len(waiting)} group(s) with expenses not yet in the sheet"]
    for chat in waiting:
        since = chat.oldest.astimezone(timezone).strftime("%Y-%m-%d %H:%M")
        minutes = max(0, int((now - chat.oldest).total_seconds() // 60))
        line = (
            f"chat {chat.chat_id}: {chat.messages} message(s), {chat.lines} row(s), "
            f"waiting since {since} ({minutes} min)"
        )
        if chat.held:
            line += f"; {chat.held} held for a minute by the rate limit"
        refusal = (refusals or {}).get(chat.chat_id)
        if refusal is not None:
            line += (
                f"; the sheet refuses the rows for good ({refusal}: {_REFUSALS[refusal]}), the group "
                "was told; tried again every 10 min and at once after /connect"
            )
        if chat.attempts:
            line += f"; {chat.attempts} failed attempt(s), last error: {chat.last_error}"
        lines.append(line)
    return "\n".join(lines)
