"""The local workbook store: monthly worksheets in one .xlsx file, written with openpyxl."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any, TypeVar

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import (
    LedgerLine,
    Period,
    SavedLine,
    SheetRow,
    lines_already_written,
    owning_period,
)
from balance_bot.domain.money import Currency
from balance_bot.domain.typed_dates import cell_day
from balance_bot.ports import LedgerNotSaved
from infrastructure.categories.tab import (
    TAB_TITLE,
    TAB_WIDTHS,
    CategoriesUnreadable,
    categories_from_rows,
    default_rows,
)
from infrastructure.sheets.template import Layout, SheetTemplate, keys_filled

log = logging.getLogger(__name__)
T = TypeVar("T")


@dataclass
class _Tail:
    """Where a worksheet ends: the last row with anything in it, and the last numeric No."""

    last_row: int
    last_number: int


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
        self._template = template
        self._title_format = title_format
        self._save_delay = save_delay_seconds
        self._save_max_wait = max(save_max_wait_seconds, save_delay_seconds)
        self._unsaved_since: float | None = None
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="workbook")
        self._book: Workbook | None = None
        self._seen_on_disk: tuple[float, int] | None = None
        self._unsaved: list[Callable[[], object]] = []
        self._tails: dict[str, _Tail] = {}
        self._owners: dict[str, Period | None] = {}
        self._save_handle: asyncio.TimerHandle | None = None
        self._save_in_flight: asyncio.Future[None] | None = None
        self._save_waiters: list[asyncio.Future[None]] = []
        self._last_save_failed = False  # set on the worker thread; read on the loop
        self._identity: str | None = None
        # The tab's cells, their categories, and the file on disk they were read from.
        self._categories: (
            tuple[list[list[object]] | None, list[Category], tuple[float, int] | None] | None
        ) = None

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
        if self._last_save_failed:
            try:
                await self._run(self._save)
            except OSError as exc:
                raise LedgerNotSaved(f"could not save the workbook: {exc}") from exc
        return await self._change(lambda: self._append(period, lines))

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite the purpose and amount of one of the bot's rows, found by its reference."""
        return await self._change(lambda: self._replace(saved, line))

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category, found by its reference."""
        return await self._change(lambda: self._set_category(saved, category))

    async def categories(self) -> list[Category]:
        """The Categories tab, made from the default one on first use and saved with the workbook.

        Answered without the worker while the file on disk is the one it was read from: only a
        bookkeeper's save (or the bot's own) can have changed the tab.
        """
        cached = self._categories
        if (
            cached is not None
            and cached[2] is not None
            and self._disk_state() == cached[2] == self._seen_on_disk
        ):
            return cached[1]
        rows = await self._run(self._categories_rows)
        if rows is None:
            await self._change(self._create_categories_tab)
            rows = await self._run(self._categories_rows)
        seen = self._seen_on_disk
        if self._categories is not None and self._categories[0] == rows:
            self._categories = (rows, self._categories[1], seen)
            return self._categories[1]  # the tab as it was: not parsed again for every expense
        try:
            categories = categories_from_rows(rows or [])
        except CategoriesUnreadable as exc:
            log.warning("the %r tab of the workbook cannot be read: %s", TAB_TITLE, exc)
            categories = []
        self._categories = (rows, categories, seen)
        return categories

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Clear a row's amounts and mark its item void; no other row moves."""
        return await self._change(lambda: self._void(saved))

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand in the file."""
        return await self._run(lambda: self._read(period))

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """The periods with a worksheet in the file."""
        return await self._run(
            lambda: {period for period in periods if self._sheet_for(period, create=False) is not None}
        )

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows, from the file as it stands."""
        return await self._run(lambda: {period: self._read(period) for period in periods})

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines whose reference is in the period's worksheet, not voided."""
        return await self._run(lambda: self._find_lines(period, lines))

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
        if self._last_save_failed:
            try:
                await self._run(self._save)
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
            await self._run(self._save)
        except OSError as exc:
            _settle(waiters, exc)
            raise
        _settle(waiters, None)
        self._worker.shutdown(wait=True)

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, work)

    async def _change(self, change: Callable[[], T]) -> T:
        def apply() -> T:
            self._refresh_if_edited_on_disk()
            result = change()
            self._unsaved.append(change)
            return result

        result = await self._run(apply)
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
        saving = loop.run_in_executor(self._worker, self._save)
        self._save_in_flight = saving

        def saved(future: asyncio.Future[None]) -> None:
            if self._save_in_flight is future:
                self._save_in_flight = None
            error = future.exception()
            if error is not None:
                log.error("could not save the workbook: %s", error)
            _settle(waiters, error)

        saving.add_done_callback(saved)

    # Everything below runs on the worker thread only.

    def _workbook(self) -> Workbook:
        if self._book is None:
            self._book = self._load()
        return self._book

    def _load(self) -> Workbook:
        self._tails.clear()
        self._owners.clear()
        if self._path.exists():
            self._seen_on_disk = self._disk_state()
            return load_workbook(self._path)
        book = Workbook()
        for default_sheet in list(book.worksheets):
            book.remove(default_sheet)
        return book

    def _disk_state(self) -> tuple[float, int] | None:
        try:
            stat = os.stat(self._path)
        except FileNotFoundError:
            return None
        return (stat.st_mtime, stat.st_size)

    def _refresh_if_edited_on_disk(self) -> None:
        if self._book is None or self._disk_state() == self._seen_on_disk:
            return
        log.info("the workbook changed on disk; reading it again before writing")
        pending, self._unsaved = self._unsaved, []
        self._book = self._load()
        for change in pending:
            change()
            self._unsaved.append(change)

    def _save(self) -> None:
        if self._book is None or not self._unsaved:
            return
        try:
            self._refresh_if_edited_on_disk()
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._path.with_name(f".{self._path.name}.saving")
            self._book.save(temporary)
            _sync(temporary)  # the rows are on the disk, not in its cache, before the outbox lets go
            os.replace(temporary, self._path)  # a crash mid-save never leaves half a workbook
            _sync(self._path.parent)  # and the new name too
        except OSError:
            self._last_save_failed = True
            raise
        self._last_save_failed = False
        self._seen_on_disk = self._disk_state()
        self._unsaved.clear()

    def _append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        sheet = self._sheet_for(period, create=True)
        assert sheet is not None
        self._owners[sheet.title] = period
        tail = self._tail(sheet)
        layout = self._layout(sheet, lines)
        saved = []
        for line in lines:
            tail.last_row += 1
            tail.last_number += 1
            self._write(sheet, layout, tail.last_row, line, number=tail.last_number)
            saved.append(SavedLine(line, sheet.title, tail.last_row, tail.last_number, period))
        return saved

    def _categories_rows(self) -> list[list[object]] | None:
        self._refresh_if_edited_on_disk()
        book = self._workbook()
        if TAB_TITLE not in book.sheetnames:
            return None
        return [list(row) for row in book[TAB_TITLE].iter_rows(values_only=True)]

    def _create_categories_tab(self) -> None:
        book = self._workbook()
        if TAB_TITLE in book.sheetnames:
            return
        sheet: Worksheet = book.create_sheet(TAB_TITLE)
        for row in default_rows():
            sheet.append(row)
        bold = Font(bold=True)
        for number, width in enumerate(TAB_WIDTHS, start=1):
            sheet.cell(1, number).font = bold
            sheet.column_dimensions[get_column_letter(number)].width = width
        sheet.freeze_panes = "A2"

    def _layout(self, sheet: Worksheet, lines: Sequence[LedgerLine] = ()) -> Layout:
        """The worksheet's columns, found by its header (a bookkeeper may move them or add their own),
        with a header cell added after the last column for each these lines fill that it lacks."""
        header = [cell.value for cell in sheet[1]] if sheet.max_row >= 1 else []
        needed = [key for line in lines for key in keys_filled(line)]
        layout, added = self._template.layout_of(header).completed(self._template, needed)
        for number, text in added:
            cell = sheet.cell(1, number)
            cell.value = text
            cell.font = Font(bold=True)
        return layout

    def _set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        sheet, row = found
        line = replace(saved.line, category=category)
        self._set_text(sheet, self._layout(sheet, [line]), row, "category", category)
        no = sheet.cell(row, self._template.index_of("no")).value
        return SavedLine(line, sheet.title, row, no if isinstance(no, int) else saved.number, saved.period)

    def _replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        sheet, row = found
        cell = sheet.cell(row, self._template.index_of("no")).value
        number = cell if isinstance(cell, int) else saved.number
        self._write(sheet, self._layout(sheet, [line]), row, line, number=number)
        return SavedLine(line, sheet.title, row, number, saved.period)

    def _void(self, saved: SavedLine) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        sheet, row = found
        layout = self._layout(sheet)
        number = sheet.cell(row, self._template.index_of("no")).value
        item = sheet.cell(row, self._template.index_of("item"))
        text = str(item.value or "")
        if not text.startswith(self._template.void_prefix):
            self._set_text(sheet, layout, row, "item", self._template.void_prefix + text)
        for key in ("usd", "khr", "topup_usd", "topup_khr", "movement_usd", "movement_khr"):
            if layout.has(key):
                sheet.cell(row, layout.column(key)).value = None
        return SavedLine(saved.line, sheet.title, row, number if isinstance(number, int) else 0, saved.period)

    def _find_lines(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        self._refresh_if_edited_on_disk()
        sheet = self._sheet_for(period, create=False)
        if sheet is None:
            return []
        return lines_already_written(
            lines, self._numbered_rows(sheet), sheet.title, self._template.void_prefix, period
        )

    def _read(self, period: Period) -> list[SheetRow]:
        self._refresh_if_edited_on_disk()
        sheet = self._sheet_for(period, create=False)
        return [row for _, row in self._numbered_rows(sheet, period)] if sheet is not None else []

    def _numbered_rows(
        self, sheet: Worksheet, period: Period | None = None
    ) -> Iterator[tuple[int, SheetRow]]:
        """The worksheet's non-empty rows below the header, with their row numbers, by its header; a
        date typed as text read in the worksheet's month, `period`."""
        layout = self._layout(sheet)
        empty = dict.fromkeys((column.key for column in self._template.columns), None)
        for row_number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
            cells = empty | layout.cells(values)
            if all(value in (None, "") for value in cells.values()):
                continue
            yield (
                row_number,
                SheetRow(
                    number=cells["no"] if isinstance(cells["no"], int) else None,
                    day=cell_day(cells["date"], period),
                    item=str(cells["item"] or ""),
                    usd=_as_decimal(cells["usd"]),
                    khr=_as_decimal(cells["khr"]),
                    member=str(cells["member"] or ""),
                    reference=str(cells["reference"] or ""),
                    topup_usd=_as_decimal(cells.get("topup_usd")),
                    topup_khr=_as_decimal(cells.get("topup_khr")),
                    category=str(cells["category"] or ""),
                    movement=str(cells["movement"] or ""),
                    movement_member=str(cells["movement_member"] or ""),
                    movement_usd=_as_decimal(cells.get("movement_usd")),
                    movement_khr=_as_decimal(cells.get("movement_khr")),
                ),
            )

    def _sheet_for(self, period: Period, *, create: bool) -> Worksheet | None:
        """The period's worksheet; a same-named one of another year ('December') is left alone."""
        book = self._workbook()
        title = period.title(self._title_format)
        for candidate in (title, f"{title} {period.year}"):
            if candidate in book.sheetnames:
                sheet = book[candidate]
                if self._belongs_to(sheet, period):
                    return sheet
            elif create:
                return self._create(candidate)
        return None

    def _belongs_to(self, sheet: Worksheet, period: Period) -> bool:
        """Whether the worksheet is this period's; read once per worksheet, as only the bot writes between."""
        if sheet.title not in self._owners:
            self._owners[sheet.title] = self._owner_of(sheet)
        owner = self._owners[sheet.title]
        return owner is None or owner == period

    def _owner_of(self, sheet: Worksheet) -> Period | None:
        date_column = self._template.index_of("date")
        rows = sheet.iter_rows(min_row=2, min_col=date_column, max_col=date_column, values_only=True)
        return owning_period((cell_day(value, None) for (value,) in rows), sheet.title, self._title_format)

    def _create(self, title: str) -> Worksheet:
        sheet: Worksheet = self._workbook().create_sheet(title)
        sheet.append(self._template.headers)
        bold = Font(bold=True)
        for number, column in enumerate(self._template.columns, start=1):
            sheet.cell(1, number).font = bold
            sheet.column_dimensions[get_column_letter(number)].width = column.width
        sheet.freeze_panes = "A2"
        self._tails[title] = _Tail(last_row=1, last_number=0)
        return sheet

    def _tail(self, sheet: Worksheet) -> _Tail:
        """Where to write next: below the last used row, numbered after the last numeric No."""
        if sheet.title not in self._tails:
            last_row, last_number = 1, 0
            number_column = self._template.index_of("no")
            for row_number, values in enumerate(sheet.iter_rows(min_row=2, values_only=True), start=2):
                if any(value not in (None, "") for value in values):
                    last_row = row_number
                    number = values[number_column - 1]
                    if isinstance(number, int | float) and not isinstance(number, bool):
                        last_number = int(number)
            self._tails[sheet.title] = _Tail(last_row, last_number)
        return self._tails[sheet.title]

    def _find(self, saved: SavedLine) -> tuple[Worksheet, int] | None:
        book = self._workbook()
        if saved.worksheet not in book.sheetnames:
            return None
        sheet = book[saved.worksheet]
        layout = self._layout(sheet)
        if not layout.has("reference"):
            return None
        column = layout.column("reference")
        reference = saved.line.source.reference()
        if sheet.cell(saved.row, column).value == reference:
            return sheet, saved.row
        for row_number, (value,) in enumerate(
            sheet.iter_rows(min_row=2, min_col=column, max_col=column, values_only=True), start=2
        ):
            if value == reference:
                return sheet, row_number
        return None

    def _write(self, sheet: Worksheet, layout: Layout, row: int, line: LedgerLine, *, number: int) -> None:
        formats = {column.key: column.number_format for column in self._template.columns}
        usd = line.money.amount if line.money.currency is not Currency.KHR else None
        khr = int(line.money.amount) if line.money.currency is Currency.KHR else None
        moved = line.movement is not None
        values: dict[str, Any] = {
            "no": number,
            "date": line.day,
            "usd": usd if line.spending else None,
            "khr": khr if line.spending else None,
            "topup_usd": usd if line.topup else None,
            "topup_khr": khr if line.topup else None,
            "movement_usd": usd if moved else None,
            "movement_khr": khr if moved else None,
        }
        for key, value in values.items():
            if layout.has(key):
                cell = sheet.cell(row, layout.column(key))
                cell.value = value
                cell.number_format = formats[key]
        self._set_text(sheet, layout, row, "item", line.purpose)
        self._set_text(sheet, layout, row, "member", line.member)
        self._set_text(sheet, layout, row, "reference", line.source.reference())
        if line.category:
            self._set_text(sheet, layout, row, "category", line.category)
        if line.movement is not None:
            self._set_text(sheet, layout, row, "movement", line.movement.kind.value)
            self._set_text(sheet, layout, row, "movement_member", line.movement.member)

    def _set_text(self, sheet: Worksheet, layout: Layout, row: int, key: str, text: str) -> None:
        """Member text is always text: '=SUM(...)' must never become a formula."""
        if not layout.has(key):
            return
        cell = sheet.cell(row, layout.column(key))
        cell.value = text
        cell.data_type = "s"


def _sync(path: Path) -> None:
    """fsync a file or a folder, so what was written to it survives a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)


def _settle(waiters: list[asyncio.Future[None]], error: BaseException | None) -> None:
    """Tell those waiting for a save how it went; a failed save is the ledger being unavailable."""
    for waiter in waiters:
        if waiter.done():
            continue
        if error is None:
            waiter.set_result(None)
        else:
            waiter.set_exception(LedgerNotSaved(f"could not save the workbook: {error}"))


def _as_decimal(value: object) -> Decimal | None:
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None
