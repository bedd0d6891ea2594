"""The .xlsx file on disk: read once, read again when a bookkeeper saved it, saved whole and atomically."""

from __future__ import annotations

import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from infrastructure.sheets.openpyxl_lean import Workbook, load_workbook

log = logging.getLogger(__name__)
T = TypeVar("T")


class WorkbookFile:
    """The workbook as the bot has it in memory, and the changes not saved to the file yet.

    Used on the ledger's worker thread only, except `last_save_failed`, `seen_on_disk`, `loads` and
    `disk_state`, which the ledger reads on the event loop.
    """

    def __init__(self, path: Path, on_load: Callable[[], None]) -> None:
        self._path = path
        self._on_load = on_load  # what was learned of the workbook no longer holds when it is read again
        self._book: Workbook | None = None
        self.seen_on_disk: tuple[float, int] | None = None
        self._unsaved: list[Callable[[], object]] = []
        self.last_save_failed = False
        # How many times the workbook was read from the file: what was learned of it holds while this stays.
        self.loads = 0

    def book(self) -> Workbook:
        """The workbook, read from the file on first use (a new one if there is no file yet)."""
        if self._book is None:
            self._book = self._load()
        return self._book

    def change(self, change: Callable[[], T]) -> T:
        """Apply a change to the workbook as it is on disk now, and keep it until it is saved: a
        bookkeeper's save before then is read, and the change applied again on top of it."""
        self.refresh_if_edited_on_disk()
        result = change()
        self._unsaved.append(change)
        return result

    def disk_state(self) -> tuple[float, int] | None:
        """The file's modification time and size; None while there is no file."""
        try:
            stat = os.stat(self._path)
        except FileNotFoundError:
            return None
        return (stat.st_mtime, stat.st_size)

    def refresh_if_edited_on_disk(self) -> None:
        """Read the file again if someone else saved it, with the changes not saved yet on top."""
        if self._book is None or self.disk_state() == self.seen_on_disk:
            return
        log.info("the workbook changed on disk; reading it again before writing")
        pending, self._unsaved = self._unsaved, []
        self._book = self._load()
        for change in pending:
            change()
            self._unsaved.append(change)

    def save(self) -> None:
        """Write the changes to the file, if there are any; OSError (a full disk) when it cannot be."""
        if self._book is None or not self._unsaved:
            return
        try:
            self.refresh_if_edited_on_disk()
            self._path.parent.mkdir(parents=True, exist_ok=True)
            temporary = self._path.with_name(f".{self._path.name}.saving")
            self._book.save(temporary)
            _sync(temporary)  # the rows are on the disk, not in its cache, before the outbox lets go
            os.replace(temporary, self._path)  # a crash mid-save never leaves half a workbook
            _sync(self._path.parent)  # and the new name too
        except OSError:
            self.last_save_failed = True
            raise
        self.last_save_failed = False
        self.seen_on_disk = self.disk_state()
        self._unsaved.clear()

    def _load(self) -> Workbook:
        self._on_load()
        self.loads += 1
        if self._path.exists():
            self.seen_on_disk = self.disk_state()
            return load_workbook(self._path)
        book = Workbook()
        for default_sheet in list(book.worksheets):
            book.remove(default_sheet)
        return book


def _sync(path: Path) -> None:
    """fsync a file or a folder, so what was written to it survives a power cut."""
    descriptor = os.open(path, os.O_RDONLY)
    try:
        os.fsync(descriptor)
    finally:
        os.close(descriptor)
