"""Tests for members by user id: a row is its poster's by the id the bot wrote, a bookkeeper's row by a
name only one member goes by; a rename keeps a member's figures and takes nobody else's."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import EntrySource, SheetRow
from balance_bot.domain.members import members_month
from balance_bot.domain.money import Currency
from balance_bot.domain.roster import UNATTRIBUTED, Roster

DARA, SOKHA, MALLORY = 12, 11, 66


def row(number, item, usd, member, reference="", movement="", movement_member=""):
    return SheetRow(
        number, date(2026, 11, 3), item, usd, None, member, reference,
        movement=movement, movement_member=movement_member,
        movement_usd=Decimal(50) if movement else None,
    )  # fmt: skip


def test_a_reference_carries_the_poster_and_the_member_a_movement_concerns_and_reads_back():
    source = EntrySource(-1001, 55, 2, DARA, SOKHA)
    assert source.reference() == "tg:-1001:55:2:u12:m11"
    assert EntrySource.parse(source.reference()) == source
    assert EntrySource.parse("tg:-1001:55:2") == EntrySource(-1001, 55, 2)  # rows written before ids
    assert EntrySource.parse("tg:-1001:55:2:uX") is None


def test_a_bookkeepers_row_is_a_members_only_when_one_member_goes_by_its_name():
    roster = Roster.of([(DARA, "Dara Kim"), (SOKHA, "Sokha"), (MALLORY, "Sokha")])
    assert roster.poster_of(row(1, "rent", Decimal(5), "Dara")) == DARA  # a first name only she has
    assert roster.poster_of(row(2, "ink", Decimal(5), "Sokha")) is None  # two go by it: nobody's
    assert roster.poster_of(row(3, "ink", Decimal(5), "Sokha", "tg:-1:3:0:u11")) == SOKHA
    assert roster.name_of(None) == UNATTRIBUTED


def test_a_renamed_member_keeps_their_advance_and_a_namesake_takes_nothing_of_it():
    rows = [
        row(1, "Advance to Dara", None, "Admin", "tg:-1:1:0:u99:m12", "Advance", "Dara"),
        row(2, "taxi", Decimal(3), "Dara", "tg:-1:2:0:u12"),
        row(3, "tea", Decimal(1), "Dara", "tg:-1:3:0:u66"),  # Mallory, renamed "Dara"
    ]
    roster = Roster.of([(DARA, "Dara Kim"), (MALLORY, "Dara"), (99, "Admin")])
    month = members_month(rows, "[void] ", roster=roster)
    dara, mallory = month.of(DARA, "Dara Kim"), month.of(MALLORY, "Dara")
    assert (dara.name, dara.advanced[Currency.USD], dara.spent[Currency.USD]) == ("Dara Kim", 50, 3)
    assert (mallory.advanced[Currency.USD], mallory.spent[Currency.USD]) == (0, 1)
    carried = members_month([], "[void] ", month.positions(), roster=roster)
    assert carried.of(DARA, "").position[Currency.USD] == 47  # next month: still hers, by id
