"""The bot's own threads carry their names in the OS, where top and the bench read them."""

import asyncio
import os
import sys
from pathlib import Path

import pytest

from infrastructure.worker_thread import WorkerThread

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="names read from /proc")


def names_of_threads() -> set[str]:
    return {(task / "comm").read_text().strip() for task in Path(f"/proc/{os.getpid()}/task").iterdir()}


async def test_a_worker_thread_is_named_in_the_os_as_in_python() -> None:
    worker = WorkerThread("sqlite")
    try:
        names = await worker.run(names_of_threads)
    finally:
        await asyncio.to_thread(worker.shutdown)
    assert "sqlite" in names
