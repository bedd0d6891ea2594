"""What the bot knows of a spreadsheet's month worksheets: whose month each is, where it ends, its columns."""

from __future__ import annotations

import threading
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from gspread.exceptions import APIError

from balance_bot.domain.ledger import LedgerLine, Period, owning_period
from infrastructure.sheets.google_api import SheetsHTTPClient
from infrastructure.sheets.google_cells import (
    is_number,
    letter,
    no_such_worksheet,
    quoted,
    serial_to_date,
    unformatted,
)
from infrastructure.sheets.template import Layout, SheetTemplate, keys_filled

# A worksheet's header is read again when what the bot knows of it is this old: a bookkeeper's
# moved or added columns are followed within minutes, at one read a worksheet.
LAYOUT_SECONDS = 300.0
# A header asked for beside the Categories tab is not read again by an append meanwhile, for this
# long: the two would race, the append on the write lane, the tab on the read lane.
ASKED_SECONDS = 60.0
WIDEST = 52  # columns read from a worksheet: the template's and a bookkeeper's own (A:AZ)
# An account's spreadsheets read their headers and Categories tabs at expenses this many times a
# minute at most, a sixth of its read quota: past 50 spreadsheets an account reads each less often
# (1,000 groups on 3 accounts: every 33 minutes), and a month read by a round renews them meanwhile.
READS_AT_EXPENSES_PER_MINUTE = 10


def refresh_age(seconds: float, spreadsheets: int) -> float:
    """How old a reading may grow before an expense reads it again: `seconds`, or longer when the
    account serves so many spreadsheets that reading each that often would spend its read quota."""
    return max(seconds, spreadsheets * 60 / READS_AT_EXPENSES_PER_MINUTE)


def two_ranges(
    client: SheetsHTTPClient, spreadsheet_id: str, first: str, second: str
) -> tuple[list[list[Any]], list[list[Any]]] | None:
    """Two ranges' values in one batchGet; None when either names no worksheet (Google refuses the
    whole batch then) or the answer is not the two asked for: each is then read alone."""
    try:
        answer = client.values_batch_get(spreadsheet_id, [first, second], params=unformatted())
    except APIError as exc:
        if no_such_worksheet(exc):
            return None
        raise
    ranges = [value_range.get("values", []) for value_range in answer.get("valueRanges", [])]
    if len(ranges) != 2:
        return None
    return ranges[0], ranges[1]


def header_range(title: str) -> str:
    """A worksheet's first row, as wide as a bookkeeper may have made it."""
    return f"{quoted(title)}!A1:{letter(WIDEST)}1"


@dataclass
class Tail:
    """Where a worksheet ends: the last row the bot wrote or read, and the last numeric No."""

    last_row: int
    last_number: int


class MonthWorksheets:
    """The monthly worksheets of one spreadsheet, as last read or written by the bot.

    Written on the worker thread; a read on the reader thread only adds a worksheet not known yet.
    """

    def __init__(
        self,
        spreadsheet_id: str,
        client: SheetsHTTPClient,
        template: SheetTemplate,
        title_format: str,
        clock: Callable[[], float],
        neighbours: Callable[[], int] = lambda: 1,
    ) -> None:
        self.spreadsheet_id = spreadsheet_id
        self.client = client
        self.template = template
        self.title_format = title_format
        self.tails: dict[str, Tail] = {}
        self._owners: dict[str, Period | None] = {}
        # Each worksheet's columns as its header has them, and when that header was read: a
        # bookkeeper may move or add columns, so it is read again once it is LAYOUT_SECONDS old.
        self._layouts: dict[str, tuple[Layout, float]] = {}
        self._learning = threading.Lock()
        self._clock = clock
        self._neighbours = neighbours  # how many spreadsheets the account serves, this one included
        self._last_written: str | None = None
        self._headers_asked: dict[str, float] = {}  # when a header was last asked for beside the tab

    def candidates(self, period: Period) -> tuple[str, str]:
        """The period's title, and the one used when a same-named worksheet is another year's."""
        title = period.title(self.title_format)
        return title, f"{title} {period.year}"

    def belongs(self, title: str, period: Period) -> bool:
        """Whether the worksheet, as last read, holds the period's rows (or no dated rows yet)."""
        return self._owners[title] in (None, period)

    def written(self, title: str, period: Period, tail: Tail, layout: Layout | None = None) -> None:
        """The bot wrote the period's rows down to `tail`; `layout`: the columns it made them with."""
        self.tails[title] = tail
        self._owners[title] = period
        self._last_written = title
        if layout is not None:
            self._layouts[title] = (layout, self._clock())

    def forget(self, title: str) -> None:
        """The worksheet is gone: what was known of it no longer holds."""
        self.tails.pop(title, None)
        self._owners.pop(title, None)
        self._layouts.pop(title, None)

    def layout(self, title: str) -> Layout:
        """The worksheet's columns, its header read again once what is known of it is old."""
        known = self._layouts.get(title)
        now = self._clock()
        if known is not None and (
            now - known[1] < self._header_age()
            or now - self._headers_asked.get(title, -LAYOUT_SECONDS) < ASKED_SECONDS
        ):
            return known[0]  # fresh, or being read with the Categories tab on the read lane right now
        header = self.client.values_get(self.spreadsheet_id, header_range(title), params=unformatted()).get(
            "values", [[]]
        )
        return self.header_read(title, header[0] if header else [])

    def _header_age(self) -> float:
        """How old a header may be before an append reads it again (see refresh_age)."""
        return refresh_age(LAYOUT_SECONDS, self._neighbours())

    def old_header(self) -> str | None:
        """The worksheet written last, when what is known of its header is old: asked for now, beside
        the Categories tab."""
        title = self._last_written
        known = self._layouts.get(title) if title is not None else None
        if title is None or known is None or self._clock() - known[1] < self._header_age():
            return None
        self._headers_asked[title] = self._clock()
        return title

    def header_read(self, title: str, header: list[Any]) -> Layout:
        """The worksheet's columns, from its header just read."""
        layout = self.template.layout_of(header)
        self._layouts[title] = (layout, self._clock())
        return layout

    def layout_for_writing(self, title: str, lines: Sequence[LedgerLine]) -> Layout:
        """The worksheet's columns, with a header cell written for each column these lines fill that a
        worksheet made before it lacks (Top-up, Category), once, after its last column."""
        needed = [key for line in lines for key in keys_filled(line)]
        layout, added = self.layout(title).completed(self.template, needed)
        if added:
            self.write_cells_apart(title, 1, added)
            self._layouts[title] = (layout, self._layouts[title][1])
        return layout

    def write_cells_apart(self, title: str, row: int, cells: Sequence[tuple[int, Any]]) -> None:
        """Cells of one row by column number, not side by side: one call."""
        self.client.values_batch_update(
            self.spreadsheet_id,
            {
                "valueInputOption": "RAW",
                "data": [
                    {"range": f"{quoted(title)}!{letter(column)}{row}", "values": [[value]]}
                    for column, value in cells
                ],
            },
        )

    def learn(self, title: str) -> None:
        """Read a worksheet once: whose month it is, where it ends, and its last numeric No."""
        self.remember(title, self.read_values(title))

    def remember(self, title: str, rows: list[list[Any]], *, first_only: bool = False) -> None:
        """What the rows say of the worksheet; `first_only` (a read beside the writer, which may be
        older than its last append): only for a worksheet not known yet."""
        with self._learning:
            if not (first_only and title in self.tails):
                self._note(title, rows)
                return
            known = self._layouts.get(title)
            if known is not None and rows and self.template.layout_of(rows[0]) == known[0]:
                # The header as the bot knows it, read again: known to hold for a while longer. A header
                # that differs is not taken from here: the writer may have added a column since.
                self._layouts[title] = (known[0], self._clock())

    def _note(self, title: str, rows: list[list[Any]]) -> None:
        date_index = self.template.index_of("date") - 1
        self._owners[title] = owning_period(
            (serial_to_date(row[date_index]) if len(row) > date_index else None for row in rows[1:]),
            title,
            self.title_format,
        )
        numbers = [int(row[0]) for row in rows[1:] if row and is_number(row[0])]
        self.tails[title] = Tail(last_row=max(len(rows), 1), last_number=max(numbers, default=0))
        self._layouts[title] = (self.template.layout_of(rows[0] if rows else []), self._clock())

    def read_values(self, title: str) -> list[list[Any]]:
        """The worksheet's cells, as wide as a bookkeeper may have made it."""
        answer = self.client.values_get(
            self.spreadsheet_id, f"{quoted(title)}!A:{letter(WIDEST)}", params=unformatted()
        )
        values: list[list[Any]] = answer.get("values", [])
        return values
