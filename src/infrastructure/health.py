"""A heartbeat file the running bot touches, so a container or service manager can see it is alive."""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

from balance_bot.ports import StorageUnavailable

log = logging.getLogger(__name__)
HEARTBEAT_SECONDS = 30.0
STALE_AFTER_SECONDS = 90.0


async def beat(
    path: Path,
    every: float = HEARTBEAT_SECONDS,
    prove_storage: Callable[[], Awaitable[None]] | None = None,
) -> None:
    """Touch the file now and then, for as long as the bot runs and can write its database.

    A bot that cannot keep what members post is not healthy, though it still answers: while its
    database cannot be written, the file is removed, so `balance-bot health` fails at once.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    while True:
        try:
            if prove_storage is not None:
                await prove_storage()
            await asyncio.to_thread(path.touch)
        except (StorageUnavailable, OSError) as exc:
            log.error("unhealthy: the bot cannot write its data: %s", exc)
            try:
                await asyncio.to_thread(path.unlink, missing_ok=True)
            except OSError:
                log.exception("could not remove the heartbeat file %s", path)
        await asyncio.sleep(every)


def is_alive(path: Path, stale_after: float = STALE_AFTER_SECONDS, now: float | None = None) -> bool:
    """Whether the bot touched the file recently."""
    return why_unhealthy(path, stale_after, now) is None


def why_unhealthy(
    path: Path, stale_after: float = STALE_AFTER_SECONDS, now: float | None = None
) -> str | None:
    """Why the bot does not look alive, in words an operator can act on; None when it does."""
    try:
        age = (time.time() if now is None else now) - path.stat().st_mtime
    except FileNotFoundError:
        return (
            f"no heartbeat file at {path}: the bot is not running with this DATABASE_PATH, "
            "or it cannot write its data (its log says why)"
        )
    except OSError as exc:
        return f"cannot read the heartbeat file {path}: {exc}"
    if age >= stale_after:
        return (
            f"the heartbeat at {path} is {age:.0f} s old (more than {stale_after:.0f} s): "
            "the bot stopped or is stuck"
        )
    return None
