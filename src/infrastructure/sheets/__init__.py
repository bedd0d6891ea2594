"""Ledger stores: the monthly worksheet layout, the local workbook, and (later) Google Sheets."""
