"""A heartbeat file the running bot touches, so a container or service manager can see it is alive."""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

HEARTBEAT_SECONDS = 30.0
STALE_AFTER_SECONDS = 90.0


async def beat(path: Path, every: float = HEARTBEAT_SECONDS) -> None:
    """Touch the file now and then, for as long as the bot runs."""
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        await asyncio.to_thread(path.touch)
        await asyncio.sleep(every)


def is_alive(path: Path, stale_after: float = STALE_AFTER_SECONDS, now: float | None = None) -> bool:
    """Whether the bot touched the file recently."""
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except FileNotFoundError:
        return False
    return age < stale_after
