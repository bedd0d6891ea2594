"""The ledger as the core sees it: monthly periods, the lines the bot writes, and where they landed."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta, tzinfo
from decimal import Decimal
from enum import Enum

from balance_bot.domain.money import Money
from balance_bot.domain.text import DIGITS_TO_ASCII


class MovementKind(Enum):
    """Money moving between the cash box and a member; its value is the sheet's word for it."""

    ADVANCE = "Advance"  # the box hands the member cash to spend for the team
    RETURNED = "Returned"  # the member gives unspent cash back to the box
    REIMBURSED = "Reimbursed"  # the box pays the member back what they paid from their own pocket

    @classmethod
    def named(cls, word: str) -> MovementKind | None:
        """The kind a Movement cell names, whatever its case; None for anything else."""
        wanted = word.strip().casefold()
        return next((kind for kind in cls if kind.value.casefold() == wanted), None)

    @property
    def to_member(self) -> bool:
        """Whether the cash goes from the box to the member."""
        return self is not MovementKind.RETURNED


@dataclass(frozen=True, slots=True)
class Movement:
    """What makes a ledger line a movement: its kind, and the member it concerns (by sheet name)."""

    kind: MovementKind
    member: str


@dataclass(frozen=True, slots=True, order=True)
class Period:
    """One month of the ledger: one worksheet."""

    year: int
    month: int

    @classmethod
    def of(cls, day: date) -> Period:
        """The month a day belongs to."""
        return cls(day.year, day.month)

    def title(self, title_format: str) -> str:
        """The worksheet title, e.g. 'December 2026' for '%B %Y'."""
        return date(self.year, self.month, 1).strftime(title_format)

    def contains(self, day: date) -> bool:
        """Whether the day falls in this month."""
        return (day.year, day.month) == (self.year, self.month)

    def previous(self) -> Period:
        """The month before."""
        return Period(self.year - 1, 12) if self.month == 1 else Period(self.year, self.month - 1)

    def next(self) -> Period:
        """The month after."""
        return Period(self.year + 1, 1) if self.month == 12 else Period(self.year, self.month + 1)

    def first_day(self) -> date:
        """The 1st of the month."""
        return date(self.year, self.month, 1)

    def last_day(self) -> date:
        """The month's last day."""
        return self.next().first_day() - timedelta(days=1)

    def key(self) -> str:
        """'2026-11', as the mirror and the LLM log store months."""
        return f"{self.year:04d}-{self.month:02d}"


def owning_period(days: Iterable[date | None], title: str = "", title_format: str = "") -> Period | None:
    """The month a worksheet belongs to: the one its title names with its year ('November 2026'),
    whatever dates it holds; else the month most of its dated rows fall in (a stray 'Nov 30' in
    December changes nothing)."""
    if named := period_named_by(title, title_format):
        return named
    months = Counter(Period.of(day) for day in days if day is not None)
    return months.most_common(1)[0][0] if months else None


def period_named_by(title: str, title_format: str) -> Period | None:
    """The month and year a worksheet's title names in the title format; None if it names no year."""
    if not title or not any(code in title_format for code in ("%Y", "%y")):
        return None
    try:
        named = datetime.strptime(title, title_format)
    except ValueError:
        return None
    return Period(named.year, named.month)


def local_day(instant: datetime, timezone: tzinfo) -> date:
    """The team's calendar day for an instant: 23:30 on the 31st in Phnom Penh is the 31st."""
    return instant.astimezone(timezone).date()


@dataclass(frozen=True, slots=True)
class EntrySource:
    """Where an entry came from: a chat, a message, and its place in that message; and who: the member
    who posted it, and the member a movement concerns, by Telegram user id (names change, ids do not)."""

    chat_id: int
    message_id: int
    index: int
    member_id: int | None = None
    for_member_id: int | None = None

    def reference(self) -> str:
        """The text of the reference column, which finds the row again whatever bookkeepers do:
        'tg:<chat>:<message>:<index>', then ':u<member>' and ':m<member a movement concerns>'."""
        who = (f":u{self.member_id}" if self.member_id is not None else "") + (
            f":m{self.for_member_id}" if self.for_member_id is not None else ""
        )
        return f"tg:{self.chat_id}:{self.message_id}:{self.index}{who}"

    @classmethod
    def parse(cls, reference: str) -> EntrySource | None:
        """The source a reference cell names; None for anything else, such as a row a bookkeeper typed."""
        found = _REFERENCE.fullmatch(reference.strip())
        if found is None:
            return None
        member, for_member = found.group("member"), found.group("for_member")
        return cls(
            int(found.group("chat")),
            int(found.group("message")),
            int(found.group("index")),
            int(member) if member else None,
            int(for_member) if for_member else None,
        )


_REFERENCE = re.compile(
    r"tg:(?P<chat>-?[0-9]{1,19}):(?P<message>[0-9]{1,19}):(?P<index>[0-9]{1,6})"
    r"(?::u(?P<member>[0-9]{1,19}))?(?::m(?P<for_member>[0-9]{1,19}))?"
)


# The Status cell of an expense over the group's approval threshold, until an admin decides; a
# bookkeeper may filter on it. The sheet's words stay English, as its headers do.
AWAITING_APPROVAL = "awaiting approval"


@dataclass(frozen=True, slots=True)
class LedgerLine:
    """What the bot writes for one expense."""

    day: date
    purpose: str
    money: Money
    member: str
    source: EntrySource
    topup: bool = False  # money put into the cash box, written to a Top-up column
    category: str = ""  # the Categories tab's name for it; "" for a top-up or a movement
    movement: Movement | None = None  # cash between the box and a member, written to Movement columns
    status: str = ""  # the Status cell: AWAITING_APPROVAL while an admin has not approved it
    receipt: str = ""  # a link to the photo that proves it (a receipt, a transfer screen); "" for none

    @property
    def spending(self) -> bool:
        """Whether the line is an expense: neither a top-up nor a movement."""
        return not self.topup and self.movement is None


@dataclass(frozen=True, slots=True)
class SavedLine:
    """A line as it landed: its worksheet, its row and its No, and the month the worksheet is for
    (None for a line kept before months were kept with it): replies name the month in the chat's
    language, while the worksheet's title stays as the operator set it."""

    line: LedgerLine
    worksheet: str
    row: int
    number: int
    period: Period | None = None


@dataclass(frozen=True, slots=True)
class SheetRow:
    """A row as it stands in a month's worksheet, the bot's or a bookkeeper's."""

    number: int | None
    day: date | None
    item: str
    usd: Decimal | None
    khr: Decimal | None
    member: str
    reference: str
    topup_usd: Decimal | None = None
    topup_khr: Decimal | None = None
    category: str = ""
    movement: str = ""  # a MovementKind's word, as the sheet has it
    movement_member: str = ""  # the member the movement concerns
    movement_usd: Decimal | None = None
    movement_khr: Decimal | None = None
    status: str = ""  # the Status cell, as the bot or a bookkeeper left it

    @property
    def awaiting_approval(self) -> bool:
        """Whether the row waits for an admin's approval: out of the month's spending until then."""
        return self.status.strip().casefold().startswith(AWAITING_APPROVAL)

    @property
    def member_id(self) -> int | None:
        """The Telegram user id of the member who posted the row, when the bot wrote it."""
        source = EntrySource.parse(self.reference)
        return source.member_id if source is not None else None

    @property
    def movement_member_id(self) -> int | None:
        """The Telegram user id of the member a movement row concerns, when the bot wrote it."""
        source = EntrySource.parse(self.reference)
        return source.for_member_id if source is not None else None


def lines_already_written(
    lines: Sequence[LedgerLine],
    rows: Iterable[tuple[int, SheetRow]],
    worksheet: str,
    void_prefix: str,
    period: Period | None = None,
) -> list[SavedLine]:
    """Those of the lines a worksheet holds, by reference among (row number, row); voided rows don't count."""
    wanted = {line.source.reference(): line for line in lines}
    found = []
    for row_number, row in rows:
        if row.reference in wanted and not row.item.startswith(void_prefix):
            found.append(SavedLine(wanted.pop(row.reference), worksheet, row_number, row.number or 0, period))
    return found


# The highest No a member may name ("/cat 12 Fuel", "undo No 14"): far past any month's rows, and
# small enough to format and to look up; a longer number is no row's.
MOST_ROW_DIGITS = 6
_ROW_NUMBER = re.compile(rf"[0-9]{{1,{MOST_ROW_DIGITS}}}")


def row_number(typed: str) -> int | None:
    """The No a member typed ('12', '១២'); None for anything else: a longer number, '²', '12a'."""
    digits = typed.strip().translate(DIGITS_TO_ASCII)
    return int(digits) if _ROW_NUMBER.fullmatch(digits) else None
