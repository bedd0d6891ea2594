"""bench.thousand's harness on a few groups: the real bot, its clock sped up, lands rows once, in order."""

import asyncio

import pytest
from bench.thousand import Day, library, run_day

preload = library()


@pytest.mark.skipif(preload is None, reason="libfaketime is not installed")
def test_a_short_compressed_day_on_the_real_bot_lands_every_row_once_and_in_order():
    assert preload is not None
    # x120: the bot's 5 s timeouts are 42 ms of real time; on a busy machine a start may still time
    # out, and it is started again, as systemd does.
    day = Day(groups=4, expenses=40, hours=1, accounts=2, speed=120, starts=8)

    asyncio.run(run_day(day, preload))

    figures = day.figures
    assert len(day.sent) == 40
    assert (figures["lost"], figures["duplicated"], figures["groups_out_of_order"]) == (0, 0, 0)
    assert 0 < figures["longest_wait"] < 3600  # seconds of the day, not of real time
    assert 0 < figures["writes_per_account"] <= figures["writes_per_project"] <= 60
    assert figures["cpu_seconds"] > 0
    # The bot's threads carry their names in the OS, so the bench tells what spends the CPU.
    assert {"event loop", "Sheets writes", "Sheets reads", "SQLite"} <= set(figures["cpu_by_thread"])
    assert figures["rss_mb"] > 0
    # The day ran compressed: an hour of it took a small part of an hour of real time.
    assert (figures["ended_at"] - figures["ready_at"]) / figures["wall_seconds"] > 60


def test_the_bench_tells_what_each_read_of_a_range_read():
    from bench.thousand import read_of

    assert read_of("GET /v4/spreadsheets/s/values/'Categories'!A:AZ") == "Categories tab"
    assert read_of("GET /v4/spreadsheets/s/values/'December 2026'!A1:AZ1") == "header"
    assert read_of("GET /v4/spreadsheets/s/values/'December 2026'!A:AZ") == "whole month"
    assert read_of("GET /v4/spreadsheets/s/values/'December 2026'!A2:A14") == "column A"
