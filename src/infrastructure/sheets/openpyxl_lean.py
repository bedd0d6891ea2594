"""openpyxl for the workbook store, imported without its optional numpy support (13 MB of memory)."""

from __future__ import annotations

import sys

# openpyxl imports numpy when it can, only to accept numpy numbers as cell values; the store writes
# Python numbers. Unless something else loaded numpy already, openpyxl is imported as if it were absent.
if "openpyxl" not in sys.modules and "numpy" not in sys.modules:
    sys.modules["numpy"] = None  # type: ignore[assignment]  # `import numpy` raises ImportError
    try:
        import openpyxl  # noqa: F401
    finally:
        del sys.modules["numpy"]

from openpyxl import Workbook, load_workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["Font", "Workbook", "Worksheet", "get_column_letter", "load_workbook"]
