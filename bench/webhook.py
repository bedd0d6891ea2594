"""Issue 16: webhook mode, updates answered 200 and the bot SIGKILLed at once: how many are lost."""

from __future__ import annotations

import asyncio
import tempfile
import time
from pathlib import Path

from tests.e2e.test_webhook import webhook_kill_and_restart
from tests.fakes.telegram_api import FakeTelegram

UPDATES = 100


async def lost_after_sigkill(updates: int = UPDATES) -> tuple[int, int, float]:
    """(lost, posted, seconds): expenses posted to `run --webhook`, SIGKILL right after the last 200."""
    telegram = FakeTelegram()
    await telegram.start()
    started = time.perf_counter()
    try:
        with tempfile.TemporaryDirectory() as workdir:
            saved = await webhook_kill_and_restart(telegram, Path(workdir), updates)
    finally:
        await telegram.stop()
    expected = {f"item {n}" for n in range(1, updates + 1)}
    return len(expected - set(saved)), updates, time.perf_counter() - started


def report() -> None:
    lost, posted, seconds = asyncio.run(lost_after_sigkill())
    print(
        f"webhook SIGKILL         {posted} expenses answered 200, the bot killed at once and started again: "
        f"lost {lost} of {posted} ({seconds:.0f} s)   goal 0"
    )


if __name__ == "__main__":
    report()
