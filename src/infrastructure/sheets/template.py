"""The monthly worksheet layout, read from sheet_templates/: the one description both stores follow."""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from balance_bot.domain.ledger import LedgerLine

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "sheet_templates" / "monthly.json"
REQUIRED_KEYS = (
    "no", "date", "item", "usd", "khr", "category", "member", "reference", "topup_usd", "topup_khr",
    "movement", "movement_member", "movement_usd", "movement_khr", "status",
)  # fmt: skip
MOVEMENT_KEYS = ("movement", "movement_member", "movement_usd", "movement_khr")
# The contract's columns (DESIGN.md): always the first five, in this order, whatever their headers say.
FIXED_KEYS = ("no", "date", "item", "usd", "khr")


@dataclass(frozen=True, slots=True)
class Column:
    """One column of the worksheet."""

    key: str
    header: str
    width: int
    number_format: str


@dataclass(frozen=True, slots=True)
class SheetTemplate:
    """The worksheet's columns in order, and how a voided row is marked."""

    columns: tuple[Column, ...]
    void_prefix: str

    def index_of(self, key: str) -> int:
        """The 1-based column number of a column key."""
        for number, column in enumerate(self.columns, start=1):
            if column.key == key:
                return number
        raise KeyError(key)

    @property
    def headers(self) -> list[str]:
        """The header row."""
        return [column.header for column in self.columns]

    def layout(self) -> Layout:
        """Where a worksheet made from this template has each column."""
        return Layout(
            {column.key: number for number, column in enumerate(self.columns, start=1)}, len(self.columns)
        )

    def layout_of(self, header: Sequence[object]) -> Layout:
        """Where a worksheet has each column, found by its header: a bookkeeper may have moved the
        columns after the fifth or added their own; a column a worksheet made before it lacks is absent."""
        wanted = {column.header.strip().casefold(): column.key for column in self.columns}
        positions = {key: self.index_of(key) for key in FIXED_KEYS}
        for number, cell in enumerate(header, start=1):
            key = wanted.get(str(cell).strip().casefold()) if cell is not None else None
            if key is not None and key not in FIXED_KEYS and key not in positions:
                positions[key] = number
        width = max(len(header), len(FIXED_KEYS))
        return Layout(positions, width)


@dataclass(frozen=True, slots=True)
class Layout:
    """One worksheet's columns: the 1-based position of each of the template's keys it has, and how
    many columns its header spans (a bookkeeper's own included)."""

    positions: Mapping[str, int]
    width: int

    def has(self, key: str) -> bool:
        """Whether the worksheet has the column."""
        return key in self.positions

    def column(self, key: str) -> int:
        """The 1-based column of a key the worksheet has."""
        return self.positions[key]

    def completed(self, template: SheetTemplate, keys: Sequence[str]) -> tuple[Layout, list[tuple[int, str]]]:
        """The layout with the keys it lacks added after its last column, and the (column, header) cells
        to write for them."""
        positions, width, added = dict(self.positions), self.width, []
        for key in keys:
            if key not in positions:
                width += 1
                positions[key] = width
                added.append((width, template.columns[template.index_of(key) - 1].header))
        return Layout(positions, width), added

    def row(self, values: Mapping[str, Any]) -> list[Any]:
        """The cells of a row, each value in its column, empty cells between; keys it lacks are left out."""
        cells: list[Any] = [""] * self.width
        for key, value in values.items():
            if key in self.positions:
                cells[self.positions[key] - 1] = value
        return cells

    def cells(self, row: Sequence[Any]) -> dict[str, Any]:
        """The row's value of each key the worksheet has ("" past the row's end)."""
        return {key: row[number - 1] if number <= len(row) else "" for key, number in self.positions.items()}


def load_template(path: Path = DEFAULT_TEMPLATE) -> SheetTemplate:
    """Read and check the template; a missing column is an error at start, not at the first expense."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    columns = tuple(
        Column(item["key"], item["header"], int(item["width"]), item.get("number_format", "General"))
        for item in raw["columns"]
    )
    missing = [key for key in REQUIRED_KEYS if key not in {column.key for column in columns}]
    if missing:
        raise ValueError(f"{path.name} lacks the columns {', '.join(missing)}")
    return SheetTemplate(columns, raw.get("void_prefix", "[void] "))


def keys_filled(line: LedgerLine) -> tuple[str, ...]:
    """The columns a line needs beside the first five: a worksheet made before them may lack them."""
    return (
        (("topup_usd", "topup_khr") if line.topup else ())
        + (("category",) if line.category else ())
        + (MOVEMENT_KEYS if line.movement is not None else ())
        + (("status",) if line.status else ())
    )
