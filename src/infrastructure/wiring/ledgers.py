"""The ledger store SHEET_BACKEND names: Google Sheets with a pool of service accounts, or the local
workbook."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from balance_bot.groups.sheet_accounts import SheetAccountChoice
from balance_bot.ports import LedgerDirectory, SheetAccess
from infrastructure.settings import Settings, SettingsError
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.sheet_accounts import SqliteSheetAccounts

if TYPE_CHECKING:
    from infrastructure.sheets.google_api import SheetsCredentials
    from infrastructure.sheets.google_pool import GooglePool

Close = Callable[[], Awaitable[None]]
NO_KEY = (
    "SHEET_BACKEND=google needs GOOGLE_SERVICE_ACCOUNT_FILE, a service-account key, or "
    "GOOGLE_SERVICE_ACCOUNT_FILES, several (or a folder of them)"
)


def build_ledgers(
    settings: Settings,
    chat_sheets: SqliteChatSheets,
    moves: SqliteChatMoves | None = None,
    database: Database | None = None,
) -> tuple[LedgerDirectory, SheetAccess | None, Close, SheetAccountChoice | None]:
    """The configured store: Google Sheets with a pool of service accounts (the account of each
    spreadsheet kept in `database`), or the local workbook."""
    template = load_template()
    if settings.sheet_backend == "google":
        # Imported only when configured: gspread, google-auth and requests add about 18 MB to a
        # bot that keeps its ledger in the local workbook on a small home server.
        from infrastructure.sheets.google_directory import GoogleSheets

        pool = build_pool(settings, SqliteSheetAccounts(database) if database is not None else None)
        sheets = GoogleSheets(
            None,
            template,
            settings.worksheet_title_format,
            pool.accounts[0].email,
            settings.balance_sheet_by_chat,
            settings.balance_sheet_id,
            chat_sheets,
            moves.former_id if moves is not None else None,
            pool=pool,
        )
        return sheets, sheets, sheets.close, sheets.choice
    from infrastructure.sheets.workbook import WorkbookLedger

    workbook = WorkbookLedger(
        settings.workbook_path,
        template,
        settings.worksheet_title_format,
        save_delay_seconds=settings.workbook_save_delay_seconds,
    )
    return workbook, None, workbook.close, None


def build_pool(settings: Settings, store: SqliteSheetAccounts | None, **client_options: Any) -> GooglePool:
    """The service accounts of GOOGLE_SERVICE_ACCOUNT_FILE and GOOGLE_SERVICE_ACCOUNT_FILES, in that
    order, each with its quotas and its project's; SettingsError when a key cannot be read."""
    from infrastructure.sheets.google_pool import GooglePool, PoolLimits, Tally, pool_accounts

    tally = Tally()
    limits = PoolLimits(
        settings.sheets_writes_per_minute,
        settings.sheets_reads_per_minute,
        settings.sheets_project_writes_per_minute,
        settings.sheets_project_reads_per_minute,
    )
    keys = read_keys(key_files(settings))
    accounts = pool_accounts(keys, settings.sheets_api_url, limits, tally, **client_options)
    return GooglePool(accounts, settings.worksheet_title_format, store, tally)


def key_files(settings: Settings) -> list[tuple[str, Path]]:
    """The key files of the pool, each with the setting that names it: GOOGLE_SERVICE_ACCOUNT_FILE
    first, then each of GOOGLE_SERVICE_ACCOUNT_FILES, a folder standing for its .json files in name
    order."""
    single = settings.google_service_account_file
    entries = [("GOOGLE_SERVICE_ACCOUNT_FILE", single)] if single else []
    entries += [("GOOGLE_SERVICE_ACCOUNT_FILES", entry) for entry in settings.google_service_account_files]
    files: list[tuple[str, Path]] = []
    for setting, entry in entries:
        found = sorted(entry.glob("*.json")) if entry.is_dir() else [entry]
        if not found:
            raise SettingsError(f"{setting}: the folder {entry} has no .json key file")
        files += [(setting, path) for path in found if path not in {known for _, known in files}]
    if not files:
        raise SettingsError(NO_KEY)
    return files


def read_keys(files: Sequence[tuple[str, Path]]) -> list[tuple[SheetsCredentials, str]]:
    """Each key's credentials and Google Cloud project; a second key of the same account is left out."""
    from infrastructure.sheets.google_api import load_credentials

    keys: list[tuple[SheetsCredentials, str]] = []
    for setting, path in files:
        try:
            key = json.loads(path.read_text(encoding="utf-8"))
            credentials = load_credentials(key)
        except (OSError, ValueError, KeyError, AttributeError) as exc:
            raise SettingsError(f"{setting} {path} is not a readable key: {exc}") from exc
        if all(known.service_account_email != credentials.service_account_email for known, _ in keys):
            keys.append((credentials, str(key.get("project_id") or "")))
    return keys
