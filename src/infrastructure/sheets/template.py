"""The monthly worksheet layout, read from sheet_templates/: the one description both stores follow."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

DEFAULT_TEMPLATE = Path(__file__).resolve().parents[3] / "sheet_templates" / "monthly.json"
REQUIRED_KEYS = ("no", "date", "item", "usd", "khr", "member", "reference", "topup_usd", "topup_khr")


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
