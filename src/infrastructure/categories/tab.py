"""The Categories tab as a bookkeeper keeps it: its columns found by header, its rows as categories."""

from __future__ import annotations

import csv
import functools
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from pathlib import Path

from balance_bot.domain.categories import Category

DEFAULT_CATEGORIES = Path(__file__).resolve().parents[3] / "sheet_templates" / "categories.csv"
TAB_TITLE = "Categories"
NAME, NAME_KM, WORDS, BUDGET_USD, BUDGET_KHR = (
    "Category",
    "Category (Khmer)",
    "Words",
    "Budget (USD)",
    "Budget (KHR)",
)
HEADERS = (NAME, NAME_KM, WORDS, BUDGET_USD, BUDGET_KHR)
TAB_WIDTHS = (22, 26, 80, 14, 14)  # characters, as a new tab's columns are drawn
# Distinct tabs whose categories are kept: most groups keep the default tab, and the categories
# (immutable) of the same cells are shared, not a copy per spreadsheet re-read every few minutes
# (a thousand groups held 26 MB of the same words).
TABS_KEPT = 64


class CategoriesUnreadable(ValueError):
    """The rows have no Category column: a tab or file that is not a Categories tab."""


def categories_from_rows(rows: Sequence[Sequence[object]]) -> list[Category]:
    """The categories of a tab's rows (the header first); rows without a name are skipped, and a
    budget that is not a positive number counts as none. Tabs of the same cells share them."""
    cells = tuple(tuple(row) for row in rows)
    try:
        hash(cells)
    except TypeError:  # a cell of a kind neither Sheets nor a workbook gives: parsed, not kept
        return _categories(rows)
    return list(_parsed(cells))


@functools.lru_cache(maxsize=TABS_KEPT)
def _parsed(rows: tuple[tuple[object, ...], ...]) -> tuple[Category, ...]:
    return tuple(_categories(rows))


def _categories(rows: Sequence[Sequence[object]]) -> list[Category]:
    if not rows:
        return []
    header = [str(cell).strip().casefold() for cell in rows[0]]
    if NAME.casefold() not in header:
        raise CategoriesUnreadable(f"no {NAME!r} column in the header {list(rows[0])!r}")
    where = {name: header.index(name.casefold()) if name.casefold() in header else None for name in HEADERS}

    def cell(row: Sequence[object], name: str) -> str:
        index = where[name]
        return (
            str(row[index]).strip()
            if index is not None and index < len(row) and row[index] is not None
            else ""
        )

    categories = []
    for row in rows[1:]:
        name = cell(row, NAME)
        if not name:
            continue
        words = tuple(word.strip() for word in cell(row, WORDS).replace("،", ",").split(",") if word.strip())
        categories.append(
            Category(
                name,
                cell(row, NAME_KM),
                words,
                _budget(cell(row, BUDGET_USD)),
                _budget(cell(row, BUDGET_KHR)),
            )
        )
    return categories


def load_categories_csv(path: Path = DEFAULT_CATEGORIES) -> list[Category]:
    """A Categories tab exported as CSV (or the default one shipped with the bot)."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return categories_from_rows(list(csv.reader(file)))


def default_rows(path: Path = DEFAULT_CATEGORIES) -> list[list[str]]:
    """The default tab's cells, header first, as a new Categories tab is made from them."""
    with path.open(encoding="utf-8-sig", newline="") as file:
        return [list(row) for row in csv.reader(file)]


def _budget(text: str) -> Decimal | None:
    cleaned = text.replace(",", "").replace("$", "").replace("៛", "").strip()
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        return None
    return value if value.is_finite() and value > 0 else None
