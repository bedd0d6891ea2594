"""Tests for the month's files: every row and cell, and no formula from a member's or bookkeeper's text."""

import csv
import io
from datetime import date
from decimal import Decimal

from openpyxl import load_workbook

from balance_bot.domain.ledger import SheetRow
from infrastructure.export.month_files import month_csv, month_xlsx

ROWS = [
    SheetRow(
        1, date(2026, 11, 3), "ទឹកកក", None, Decimal(5000), "Dara", "tg:-1:1:0", category="Food & drinks"
    ),
    SheetRow(2, date(2026, 11, 4), "=SUM(A1:A9)", Decimal("3.50"), None, "Sokha", "tg:-1:2:0"),
]


def test_the_workbook_has_the_rows_and_text_stays_text():
    sheet = load_workbook(io.BytesIO(month_xlsx("November 2026", ROWS))).active
    assert sheet.title == "November 2026"
    assert [cell.value for cell in sheet[1]][:5] == ["No", "Date", "Item", "Amount (USD)", "Amount (KHR)"]
    assert sheet.cell(2, 3).value == "ទឹកកក"
    assert sheet.cell(2, 5).value == 5000
    assert sheet.cell(3, 3).value == "=SUM(A1:A9)"
    assert sheet.cell(3, 3).data_type == "s"


def test_the_csv_is_utf8_for_spreadsheet_apps_and_quotes_what_would_be_a_formula():
    raw = month_csv(ROWS)
    assert raw.startswith("\ufeff".encode())
    table = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert table[1][:6] == ["1", "2026-11-03", "ទឹកកក", "", "5000", "Food & drinks"]
    assert table[2][2] == "'=SUM(A1:A9)"
    assert table[2][3] == "3.50"
