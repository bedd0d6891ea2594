"""`balance-bot check` for Google Sheets: the pool's service accounts, their load and the room left, and
each configured sheet's write access."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from balance_bot.capture.refusals import LedgerRefused, SheetRefusal
from balance_bot.groups.sheet_accounts import PoolQuotas, pool_room
from balance_bot.ports import AccountLoad, LedgerAccessDenied, LedgerError, LedgerNotFound
from infrastructure.check_findings import Finding, Verdict
from infrastructure.settings import Settings, SettingsError
from infrastructure.sheets.google_directory import GoogleSheets
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.sheet_accounts import SqliteSheetAccounts
from infrastructure.wiring.ledgers import build_pool

_REFUSED = {
    SheetRefusal.NOT_A_GOOGLE_SHEET: "an uploaded .xlsx, not a Google Sheet: open it, choose File → Save as "
    "Google Sheets, and use the new sheet's id",
    SheetRefusal.READ_ONLY: "shared with {email} as Viewer, not Editor: share it as Editor",
    SheetRefusal.PROTECTED: "a month's or the Categories tab is protected: remove the protection or let "
    "{email} edit it",
    SheetRefusal.PAST_THE_GRID: "a month's tab is too small for the bot's cells: add rows or columns",
}


async def google_findings(settings: Settings) -> list[Finding]:
    """The accounts, each one's load, the pool's room, and each sheet of the settings, one line each."""
    database = Database(settings.database_path)
    try:
        pool = build_pool(settings, SqliteSheetAccounts(database), attempts=2)
    except SettingsError as exc:
        await database.close()
        return [Finding(Verdict.FAIL, "Google", str(exc))]
    sheets = GoogleSheets(
        None,
        load_template(),
        settings.worksheet_title_format,
        pool.accounts[0].email,
        settings.balance_sheet_by_chat,
        settings.balance_sheet_id,
        SqliteChatSheets(database),
        pool=pool,
    )
    try:
        loads = await pool.loads()
        findings = [*account_findings(loads, settings), room_finding(loads, settings)]
        configured = dict.fromkeys(
            [
                *([settings.balance_sheet_id] if settings.balance_sheet_id else []),
                *settings.balance_sheet_by_chat.values(),
            ]
        )
        if not configured:
            findings.append(Finding(Verdict.SKIP, "Sheets", "none configured; group admins can /connect one"))
        for spreadsheet_id in configured:
            email = await pool.serving(spreadsheet_id) or sheets.share_with
            findings.append(await _sheet(sheets.check_write_access, spreadsheet_id, email))
    finally:
        await sheets.close()
        await database.close()
    return findings


def account_findings(loads: list[AccountLoad], settings: Settings) -> list[Finding]:
    """A line for the single account (the e-mail to share sheets with) or the pool, then one per
    account with its spreadsheets and requests; WARN for one that reached its quota."""
    projects = sorted({load.group for load in loads})
    single = f"{loads[0].account} — share each sheet with it as Editor"
    findings = [
        Finding(Verdict.OK, "Google service account", single)
        if len(loads) == 1
        else Finding(
            Verdict.OK,
            "Google service accounts",
            f"{len(loads)} in {len(projects)} project(s) ({', '.join(p or '?' for p in projects)}); "
            "each spreadsheet is served by one, /connect names the least loaded to share a new sheet with",
        )
    ]
    for load in loads:
        full = (
            load.busiest_writes >= settings.sheets_writes_per_minute
            or load.busiest_reads >= settings.sheets_reads_per_minute
        )
        findings.append(
            Finding(
                Verdict.WARN if full else Verdict.OK,
                f"Account {load.account}",
                f"project {load.group or '?'}, {load.spreadsheets} spreadsheet(s); last minute "
                f"{load.writes_last_minute} writes, {load.reads_last_minute} reads; last hour "
                f"{load.writes_last_hour} writes, {load.reads_last_hour} reads, busiest minute "
                f"{load.busiest_writes} writes, {load.busiest_reads} reads (quota "
                f"{settings.sheets_writes_per_minute} and {settings.sheets_reads_per_minute} a minute)"
                + ("; at its quota: add an account to GOOGLE_SERVICE_ACCOUNT_FILES" if full else ""),
            )
        )
    return findings


def room_finding(loads: list[AccountLoad], settings: Settings) -> Finding:
    """How many more groups the pool holds at the rates measured in the last hour (see pool_room)."""
    room = pool_room(
        loads,
        PoolQuotas(
            settings.sheets_writes_per_minute,
            settings.sheets_reads_per_minute,
            settings.sheets_project_writes_per_minute,
            settings.sheets_project_reads_per_minute,
        ),
    )
    carries = (
        f"the pool carries {room.writes_per_minute} writes and {room.reads_per_minute} reads a minute "
        "(its accounts' quotas, each project's capped by SHEETS_PROJECT_*_PER_MINUTE)"
    )
    if room.more_groups is None:
        return Finding(Verdict.OK, "Room", f"{carries}; no spreadsheet wrote or read in the last hour")
    return Finding(
        Verdict.OK if room.more_groups else Verdict.WARN,
        "Room",
        f"{carries}; a spreadsheet's busiest minute of the last hour took "
        f"{room.busiest_writes_per_sheet:.1f} writes and {room.busiest_reads_per_sheet:.1f} reads: "
        f"about {room.more_groups} more group(s) at those rates",
    )


async def _sheet(check: Callable[[str], Awaitable[str]], spreadsheet_id: str, email: str) -> Finding:
    try:
        title = await check(spreadsheet_id)
    except LedgerAccessDenied:
        return Finding(Verdict.FAIL, f"Sheet {spreadsheet_id}", f"not shared with {email} as Editor")
    except LedgerNotFound:
        return Finding(Verdict.FAIL, f"Sheet {spreadsheet_id}", "no such spreadsheet")
    except LedgerRefused as refused:  # for good: named, with what to do
        return Finding(Verdict.FAIL, f"Sheet {spreadsheet_id}", _REFUSED[refused.reason].format(email=email))
    except LedgerError as exc:
        return Finding(Verdict.FAIL, f"Sheet {spreadsheet_id}", str(exc))
    return Finding(Verdict.OK, f"Sheet {spreadsheet_id}", f"“{title}” is writable")
