"""The local workbook store: monthly worksheets in one .xlsx file, written with openpyxl."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TypeVar

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.ports import LedgerNotSaved
from infrastructure.categories.tab import TAB_TITLE, CategoriesUnreadable, categories_from_rows
from infrastructure.sheets.template import SheetTemplate
from infrastructure.sheets.workbook_categories import add_categories_tab, categories_rows
from infrastructure.sheets.workbook_reads import find_written, read_period
from infrastructure.sheets.workbook_worksheets import WorkbookMonths
from infrastructure.sheets.workbook_writes import (
    append_rows,
    replace_row,
    set_row_category,
    set_row_status,
    void_row,
)
from infrastructure.worker_thread import WorkerThread

log = logging.getLogger(__name__)
T = TypeVar("T")


class WorkbookLedger:
    """A LedgerStore on a local .xlsx; one worker thread owns the workbook, saves are coalesced.

    Saving rewrites the whole file (about 80 ms of CPU at 1,000 rows). New rows are saved when
    the outbox flushes after each append, which in a busy group carries several messages; edits
    and voids are saved together once the workbook has been quiet for save_delay, and at the
    latest save_max_wait after the first unsaved change. A file a bookkeeper changed on disk is
    read again before the next change, and the changes not yet saved are applied on top of it.
    """

    def __init__(
        self,
        path: Path,
        template: SheetTemplate,
        title_format: str,
        save_delay_seconds: float = 2.0,
        save_max_wait_seconds: float = 15.0,
    ) -> None:
        self._path = path
        self._months = WorkbookMonths(path, template, title_format)
        self._file = self._months.file
        self._save_delay = save_delay_seconds
        self._save_max_wait = max(save_max_wait_seconds, save_delay_seconds)
        self._unsaved_since: float | None = None
        self._worker = WorkerThread("workbook")
        self._save_handle: asyncio.TimerHandle | None = None
        self._save_in_flight: asyncio.Future[None] | None = None
        self._save_waiters: list[asyncio.Future[None]] = []
        self._identity: str | None = None
        # The tab's cells, their categories, and which read of the file they were taken from.
        self._categories: tuple[list[list[object]] | None, list[Category], int] | None = None

    def for_chat(self, chat_id: int) -> WorkbookLedger:
        """Every group writes to the one workbook."""
        return self

    async def is_connected(self, chat_id: int) -> bool:
        """Every group has the workbook."""
        return True

    def link(self) -> str | None:
        """A local file has no link to share in a group."""
        return None

    async def identity(self) -> str:
        """The workbook's path (resolved once: it is asked for with every expense)."""
        if self._identity is None:
            self._identity = f"workbook:{self._path.resolve()}"
        return self._identity

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Add numbered rows to the period's worksheet, in order; LedgerNotSaved while the workbook
        cannot be saved (a full disk), so that no member hears "saved" of a row only in memory."""
        if self._file.last_save_failed:
            try:
                await self._run(self._file.save)
            except OSError as exc:
                raise LedgerNotSaved(f"could not save the workbook: {exc}") from exc
        return await self._change(lambda: append_rows(self._months, period, lines))

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite the purpose and amount of one of the bot's rows, found by its reference."""
        return await self._change(lambda: replace_row(self._months, saved, line))

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category, found by its reference."""
        return await self._change(lambda: set_row_category(self._months, saved, category))

    async def set_status(self, saved: SavedLine, status: str) -> SavedLine | None:
        """Write a row's Status cell, found by its reference."""
        return await self._change(lambda: set_row_status(self._months, saved, status))

    async def categories(self) -> list[Category]:
        """The Categories tab, made from the default one on first use and saved with the workbook.

        Answered without the worker while the workbook in memory is the one the tab was read from
        and nobody saved the file since: only the bot changes the workbook between reads of the file,
        and it never changes the tab after making it.
        """
        cached = self._categories
        if (
            cached is not None
            and cached[2] == self._file.loads
            and self._file.disk_state() == self._file.seen_on_disk
        ):
            return cached[1]
        rows, loads = await self._run(self._read_categories)
        if rows is None:
            await self._change(lambda: add_categories_tab(self._file))
            rows, loads = await self._run(self._read_categories)
        if self._categories is not None and self._categories[0] == rows:
            self._categories = (rows, self._categories[1], loads)
            return self._categories[1]  # the tab as it was: not parsed again for every expense
        try:
            categories = categories_from_rows(rows or [])
        except CategoriesUnreadable as exc:
            log.warning("the %r tab of the workbook cannot be read: %s", TAB_TITLE, exc)
            categories = []
        self._categories = (rows, categories, loads)
        return categories

    def _read_categories(self) -> tuple[list[list[object]] | None, int]:
        """The tab's cells, and which read of the file they are from (the worker's: it may read again)."""
        rows = categories_rows(self._file)
        return rows, self._file.loads

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Clear a row's amounts and mark its item void; no other row moves."""
        return await self._change(lambda: void_row(self._months, saved))

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand in the file."""
        return await self._run(lambda: read_period(self._months, period))

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """The periods with a worksheet in the file."""
        return await self._run(
            lambda: {period for period in periods if self._months.sheet_for(period, create=False) is not None}
        )

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows, from the file as it stands."""
        return await self._run(lambda: {period: read_period(self._months, period) for period in periods})

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines whose reference is in the period's worksheet, not voided."""
        return await self._run(lambda: find_written(self._months, period, lines))

    async def flush(self) -> None:
        """Wait until what was written so far is on disk, by the next coalesced save.

        Raises LedgerNotSaved while it cannot be: a save that failed earlier (a full disk) is
        tried again here rather than taken for done.
        """
        if self._save_handle is not None:
            waiter: asyncio.Future[None] = asyncio.get_running_loop().create_future()
            self._save_waiters.append(waiter)
            await waiter
        elif self._save_in_flight is not None:
            try:
                await asyncio.shield(self._save_in_flight)
            except OSError as exc:
                raise LedgerNotSaved(f"could not save the workbook: {exc}") from exc
        if self._file.last_save_failed:
            try:
                await self._run(self._file.save)
            except OSError as exc:
                raise LedgerNotSaved(f"could not save the workbook: {exc}") from exc

    async def close(self) -> None:
        """Save now and stop the worker thread."""
        if self._save_handle is not None:
            self._save_handle.cancel()
            self._save_handle = None
        self._unsaved_since = None
        waiters, self._save_waiters = self._save_waiters, []
        try:
            await self._run(self._file.save)
        except OSError as exc:
            _settle(waiters, exc)
            raise
        _settle(waiters, None)
        self._worker.shutdown()

    async def _run(self, work: Callable[[], T]) -> T:
        return await self._worker.run(work)

    async def _change(self, change: Callable[[], T]) -> T:
        result = await self._run(lambda: self._file.change(change))
        loop = asyncio.get_running_loop()
        now = loop.time()
        if self._unsaved_since is None:
            self._unsaved_since = now
        if self._save_handle is not None:
            self._save_handle.cancel()
        save_at = min(now + self._save_delay, self._unsaved_since + self._save_max_wait)
        self._save_handle = loop.call_at(save_at, self._schedule_save, loop)
        return result

    def _schedule_save(self, loop: asyncio.AbstractEventLoop) -> None:
        self._save_handle = None
        self._unsaved_since = None
        waiters, self._save_waiters = self._save_waiters, []
        saving = self._worker.run(self._file.save)
        self._save_in_flight = saving

        def saved(future: asyncio.Future[None]) -> None:
            if self._save_in_flight is future:
                self._save_in_flight = None
            error = future.exception()
            if error is not None:
                log.error("could not save the workbook: %s", error)
            _settle(waiters, error)

        saving.add_done_callback(saved)


def _settle(waiters: list[asyncio.Future[None]], error: BaseException | None) -> None:
    """Tell those waiting for a save how it went; a failed save is the ledger being unavailable."""
    for waiter in waiters:
        if waiter.done():
            continue
        if error is None:
            waiter.set_result(None)
        else:
            waiter.set_exception(LedgerNotSaved(f"could not save the workbook: {error}"))
