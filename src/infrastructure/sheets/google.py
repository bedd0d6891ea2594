"""The Google Sheets store: monthly worksheets in a spreadsheet, through gspread and a service account."""

from __future__ import annotations

import asyncio
import logging
import random
import re
from collections.abc import Awaitable, Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any, TypeVar

import requests
from google.auth.exceptions import RefreshError, TransportError
from gspread.exceptions import APIError
from gspread.http_client import ParamsType

from balance_bot.domain.ledger import (
    LedgerLine,
    Period,
    SavedLine,
    SheetRow,
    lines_already_written,
    owning_period,
)
from balance_bot.domain.money import Currency
from balance_bot.ports import (
    LedgerNotConnected,
    LedgerStore,
    LedgerUnavailable,
    SheetConnections,
)
from infrastructure.sheets.google_api import (
    SheetsHTTPClient,
    ledger_error,
    token_error,
)
from infrastructure.sheets.template import SheetTemplate

log = logging.getLogger(__name__)
T = TypeVar("T")
SHEETS_EPOCH = date(1899, 12, 30)  # day 0 of a spreadsheet date serial
_UPDATED_START = re.compile(r"!([A-Z]+)(\d+)")


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
                    if again or not _no_such_worksheet(exc):
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
            f"{_quoted(title)}!A:{_letter(self._width)}",
            params={"valueInputOption": "RAW", "insertDataOption": "INSERT_ROWS"},
            body={"values": rows},
        )
        column, landed = _start_of(answer["updates"]["updatedRange"])
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
            f"{_quoted(title)}!A{landed}:{_letter(self._width)}{last}",
            params={"valueInputOption": "RAW"},
            body={"values": rows},
        )
        spilled_from = self._width + 1
        spilled_to = _column_number(column) + self._width - 1
        if spilled_to >= spilled_from:
            self._client.values_clear(
                self.spreadsheet_id,
                f"{_quoted(title)}!{_letter(spilled_from)}{landed}:{_letter(spilled_to)}{last}",
            )

    def _renumber(self, title: str, landed: int, numbers: list[int]) -> list[int]:
        """The sheet changed since the last append: number after the last numeric No above the new rows."""
        if landed <= 2:
            column: list[list[Any]] = []  # nothing above the new rows but the header: never ask for A2:A1
        else:
            column = self._client.values_get(
                self.spreadsheet_id, f"{_quoted(title)}!A2:A{landed - 1}", params=_UNFORMATTED
            ).get("values", [])
        last_number = max((int(row[0]) for row in column if row and _is_number(row[0])), default=0)
        correct = [last_number + offset for offset in range(1, len(numbers) + 1)]
        if correct != numbers:
            self._client.values_update(
                self.spreadsheet_id,
                f"{_quoted(title)}!A{landed}:A{landed + len(numbers) - 1}",
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
            f"{_quoted(title)}!{_letter(have + 1)}1:{_letter(len(headers))}1",
            params={"valueInputOption": "RAW"},
            body={"values": [headers[have:]]},
        )
        self._header_widths[title] = len(headers)

    def _write_topup(self, title: str, row: int, line: LedgerLine | None) -> None:
        """The Top-up cells of a row: the line's amount, or empty."""
        first, last = (
            _letter(self._template.index_of("topup_usd")),
            _letter(self._template.index_of("topup_khr")),
        )
        self._client.values_update(
            self.spreadsheet_id,
            f"{_quoted(title)}!{first}{row}:{last}{row}",
            params={"valueInputOption": "RAW"},
            body={"values": [list(_topups(line)) if line is not None else ["", ""]]},
        )

    def _write_item(self, title: str, row: int, item: str, line: LedgerLine | None) -> None:
        usd, khr = _amounts(line) if line is not None else ("", "")
        first, last = _letter(self._template.index_of("item")), _letter(self._template.index_of("khr"))
        self._client.values_update(
            self.spreadsheet_id,
            f"{_quoted(title)}!{first}{row}:{last}{row}",
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
        span = f"{_letter(first_column)}{saved.row}:{_letter(reference_column)}{saved.row}"
        try:
            cells = self._client.values_get(
                self.spreadsheet_id, f"{_quoted(title)}!{span}", params=_UNFORMATTED
            )
        except APIError as exc:
            if _no_such_worksheet(exc):
                return None  # its worksheet was deleted or renamed: nothing left to change
            raise
        values = (cells.get("values") or [[]])[0]
        width = reference_column - first_column
        item = item_column - first_column
        if len(values) > width and values[-1] == reference:
            return saved.row, str(values[item]), _number_in(values[0])
        whole = self._client.values_get(
            self.spreadsheet_id,
            f"{_quoted(title)}!{_letter(first_column)}:{_letter(reference_column)}",
            params=_UNFORMATTED,
        ).get("values", [])
        for row_number, row in enumerate(whole, start=1):
            if len(row) > width and row[width] == reference:
                return row_number, str(row[item]), _number_in(row[0])
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
                    number=int(cells["no"]) if _is_number(cells["no"]) else None,
                    day=_serial_to_date(cells["date"]),
                    item=str(cells["item"]),
                    usd=_decimal(cells["usd"]),
                    khr=_decimal(cells["khr"]),
                    member=str(cells["member"]),
                    reference=str(cells["reference"]),
                    topup_usd=_decimal(cells["topup_usd"]),
                    topup_khr=_decimal(cells["topup_khr"]),
                ),
            )

    def _learn(self, title: str) -> None:
        """Read a worksheet once: whose month it is, where it ends, and its last numeric No."""
        self._remember(title, self._values(title))

    def _remember(self, title: str, rows: list[list[Any]]) -> None:
        date_index = self._template.index_of("date") - 1
        self._owners[title] = owning_period(
            (_serial_to_date(row[date_index]) if len(row) > date_index else None for row in rows[1:]),
            title,
            self._title_format,
        )
        numbers = [int(row[0]) for row in rows[1:] if row and _is_number(row[0])]
        self._tails[title] = _Tail(last_row=max(len(rows), 1), last_number=max(numbers, default=0))
        self._header_widths[title] = len(rows[0]) if rows else 0

    def _values(self, title: str) -> list[list[Any]]:
        answer = self._client.values_get(
            self.spreadsheet_id, f"{_quoted(title)}!A:{_letter(self._width)}", params=_UNFORMATTED
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
        header = [_cell_data(header, bold=True) for header in self._template.headers]
        rows = [
            [_cell_data(value) for value in self._row(n, line)]
            for n, line in zip(numbers, lines, strict=True)
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
            requests_.append(_number_format(sheet_id, index, column.number_format))
            requests_.append(_width(sheet_id, index, column.width))
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
        usd, khr = _amounts(line)
        values: dict[str, Any] = {
            "no": number,
            "date": (line.day - SHEETS_EPOCH).days,
            "item": line.purpose,
            "usd": usd,
            "khr": khr,
            "member": line.member,
            "reference": line.source.reference(),
            "topup_usd": _topups(line)[0],
            "topup_khr": _topups(line)[1],
        }
        return [values[column.key] for column in self._template.columns]


def _no_such_worksheet(exc: APIError) -> bool:
    """Whether Google answered that the range names no worksheet (deleted or renamed)."""
    return exc.response.status_code == 400 and "Unable to parse range" in str(exc)


def _start_of(updated_range: str) -> tuple[str, int]:
    """The column letters and row number an updatedRange ('Nov'!A12:I13) starts at."""
    found = _UPDATED_START.search(updated_range)
    if found is None:
        raise LedgerUnavailable(f"Google Sheets answered an append with the range {updated_range!r}")
    return found.group(1), int(found.group(2))


def _column_number(letters: str) -> int:
    number = 0
    for letter in letters:
        number = number * 26 + ord(letter) - 64
    return number


def _cell_data(value: Any, *, bold: bool = False) -> dict[str, Any]:
    """One cell of an updateCells request: a number, literal text (never a formula), or empty."""
    cell: dict[str, Any] = {}
    if _is_number(value):
        cell["userEnteredValue"] = {"numberValue": value}
    elif value not in (None, ""):
        cell["userEnteredValue"] = {"stringValue": str(value)}
    if bold:
        cell["userEnteredFormat"] = {"textFormat": {"bold": True}}
    return cell


def _number_format(sheet_id: int, index: int, pattern: str) -> dict[str, Any]:
    kind = "TEXT" if pattern == "@" else "DATE" if "d" in pattern else "NUMBER"
    return {
        "repeatCell": {
            "range": {
                "sheetId": sheet_id,
                "startRowIndex": 1,
                "startColumnIndex": index,
                "endColumnIndex": index + 1,
            },
            "cell": {"userEnteredFormat": {"numberFormat": {"type": kind, "pattern": pattern}}},
            "fields": "userEnteredFormat.numberFormat",
        }
    }


def _width(sheet_id: int, index: int, characters: int) -> dict[str, Any]:
    return {
        "updateDimensionProperties": {
            "range": {
                "sheetId": sheet_id,
                "dimension": "COLUMNS",
                "startIndex": index,
                "endIndex": index + 1,
            },
            "properties": {"pixelSize": characters * 7},
            "fields": "pixelSize",
        }
    }


_UNFORMATTED: ParamsType = {"valueRenderOption": "UNFORMATTED_VALUE", "dateTimeRenderOption": "SERIAL_NUMBER"}


def _amounts(line: LedgerLine) -> tuple[Any, Any]:
    """(USD cell, KHR cell): numbers, so a bookkeeper's SUM works; the other one empty."""
    if line.topup:
        return "", ""  # a top-up stays out of the month's spending
    return _cells_of(line)


def _topups(line: LedgerLine) -> tuple[Any, Any]:
    """(Top-up USD cell, Top-up KHR cell) of a top-up; both empty for an expense."""
    return _cells_of(line) if line.topup else ("", "")


def _cells_of(line: LedgerLine) -> tuple[Any, Any]:
    money = line.money
    if money.currency is Currency.KHR:
        return "", int(money.amount)
    return float(money.amount), ""


def _quoted(title: str) -> str:
    return "'" + title.replace("'", "''") + "'"


def _letter(column: int) -> str:
    letters = ""
    while column:
        column, remainder = divmod(column - 1, 26)
        letters = chr(65 + remainder) + letters
    return letters


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def _number_in(value: object) -> int:
    """A No cell's whole number; 0 when a bookkeeper cleared it or wrote something else."""
    if isinstance(value, int | float) and not isinstance(value, bool) and value == int(value):
        return int(value)
    return 0


def _serial_to_date(value: object) -> date | None:
    if isinstance(value, int | float) and not isinstance(value, bool) and 1 < value < 2958466:
        return SHEETS_EPOCH + timedelta(days=int(value))
    return None


def _decimal(value: object) -> Decimal | None:
    if not _is_number(value):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


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
        """The spreadsheet's title, after a write that changes nothing (its title set to itself)."""

        def check() -> str:
            try:
                metadata = self._client.fetch_sheet_metadata(
                    spreadsheet_id, params={"fields": "properties.title"}
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
                raise ledger_error(exc, spreadsheet_id, self.share_with) from exc
            except (RefreshError, TransportError) as exc:
                raise token_error(exc) from exc
            except requests.RequestException as exc:
                raise LedgerUnavailable(f"Google Sheets did not answer: {exc}") from exc
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

    async def read(self, period: Period) -> list[SheetRow]:
        """Read a month of the group's spreadsheet."""
        return await (await self._ledger()).read(period)

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
