"""What a person changed by hand in the months' worksheets: the bot's rows as it wrote them, compared
with the rows as they stand, matched by reference so that a bookkeeper's sorting or renumbering is no
change at all."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from enum import Enum

from balance_bot.domain.ledger import EntrySource, Period, SavedLine, SheetRow
from balance_bot.domain.money import Currency, Money


class RowKind(Enum):
    """Which of a row's amount cells hold the bot's amount; the value is how the store keeps it."""

    EXPENSE = "expense"
    TOP_UP = "topup"
    MOVEMENT = "movement"


@dataclass(frozen=True, slots=True)
class WrittenRow:
    """One row as the bot wrote it (and as it edited it since: Undo, a category, a switch)."""

    reference: str
    chat_id: int
    period: Period
    number: int
    day: date
    item: str
    money: Money
    kind: RowKind = RowKind.EXPENSE
    category: str = ""
    voided: bool = False

    @classmethod
    def of(cls, saved: SavedLine) -> WrittenRow:
        """The row a saved line became."""
        line = saved.line
        kind = RowKind.TOP_UP if line.topup else RowKind.MOVEMENT if line.movement else RowKind.EXPENSE
        return cls(
            reference=line.source.reference(),
            chat_id=line.source.chat_id,
            period=saved.period or Period.of(line.day),
            number=saved.number,
            day=line.day,
            item=line.purpose,
            money=line.money,
            kind=kind,
            category=line.category,
        )


@dataclass(frozen=True, slots=True)
class AmountChanged:
    """A person changed the amount of one of the bot's rows (or cleared it)."""

    number: int | None
    period: Period
    reference: str
    before: Money
    after: tuple[Money, ...]

    @property
    def key(self) -> str:
        """What is remembered once told: the row, and what it says now."""
        return f"amount:{self.reference}:{_amounts_key(self.after)}"


@dataclass(frozen=True, slots=True)
class DayChanged:
    """A person changed the date of one of the bot's rows (or cleared it)."""

    number: int | None
    period: Period
    reference: str
    before: date
    after: date | None

    @property
    def key(self) -> str:
        """What is remembered once told."""
        return f"day:{self.reference}:{self.after.isoformat() if self.after else ''}"


@dataclass(frozen=True, slots=True)
class ItemChanged:
    """A person rewrote the item of one of the bot's rows."""

    number: int | None
    period: Period
    reference: str
    before: str
    after: str

    @property
    def key(self) -> str:
        """What is remembered once told."""
        return f"item:{self.reference}:{self.after}"


@dataclass(frozen=True, slots=True)
class RowDeleted:
    """One of the bot's rows is no longer in the sheet; its No as the bot wrote it."""

    number: int
    period: Period
    reference: str
    item: str
    money: Money

    @property
    def key(self) -> str:
        """What is remembered once told."""
        return f"deleted:{self.reference}"


@dataclass(frozen=True, slots=True)
class RowAdded:
    """A row a person typed into the sheet, with no reference of the bot's."""

    number: int | None
    period: Period
    day: date | None
    item: str
    amounts: tuple[Money, ...]
    occurrence: int = 0  # the same row typed twice is two rows

    @property
    def key(self) -> str:
        """What is remembered once told: the row's content (a typed row has no reference)."""
        day = self.day.isoformat() if self.day else ""
        return f"added:{day}:{self.item}:{_amounts_key(self.amounts)}:{self.occurrence}"


HandChange = AmountChanged | DayChanged | ItemChanged | RowDeleted | RowAdded


def changes_by_hand(
    written: Iterable[WrittenRow],
    rows: Sequence[SheetRow],
    chat_id: int,
    fallback: Period,
) -> list[HandChange]:
    """The changes a person made to the months' rows: the group's rows as the bot wrote them compared
    with the months' rows as they stand (every month compared at once, so a row moved to another
    month's tab is found), by reference; rows the bot voided itself are left out. A typed row is dated
    in its own month, or in `fallback` when it has no date."""
    by_reference: dict[str, SheetRow] = {}
    typed: list[SheetRow] = []
    for row in rows:
        reference = row.reference.strip()
        if EntrySource.parse(reference) is None:
            if _has_content(row):
                typed.append(row)
        elif reference in by_reference:
            typed.append(row)  # a copy of one of the bot's rows: the copy is the row added by hand
        else:
            by_reference[reference] = row
    changes: list[HandChange] = []
    for kept in written:
        if kept.chat_id != chat_id or kept.voided:
            continue
        found = by_reference.get(kept.reference)
        if found is None:
            changes.append(RowDeleted(kept.number, kept.period, kept.reference, kept.item, kept.money))
        else:
            changes.extend(_row_changes(kept, found))
    seen: Counter[tuple[object, ...]] = Counter()
    for row in typed:
        amounts = _typed_amounts(row)
        content = (row.day, row.item.strip(), amounts)
        period = Period.of(row.day) if row.day is not None else fallback
        changes.append(RowAdded(row.number, period, row.day, row.item.strip(), amounts, seen[content]))
        seen[content] += 1
    return sorted(changes, key=_order)


def _row_changes(kept: WrittenRow, row: SheetRow) -> list[HandChange]:
    changes: list[HandChange] = []
    if row.day != kept.day:
        changes.append(DayChanged(row.number, kept.period, kept.reference, kept.day, row.day))
    if row.item.strip() != kept.item.strip():
        changes.append(ItemChanged(row.number, kept.period, kept.reference, kept.item, row.item.strip()))
    after = _amounts_of(row, kept.kind)
    if after != (_counted(kept.money),):
        changes.append(AmountChanged(row.number, kept.period, kept.reference, kept.money, after))
    return changes


def _counted(money: Money) -> Money:
    """The amount as its cell holds it: riel in the KHR column, anything else in the USD one."""
    currency = Currency.KHR if money.currency is Currency.KHR else Currency.USD
    return Money(money.amount, currency)


def _amounts_of(row: SheetRow, kind: RowKind) -> tuple[Money, ...]:
    cells = {
        RowKind.EXPENSE: (row.usd, row.khr),
        RowKind.TOP_UP: (row.topup_usd, row.topup_khr),
        RowKind.MOVEMENT: (row.movement_usd, row.movement_khr),
    }[kind]
    return _money_in(*cells)


def _typed_amounts(row: SheetRow) -> tuple[Money, ...]:
    return (
        _money_in(row.usd, row.khr)
        + _money_in(row.topup_usd, row.topup_khr)
        + _money_in(row.movement_usd, row.movement_khr)
    )


def _money_in(usd: Decimal | None, khr: Decimal | None) -> tuple[Money, ...]:
    found = ((usd, Currency.USD), (khr, Currency.KHR))
    return tuple(Money(amount, currency) for amount, currency in found if amount is not None)


def _has_content(row: SheetRow) -> bool:
    return bool(row.item.strip() or row.day is not None or _typed_amounts(row))


def _amounts_key(amounts: tuple[Money, ...]) -> str:
    return ",".join(f"{money.amount.normalize():f} {money.currency.value}" for money in amounts)


def _order(change: HandChange) -> tuple[Period, int, str]:
    return (change.period, change.number if change.number is not None else 10**9, type(change).__name__)
