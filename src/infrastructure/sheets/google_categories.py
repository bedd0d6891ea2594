"""The spreadsheet's Categories tab: read every few minutes, made from the default one on first use."""

from __future__ import annotations

import logging
import random
from collections.abc import Callable
from typing import Any

from gspread.exceptions import APIError

from balance_bot.domain.categories import Category
from balance_bot.ports import LedgerUnavailable
from infrastructure.categories.tab import (
    TAB_TITLE,
    TAB_WIDTHS,
    CategoriesUnreadable,
    categories_from_rows,
    default_rows,
)
from infrastructure.sheets.google_api import SheetsHTTPClient
from infrastructure.sheets.google_cells import (
    cell_data,
    letter,
    no_such_worksheet,
    quoted,
    unformatted,
    width_request,
)
from infrastructure.sheets.google_worksheets import (
    WIDEST,
    MonthWorksheets,
    header_range,
    refresh_age,
    two_ranges,
)

log = logging.getLogger(__name__)
# The Categories tab is read again when the last reading is this old: a bookkeeper's change to it
# applies within minutes, at one read.
CATEGORIES_SECONDS = 300.0
# A read of a month renews the tab in the same call (a batchGet) when its reading is this old.
BESIDE_A_MONTH_SECONDS = 60.0
TAB_RANGE = f"{quoted(TAB_TITLE)}!A:{letter(WIDEST)}"


class CategoriesTab:
    """The Categories tab of one spreadsheet and its last reading; read on the ledger's worker thread."""

    def __init__(
        self,
        spreadsheet_id: str,
        client: SheetsHTTPClient,
        clock: Callable[[], float],
        beside: MonthWorksheets | None = None,
        neighbours: Callable[[], int] = lambda: 1,
    ) -> None:
        self._spreadsheet_id = spreadsheet_id
        self._client = client
        self._clock = clock
        self._beside = beside
        self._neighbours = neighbours  # how many spreadsheets the account serves, this one included
        self._known: tuple[list[Category], float] | None = None
        self._failed_at = float("-inf")

    def last_reading(self) -> tuple[list[Category], bool] | None:
        """The categories last read, and whether that reading is old enough to be read again."""
        known = self._known
        if known is None:
            return None
        return known[0], self._clock() - known[1] >= self.refresh_seconds()

    def refresh_seconds(self) -> float:
        """How old a reading may be before an expense reads the tab again (see refresh_age)."""
        return refresh_age(CATEGORIES_SECONDS, self._neighbours())

    def due_beside_a_month(self) -> bool:
        """Whether a read of a month should bring the tab along: read before, and not just now."""
        known = self._known
        return known is not None and self._clock() - known[1] >= BESIDE_A_MONTH_SECONDS

    def read_beside(self, rows: list[list[Any]]) -> None:
        """The tab's rows, read together with a month."""
        self._learn(rows, self._known)

    def categories(self) -> list[Category]:
        """The last reading while it is recent, else the tab read again (made if missing)."""
        known = self._known
        if known is not None and self._clock() - known[1] < self.refresh_seconds():
            return known[0]
        if self._clock() - self._failed_at < CATEGORIES_SECONDS:
            raise LedgerUnavailable("the Categories tab could not be read lately")  # no read each message
        try:
            return self._read(known)
        except Exception:
            self._failed_at = self._clock()
            raise

    def _read(self, known: tuple[list[Category], float] | None) -> list[Category]:
        rows = self._read_with_headers() if known is not None and self._beside is not None else None
        if rows is None:
            try:
                rows = self._client.values_get(self._spreadsheet_id, TAB_RANGE, params=unformatted()).get(
                    "values", []
                )
            except APIError as exc:
                if not no_such_worksheet(exc):
                    raise
                rows = self._create()
        return self._learn(rows, known)

    def _learn(self, rows: list[list[Any]], known: tuple[list[Category], float] | None) -> list[Category]:
        try:
            categories = categories_from_rows(rows)
        except CategoriesUnreadable as exc:  # a bookkeeper emptied or relabelled it: keep what was known
            log.warning("the %r tab of %s cannot be read: %s", TAB_TITLE, self._spreadsheet_id, exc)
            categories = known[0] if known is not None else []
        self._known = (categories, self._clock())
        return categories

    def _read_with_headers(self) -> list[list[Any]] | None:
        """The tab read again together with the header of the month worksheet written last when it is
        as old, in one batchGet: a group posting every half hour costs one read an expense, not two.
        None when that header is not old, or its worksheet is gone (the whole batch is refused then)."""
        assert self._beside is not None
        title = self._beside.old_header()
        if title is None:
            return None
        both = two_ranges(self._client, self._spreadsheet_id, TAB_RANGE, header_range(title))
        if both is None:
            return None
        tab, header = both
        self._beside.header_read(title, header[0] if header else [])
        return tab

    def _create(self) -> list[list[Any]]:
        """The Categories tab from the default one, in one batchUpdate; its rows as a read returns them."""
        rows = default_rows()
        sheet_id = random.randrange(1_000_000, 2**31 - 1)
        try:
            self._client.batch_update(
                self._spreadsheet_id,
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
                answer = self._client.values_get(self._spreadsheet_id, TAB_RANGE, params=unformatted())
                values: list[list[Any]] = answer.get("values", [])
                return values
            raise
        return rows
