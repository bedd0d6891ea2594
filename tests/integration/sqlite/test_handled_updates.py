"""Tests for the handled Telegram updates: an update delivered again after a restart is recognised."""

from datetime import UTC, datetime, timedelta

from infrastructure.sqlite.handled_updates import SqliteHandledUpdates

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


async def test_an_update_handled_before_a_restart_is_seen_after_it(database):
    before = SqliteHandledUpdates(database)
    await before.start(NOW - timedelta(days=7))
    await before.handled(1001)
    after = SqliteHandledUpdates(database)
    await after.start(datetime.now(UTC) - timedelta(days=7))
    assert await after.seen(1001)
    assert not await after.seen(1000), "an update the last run never finished is handled again"
    assert not await after.seen(1002)


async def test_updates_newer_than_the_last_run_are_not_looked_up(database):
    handled = SqliteHandledUpdates(database)
    await handled.start(NOW)
    await handled.handled(5)

    async def no_reads(work):
        raise AssertionError("a new update needs no look-up")

    database.run = no_reads
    assert not await handled.seen(6)


async def test_old_update_ids_are_forgotten_at_start(database):
    handled = SqliteHandledUpdates(database)
    await handled.start(NOW)
    await handled.handled(5)
    later = SqliteHandledUpdates(database)
    await later.start(datetime.now(UTC) + timedelta(days=1))
    assert not await later.seen(5)
