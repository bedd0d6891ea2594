"""Use case: accepted messages from the outbox to the ledger, in order and once each, whatever it does."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime

from balance_bot.capture.refusals import LedgerRefused, RefusalLog, SheetRefusal, Tell
from balance_bot.domain.ledger import EntrySource, SavedLine
from balance_bot.ports import (
    Landed,
    Landing,
    LedgerAnswerLost,
    LedgerDirectory,
    LedgerError,
    LedgerStore,
    Outbox,
    QueuedMessage,
    SavedMessage,
    StorageUnavailable,
    Waiting,
)

# Importable from here, where the use cases and tests have always found them.
__all__ = ["Delivery", "DeliveryPolicy", "Landed", "Landing", "Waiting"]

log = logging.getLogger(__name__)
Sleep = Callable[[float], Awaitable[None]]
Now = Callable[[], datetime]
_Key = tuple[int, int, int]


@dataclass(frozen=True, slots=True)
class DeliveryPolicy:
    """How the outbox is drained; every figure comes from the settings."""

    gather_seconds: float = 0.0  # messages arriving during a write already go out together in the next
    first_retry_seconds: float = 2.0
    max_retry_seconds: float = 60.0
    max_lines_per_append: int = 500
    # A sheet that refuses for good (an .xlsx, a Viewer share, a protection, a grid too small) is not
    # hammered: its rows wait in the outbox and are tried again this often, and at once after /connect.
    refused_retry_seconds: float = 600.0
    # A write whose answer was lost may still land: Google carries out a call it has taken even when
    # the caller stopped waiting. Looked for sooner, it would not be found yet and be written twice.
    lost_answer_settle_seconds: float = 60.0


class Delivery:
    """The rows' way to the ledger (the RowDelivery port): drains the outbox, one worker per group with
    something waiting, each message written once.

    Messages that pile up while a write is in flight go out together in the next one. A write
    that failed, or that a crash interrupted, may still have landed; before it is tried again the
    ledger is searched for its references, so a row is never added twice. The outbox lets go of
    a message only once the store holds its rows durably.

    A sheet that refuses the rows for good is told to the group once (`refusals` remembers it
    across restarts) and tried again only every `refused_retry_seconds`, or at once by retry_now
    (an admin's /connect); a member's new expense waits with the others instead of trying again.
    """

    def __init__(
        self,
        outbox: Outbox,
        ledgers: LedgerDirectory,
        policy: DeliveryPolicy | None = None,
        sleep: Sleep = asyncio.sleep,
        now: Now = lambda: datetime.now(UTC),
        refusals: RefusalLog | None = None,
    ) -> None:
        self._outbox = outbox
        self._refusals = refusals
        self._tell: Tell | None = None
        self._told: dict[int, SheetRefusal] = {}
        self._lifted: set[int] = set()  # groups whose last refusal is known to be gone, in this run
        self._paused: set[int] = set()  # groups whose worker waits out a refusal
        self._ledgers = ledgers
        self._policy = policy or DeliveryPolicy()
        self._sleep = sleep
        self._now = now
        # Per group, the task that kicks its worker when the earliest held message is due, and when.
        self._wakes: dict[int, tuple[datetime, asyncio.Task[None]]] = {}
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._workers: dict[int, asyncio.Task[None]] = {}
        self._kicks: defaultdict[int, int] = defaultdict(int)
        self._waiters: defaultdict[_Key, list[Landing]] = defaultdict(list)
        self._problems: dict[int, LedgerError] = {}
        # Messages this process put and has not tried to write: no search needed before writing them.
        self._untried: set[_Key] = set()
        # Written, waiting for the store to hold them durably (a workbook's next save): not written again.
        self._unflushed: set[_Key] = set()
        self._flushes: defaultdict[int, set[asyncio.Task[None]]] = defaultdict(set)
        self._durable_failures: defaultdict[int, int] = defaultdict(int)

    async def accept(self, queued: QueuedMessage) -> Landing | None:
        """Keep the message durably and have it delivered; None when it was accepted before.

        Returns at once, so that reading the next update never waits for the ledger; the
        future says when the rows landed, or why they wait.
        """
        if not await self._outbox.put(queued):
            return None
        key = _key(queued)
        self._untried.add(key)
        landing: Landing = asyncio.get_running_loop().create_future()
        problem = self._problems.get(queued.chat_id)
        if problem is not None:
            landing.set_result(Waiting(problem))  # the ledger is failing: no point in making the member wait
        else:
            self._waiters[key].append(landing)
        self._kick(queued.chat_id)
        return landing

    def on_refused(self, tell: Tell) -> None:
        """Who tells a group, once, that its sheet refuses the rows (the bot, once it runs)."""
        self._tell = tell

    def retry_now(self, chat_id: int) -> None:
        """Try a refused group's rows again now (the sheet was fixed, or another one connected)."""
        if chat_id in self._paused:
            self._workers.pop(chat_id).cancel()
        self._kick(chat_id)

    async def landed(self, landing: Landing, wait_seconds: float) -> Landed | Waiting:
        """The rows, if they land within wait_seconds; else the message is still waiting, safely."""
        try:
            return await asyncio.wait_for(asyncio.shield(landing), wait_seconds)
        except TimeoutError:
            return Waiting(None)

    async def resume(self) -> None:
        """Start delivering what an earlier run left in the outbox."""
        for chat_id in await self._outbox.chats_waiting():
            self._kick(chat_id)

    async def settle(self, chat_id: int) -> None:
        """Deliver the group's waiting messages now, held ones too (an Undo or an edit needs their
        rows); raises the LedgerError when they cannot be."""
        while True:
            await asyncio.gather(*self._flushes[chat_id])
            if chat_id not in self._workers and chat_id not in self._wakes:
                return  # nothing waits: every waiting group has a worker or a wake-up
            if not await self._deliver_next(chat_id, held_too=True) and not self._flushes[chat_id]:
                return

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """The group's messages whose rows are not known to be kept by the ledger yet, oldest first."""
        return await self._outbox.waiting(chat_id)

    async def waiting_author(self, chat_id: int, message_id: int) -> int | None:
        """Who posted a message whose rows still wait to be written (None when none waits): enough
        to refuse another member's Undo without waiting for the rows."""
        for queued in await self._outbox.waiting(chat_id):
            if queued.message_id == message_id:
                return queued.author_id
        return None

    async def stop(self) -> None:
        """Stop writing; what was not written stays in the outbox for the next start.

        Messages already written still wait for the store's save: close the store, then call
        finish(), so that the outbox lets go of them.
        """
        workers = [*self._workers.values(), *(task for _, task in self._wakes.values())]
        self._wakes.clear()
        for worker in workers:
            worker.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        self._workers.clear()

    async def finish(self) -> None:
        """Wait for the written messages to be kept by the store (once it was saved or closed)."""
        flushes = [task for tasks in self._flushes.values() for task in tasks]
        await asyncio.gather(*flushes, return_exceptions=True)

    def _is_held(self, queued: QueuedMessage) -> bool:
        return queued.hold_until is not None and queued.hold_until > self._now()

    def _wake_when_due(self, chat_id: int, held: Sequence[QueuedMessage]) -> None:
        """Kick the group's worker when its earliest held message is due."""
        due_at = min(queued.hold_until for queued in held if queued.hold_until is not None)
        planned = self._wakes.get(chat_id)
        if planned is not None and planned[0] <= due_at and not planned[1].done():
            return
        if planned is not None:
            planned[1].cancel()
        seconds = max(0.0, (due_at - self._now()).total_seconds())
        self._wakes[chat_id] = (due_at, asyncio.get_running_loop().create_task(self._wake(chat_id, seconds)))

    async def _wake(self, chat_id: int, seconds: float) -> None:
        await self._sleep(seconds)
        if self._wakes.get(chat_id, (None, None))[1] is asyncio.current_task():
            del self._wakes[chat_id]
        self._kick(chat_id)

    def _kick(self, chat_id: int) -> None:
        self._kicks[chat_id] += 1
        if chat_id not in self._workers:
            self._workers[chat_id] = asyncio.get_running_loop().create_task(self._work(chat_id))

    async def _work(self, chat_id: int) -> None:
        """Deliver until nothing waits; after a failure, wait longer each time before trying again."""
        delay = self._policy.first_retry_seconds
        try:
            await self._sleep(self._policy.gather_seconds)
            while True:
                kicks = self._kicks[chat_id]
                try:
                    delivered = await self._deliver_next(chat_id)
                except LedgerRefused as error:
                    log.warning(
                        "chat %s: the sheet refuses the rows for good, trying again in %.0f s: %s",
                        chat_id,
                        self._policy.refused_retry_seconds,
                        error,
                    )
                    self._paused.add(chat_id)
                    try:
                        await self._sleep(self._policy.refused_retry_seconds)
                    finally:
                        self._paused.discard(chat_id)
                    continue
                except Exception as error:  # a bug too: its messages stay in the outbox and are tried again
                    wait = delay
                    if isinstance(error, LedgerAnswerLost):
                        wait = max(delay, self._policy.lost_answer_settle_seconds)
                    if isinstance(error, LedgerError | StorageUnavailable):
                        log.warning("chat %s: delivery failed, retrying in %.0f s: %s", chat_id, wait, error)
                    else:
                        log.exception("chat %s: delivery broke, retrying in %.0f s", chat_id, wait)
                    await self._sleep(wait)
                    delay = min(delay * 2, self._policy.max_retry_seconds)
                    continue
                delay = self._policy.first_retry_seconds
                if not delivered and kicks == self._kicks[chat_id]:
                    return
        finally:
            if self._workers.get(chat_id) is asyncio.current_task():
                del self._workers[chat_id]

    async def _deliver_next(self, chat_id: int, *, held_too: bool = False) -> bool:
        """Write the oldest waiting messages of one month in one append; False when nothing is due."""
        async with self._locks[chat_id]:
            waiting = [q for q in await self._outbox.waiting(chat_id) if _key(q) not in self._unflushed]
            due = waiting if held_too else [q for q in waiting if not self._is_held(q)]
            if len(due) < len(waiting):
                self._wake_when_due(chat_id, [q for q in waiting if q not in due])
            waiting = due
            if not waiting:
                self._problems.pop(chat_id, None)
                return False
            batch = _one_append(waiting, self._policy.max_lines_per_append)
            try:
                await self._write(chat_id, batch)
            except LedgerError as error:
                self._problems[chat_id] = error
                await self._outbox.failed(batch, str(error))
                if isinstance(error, LedgerRefused):  # before the members' replies, which point to it
                    await self._tell_once(chat_id, error)
                waiting_because = Waiting(error)
                self._resolve(batch, lambda _: waiting_because)
                raise
            self._problems.pop(chat_id, None)
            await self._lift(chat_id)
            return True

    async def _tell_once(self, chat_id: int, refusal: LedgerRefused) -> None:
        """Tell the group of a refusal it has not heard of: not for each expense, nor after a restart."""
        self._lifted.discard(chat_id)
        if self._told.get(chat_id) is refusal.reason:
            return
        self._told[chat_id] = refusal.reason
        if self._refusals is not None and not await self._refusals.first_time(chat_id, refusal.reason):
            return
        if self._tell is not None:
            await self._tell(chat_id, refusal)

    async def _lift(self, chat_id: int) -> None:
        """The sheet took the rows: a refusal the group was told of is over, and a new one is news."""
        if chat_id in self._lifted:
            return
        self._told.pop(chat_id, None)
        if self._refusals is not None:
            await self._refusals.lifted(chat_id)
        self._lifted.add(chat_id)

    async def _write(self, chat_id: int, batch: Sequence[QueuedMessage]) -> None:
        store = self._ledgers.for_chat(chat_id)
        period = batch[0].period
        uncertain = [line for queued in batch if _key(queued) not in self._untried for line in queued.lines]
        found: dict[EntrySource, SavedLine] = {}
        if uncertain:
            found = {saved.line.source: saved for saved in await store.find(period, uncertain)}
        missing = [line for queued in batch for line in queued.lines if line.source not in found]
        # From here the rows may land whatever ends the write (an error on the way back that is no
        # ledger's, too): a next try looks for them first.
        self._untried.difference_update(_key(queued) for queued in batch)
        written = await store.append(period, missing) if missing else []
        rows = found | {saved.line.source: saved for saved in written}
        saved_messages = [
            SavedMessage(
                chat_id=queued.chat_id,
                message_id=queued.message_id,
                author_id=queued.author_id,
                saved_at=queued.queued_at,
                lines=tuple(rows[line.source] for line in queued.lines),
                currency_guessed=queued.currency_guessed,
            )
            for queued in batch
        ]
        link = store.link()
        landed = {
            _key(queued): Landed(saved, link) for queued, saved in zip(batch, saved_messages, strict=True)
        }
        # The member may read the row numbers now; the outbox lets go only once the store holds them
        # durably (a workbook saves every few seconds), and until then the group's lock is held.
        self._resolve(batch, lambda queued: landed[_key(queued)])
        keys = {_key(queued) for queued in batch}
        self._unflushed |= keys
        flush = asyncio.get_running_loop().create_task(
            self._once_durable(store, chat_id, list(zip(batch, saved_messages, strict=True)))
        )
        self._flushes[chat_id].add(flush)
        flush.add_done_callback(self._flushes[chat_id].discard)

    async def _once_durable(
        self, store: LedgerStore, chat_id: int, landed: list[tuple[QueuedMessage, SavedMessage]]
    ) -> None:
        """Let the outbox go of written messages once the store holds them durably.

        The member has the row numbers already; a workbook saves every few seconds, and the
        group's next messages are written meanwhile. If the save fails, the messages are
        delivered again, found by their references in the store.
        """
        keys = {_key(queued) for queued, _ in landed}
        try:
            await store.flush()
            await self._outbox.delivered(landed)
        except (LedgerError, StorageUnavailable) as error:
            log.warning("chat %s: the ledger could not keep %d message(s): %s", chat_id, len(keys), error)
            self._unflushed -= keys
            await self._note_failure([queued for queued, _ in landed], error)
            if isinstance(error, LedgerError):
                self._problems[chat_id] = error  # new messages hear at once that their rows will wait
            # Tried again later, not at once: a full disk would otherwise be written in a tight loop.
            asyncio.get_running_loop().call_later(self._retry_delay(chat_id), self._kick, chat_id)
            return
        finally:
            self._unflushed -= keys
        self._durable_failures.pop(chat_id, None)

    async def _note_failure(self, batch: Sequence[QueuedMessage], error: Exception) -> None:
        """Count the failed attempt in the outbox, for `status`; a database that fails too is only logged."""
        try:
            await self._outbox.failed(batch, str(error))
        except StorageUnavailable:
            log.exception("could not note the failed attempt in the outbox")

    def _retry_delay(self, chat_id: int) -> float:
        """The wait before the next try after the store could not keep a group's rows, doubling."""
        failures = self._durable_failures[chat_id] = self._durable_failures[chat_id] + 1
        return float(
            min(self._policy.first_retry_seconds * 2 ** (failures - 1), self._policy.max_retry_seconds)
        )

    def _resolve(
        self, batch: Sequence[QueuedMessage], outcome: Callable[[QueuedMessage], Landed | Waiting]
    ) -> None:
        for queued in batch:
            for future in self._waiters.pop(_key(queued), []):
                if not future.done():
                    future.set_result(outcome(queued))


def _key(queued: QueuedMessage) -> _Key:
    return (queued.chat_id, queued.message_id, queued.revision)


def _one_append(waiting: Sequence[QueuedMessage], max_lines: int) -> list[QueuedMessage]:
    """The oldest messages of the same month, whole, up to max_lines (always at least one message)."""
    batch = [waiting[0]]
    lines = len(waiting[0].lines)
    for queued in waiting[1:]:
        if queued.period != batch[0].period or lines + len(queued.lines) > max_lines:
            break
        batch.append(queued)
        lines += len(queued.lines)
    return batch
