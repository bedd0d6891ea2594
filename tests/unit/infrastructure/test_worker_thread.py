"""The worker thread: blocking work in order off the event loop, its results and errors handed back."""

from __future__ import annotations

import asyncio
import functools
import threading

import pytest

from infrastructure.worker_thread import WorkerThread


async def test_work_runs_in_the_order_given_on_a_thread_other_than_the_event_loops() -> None:
    worker = WorkerThread("test")
    done: list[int] = []
    threads: set[int] = set()

    def step(number: int) -> int:
        threads.add(threading.get_ident())
        done.append(number)
        return number * 10

    results = await asyncio.gather(*(worker.run(functools.partial(step, n)) for n in range(20)))
    worker.shutdown()
    assert results == [n * 10 for n in range(20)]
    assert done == list(range(20))
    assert len(threads) == 1
    assert threading.get_ident() not in threads


async def test_an_error_in_the_work_is_raised_to_the_caller_and_the_thread_goes_on() -> None:
    worker = WorkerThread("test")

    def fail() -> None:
        raise ValueError("disk full")

    with pytest.raises(ValueError, match="disk full"):
        await worker.run(fail)
    assert await worker.run(lambda: "next") == "next"
    worker.shutdown()


async def test_work_whose_caller_stopped_waiting_before_it_began_is_skipped() -> None:
    worker = WorkerThread("test")
    release = threading.Event()
    ran: list[str] = []
    first = worker.run(release.wait)
    second = worker.run(lambda: ran.append("second"))
    second.cancel()
    third = worker.run(lambda: ran.append("third"))
    release.set()
    await first
    await third
    worker.shutdown()
    assert ran == ["third"]


async def test_a_stopped_worker_takes_no_more_work_and_finishes_what_it_was_given() -> None:
    worker = WorkerThread("test")
    ran: list[int] = []
    pending = worker.run(lambda: ran.append(1))
    worker.shutdown()
    assert ran == [1]
    await pending
    with pytest.raises(RuntimeError):
        worker.run(lambda: None)
