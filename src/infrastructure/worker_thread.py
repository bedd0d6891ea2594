"""One thread that runs blocking work in order for the event loop, each call cheaper than an executor's."""

from __future__ import annotations

import asyncio
import contextlib
import queue
import threading
from collections.abc import Callable
from typing import Any, TypeVar

from infrastructure.thread_names import name_this_thread

T = TypeVar("T")
_Job = tuple[Callable[[], Any], "asyncio.Future[Any]", asyncio.AbstractEventLoop]


class WorkerThread:
    """Runs functions one at a time, in the order given, on a thread of its own (started on first use).

    A ThreadPoolExecutor hop makes a concurrent Future with its lock and condition, takes a semaphore
    and chains the Future to an asyncio one; with a dozen hops per expense (SQLite and the workbook)
    that was about a tenth of the bot's CPU. Here the thread settles the awaited future itself.

    As with run_in_executor, work whose caller stopped waiting before it began is skipped. The thread
    is a daemon: the bot stops it on the way out (`shutdown`), and what it runs is atomic on disk (a
    SQLite transaction, a workbook saved to a temporary file then renamed), so an abrupt end loses
    only work nobody was told was done.
    """

    def __init__(self, name: str) -> None:
        self._name = name
        self._jobs: queue.SimpleQueue[_Job | None] = queue.SimpleQueue()
        self._thread: threading.Thread | None = None
        self._stopped = False

    def run(self, work: Callable[[], T]) -> asyncio.Future[T]:
        """The future of the work's result, run after the work given before it."""
        if self._stopped:
            raise RuntimeError(f"the {self._name} thread is stopped")
        loop = asyncio.get_running_loop()
        future: asyncio.Future[T] = loop.create_future()
        if self._thread is None:
            self._thread = threading.Thread(target=self._serve, name=self._name, daemon=True)
            self._thread.start()
        self._jobs.put((work, future, loop))
        return future

    def shutdown(self) -> None:
        """Stop taking work; wait until the work already given is done."""
        self._stopped = True
        if self._thread is not None:
            self._jobs.put(None)
            self._thread.join()

    def _serve(self) -> None:
        name_this_thread()
        while (job := self._jobs.get()) is not None:
            work, future, loop = job
            if future.cancelled():
                continue
            try:
                outcome: tuple[Any, BaseException | None] = (work(), None)
            except BaseException as exc:  # the caller gets it, as from an executor
                outcome = (None, exc)
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody is waiting any more
                loop.call_soon_threadsafe(_settle, future, *outcome)


def _settle(future: asyncio.Future[Any], result: Any, error: BaseException | None) -> None:
    if future.cancelled():
        return
    if error is not None:
        future.set_exception(error)
    else:
        future.set_result(result)
