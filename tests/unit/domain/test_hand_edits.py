"""The changes by hand: the bot's rows as it wrote them against the months' rows as they stand."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.hand_edits import (
    AmountChanged,
    DayChanged,
    ItemChanged,
    RowAdded,
    RowDeleted,
    RowKind,
    WrittenRow,
    changes_by_hand,
)
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine, SheetRow
from balance_bot.domain.money import Currency, Money

CHAT = -1001
DECEMBER = Period(2026, 12)
JANUARY = Period(2027, 1)


def usd(amount: str) -> Money:
    return Money(Decimal(amount), Currency.USD)


def written(number: int, item: str, amount: Money, day: date = date(2026, 12, 5), **extra) -> WrittenRow:
    reference = EntrySource(CHAT, 100 + number, 0, 7).reference()
    return WrittenRow(reference, CHAT, Period.of(day), number, day, item, amount, **extra)


def as_written(row: WrittenRow, **changed) -> SheetRow:
    """The sheet's row for a written one, as the bot wrote it, with a person's changes."""
    cells = {
        "number": row.number,
        "day": row.day,
        "item": row.item,
        "usd": row.money.amount if row.money.currency is Currency.USD else None,
        "khr": row.money.amount if row.money.currency is Currency.KHR else None,
        "member": "Sokha",
        "reference": row.reference,
    }
    return SheetRow(**{**cells, **changed})


def typed(number: int | None, item: str, amount: str, day: date | None = date(2026, 12, 9)) -> SheetRow:
    return SheetRow(number, day, item, Decimal(amount), None, "Dara", "")


COFFEE = written(1, "coffee", usd("3.00"))
TAXI = written(2, "taxi", usd("25.00"))
ICE = written(3, "ice", Money(Decimal(5000), Currency.KHR))


def diff(kept, rows, fallback=DECEMBER):
    return changes_by_hand(kept, rows, CHAT, fallback)


def test_rows_as_the_bot_wrote_them_are_no_change_whatever_the_sheets_decimals():
    rows = [as_written(COFFEE, usd=Decimal("3.0")), as_written(TAXI), as_written(ICE)]
    assert diff([COFFEE, TAXI, ICE], rows) == []


def test_an_amount_a_bookkeeper_corrected_is_told_with_its_no_and_both_amounts():
    rows = [as_written(COFFEE), as_written(TAXI, usd=Decimal("2.5")), as_written(ICE)]
    assert diff([COFFEE, TAXI, ICE], rows) == [
        AmountChanged(2, DECEMBER, TAXI.reference, usd("25.00"), (usd("2.5"),))
    ]


def test_an_amount_moved_to_the_riel_column_or_cleared_is_a_change_of_amount():
    rows = [as_written(COFFEE, usd=None, khr=Decimal(12000)), as_written(TAXI, usd=None)]
    changes = diff([COFFEE, TAXI], rows)
    assert changes == [
        AmountChanged(1, DECEMBER, COFFEE.reference, usd("3.00"), (Money(Decimal(12000), Currency.KHR),)),
        AmountChanged(2, DECEMBER, TAXI.reference, usd("25.00"), ()),
    ]


def test_a_date_and_an_item_a_person_changed_are_told_apart():
    rows = [as_written(COFFEE, day=date(2026, 12, 4), item="coffee for the team")]
    assert diff([COFFEE], rows) == [
        DayChanged(1, DECEMBER, COFFEE.reference, date(2026, 12, 5), date(2026, 12, 4)),
        ItemChanged(1, DECEMBER, COFFEE.reference, "coffee", "coffee for the team"),
    ]


def test_a_deleted_row_is_told_by_the_no_the_bot_gave_it():
    assert diff([COFFEE, TAXI], [as_written(TAXI)]) == [
        RowDeleted(1, DECEMBER, COFFEE.reference, "coffee", usd("3.00"))
    ]


def test_a_row_typed_by_hand_is_told_as_added_and_a_blank_row_is_not():
    rows = [as_written(COFFEE), typed(2, "printer paper", "4"), SheetRow(None, None, " ", None, None, "", "")]
    assert diff([COFFEE], rows) == [RowAdded(2, DECEMBER, date(2026, 12, 9), "printer paper", (usd("4"),))]


def test_the_same_row_typed_twice_is_two_rows_each_with_its_own_key():
    changes = diff([], [typed(5, "water", "1"), typed(6, "water", "1")])
    assert [change.key for change in changes] == [
        "added:2026-12-09:water:1 USD:0",
        "added:2026-12-09:water:1 USD:1",
    ]


def test_rows_sorted_and_renumbered_by_a_bookkeeper_are_no_change():
    renumbered = [as_written(ICE, number=1), as_written(COFFEE, number=2), as_written(TAXI, number=3)]
    assert diff([COFFEE, TAXI, ICE], renumbered) == []


def test_a_row_deleted_in_the_middle_and_the_rest_renumbered_is_one_deletion():
    rows = [as_written(COFFEE), as_written(ICE, number=2)]
    assert diff([COFFEE, TAXI, ICE], rows) == [RowDeleted(2, DECEMBER, TAXI.reference, "taxi", usd("25.00"))]


def test_a_row_the_bot_voided_itself_is_not_deleted_by_hand_nor_changed():
    voided = written(1, "coffee", usd("3.00"), voided=True)
    cleared = as_written(voided, item="[void] coffee", usd=None)
    assert diff([voided, TAXI], [cleared, as_written(TAXI)]) == []
    assert diff([voided, TAXI], [as_written(TAXI)]) == []


def test_a_copy_of_one_of_the_bots_rows_is_a_row_added_by_hand():
    copy = as_written(COFFEE, number=4)
    assert diff([COFFEE], [as_written(COFFEE), copy]) == [
        RowAdded(4, DECEMBER, date(2026, 12, 5), "coffee", (usd("3.00"),))
    ]


def test_another_groups_rows_and_rows_written_before_the_bot_kept_them_are_not_told():
    other_group = SheetRow(7, date(2026, 12, 2), "fuel", Decimal(10), None, "Vanna", "tg:-1002:5:0:u9")
    older = SheetRow(8, date(2026, 12, 1), "rent", Decimal(300), None, "Sokha", f"tg:{CHAT}:9:0:u7")
    assert diff([COFFEE], [as_written(COFFEE), other_group, older]) == []


def test_top_ups_and_movements_are_compared_in_their_own_cells():
    top_up = written(1, "Top-up: office", usd("200"), kind=RowKind.TOP_UP)
    advance = written(2, "Advance", usd("50"), kind=RowKind.MOVEMENT)
    rows = [
        as_written(top_up, usd=None, topup_usd=Decimal(200)),
        as_written(advance, usd=None, movement_usd=Decimal(40)),
    ]
    assert diff([top_up, advance], rows) == [
        AmountChanged(2, DECEMBER, advance.reference, usd("50"), (usd("40"),))
    ]


def test_months_across_new_year_are_compared_together():
    late = written(9, "new year party", usd("40"), day=date(2026, 12, 31))
    first = written(1, "taxi", usd("5"), day=date(2027, 1, 1))
    moved = as_written(late, number=2, day=date(2027, 1, 1))  # moved to January's tab, dated the 1st
    typed_row = typed(None, "fireworks", "15", day=None)
    changes = diff([late, first], [as_written(first), moved, typed_row], fallback=JANUARY)
    assert changes == [
        DayChanged(2, DECEMBER, late.reference, date(2026, 12, 31), date(2027, 1, 1)),
        RowAdded(None, JANUARY, None, "fireworks", (usd("15"),)),
    ]


def test_written_row_of_a_saved_line_keeps_what_the_bot_wrote():
    line = LedgerLine(date(2026, 12, 5), "coffee", usd("3.00"), "Sokha", EntrySource(CHAT, 101, 0, 7))
    kept = WrittenRow.of(SavedLine(line, "December 2026", 2, 1, DECEMBER))
    assert kept == WrittenRow(line.source.reference(), CHAT, DECEMBER, 1, line.day, "coffee", usd("3.00"))
