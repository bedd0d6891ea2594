"""The threads Sheets calls run on: a few per service account, shared by all its spreadsheets.

A thread per spreadsheet (two, with its reads) made 2,000 threads for 1,000 groups: most of the
bot's memory, and a crowd of sleepers woken on every refill of the account's quota. An account's
calls wait for one quota whatever the spreadsheet, so a few threads carry them all; each
spreadsheet keeps its calls in order, one at a time, on a lane of its own.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import TypeVar

from infrastructure.thread_names import name_this_thread

T = TypeVar("T")

# An account writes 60 times a minute: a call takes a fifth of a second, so one thread would do;
# a few more keep a slow or retried call of one spreadsheet from holding up the others.
WRITERS_PER_ACCOUNT = 4
READERS_PER_ACCOUNT = 4


class AccountThreads:
    """One account's writer and reader threads, started on first use."""

    def __init__(
        self, name: str, writers: int = WRITERS_PER_ACCOUNT, readers: int = READERS_PER_ACCOUNT
    ) -> None:
        self._name = name
        self._sizes = {"write": writers, "read": readers}
        self._executors: dict[str, ThreadPoolExecutor] = {}
        self._lock = threading.Lock()

    def executor(self, kind: str) -> ThreadPoolExecutor:
        """The pool of `kind` ("write" or "read"), made on first use."""
        with self._lock:
            if kind not in self._executors:
                self._executors[kind] = ThreadPoolExecutor(
                    max_workers=self._sizes[kind],
                    thread_name_prefix=f"sheets-{kind}-{self._name}",
                    initializer=name_this_thread,
                )
            return self._executors[kind]

    def close(self) -> None:
        """Let the calls under way finish, then stop the threads."""
        with self._lock:
            executors, self._executors = list(self._executors.values()), {}
        for executor in executors:
            executor.shutdown(wait=True)


class Lane:
    """One spreadsheet's calls of one kind, run in the order asked, one at a time, on shared threads.

    The next call starts only when the thread is done with the last one, even when its caller
    stopped waiting: two appends of one worksheet at once would number their rows alike.
    """

    def __init__(self, threads: AccountThreads, kind: str) -> None:
        self._threads = threads
        self._kind = kind
        self._turn = asyncio.Lock()

    async def run(self, work: Callable[[], T]) -> T:
        """The work's result, once the calls asked before it on this lane are done."""
        await self._turn.acquire()
        loop = asyncio.get_running_loop()
        try:
            done = self._threads.executor(self._kind).submit(work)
        except BaseException:
            self._turn.release()
            raise
        done.add_done_callback(lambda _: _call_soon(loop, self._turn.release))
        return await asyncio.wrap_future(done, loop=loop)


def _call_soon(loop: asyncio.AbstractEventLoop, callback: Callable[[], None]) -> None:
    """The callback on the loop, from the thread that finished; nothing once the loop is closed."""
    with contextlib.suppress(RuntimeError):  # the loop closed while the call ran: no one waits now
        loop.call_soon_threadsafe(callback)
