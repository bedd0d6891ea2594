"""The Google Sheets store: monthly worksheets in a spreadsheet, through gspread and a service account."""

from __future__ import annotations

import asyncio
import logging
import random
import threading
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, replace
from typing import Any, TypeVar

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError

from balance_bot.domain.categories import Category
from balance_bot.domain.ledger import (
    LedgerLine,
    Period,
    SavedLine,
    SheetRow,
    lines_already_written,
    owning_period,
)
from balance_bot.ports import (
    LedgerUnavailable,
)
from infrastructure.categories.tab import (
    TAB_TITLE,
    TAB_WIDTHS,
    CategoriesUnreadable,
    categories_from_rows,
    default_rows,
)
from infrastructure.sheets.google_api import SheetsHTTPClient, token_error
from infrastructure.sheets.google_cells import (
    SHEETS_EPOCH,
    UNFORMATTED,
    amounts,
    cell_data,
    column_number,
    is_number,
    letter,
    movement_cells,
    no_such_worksheet,
    number_format,
    number_in,
    quoted,
    serial_to_date,
    sheet_row,
    start_of,
    topups,
    width_request,
)
from infrastructure.sheets.google_refusals import sheets_error
from infrastructure.sheets.template import Layout, SheetTemplate, keys_filled

log = logging.getLogger(__name__)
T = TypeVar("T")
# A worksheet's header is read again when what the bot knows of it is this old: a bookkeeper's
# moved or added columns are followed within minutes, at one read a worksheet.
LAYOUT_SECONDS = 300.0
WIDEST = 52  # columns read from a worksheet: the template's and a bookkeeper's own (A:AZ)
# The Categories tab is read again when the last reading is this old: a bookkeeper's change to it
# applies within minutes, at one read.
CATEGORIES_SECONDS = 300.0


@dataclass
class _Tail:
    last_row: int
    last_number: int


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
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self._client = client
        self._template = template
        self._title_format = title_format
        self._share_with = share_with
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"sheets-{spreadsheet_id[:8]}")
        # Reads (the Mini App, /balance, questions) wait for the read quota on a thread of their own,
        # so a confirmation's append never queues behind them; Google counts the two quotas apart.
        self._reader = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=f"sheets-read-{spreadsheet_id[:8]}"
        )
        self._learning = threading.Lock()
        self._clock = clock
        self._tails: dict[str, _Tail] = {}
        self._owners: dict[str, Period | None] = {}
        # Each worksheet's columns as its header has them, and when that header was read: a
        # bookkeeper may move or add columns, so it is read again once it is LAYOUT_SECONDS old.
        self._layouts: dict[str, tuple[Layout, float]] = {}
        self._template_keys = [column.key for column in template.columns]
        self._categories: tuple[list[Category], float] | None = None
        self._categories_failed_at = float("-inf")
        self._refreshing: asyncio.Future[list[Category]] | None = None

    def link(self) -> str | None:
        """The spreadsheet's address, for confirmations."""
        return f"https://docs.google.com/spreadsheets/d/{self.spreadsheet_id}"

    async def identity(self) -> str:
        """The spreadsheet id."""
        return f"google:{self.spreadsheet_id}"

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Numbered rows at the end of the period's worksheet, created from the template if missing."""
        return await self._run(lambda: self._append(period, lines))

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite the item and amounts of one of the bot's rows, found by its reference."""
        return await self._run(lambda: self._replace(saved, line))

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Clear a row's amounts and mark its item void; no other row moves."""
        return await self._run(lambda: self._void(saved))

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write a row's category, found by its reference."""
        return await self._run(lambda: self._set_category(saved, category))

    async def categories(self) -> list[Category]:
        """The Categories tab, made from the default one on first use; one read every few minutes.

        Once read, it is answered at once: an old reading is read again behind (the worker may be
        busy with a burst of appends), and the next expense gets the new one.
        """
        known = self._categories
        if known is None:
            return await self._run(self._categories_now)
        if self._clock() - known[1] >= CATEGORIES_SECONDS and self._refreshing is None:
            self._refreshing = asyncio.get_running_loop().run_in_executor(
                self._worker, lambda: self._mapped(self._categories_now)
            )
            self._refreshing.add_done_callback(self._refreshed)
        return known[0]

    def _refreshed(self, reading: asyncio.Future[list[Category]]) -> None:
        self._refreshing = None
        if not reading.cancelled() and reading.exception() is not None:
            log.info(
                "the %r tab of %s was not read again: %s", TAB_TITLE, self.spreadsheet_id, reading.exception()
            )

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand, in one call."""
        return await self._run(lambda: self._read(period), on=self._reader)

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """The periods with a worksheet of their title, from the spreadsheet's list of worksheets."""
        return await self._run(lambda: self._months_kept(periods), on=self._reader)

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows in two calls, however many: the worksheets' titles, then those of the
        months the spreadsheet has, together (a year asked about need not cost a read per month)."""
        return await self._run(lambda: self._read_months(periods), on=self._reader)

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines whose reference is in the period's worksheet, not voided; one read."""
        return await self._run(lambda: self._find_lines(period, lines))

    async def flush(self) -> None:
        """Every write is already in the spreadsheet."""

    def close(self) -> None:
        """Stop the worker and reader threads."""
        self._worker.shutdown(wait=True)
        self._reader.shutdown(wait=True)

    async def _run(self, work: Callable[[], T], on: ThreadPoolExecutor | None = None) -> T:
        return await asyncio.get_running_loop().run_in_executor(
            on or self._worker, lambda: self._mapped(work)
        )

    def _mapped(self, work: Callable[[], T]) -> T:
        """Sheets errors become the core's LedgerErrors, with what an admin can do about them."""
        try:
            return work()
        except APIError as exc:
            raise sheets_error(exc, self._client, self.spreadsheet_id, self._share_with) from exc
        except (RefreshError, TransportError) as exc:
            raise token_error(exc) from exc
        except requests.RequestException as exc:
            raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc

    # Everything below runs on the worker thread, or for read and read_months on the reader.

    def _append(self, period: Period, lines: Sequence[LedgerLine], *, again: bool = False) -> list[SavedLine]:
        candidates = self._candidates(period)
        for title in candidates:
            if title not in self._tails:
                created = self._create_with(title, period, lines)
                if created is not None:
                    return created
                self._learn(title)  # it was there already: read it once
            if self._belongs(title, period) or title == candidates[-1]:
                try:
                    return self._append_to(title, period, lines)
                except APIError as exc:
                    if again or not no_such_worksheet(exc):
                        raise
                # Deleted or renamed since it was read: made again from the template, rows and all.
                log.info("the worksheet %r is gone; making it again", title)
                self._forget(title)
                return self._append(period, lines, again=True)
        raise AssertionError("unreachable: the last candidate is always used")

    def _forget(self, title: str) -> None:
        for known in (self._tails, self._owners, self._layouts):
            known.pop(title, None)

    def _append_to(self, title: str, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        layout = self._layout_for_writing(title, lines)
        tail = self._tails[title]
        numbers = [tail.last_number + offset for offset in range(1, len(lines) + 1)]
        rows = [layout.row(self._values(number, line)) for number, line in zip(numbers, lines, strict=True)]
        answer = self._client.values_append(
            self.spreadsheet_id,
            f"{quoted(title)}!A:{letter(layout.width)}",
            params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
            body={"values": rows},
        )
        column, landed = start_of(answer["updates"]["updatedRange"])
        if column != "A":
            self._move_to_column_a(title, column, landed, rows, layout.width)
        if landed != tail.last_row + 1:
            numbers = self._renumber(title, landed, numbers)
        self._tails[title] = _Tail(last_row=landed + len(lines) - 1, last_number=numbers[-1])
        self._owners[title] = period
        return [
            SavedLine(line, title, landed + offset, number, period)
            for offset, (line, number) in enumerate(zip(lines, numbers, strict=True))
        ]

    def _belongs(self, title: str, period: Period) -> bool:
        """Whether the worksheet, as last read, holds the period's rows (or no dated rows yet)."""
        return self._owners[title] in (None, period)

    def _candidates(self, period: Period) -> tuple[str, str]:
        """The period's title, and the one used when a same-named worksheet is another year's."""
        title = period.title(self._title_format)
        return title, f"{title} {period.year}"

    def _move_to_column_a(
        self, title: str, column: str, landed: int, rows: list[list[Any]], width: int
    ) -> None:
        """Google's table detection put the rows to the right (a header with empty cells): put them in
        column A, where the template has them, and clear the cells they spilled into."""
        log.warning("the rows landed from column %s of %r; moving them to column A", column, title)
        last = landed + len(rows) - 1
        self._client.values_update(
            self.spreadsheet_id,
            f"{quoted(title)}!A{landed}:{letter(width)}{last}",
            params={"valueInputOption": "RAW"},
            body={"values": rows},
        )
        spilled_from = width + 1
        spilled_to = column_number(column) + width - 1
        if spilled_to >= spilled_from:
            self._client.values_clear(
                self.spreadsheet_id,
                f"{quoted(title)}!{letter(spilled_from)}{landed}:{letter(spilled_to)}{last}",
            )

    def _renumber(self, title: str, landed: int, numbers: list[int]) -> list[int]:
        """The sheet changed since the last append: number after the last numeric No above the new rows."""
        if landed <= 2:
            column: list[list[Any]] = []  # nothing above the new rows but the header: never ask for A2:A1
        else:
            column = self._client.values_get(
                self.spreadsheet_id, f"{quoted(title)}!A2:A{landed - 1}", params=UNFORMATTED
            ).get("values", [])
        last_number = max((int(row[0]) for row in column if row and is_number(row[0])), default=0)
        correct = [last_number + offset for offset in range(1, len(numbers) + 1)]
        if correct != numbers:
            self._client.values_update(
                self.spreadsheet_id,
                f"{quoted(title)}!A{landed}:A{landed + len(numbers) - 1}",
                params={"valueInputOption": "RAW"},
                body={"values": [[number] for number in correct]},
            )
        return correct

    def _replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        row, _, number = found
        self._write_item(saved.worksheet, row, line.purpose, line)
        if line.category and line.category != saved.line.category:
            self._write_cells(saved.worksheet, row, {"category": line.category}, [line])
        return SavedLine(line, saved.worksheet, row, number, saved.period)

    def _set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        row, _, number = found
        line = replace(saved.line, category=category)
        self._write_cells(saved.worksheet, row, {"category": category}, [line])
        return SavedLine(line, saved.worksheet, row, number, saved.period)

    def _void(self, saved: SavedLine) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        row, item, number = found
        prefix = self._template.void_prefix
        self._write_item(saved.worksheet, row, item if item.startswith(prefix) else prefix + item, None)
        if saved.line.topup:
            self._write_topup(saved.worksheet, row, None)
        if saved.line.movement is not None:  # out of a bookkeeper's sums, as a top-up is
            self._write_cells(saved.worksheet, row, {"movement_usd": "", "movement_khr": ""}, [])
        return SavedLine(saved.line, saved.worksheet, row, number, saved.period)

    def _categories_now(self) -> list[Category]:
        known = self._categories
        if known is not None and self._clock() - known[1] < CATEGORIES_SECONDS:
            return known[0]
        if self._clock() - self._categories_failed_at < CATEGORIES_SECONDS:
            raise LedgerUnavailable("the Categories tab could not be read lately")  # no read each message
        try:
            return self._read_categories(known)
        except Exception:
            self._categories_failed_at = self._clock()
            raise

    def _read_categories(self, known: tuple[list[Category], float] | None) -> list[Category]:
        tab = f"{quoted(TAB_TITLE)}!A:{letter(WIDEST)}"
        try:
            rows = self._client.values_get(self.spreadsheet_id, tab, params=UNFORMATTED).get("values", [])
        except APIError as exc:
            if not no_such_worksheet(exc):
                raise
            rows = self._create_categories_tab()
        try:
            categories = categories_from_rows(rows)
        except CategoriesUnreadable as exc:  # a bookkeeper emptied or relabelled it: keep what was known
            log.warning("the %r tab of %s cannot be read: %s", TAB_TITLE, self.spreadsheet_id, exc)
            categories = known[0] if known is not None else []
        self._categories = (categories, self._clock())
        return categories

    def _create_categories_tab(self) -> list[list[Any]]:
        """The Categories tab from the default one, in one batchUpdate; its rows as a read returns them."""
        rows = default_rows()
        sheet_id = random.randrange(1_000_000, 2**31 - 1)
        try:
            self._client.batch_update(
                self.spreadsheet_id,
                {
                    "requests": [
                        {
                            "addSheet": {
                                "properties": {
                                    "sheetId": sheet_id,
                                    "title": TAB_TITLE,
                                    "gridProperties": {"frozenRowCount": 1},
                                }
                            }
                        },
                        {
                            "updateCells": {
                                "start": {"sheetId": sheet_id, "rowIndex": 0, "columnIndex": 0},
                                "rows": [
                                    {"values": [cell_data(value, bold=index == 0) for value in row]}
                                    for index, row in enumerate(rows)
                                ],
                                "fields": "userEnteredValue,userEnteredFormat.textFormat.bold",
                            }
                        },
                        *(width_request(sheet_id, index, size) for index, size in enumerate(TAB_WIDTHS)),
                    ]
                },
            )
        except APIError as exc:
            if exc.response.status_code == 400 and "already exists" in str(exc):  # made meanwhile
                answer = self._client.values_get(
                    self.spreadsheet_id, f"{quoted(TAB_TITLE)}!A:{letter(WIDEST)}", params=UNFORMATTED
                )
                values: list[list[Any]] = answer.get("values", [])
                return values
            raise
        return rows

    def _layout(self, title: str) -> Layout:
        """The worksheet's columns, its header read again once what is known of it is old."""
        known = self._layouts.get(title)
        if known is not None and self._clock() - known[1] < LAYOUT_SECONDS:
            return known[0]
        header = self._client.values_get(
            self.spreadsheet_id, f"{quoted(title)}!A1:{letter(WIDEST)}1", params=UNFORMATTED
        ).get("values", [[]])
        layout = self._template.layout_of(header[0] if header else [])
        self._layouts[title] = (layout, self._clock())
        return layout

    def _layout_for_writing(self, title: str, lines: Sequence[LedgerLine]) -> Layout:
        """The worksheet's columns, with a header cell written for each column these lines fill that a
        worksheet made before it lacks (Top-up, Category), once, after its last column."""
        needed = [key for line in lines for key in keys_filled(line)]
        layout, added = self._layout(title).completed(self._template, needed)
        if added:
            self._client.values_batch_update(
                self.spreadsheet_id,
                {
                    "valueInputOption": "RAW",
                    "data": [
                        {"range": f"{quoted(title)}!{letter(column)}1", "values": [[header]]}
                        for column, header in added
                    ],
                },
            )
            self._layouts[title] = (layout, self._layouts[title][1])
        return layout

    def _write_topup(self, title: str, row: int, line: LedgerLine | None) -> None:
        """The Top-up cells of a row: the line's amount, or empty."""
        usd, khr = topups(line) if line is not None else ("", "")
        self._write_cells(title, row, {"topup_usd": usd, "topup_khr": khr}, [line] if line else [])

    def _write_cells(self, title: str, row: int, values: dict[str, Any], lines: Sequence[LedgerLine]) -> None:
        """Some cells of one row, wherever the worksheet has their columns: one call."""
        layout = self._layout_for_writing(title, lines)
        present = sorted((layout.column(key), value) for key, value in values.items() if layout.has(key))
        if not present:
            return
        first, last = present[0][0], present[-1][0]
        if last - first + 1 == len(present):  # side by side: one range
            self._client.values_update(
                self.spreadsheet_id,
                f"{quoted(title)}!{letter(first)}{row}:{letter(last)}{row}",
                params={"valueInputOption": "RAW"},
                body={"values": [[value for _, value in present]]},
            )
            return
        self._client.values_batch_update(
            self.spreadsheet_id,
            {
                "valueInputOption": "RAW",
                "data": [
                    {"range": f"{quoted(title)}!{letter(column)}{row}", "values": [[value]]}
                    for column, value in present
                ],
            },
        )

    def _write_item(self, title: str, row: int, item: str, line: LedgerLine | None) -> None:
        usd, khr = amounts(line) if line is not None else ("", "")
        first, last = letter(self._template.index_of("item")), letter(self._template.index_of("khr"))
        self._client.values_update(
            self.spreadsheet_id,
            f"{quoted(title)}!{first}{row}:{last}{row}",
            params={"valueInputOption": "RAW"},
            body={"values": [[item, usd, khr]]},
        )

    def _find(self, saved: SavedLine) -> tuple[int, str, int] | None:
        """(row, current item, current No) of the saved line's reference: where it was, else wherever
        it went. The No is 0 when a bookkeeper cleared it."""
        title = saved.worksheet
        reference = saved.line.source.reference()
        try:
            layout = self._layout(title)
            cells = self._client.values_get(
                self.spreadsheet_id,
                f"{quoted(title)}!A{saved.row}:{letter(layout.width)}{saved.row}",
                params=UNFORMATTED,
            )
        except APIError as exc:
            if no_such_worksheet(exc):
                return None  # its worksheet was deleted or renamed: nothing left to change
            raise
        if not layout.has("reference"):
            return None
        values = layout.cells((cells.get("values") or [[]])[0])
        if values["reference"] == reference:
            return saved.row, str(values["item"]), number_in(values["no"])
        whole = self._client.values_get(
            self.spreadsheet_id, f"{quoted(title)}!A:{letter(layout.width)}", params=UNFORMATTED
        ).get("values", [])
        for row_number, row in enumerate(whole, start=1):
            values = layout.cells(row)
            if values["reference"] == reference:
                return row_number, str(values["item"]), number_in(values["no"])
        return None

    def _read(self, period: Period) -> list[SheetRow]:
        found = self._period_values(period, reading=True)
        return [row for _, row in self._numbered_rows(found[1], period)] if found is not None else []

    def _period_values(self, period: Period, *, reading: bool = False) -> tuple[str, list[list[Any]]] | None:
        """The title and values of the period's worksheet, if it has one (`reading`: on the reader)."""
        for title in self._candidates(period):
            try:
                rows = self._read_values(title)
            except APIError as exc:
                if no_such_worksheet(exc):  # not the other 400s: a refusal is no empty month
                    continue
                raise
            self._remember(title, rows, first_only=reading)
            if self._belongs(title, period):
                return title, rows
        return None

    def _titles(self) -> set[str]:
        metadata = self._client.fetch_sheet_metadata(
            self.spreadsheet_id, params={"fields": "sheets.properties.title"}
        )
        return {str(sheet["properties"]["title"]) for sheet in metadata.get("sheets", [])}

    def _months_kept(self, periods: Sequence[Period]) -> set[Period]:
        titles = self._titles()
        return {period for period in periods if any(t in titles for t in self._candidates(period))}

    def _read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        titles = self._titles()
        wanted = list(dict.fromkeys(t for period in periods for t in self._candidates(period) if t in titles))
        values: dict[str, list[list[Any]]] = {}
        if wanted:
            ranges = [f"{quoted(title)}!A:{letter(WIDEST)}" for title in wanted]
            answer = self._client.values_batch_get(self.spreadsheet_id, ranges, params=UNFORMATTED)
            for title, value_range in zip(wanted, answer.get("valueRanges", []), strict=True):
                values[title] = value_range.get("values", [])
                self._remember(title, values[title], first_only=True)
        months: dict[Period, list[SheetRow]] = {}
        for period in periods:
            owned = [t for t in self._candidates(period) if t in values and self._belongs(t, period)]
            rows = values[owned[0]] if owned else []
            months[period] = [row for _, row in self._numbered_rows(rows, period)]
        return months

    def _find_lines(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        found = self._period_values(period)
        if found is None:
            return []
        title, rows = found
        prefix = self._template.void_prefix
        return lines_already_written(lines, self._numbered_rows(rows), title, prefix, period)

    def _numbered_rows(
        self, rows: list[list[Any]], period: Period | None = None
    ) -> Iterator[tuple[int, SheetRow]]:
        """The non-empty rows below the header, with their row numbers, read by the header's columns;
        dates typed as text are read in the worksheet's month, `period`."""
        layout = self._template.layout_of(rows[0] if rows else [])
        for row_number, values in enumerate(rows[1:], start=2):
            cells = dict.fromkeys(self._template_keys, "") | layout.cells(values)
            if not all(value in (None, "") for value in cells.values()):
                yield row_number, sheet_row(cells, period)

    def _learn(self, title: str) -> None:
        """Read a worksheet once: whose month it is, where it ends, and its last numeric No."""
        self._remember(title, self._read_values(title))

    def _remember(self, title: str, rows: list[list[Any]], *, first_only: bool = False) -> None:
        """What the rows say of the worksheet; `first_only` (a read beside the writer, which may be
        older than its last append): only for a worksheet not known yet."""
        with self._learning:
            if not (first_only and title in self._tails):
                self._note(title, rows)

    def _note(self, title: str, rows: list[list[Any]]) -> None:
        date_index = self._template.index_of("date") - 1
        self._owners[title] = owning_period(
            (serial_to_date(row[date_index]) if len(row) > date_index else None for row in rows[1:]),
            title,
            self._title_format,
        )
        numbers = [int(row[0]) for row in rows[1:] if row and is_number(row[0])]
        self._tails[title] = _Tail(last_row=max(len(rows), 1), last_number=max(numbers, default=0))
        self._layouts[title] = (self._template.layout_of(rows[0] if rows else []), self._clock())

    def _read_values(self, title: str) -> list[list[Any]]:
        """The worksheet's cells, as wide as a bookkeeper may have made it."""
        answer = self._client.values_get(
            self.spreadsheet_id, f"{quoted(title)}!A:{letter(WIDEST)}", params=UNFORMATTED
        )
        values: list[list[Any]] = answer.get("values", [])
        return values

    def _create_with(self, title: str, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine] | None:
        """Create the worksheet from the template with the first rows, in one batchUpdate.

        None when a worksheet of that title exists already; nothing is changed then, as a
        batchUpdate is applied whole or not at all.
        """
        sheet_id = random.randrange(1_000_000, 2**31 - 1)  # chosen here, so the same batch can fill it
        numbers = list(range(1, len(lines) + 1))
        header = [cell_data(header, bold=True) for header in self._template.headers]
        rows = [
            [cell_data(value) for value in self._template.layout().row(self._values(n, line))]
            for n, line in zip(numbers, lines, strict=True)
        ]
        requests_: list[dict[str, Any]] = [
            {
                "addSheet": {
                    "properties": {
                        "sheetId": sheet_id,
                        "title": title,
                        "gridProperties": {
                            "frozenRowCount": 1,
                            "columnCount": max(len(self._template.columns), 26),
                        },
                    }
                }
            },
            {
                "updateCells": {
                    "start": {"sheetId": sheet_id, "rowIndex": 0, "columnIndex": 0},
                    "rows": [{"values": row} for row in [header, *rows]],
                    "fields": "userEnteredValue,userEnteredFormat.textFormat.bold",
                }
            },
        ]
        for index, column in enumerate(self._template.columns):
            requests_.append(number_format(sheet_id, index, column.number_format))
            requests_.append(width_request(sheet_id, index, column.width))
        try:
            self._client.batch_update(self.spreadsheet_id, {"requests": requests_})
        except APIError as exc:
            if exc.response.status_code == 400 and "already exists" in str(exc):
                return None
            raise
        self._tails[title] = _Tail(last_row=1 + len(lines), last_number=len(lines))
        self._layouts[title] = (self._template.layout(), self._clock())
        self._owners[title] = period
        return [SavedLine(line, title, 1 + n, n, period) for n, line in zip(numbers, lines, strict=True)]

    def _values(self, number: int, line: LedgerLine) -> dict[str, Any]:
        """A row's cells by column key; the layout puts each where the worksheet has it."""
        usd, khr = amounts(line)
        return {
            "no": number,
            "date": (line.day - SHEETS_EPOCH).days,
            "item": line.purpose,
            "usd": usd,
            "khr": khr,
            "category": line.category,
            "member": line.member,
            "reference": line.source.reference(),
            "topup_usd": topups(line)[0],
            "topup_khr": topups(line)[1],
            **movement_cells(line),
        }
