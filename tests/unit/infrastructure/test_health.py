"""Tests for the heartbeat file."""

import asyncio
import contextlib
import os

from infrastructure.health import beat, is_alive


def test_a_fresh_heartbeat_is_alive_and_an_old_or_missing_one_is_not(tmp_path):
    heartbeat = tmp_path / "heartbeat"
    assert not is_alive(heartbeat)
    heartbeat.touch()
    now = heartbeat.stat().st_mtime
    assert is_alive(heartbeat, stale_after=90, now=now + 30)
    assert not is_alive(heartbeat, stale_after=90, now=now + 91)


async def test_the_bot_touches_its_heartbeat_while_it_runs(tmp_path):
    heartbeat = tmp_path / "data" / "heartbeat"
    task = asyncio.create_task(beat(heartbeat, every=0.01))
    await asyncio.sleep(0.05)
    task.cancel()
    with contextlib.suppress(asyncio.CancelledError):
        await task
    assert heartbeat.exists()
    assert is_alive(heartbeat)
    os.utime(heartbeat, (0, 0))
    assert not is_alive(heartbeat)
