"""Sheets calls on an account's few threads: each spreadsheet's in order, one at a time."""

from __future__ import annotations

import asyncio
import threading

import pytest

from infrastructure.sheets.google_lanes import AccountThreads, Lane


async def test_one_spreadsheets_calls_run_in_the_order_asked_and_never_two_at_once() -> None:
    threads = AccountThreads("test", writers=4)
    lane = Lane(threads, "write")
    running = 0
    most = 0
    order: list[int] = []
    guard = threading.Lock()

    def call(number: int) -> int:
        nonlocal running, most
        with guard:
            running += 1
            most = max(most, running)
        order.append(number)
        with guard:
            running -= 1
        return number

    results = await asyncio.gather(*(lane.run(lambda n=n: call(n)) for n in range(50)))
    threads.close()
    assert results == list(range(50))
    assert order == list(range(50))
    assert most == 1


async def test_two_spreadsheets_of_one_account_are_written_at_the_same_time() -> None:
    threads = AccountThreads("test", writers=2)
    first, second = Lane(threads, "write"), Lane(threads, "write")
    both_in = threading.Barrier(2, timeout=5)

    def meet() -> str:
        both_in.wait()  # raises BrokenBarrierError if the other spreadsheet's call never ran beside it
        return "met"

    assert await asyncio.gather(first.run(meet), second.run(meet)) == ["met", "met"]
    threads.close()


async def test_a_thousand_spreadsheets_share_the_accounts_few_threads() -> None:
    threads = AccountThreads("test")
    writes = [Lane(threads, "write") for _ in range(1000)]
    reads = [Lane(threads, "read") for _ in range(1000)]

    def who() -> int:
        return threading.get_ident()

    idents = await asyncio.gather(*(lane.run(who) for lane in [*writes, *reads]))
    threads.close()
    assert len(set(idents)) <= 8
    assert threading.get_ident() not in idents


async def test_a_call_its_caller_stopped_waiting_for_still_holds_the_spreadsheet_until_it_ends() -> None:
    threads = AccountThreads("test", writers=4)
    lane = Lane(threads, "write")
    started, release = threading.Event(), threading.Event()
    order: list[str] = []

    def slow_append() -> None:
        started.set()
        release.wait(5)
        order.append("first append")

    def next_append() -> None:
        order.append("second append")

    first = asyncio.ensure_future(lane.run(slow_append))
    await asyncio.to_thread(started.wait, 5)
    first.cancel()
    second = asyncio.ensure_future(lane.run(next_append))
    await asyncio.sleep(0)
    release.set()
    await second
    with pytest.raises(asyncio.CancelledError):
        await first
    threads.close()
    assert order == ["first append", "second append"]


async def test_a_call_cancelled_before_it_began_is_skipped_and_frees_the_spreadsheet() -> None:
    threads = AccountThreads("test", writers=1)
    lane, other = Lane(threads, "write"), Lane(threads, "write")
    busy, release = threading.Event(), threading.Event()
    ran: list[str] = []

    def hold_the_thread() -> None:
        busy.set()
        release.wait(5)

    holding = asyncio.ensure_future(other.run(hold_the_thread))
    await asyncio.to_thread(busy.wait, 5)
    waiting = asyncio.ensure_future(lane.run(lambda: ran.append("never")))
    await asyncio.sleep(0)
    waiting.cancel()
    with pytest.raises(asyncio.CancelledError):
        await waiting
    release.set()
    await holding
    assert await lane.run(lambda: "after") == "after"
    threads.close()
    assert ran == []
