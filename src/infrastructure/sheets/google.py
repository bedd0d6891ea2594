"""The Google Sheets store: monthly worksheets in a spreadsheet, through gspread and a service account."""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import Any, TypeVar

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError

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
from infrastructure.sheets.google_api import (
    SheetsHTTPClient,
    ledger_error,
    token_error,
)
from infrastructure.sheets.google_cells import (
    SHEETS_EPOCH,
    UNFORMATTED,
    amounts,
    cell_data,
    column_number,
    decimal,
    is_number,
    letter,
    no_such_worksheet,
    number_format,
    number_in,
    quoted,
    serial_to_date,
    start_of,
    topups,
    width_request,
)
from infrastructure.sheets.template import SheetTemplate

log = logging.getLogger(__name__)
T = TypeVar("T")


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
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self._client = client
        self._template = template
        self._title_format = title_format
        self._share_with = share_with
        self._worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"sheets-{spreadsheet_id[:8]}")
        self._tails: dict[str, _Tail] = {}
        self._owners: dict[str, Period | None] = {}
        self._header_widths: dict[str, int] = {}  # worksheets made before the Top-up columns have 7
        self._width = len(template.columns)

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

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand, in one call."""
        return await self._run(lambda: self._read(period))

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines whose reference is in the period's worksheet, not voided; one read."""
        return await self._run(lambda: self._find_lines(period, lines))

    async def flush(self) -> None:
        """Every write is already in the spreadsheet."""

    def close(self) -> None:
        """Stop the worker thread."""
        self._worker.shutdown(wait=True)

    async def _run(self, work: Callable[[], T]) -> T:
        return await asyncio.get_running_loop().run_in_executor(self._worker, lambda: self._mapped(work))

    def _mapped(self, work: Callable[[], T]) -> T:
        """Sheets errors become the core's LedgerErrors, with what an admin can do about them."""
        try:
            return work()
        except APIError as exc:
            raise ledger_error(exc, self.spreadsheet_id, self._share_with) from exc
        except (RefreshError, TransportError) as exc:
            raise token_error(exc) from exc
        except requests.RequestException as exc:
            raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc

    # Everything below runs on the worker thread.

    def _append(self, period: Period, lines: Sequence[LedgerLine], *, again: bool = False) -> list[SavedLine]:
        candidates = self._candidates(period)
        for title in candidates:
            if title not in self._tails:
                created = self._create_with(title, period, lines)
                if created is not None:
                    return created
                self._learn(title)  # it was there already: read it once
            if self._owners[title] in (None, period) or title == candidates[-1]:
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
        for known in (self._tails, self._owners, self._header_widths):
            known.pop(title, None)

    def _append_to(self, title: str, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        if any(line.topup for line in lines):
            self._complete_header(title)
        tail = self._tails[title]
        numbers = [tail.last_number + offset for offset in range(1, len(lines) + 1)]
        rows = [self._row(number, line) for number, line in zip(numbers, lines, strict=True)]
        answer = self._client.values_append(
            self.spreadsheet_id,
            f"{quoted(title)}!A:{letter(self._width)}",
            params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
            body={"values": rows},
        )
        column, landed = start_of(answer["updates"]["updatedRange"])
        if column != "A":
            self._move_to_column_a(title, column, landed, rows)
        if landed != tail.last_row + 1:
            numbers = self._renumber(title, landed, numbers)
        self._tails[title] = _Tail(last_row=landed + len(lines) - 1, last_number=numbers[-1])
        self._owners[title] = period
        return [
            SavedLine(line, title, landed + offset, number)
            for offset, (line, number) in enumerate(zip(lines, numbers, strict=True))
        ]

    def _candidates(self, period: Period) -> tuple[str, str]:
        """The period's title, and the one used when a same-named worksheet is another year's."""
        title = period.title(self._title_format)
        return title, f"{title} {period.year}"

    def _move_to_column_a(self, title: str, column: str, landed: int, rows: list[list[Any]]) -> None:
        """Google's table detection put the rows to the right (a header with empty cells): put them in
        column A, where the template has them, and clear the cells they spilled into."""
        log.warning("the rows landed from column %s of %r; moving them to column A", column, title)
        last = landed + len(rows) - 1
        self._client.values_update(
            self.spreadsheet_id,
            f"{quoted(title)}!A{landed}:{letter(self._width)}{last}",
            params={"valueInputOption": "RAW"},
            body={"values": rows},
        )
        spilled_from = self._width + 1
        spilled_to = column_number(column) + self._width - 1
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
        return SavedLine(line, saved.worksheet, row, number)

    def _void(self, saved: SavedLine) -> SavedLine | None:
        found = self._find(saved)
        if found is None:
            return None
        row, item, number = found
        prefix = self._template.void_prefix
        self._write_item(saved.worksheet, row, item if item.startswith(prefix) else prefix + item, None)
        if saved.line.topup:
            self._write_topup(saved.worksheet, row, None)
        return SavedLine(saved.line, saved.worksheet, row, number)

    def _complete_header(self, title: str) -> None:
        """Label the columns a worksheet made before them lacks, once, before a top-up fills one."""
        headers = self._template.headers
        have = self._header_widths.get(title, len(headers))
        if have >= len(headers):
            return
        self._client.values_update(
            self.spreadsheet_id,
            f"{quoted(title)}!{letter(have + 1)}1:{letter(len(headers))}1",
            params={"valueInputOption": "RAW"},
            body={"values": [headers[have:]]},
        )
        self._header_widths[title] = len(headers)

    def _write_topup(self, title: str, row: int, line: LedgerLine | None) -> None:
        """The Top-up cells of a row: the line's amount, or empty."""
        first, last = (
            letter(self._template.index_of("topup_usd")),
            letter(self._template.index_of("topup_khr")),
        )
        self._client.values_update(
            self.spreadsheet_id,
            f"{quoted(title)}!{first}{row}:{last}{row}",
            params={"valueInputOption": "RAW"},
            body={"values": [list(topups(line)) if line is not None else ["", ""]]},
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
        first_column = self._template.index_of("no")
        item_column = self._template.index_of("item")
        reference_column = self._template.index_of("reference")
        span = f"{letter(first_column)}{saved.row}:{letter(reference_column)}{saved.row}"
        try:
            cells = self._client.values_get(
                self.spreadsheet_id, f"{quoted(title)}!{span}", params=UNFORMATTED
            )
        except APIError as exc:
            if no_such_worksheet(exc):
                return None  # its worksheet was deleted or renamed: nothing left to change
            raise
        values = (cells.get("values") or [[]])[0]
        width = reference_column - first_column
        item = item_column - first_column
        if len(values) > width and values[-1] == reference:
            return saved.row, str(values[item]), number_in(values[0])
        whole = self._client.values_get(
            self.spreadsheet_id,
            f"{quoted(title)}!{letter(first_column)}:{letter(reference_column)}",
            params=UNFORMATTED,
        ).get("values", [])
        for row_number, row in enumerate(whole, start=1):
            if len(row) > width and row[width] == reference:
                return row_number, str(row[item]), number_in(row[0])
        return None

    def _read(self, period: Period) -> list[SheetRow]:
        found = self._period_values(period)
        return [row for _, row in self._numbered_rows(found[1])] if found is not None else []

    def _period_values(self, period: Period) -> tuple[str, list[list[Any]]] | None:
        """The title and values of the period's worksheet, if it has one."""
        for title in self._candidates(period):
            try:
                rows = self._values(title)
            except APIError as exc:
                if exc.response.status_code == 400:  # no such worksheet
                    continue
                raise
            self._remember(title, rows)
            if self._owners[title] in (None, period):
                return title, rows
        return None

    def _find_lines(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        found = self._period_values(period)
        if found is None:
            return []
        title, rows = found
        return lines_already_written(lines, self._numbered_rows(rows), title, self._template.void_prefix)

    def _numbered_rows(self, rows: list[list[Any]]) -> Iterator[tuple[int, SheetRow]]:
        """The non-empty rows below the header, with their row numbers."""
        keys = [column.key for column in self._template.columns]
        for row_number, values in enumerate(rows[1:], start=2):
            cells = dict(zip(keys, values + [""] * (len(keys) - len(values)), strict=False))
            if all(value in (None, "") for value in cells.values()):
                continue
            yield (
                row_number,
                SheetRow(
                    number=int(cells["no"]) if is_number(cells["no"]) else None,
                    day=serial_to_date(cells["date"]),
                    item=str(cells["item"]),
                    usd=decimal(cells["usd"]),
                    khr=decimal(cells["khr"]),
                    member=str(cells["member"]),
                    reference=str(cells["reference"]),
                    topup_usd=decimal(cells["topup_usd"]),
                    topup_khr=decimal(cells["topup_khr"]),
                ),
            )

    def _learn(self, title: str) -> None:
        """Read a worksheet once: whose month it is, where it ends, and its last numeric No."""
        self._remember(title, self._values(title))

    def _remember(self, title: str, rows: list[list[Any]]) -> None:
        date_index = self._template.index_of("date") - 1
        self._owners[title] = owning_period(
            (serial_to_date(row[date_index]) if len(row) > date_index else None for row in rows[1:]),
            title,
            self._title_format,
        )
        numbers = [int(row[0]) for row in rows[1:] if row and is_number(row[0])]
        self._tails[title] = _Tail(last_row=max(len(rows), 1), last_number=max(numbers, default=0))
        self._header_widths[title] = len(rows[0]) if rows else 0

    def _values(self, title: str) -> list[list[Any]]:
        answer = self._client.values_get(
            self.spreadsheet_id, f"{quoted(title)}!A:{letter(self._width)}", params=UNFORMATTED
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
            [cell_data(value) for value in self._row(n, line)] for n, line in zip(numbers, lines, strict=True)
        ]
        requests_: list[dict[str, Any]] = [
            {
                "addSheet": {
                    "properties": {
                        "sheetId": sheet_id,
                        "title": title,
                        "gridProperties": {"frozenRowCount": 1, "columnCount": max(self._width, 26)},
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
        self._header_widths[title] = len(self._template.headers)
        self._owners[title] = period
        return [
            SavedLine(line, title, 1 + number, number) for number, line in zip(numbers, lines, strict=True)
        ]

    def _row(self, number: int, line: LedgerLine) -> list[Any]:
        usd, khr = amounts(line)
        values: dict[str, Any] = {
            "no": number,
            "date": (line.day - SHEETS_EPOCH).days,
            "item": line.purpose,
            "usd": usd,
            "khr": khr,
            "member": line.member,
            "reference": line.source.reference(),
            "topup_usd": topups(line)[0],
            "topup_khr": topups(line)[1],
        }
        return [values[column.key] for column in self._template.columns]
