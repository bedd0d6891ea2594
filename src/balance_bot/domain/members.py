"""Members' money: cash advanced to them, spent, returned and reimbursed, and what each holds or is owed."""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from enum import Enum

from balance_bot.domain.ledger import Movement, MovementKind, SheetRow
from balance_bot.domain.money import CURRENCIES, ZERO, Currency
from balance_bot.domain.roster import UNATTRIBUTED, Roster, member_key

__all__ = ["Movement", "MovementKind"]  # kept where they were first read from; they live in ledger

# A member's own words for change given back to the box: 'returned 20$', 'gave back 5$',
# 'ប្រគល់លុយវិញ ២ម៉ឺន'. 'return ticket 20$' stays an expense: only a past or 'back' form counts.
GIVEN_BACK = (
    r"(?i)^\s*(?:returned|gave\s+back|given\s+back|giving\s+back|ប្រគល់(?:លុយ)?(?:មក)?វិញ|ប្រគល់លុយ"
    r"|អាប់លុយ(?:វិញ)?)(?![a-z])"
)
_GIVEN_BACK = re.compile(GIVEN_BACK)


def given_back(text: str) -> str | None:
    """What follows a member's words for change given back (the amount and a note); None without them."""
    found = _GIVEN_BACK.match(text)
    return text[found.end() :].strip(" :,-") if found is not None else None


class PaymentMode(Enum):
    """Whose money pays for what a member posts; teams differ."""

    # From the member's advance while it lasts, else out of the member's pocket (owed to them).
    MEMBER = "member"
    # From the member's advance while it lasts, else from the cash box.
    BOX = "box"


Amounts = Mapping[Currency, Decimal]
EXPENSE_ROW = "expense"  # a MemberRow's kind for an expense; the other kinds are MovementKind values


@dataclass(frozen=True, slots=True)
class MemberRow:
    """A row behind a member's figures: its No, item, kind, and amount."""

    number: int | None
    item: str
    kind: str  # "expense" or a MovementKind's value
    currency: Currency
    amount: Decimal
    day: date | None = None


@dataclass
class MemberFigures:
    """One member's month, per currency: a positive position is cash the member holds for the team,
    a negative one is what the team owes them."""

    name: str
    opening: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    advanced: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    spent: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    returned: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    reimbursed: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    position: dict[Currency, Decimal] = field(default_factory=lambda: dict.fromkeys(CURRENCIES, ZERO))
    rows: list[MemberRow] = field(default_factory=list)
    moved: bool = False  # whether the member had a movement this month

    def advanced_on(self) -> date | None:
        """The day of the member's latest advance this month."""
        days = [row.day for row in self.rows if row.kind == MovementKind.ADVANCE.value and row.day]
        return max(days) if days else None

    def holds(self, currency: Currency) -> Decimal:
        """Team cash the member holds."""
        return max(self.position[currency], ZERO)

    def owed(self, currency: Currency) -> Decimal:
        """What the team owes the member."""
        return max(-self.position[currency], ZERO)

    def in_both_currencies(self) -> bool:
        """Whether the member holds or is owed money in dollars and in riel, each kept apart."""
        return all(self.position[currency] for currency in CURRENCIES)

    def net_usd(self, khr_per_usd: Decimal) -> Decimal:
        """Where the member stands all told, in dollars at the rate: held (+) or owed (−)."""
        return self.position[Currency.USD] + self.position[Currency.KHR] / khr_per_usd


@dataclass(frozen=True, slots=True)
class MembersMonth:
    """Every member's month, and the cash-box flows it made, per currency."""

    members: Mapping[str, MemberFigures]
    # What left the box for members (advances, reimbursements, spending from the box) less what came back.
    box_out: Amounts
    mode: PaymentMode
    by_id: bool = False  # members kept by user id (a roster was known), not by name

    def of(self, user_id: int, name: str) -> MemberFigures | None:
        """One member's figures: by their user id when kept so, else by the name they post under."""
        return self.of_member(user_id) if self.by_id else self.named(name)

    def positions(self) -> dict[str, dict[Currency, Decimal]]:
        """What each member holds (positive) or is owed (negative), carried forward to the next month."""
        return {
            name: dict(figures.position)
            for name, figures in self.members.items()
            if any(figures.position.values())
        }

    def shown(self) -> list[MemberFigures]:
        """The members worth a line: a movement this month, or cash held or owed, by name."""
        return sorted(
            (figures for figures in self.members.values() if figures.moved or any(figures.position.values())),
            key=lambda figures: figures.name.casefold(),
        )

    def any_movement(self) -> bool:
        """Whether anything was advanced, returned or reimbursed, or carried in."""
        return any(figures.moved or any(figures.opening.values()) for figures in self.members.values())

    def held_total(self, currency: Currency) -> Decimal:
        """All members' positions together: held less owed."""
        return sum((figures.position[currency] for figures in self.members.values()), ZERO)

    def named(self, name: str) -> MemberFigures | None:
        """One member's figures, by the name shown, whatever its case."""
        wanted = name.strip().casefold()
        return next((figures for figures in self.members.values() if figures.name.casefold() == wanted), None)

    def of_member(self, user_id: int) -> MemberFigures | None:
        """One member's figures, by their Telegram user id (figures kept by a roster)."""
        return self.members.get(member_key(user_id))

    def cash_moves(self) -> MembersMonth:
        """Only the members who moved cash, carried some in or hold the team's, without expense rows.

        What is kept of a month between reads (advance reminders, the payments question): keeping
        every member's expense rows would hold a month once per group sharing the sheet.
        """
        return replace(
            self,
            members={
                key: replace(figures, rows=[row for row in figures.rows if row.kind != EXPENSE_ROW])
                for key, figures in self.members.items()
                if figures.moved or any(figures.opening.values()) or any(figures.holds(c) for c in CURRENCIES)
            },
        )


def members_month(
    rows: Iterable[SheetRow],
    void_prefix: str,
    opening: Mapping[str, Amounts] | None = None,
    mode: PaymentMode = PaymentMode.MEMBER,
    roster: Roster | None = None,
) -> MembersMonth:
    """Each member's month, reading the rows in the sheet's order: an expense spends its poster's
    advance while it lasts; past it, what the mode says. Voided rows and notes count for nothing.

    With the group's roster, a member is their user id (a rename keeps their figures, and a name
    taken by another member takes nothing); without one, the name a row is posted under.
    """
    members: dict[str, MemberFigures] = {}
    box_out: defaultdict[Currency, Decimal] = defaultdict(lambda: ZERO)

    def member(key: str, name: str) -> MemberFigures:
        if key not in members:
            members[key] = MemberFigures(name)
        return members[key]

    def whose(user_id: int | None, written: str) -> MemberFigures:
        if roster is None:
            name = written.strip() or UNATTRIBUTED
            return member(name, name)
        return member(member_key(user_id), roster.name_of(user_id, written))

    for key, amounts in (opening or {}).items():
        if roster is not None and key.startswith("id:"):
            figures = whose(int(key[3:]), "")
        else:  # a name: figures carried before members were kept by id, or kept without a roster
            figures = whose(roster.id_named(key) if roster is not None else None, key)
        for currency, carried in amounts.items():
            figures.opening[currency] += carried
            figures.position[currency] += carried
    for row in rows:
        if row.item.startswith(void_prefix):
            continue
        kind = MovementKind.named(row.movement) if row.movement else None
        if kind is not None and (row.movement_member.strip() or row.movement_member_id is not None):
            recipient = roster.movement_member_of(row) if roster is not None else None
            _move(whose(recipient, row.movement_member), kind, row, box_out)
            continue
        if row.awaiting_approval:
            continue  # the member spent it once an admin approves it
        for currency, amount in ((Currency.USD, row.usd), (Currency.KHR, row.khr)):
            if amount:
                poster = roster.poster_of(row) if roster is not None else None
                _spend(whose(poster, row.member), currency, amount, row, mode, box_out)
    for currency in CURRENCIES:
        box_out[currency] += ZERO
    return MembersMonth(members, dict(box_out), mode, by_id=roster is not None)


def _move(
    figures: MemberFigures, kind: MovementKind, row: SheetRow, box_out: defaultdict[Currency, Decimal]
) -> None:
    for currency, amount in ((Currency.USD, row.movement_usd), (Currency.KHR, row.movement_khr)):
        if not amount:
            continue
        figures.moved = True
        figures.rows.append(MemberRow(row.number, row.item, kind.value, currency, amount, row.day))
        tally = {
            MovementKind.ADVANCE: figures.advanced,
            MovementKind.RETURNED: figures.returned,
            MovementKind.REIMBURSED: figures.reimbursed,
        }[kind]
        tally[currency] += amount
        signed = amount if kind.to_member else -amount
        figures.position[currency] += signed
        box_out[currency] += signed


def _spend(
    figures: MemberFigures,
    currency: Currency,
    amount: Decimal,
    row: SheetRow,
    mode: PaymentMode,
    box_out: defaultdict[Currency, Decimal],
) -> None:
    from_advance = min(amount, max(figures.position[currency], ZERO))
    from_member = amount if mode is PaymentMode.MEMBER else from_advance
    figures.position[currency] -= from_member
    box_out[currency] += amount - from_member
    if from_member:
        figures.spent[currency] += from_member
        figures.rows.append(MemberRow(row.number, row.item, EXPENSE_ROW, currency, from_member, row.day))
