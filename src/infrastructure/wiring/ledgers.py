"""The ledger store SHEET_BACKEND names: Google Sheets with a service account, or the local workbook."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable

from balance_bot.ports import LedgerDirectory, SheetAccess
from infrastructure.settings import Settings, SettingsError
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.chat_sheets import SqliteChatSheets

Close = Callable[[], Awaitable[None]]


def build_ledgers(
    settings: Settings, chat_sheets: SqliteChatSheets, moves: SqliteChatMoves | None = None
) -> tuple[LedgerDirectory, SheetAccess | None, Close]:
    """The configured store: Google Sheets with a service account, or the local workbook."""
    template = load_template()
    if settings.sheet_backend == "google":
        # Imported only when configured: gspread, google-auth and requests add about 18 MB to a
        # bot that keeps its ledger in the local workbook on a small home server.
        from infrastructure.sheets.google_api import RequestQuota, SheetsHTTPClient, load_credentials
        from infrastructure.sheets.google_directory import GoogleSheets

        key_file = settings.google_service_account_file
        if key_file is None:
            raise SettingsError(
                "SHEET_BACKEND=google needs GOOGLE_SERVICE_ACCOUNT_FILE, a service-account key"
            )
        try:
            credentials = load_credentials(json.loads(key_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise SettingsError(
                f"GOOGLE_SERVICE_ACCOUNT_FILE {key_file} is not a readable key: {exc}"
            ) from exc
        sheets = GoogleSheets(
            SheetsHTTPClient(
                credentials,
                settings.sheets_api_url,
                writes=RequestQuota(settings.sheets_writes_per_minute),
                reads=RequestQuota(settings.sheets_reads_per_minute),
            ),
            template,
            settings.worksheet_title_format,
            credentials.service_account_email,
            settings.balance_sheet_by_chat,
            settings.balance_sheet_id,
            chat_sheets,
            moves.former_id if moves is not None else None,
        )
        return sheets, sheets, sheets.close
    from infrastructure.sheets.workbook import WorkbookLedger

    workbook = WorkbookLedger(
        settings.workbook_path,
        template,
        settings.worksheet_title_format,
        save_delay_seconds=settings.workbook_save_delay_seconds,
    )
    return workbook, None, workbook.close
