"""Tests for the local workbook store, read back with openpyxl as a bookkeeper's program would."""

import asyncio
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import LedgerUnavailable
from infrastructure.sheets.template import load_template
from infrastructure.sheets.workbook import WorkbookLedger
from tests.integration.sheets.test_google import HEADERS  # the layout both stores write

DECEMBER = Period(2026, 12)


def line(purpose, amount, currency, message_id=1, index=0, day=date(2026, 12, 3)):
    return LedgerLine(
        day,
        purpose,
        Money(Decimal(amount), currency),
        "Sokha",
        EntrySource(-100, message_id, index),
    )


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "balance.xlsx"


@pytest.fixture
async def store(path):
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    yield ledger
    await ledger.close()


def bookkeepers_workbook(path, title, rows):
    """A workbook a bookkeeper made by hand: one worksheet with the header and their rows."""
    book = Workbook()
    sheet = book.active
    sheet.title = title
    sheet.append(HEADERS)
    for row in rows:
        sheet.append(row)
    path.parent.mkdir(parents=True)
    book.save(path)


def rows_on_disk(path, title):
    sheet = load_workbook(path)[title]
    return [list(row) for row in sheet.iter_rows(values_only=True)]


async def test_a_new_month_gets_a_worksheet_with_a_bold_frozen_header_and_numbered_rows(store, path):
    saved = await store.append(
        DECEMBER, [line("coffee", "3", Currency.USD), line("ice", "5000", Currency.KHR, 2)]
    )
    await store.flush()
    assert [(s.worksheet, s.row, s.number) for s in saved] == [
        ("December 2026", 2, 1),
        ("December 2026", 3, 2),
    ]
    sheet = load_workbook(path)["December 2026"]
    assert [cell.value for cell in sheet[1]] == HEADERS
    assert sheet["A1"].font.bold
    assert sheet.freeze_panes == "A2"
    assert [cell.value for cell in sheet[2]][:5] == [1, sheet["B2"].value, "coffee", 3, None]
    assert sheet["B2"].value.date() == date(2026, 12, 3)
    assert sheet["B2"].number_format == "mmm dd"
    assert sheet["E3"].value == 5000
    assert sheet["D2"].number_format == "#,##0.00"


async def test_rows_are_appended_in_arrival_order_across_calls(store, path):
    for message_id, purpose in enumerate(["tea", "cake", "fuel"], start=1):
        await store.append(DECEMBER, [line(purpose, "2", Currency.USD, message_id)])
    await store.flush()
    assert [row[:3:2] for row in rows_on_disk(path, "December 2026")[1:]] == [
        [1, "tea"],
        [2, "cake"],
        [3, "fuel"],
    ]


async def test_a_bare_month_title_never_reuses_last_years_worksheet(path):
    bookkeepers_workbook(path, "December", [[1, date(2025, 12, 5), "old coffee", 3, None, "Dara", "x"]])
    ledger = WorkbookLedger(path, load_template(), "%B", save_delay_seconds=0.01)
    [saved] = await ledger.append(DECEMBER, [line("new coffee", "3", Currency.USD)])
    await ledger.close()
    assert (saved.worksheet, saved.number) == ("December 2026", 1)
    assert len(rows_on_disk(path, "December")) == 2


async def test_the_next_no_follows_the_last_numeric_no_a_bookkeeper_left(path):
    bookkeepers_workbook(
        path,
        "December 2026",
        [
            [1, date(2026, 12, 1), "rent", 300, None],
            [7, date(2026, 12, 2), "typed by hand", None, 8000],
            [None, None, "note: receipts in the drawer", None, None],
        ],
    )
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    [saved] = await ledger.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    await ledger.close()
    assert (saved.row, saved.number) == (5, 8)
    assert rows_on_disk(path, "December 2026")[3][2] == "note: receipts in the drawer"


async def test_a_bookkeepers_edit_on_disk_is_kept_when_the_bot_writes_again(store, path):
    await store.append(DECEMBER, [line("coffee", "3", Currency.USD, 1)])
    await store.flush()
    book = load_workbook(path)
    book["December 2026"]["C2"] = "coffee (fixed typo)"
    book["December 2026"].append([2, date(2026, 12, 3), "typed by the bookkeeper", 1, None])
    book.save(path)
    [saved] = await store.append(DECEMBER, [line("tea", "1", Currency.USD, 2)])
    await store.flush()
    rows = rows_on_disk(path, "December 2026")
    assert [row[2] for row in rows[1:]] == ["coffee (fixed typo)", "typed by the bookkeeper", "tea"]
    assert (saved.row, saved.number) == (4, 3)


async def test_member_text_that_looks_like_a_formula_stays_text(store, path):
    await store.append(DECEMBER, [line('=HYPERLINK("x")', "3", Currency.USD)])
    await store.flush()
    cell = load_workbook(path)["December 2026"]["C2"]
    assert cell.value == '=HYPERLINK("x")'
    assert cell.data_type == "s"


async def test_a_row_is_found_by_its_reference_after_rows_were_inserted_above(store, path):
    [first] = await store.append(DECEMBER, [line("coffee", "3", Currency.USD, 1)])
    await store.flush()
    book = load_workbook(path)
    book["December 2026"].insert_rows(2)
    book.save(path)
    updated = await store.replace(first, line("coffee and cake", "5", Currency.USD, 1))
    await store.flush()
    assert updated.row == 3
    assert rows_on_disk(path, "December 2026")[2][2:4] == ["coffee and cake", 5]


async def test_voiding_clears_the_amounts_and_marks_the_item_leaving_other_rows_alone(store, path):
    first, _ = await store.append(
        DECEMBER, [line("coffee", "3", Currency.USD, 1, 0), line("ice", "5000", Currency.KHR, 1, 1)]
    )
    assert await store.void(first)
    await store.flush()
    rows = rows_on_disk(path, "December 2026")
    assert rows[1][:5] == [1, rows[1][1], "[void] coffee", None, None]
    assert rows[2][2:5] == ["ice", None, 5000]


async def test_a_top_up_goes_to_its_own_column_and_undo_clears_it(store, path):
    top_up = replace(line("Top-up: from the office", "200", Currency.USD, 2), topup=True)
    [saved] = await store.append(DECEMBER, [line("coffee", "3", Currency.USD, 1), top_up][1:])
    await store.flush()
    row = rows_on_disk(path, "December 2026")[1]
    assert row[2:5] == ["Top-up: from the office", None, None]  # the spending columns stay clean
    assert row[8:10] == [200, None]
    [read] = await store.read(DECEMBER)
    assert (read.usd, read.topup_usd) == (None, 200)
    assert await store.void(saved)
    await store.flush()
    assert rows_on_disk(path, "December 2026")[1][8:10] == [None, None]


async def test_a_row_a_bookkeeper_deleted_cannot_be_replaced_or_voided(store, path):
    [saved] = await store.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    await store.flush()
    book = load_workbook(path)
    book["December 2026"].delete_rows(2)
    book.save(path)
    assert await store.replace(saved, line("tea", "1", Currency.USD)) is None
    assert not await store.void(saved)


async def test_reading_a_month_gives_its_rows_as_they_stand(store):
    await store.append(DECEMBER, [line("coffee", "3.5", Currency.USD), line("ice", "5000", Currency.KHR, 2)])
    rows = await store.read(DECEMBER)
    assert [(r.number, r.day, r.item, r.usd, r.khr) for r in rows] == [
        (1, date(2026, 12, 3), "coffee", Decimal("3.5"), None),
        (2, date(2026, 12, 3), "ice", None, Decimal(5000)),
    ]
    assert await store.read(Period(2026, 11)) == []


async def test_changes_close_together_are_saved_in_one_write(path):
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=3600)
    for message_id in range(20):
        await ledger.append(DECEMBER, [line("tea", "1", Currency.USD, message_id)])
    assert not path.exists()
    await ledger.close()
    assert len(rows_on_disk(path, "December 2026")) == 21


async def test_a_stray_date_of_another_month_does_not_disown_the_worksheet(path):
    bookkeepers_workbook(
        path,
        "December 2026",
        [
            [1, date(2026, 11, 30), "late November receipt", 2, None],
            [2, date(2026, 12, 1), "rent", 300, None],
            [3, date(2026, 12, 2), "water", 1, None],
        ],
    )
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    [saved] = await ledger.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    await ledger.close()
    assert (saved.worksheet, saved.number) == ("December 2026", 4)


async def test_a_bare_month_worksheet_the_bot_filled_is_not_reused_a_year_later(path):
    ledger = WorkbookLedger(path, load_template(), "%B", save_delay_seconds=0.01)
    [this_year] = await ledger.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    next_december = line("tea", "1", Currency.USD, 2, day=date(2027, 12, 1))
    [next_year] = await ledger.append(Period(2027, 12), [next_december])
    await ledger.close()
    assert (this_year.worksheet, next_year.worksheet, next_year.number) == ("December", "December 2027", 1)


async def test_a_busy_workbook_is_still_saved_within_the_maximum_wait(path):
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.1, save_max_wait_seconds=0.2)
    for message_id in range(12):  # a change every 50 ms never leaves the workbook quiet for 100 ms
        await ledger.append(DECEMBER, [line("tea", "1", Currency.USD, message_id)])
        await asyncio.sleep(0.05)
    saved_while_busy = path.exists()
    await ledger.close()
    assert saved_while_busy


async def test_flush_returns_once_the_coalesced_save_has_put_the_rows_on_disk(path):
    ledger = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.05)
    await ledger.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    assert not path.exists(), "appends alone are saved together, a moment later"
    await ledger.flush()
    assert [row[2] for row in rows_on_disk(path, "December 2026")[1:]] == ["coffee"]
    await ledger.flush()  # nothing unsaved: returns at once
    await ledger.close()


async def test_a_save_that_fails_makes_flush_raise_ledger_unavailable(tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the workbook's folder should be")
    ledger = WorkbookLedger(blocked / "balance.xlsx", load_template(), "%B %Y", save_delay_seconds=0.01)
    await ledger.append(DECEMBER, [line("coffee", "3", Currency.USD)])
    with pytest.raises(LedgerUnavailable):
        await ledger.flush()
    with pytest.raises(NotADirectoryError):
        await ledger.close()


async def test_undo_and_edits_name_the_no_a_bookkeeper_gave_the_row(store, path):
    [coffee] = await store.append(DECEMBER, [line("coffee", "3", Currency.USD, 1)])
    [ice] = await store.append(DECEMBER, [line("ice", "5000", Currency.KHR, 2)])
    await store.flush()
    book = load_workbook(path)
    sheet = book["December 2026"]
    sheet.insert_rows(2)  # her own row on top, and everything numbered again
    sheet.cell(2, 1).value, sheet.cell(2, 3).value = 1, "rent"
    sheet.cell(3, 1).value, sheet.cell(4, 1).value = 2, 3
    book.save(path)
    replaced = await store.replace(ice, line("ice", "6000", Currency.KHR, 2))
    voided = await store.void(coffee)
    assert (replaced.number, replaced.row) == (3, 4)
    assert (voided.number, voided.row) == (2, 3)


async def test_a_category_is_written_read_back_and_changed_in_its_column(store, path):
    [saved] = await store.append(DECEMBER, [replace(line("taxi", "5", Currency.USD), category="Transport")])
    await store.flush()
    assert rows_on_disk(path, "December 2026")[1][5] == "Transport"
    changed = await store.set_category(saved, "Guests & events")
    await store.flush()
    assert changed.line.category == "Guests & events"
    assert [row.category for row in await store.read(DECEMBER)] == ["Guests & events"]


async def test_a_bookkeepers_old_worksheet_gets_the_category_column_after_its_last_one(store, path):
    first_headers = ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)", "Posted by", "Reference"]
    book = Workbook()
    book.active.title = "December 2026"
    book.active.append(first_headers)
    book.active.append([1, date(2026, 12, 1), "tea", 1, None, "Dara", "by hand"])
    path.parent.mkdir(parents=True)
    book.save(path)
    await store.append(DECEMBER, [replace(line("taxi", "5", Currency.USD), category="Transport")])
    await store.flush()
    rows = rows_on_disk(path, "December 2026")
    assert rows[0] == [*first_headers, "Category"]
    assert rows[2][5:] == ["Sokha", "tg:-100:1:0", "Transport"]
    assert [(row.member, row.category) for row in await store.read(DECEMBER)] == [
        ("Dara", ""),
        ("Sokha", "Transport"),
    ]


async def test_columns_a_bookkeeper_moved_are_followed(path):
    first_run = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    [first] = await first_run.append(
        DECEMBER, [replace(line("taxi", "5", Currency.USD), category="Transport")]
    )
    await first_run.close()
    book = load_workbook(path)
    sheet = book["December 2026"]
    sheet.move_range("F1:F2", cols=6)  # Category to column L, past the Top-up columns
    sheet.move_range("G1:J2", cols=-1)  # the others close the gap
    sheet["J1"] = "Notes"
    book.save(path)
    reopened = WorkbookLedger(path, load_template(), "%B %Y", save_delay_seconds=0.01)
    await reopened.append(DECEMBER, [replace(line("ink", "2", Currency.USD, 2), category="Office supplies")])
    await reopened.flush()
    header, *rows = rows_on_disk(path, "December 2026")
    assert dict(zip(header, rows[1], strict=True))["Category"] == "Office supplies"
    assert dict(zip(header, rows[1], strict=True))["Notes"] is None
    assert [row.category for row in await reopened.read(DECEMBER)] == ["Transport", "Office supplies"]
    assert await reopened.void(first)
    await reopened.close()


async def test_a_bookkeepers_change_to_the_categories_tab_is_read_on_the_next_expense(store, path):
    assert (await store.categories())[0].name == "Transport"  # made from the defaults
    await store.flush()
    book = load_workbook(path)
    book["Categories"].append(["Music", "តន្ត្រី", "piano, guitar strings", 50])
    book.save(path)
    music = (await store.categories())[-1]
    assert (music.name, music.words, music.budget_usd) == ("Music", ("piano", "guitar strings"), Decimal(50))


async def test_an_expense_awaiting_approval_says_so_in_status_until_its_status_is_written(store, path):
    [saved] = await store.append(
        DECEMBER, [replace(line("laptop", "240", Currency.USD), status="awaiting approval")]
    )
    assert [row.status for row in await store.read(DECEMBER)] == ["awaiting approval"]
    assert await store.set_status(saved, "approved by Dara, 2026-12-03 09:00")
    await store.flush()
    assert [row.status for row in await store.read(DECEMBER)] == ["approved by Dara, 2026-12-03 09:00"]
    assert (
        rows_on_disk(path, "December 2026")[1][HEADERS.index("Status")]
        == "approved by Dara, 2026-12-03 09:00"
    )
