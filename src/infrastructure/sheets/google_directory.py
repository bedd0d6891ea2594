"""The Google ledgers of one service account: which spreadsheet each group writes to."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerNotConnected, LedgerStore, LedgerUnavailable, SheetConnections
from infrastructure.sheets.google import GoogleSheetLedger
from infrastructure.sheets.google_api import SheetsHTTPClient, token_error
from infrastructure.sheets.google_refusals import PROTECTION_FIELDS, protected, protected_tabs, sheets_error
from infrastructure.sheets.template import SheetTemplate


class GoogleSheets:
    """The ledgers of one service account: which spreadsheet a group writes to, and access checks.

    A group writes to its spreadsheet from BALANCE_SHEET_BY_CHAT, else the one an admin connected
    with /connect, else BALANCE_SHEET_ID; an admin's connection for their own group wins over the
    operator's default for all groups. A group upgraded to a supergroup keeps the
    BALANCE_SHEET_BY_CHAT entry of its old id (`former_id`) until the operator updates it.
    """

    def __init__(
        self,
        client: SheetsHTTPClient,
        template: SheetTemplate,
        title_format: str,
        share_with: str,
        by_chat: Mapping[int, str],
        default: str | None,
        connections: SheetConnections,
        former_id: Callable[[int], Awaitable[int | None]] | None = None,
    ) -> None:
        self._former_id = former_id
        self._client = client
        self._template = template
        self._title_format = title_format
        self.share_with = share_with
        self._by_chat = dict(by_chat)
        self._default = default
        self._connections = connections
        self._ledgers: dict[str, GoogleSheetLedger] = {}
        self._checker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sheets-access")

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The group's ledger, resolved when it is first written to."""
        return _ChatLedger(self, chat_id)

    async def is_connected(self, chat_id: int) -> bool:
        """Whether the group has a spreadsheet from the settings or from /connect."""
        return await self._spreadsheet_of(chat_id) is not None

    async def _spreadsheet_of(self, chat_id: int) -> str | None:
        return (
            self._by_chat.get(chat_id)
            or await self._by_former_id(chat_id)
            or await self._connections.connected(chat_id)
            or self._default
        )

    async def _by_former_id(self, chat_id: int) -> str | None:
        if not self._by_chat or self._former_id is None:
            return None  # no per-group setting to follow: no lookup
        former = await self._former_id(chat_id)
        return self._by_chat.get(former) if former is not None else None

    async def ledger_for(self, chat_id: int) -> GoogleSheetLedger:
        """The spreadsheet ledger of a group; LedgerNotConnected when it has none."""
        spreadsheet_id = await self._spreadsheet_of(chat_id)
        if spreadsheet_id is None:
            raise LedgerNotConnected(f"chat {chat_id} has no spreadsheet")
        if spreadsheet_id not in self._ledgers:
            self._ledgers[spreadsheet_id] = GoogleSheetLedger(
                spreadsheet_id, self._client, self._template, self._title_format, self.share_with
            )
        return self._ledgers[spreadsheet_id]

    async def check_write_access(self, spreadsheet_id: str) -> str:
        """The spreadsheet's title, after a write that changes nothing (its title set to itself).

        A sheet that takes that write may still refuse the rows: an uploaded .xlsx refuses every
        call, one shared as Viewer refuses the write, and a month's or the Categories tab may be
        protected against the bot, which the metadata says (requestingUserCanEdit).
        """

        def check() -> str:
            try:
                metadata = self._client.fetch_sheet_metadata(
                    spreadsheet_id, params={"fields": PROTECTION_FIELDS}
                )
                title = str(metadata["properties"]["title"])
                self._client.batch_update(
                    spreadsheet_id,
                    {
                        "requests": [
                            {
                                "updateSpreadsheetProperties": {
                                    "properties": {"title": title},
                                    "fields": "title",
                                }
                            }
                        ]
                    },
                )
            except APIError as exc:
                raise sheets_error(exc, self._client, spreadsheet_id, self.share_with) from exc
            except (RefreshError, TransportError) as exc:
                raise token_error(exc) from exc
            except requests.RequestException as exc:
                raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc
            tabs = protected_tabs(metadata, self._title_format)
            if tabs:
                raise protected(self.share_with, tabs)
            return title

        return await asyncio.get_running_loop().run_in_executor(self._checker, check)

    async def close(self) -> None:
        """Stop the worker threads."""
        for ledger in self._ledgers.values():
            ledger.close()
        self._checker.shutdown(wait=True)


class _ChatLedger:
    """One group's LedgerStore: finds the group's spreadsheet on each call, so /connect applies at once."""

    def __init__(self, sheets: GoogleSheets, chat_id: int) -> None:
        self._sheets = sheets
        self._chat_id = chat_id
        self._last: GoogleSheetLedger | None = None

    async def _ledger(self) -> GoogleSheetLedger:
        self._last = await self._sheets.ledger_for(self._chat_id)
        return self._last

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Append to the group's spreadsheet."""
        return await (await self._ledger()).append(period, lines)

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite a row in the group's spreadsheet."""
        return await (await self._ledger()).replace(saved, line)

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Void a row in the group's spreadsheet."""
        return await (await self._ledger()).void(saved)

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category in the group's spreadsheet."""
        return await (await self._ledger()).set_category(saved, category)

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write a row's Status in the group's spreadsheet."""
        return await (await self._ledger()).set_status(saved, status)

    async def categories(self) -> list[Category]:
        """The Categories tab of the group's spreadsheet."""
        return await (await self._ledger()).categories()

    async def read(self, period: Period) -> list[SheetRow]:
        """Read a month of the group's spreadsheet."""
        return await (await self._ledger()).read(period)

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """LedgerStore.months_kept, on the group's spreadsheet."""
        return await (await self._ledger()).months_kept(periods)

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Read several months of the group's spreadsheet."""
        return await (await self._ledger()).read_months(periods)

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Find lines in the group's spreadsheet."""
        return await (await self._ledger()).find(period, lines)

    async def flush(self) -> None:
        """Nothing to do: Sheets writes through."""

    def link(self) -> str | None:
        """The link of the spreadsheet last written to."""
        return self._last.link() if self._last is not None else None

    async def identity(self) -> str:
        """The group's spreadsheet, as it is connected now."""
        return await (await self._ledger()).identity()
