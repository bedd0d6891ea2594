"""A real file system of a few hundred kilobytes (tmpfs), to fill up or make read-only in a test."""

from __future__ import annotations

import contextlib
import os
import subprocess
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest


class SmallDisk:
    """A mounted tmpfs: fill() takes its free space, free() gives it back, read_only() remounts it."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._filler = path / ".filler"

    def fill(self) -> None:
        """Write until the file system says it is full (ENOSPC)."""
        with open(self._filler, "ab", buffering=0) as filler, contextlib.suppress(OSError):
            while True:
                filler.write(b"\0" * 4096)

    def free(self) -> None:
        """Delete what fill() wrote."""
        self._filler.unlink(missing_ok=True)

    def read_only(self, on: bool = True) -> None:
        """Remount it read-only (or writable again)."""
        _mount("-o", f"remount,{'ro' if on else 'rw'}", str(self.path))


@contextlib.contextmanager
def small_disk(tmp_path: Path, size_kb: int = 1024) -> Iterator[SmallDisk]:
    """Mount a tmpfs of size_kb under tmp_path; the test is skipped where mounting is not allowed."""
    path = tmp_path / f"disk-{uuid.uuid4().hex[:8]}"
    path.mkdir()
    try:
        _mount("-t", "tmpfs", "-o", f"size={size_kb}k", "tmpfs", str(path))
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("this machine does not let tests mount a small file system")
    try:
        yield SmallDisk(path)
    finally:
        subprocess.run(["umount", "-l", str(path)], check=False, capture_output=True)


def _mount(*arguments: str) -> None:
    if os.geteuid() != 0:
        raise OSError("mounting needs root")
    subprocess.run(["mount", *arguments], check=True, capture_output=True)
