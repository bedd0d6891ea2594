"""The Google Sheets store: monthly worksheets in a spreadsheet, through gspread and a service account."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Callable, Sequence
from typing import TypeVar

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerAnswerLost, LedgerUnavailable
from infrastructure.categories.tab import TAB_TITLE
from infrastructure.sheets.google_api import SheetsHTTPClient, token_error
from infrastructure.sheets.google_appends import append_rows
from infrastructure.sheets.google_categories import CATEGORIES_SECONDS, CategoriesTab
from infrastructure.sheets.google_edits import replace_row, set_row_category, set_row_status, void_row
from infrastructure.sheets.google_lanes import AccountThreads, Lane
from infrastructure.sheets.google_reads import find_written, periods_with_worksheet, read_period, read_periods
from infrastructure.sheets.google_refusals import sheets_error
from infrastructure.sheets.google_worksheets import LAYOUT_SECONDS, MonthWorksheets
from infrastructure.sheets.template import SheetTemplate

# Re-exported: tests turn their clock past the ages after which a header and the Categories tab are
# read again.
__all__ = ["CATEGORIES_SECONDS", "LAYOUT_SECONDS", "GoogleSheetLedger"]

log = logging.getLogger(__name__)
T = TypeVar("T")


class GoogleSheetLedger:
    """A LedgerStore on one spreadsheet: one Sheets call per saved message, from the first one on.

    A month's worksheet the bot has not seen is created from the template together with the
    first rows, in one batchUpdate. Only when the API answers that it already exists is it read,
    once; after that each message is one values.append, whose answer (updatedRange) says whether
    a bookkeeper moved rows, and only then is column A read to renumber after the last numeric No.
    """

    def __init__(
        self,
        spreadsheet_id: str,
        client: SheetsHTTPClient,
        template: SheetTemplate,
        title_format: str,
        share_with: str,
        clock: Callable[[], float] = time.monotonic,
        threads: AccountThreads | None = None,
        neighbours: Callable[[], int] = lambda: 1,
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self.account = share_with  # the service account that writes to it
        self._client = client
        self._share_with = share_with
        # The account's threads, shared by its spreadsheets; a ledger made alone has its own, one each.
        self._own_threads = threads is None
        self._threads = threads or AccountThreads(spreadsheet_id[:8], writers=1, readers=1)
        self._writes = Lane(self._threads, "write")
        # Reads (the Mini App, /balance, questions) wait for the read quota on a lane of their own,
        # so a confirmation's append never queues behind them; Google counts the two quotas apart.
        self._reads = Lane(self._threads, "read")
        # `neighbours`: how many spreadsheets its account serves; many read their headers and tabs less
        # often, the monthly rounds' reads renewing them.
        self._sheets = MonthWorksheets(spreadsheet_id, client, template, title_format, clock, neighbours)
        self._categories = CategoriesTab(
            spreadsheet_id, client, clock, beside=self._sheets, neighbours=neighbours
        )
        self._refreshing: asyncio.Future[list[Category]] | None = None

    def link(self) -> str | None:
        """The spreadsheet's address, for confirmations."""
        return f"https://docs.google.com/spreadsheets/d/{self.spreadsheet_id}"

    async def identity(self) -> str:
        """The spreadsheet id."""
        return f"google:{self.spreadsheet_id}"

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Numbered rows at the end of the period's worksheet, created from the template if missing."""
        return await self._run(lambda: append_rows(self._sheets, period, lines))

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite the item and amounts of one of the bot's rows, found by its reference."""
        return await self._run(lambda: replace_row(self._sheets, saved, line))

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Clear a row's amounts and mark its item void; no other row moves."""
        return await self._run(lambda: void_row(self._sheets, saved))

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category, found by its reference."""
        return await self._run(lambda: set_row_category(self._sheets, saved, category))

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write a row's Status cell, found by its reference."""
        return await self._run(lambda: set_row_status(self._sheets, saved, status))

    async def categories(self) -> list[Category]:
        """The Categories tab, made from the default one on first use; one read every few minutes
        (less often on an account serving many spreadsheets), and with each month read meanwhile.

        Once read, it is answered at once: an old reading is read again behind (the worker may be
        busy with a burst of appends), with the header of the month worksheet written last when it
        is as old, and the next expense gets the new one.
        """
        reading = self._categories.last_reading()
        if reading is None:
            return await self._run(self._categories.categories)
        known, old = reading
        if old and self._refreshing is None:
            # On the read lane: an append never queues behind a read that waits for the read quota.
            self._refreshing = asyncio.ensure_future(self._run(self._categories.categories, on=self._reads))
            self._refreshing.add_done_callback(self._refreshed)
        return known

    def _refreshed(self, reading: asyncio.Future[list[Category]]) -> None:
        self._refreshing = None
        if not reading.cancelled() and reading.exception() is not None:
            log.info(
                "the %r tab of %s was not read again: %s", TAB_TITLE, self.spreadsheet_id, reading.exception()
            )

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand, in one call."""
        return await self._run(lambda: read_period(self._sheets, period, self._categories), on=self._reads)

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """The periods with a worksheet of their title, from the spreadsheet's list of worksheets."""
        return await self._run(lambda: periods_with_worksheet(self._sheets, periods), on=self._reads)

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows in two calls, however many: the worksheets' titles, then those of the
        months the spreadsheet has, together (a year asked about need not cost a read per month)."""
        return await self._run(lambda: read_periods(self._sheets, periods), on=self._reads)

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines whose reference is in the period's worksheet, not voided; one read."""
        return await self._run(lambda: find_written(self._sheets, period, lines))

    async def flush(self) -> None:
        """Every write is already in the spreadsheet."""

    def close(self) -> None:
        """Stop the threads of a ledger made alone; an account's stop with its pool."""
        if self._own_threads:
            self._threads.close()

    async def _run(self, work: Callable[[], T], on: Lane | None = None) -> T:
        """The work on the spreadsheet's lane of writes (and finds before writing), or `on` its reads."""
        return await (on or self._writes).run(lambda: self._mapped(work))

    def _mapped(self, work: Callable[[], T]) -> T:
        """Sheets errors become the core's LedgerErrors, with what an admin can do about them."""
        try:
            return work()
        except APIError as exc:
            raise sheets_error(exc, self._client, self.spreadsheet_id, self._share_with) from exc
        except (RefreshError, TransportError) as exc:
            raise token_error(exc) from exc
        except requests.ReadTimeout as exc:  # the call went out: Google may yet carry it out
            raise LedgerAnswerLost(f"Google Sheets did not answer in time: {exc}") from exc
        except requests.RequestException as exc:
            raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc
