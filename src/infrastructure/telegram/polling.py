"""Long polling that confirms updates to Telegram only once they are handled or kept, so a crash loses none.

PTB's Updater asks for the next batch as soon as it has queued the last one, and that request
tells Telegram to forget the whole batch; a bot killed meanwhile never sees those messages
again. Here the next getUpdates, which carries the confirming offset, is sent only once every
update it confirms was either handled or written to the update inbox; at start the inbox's
unhandled updates are handled first. After a crash Telegram sends the unconfirmed ones again,
and the handled-updates log skips those already done.

Updates are handled concurrently across chats and in order within a chat, so a message that
waits on an LLM holds up only its own group.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Sequence

from telegram import Update
from telegram.error import Conflict, Forbidden, InvalidToken, RetryAfter, TelegramError
from telegram.ext import Application

from balance_bot.ports import StorageUnavailable
from infrastructure.telegram.app import run_until_stopped
from infrastructure.telegram.chat_queues import ChatQueues, UpdateInbox

log = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 30.0
# When no update was handled for this long, those still in hand are kept and the next batch fetched.
HANDOFF_SECONDS = 0.05
MAX_IN_FLIGHT = 500
UPDATE_INBOX = "update_inbox"  # the application's bot_data key for the inbox bootstrap made


class PollingConflict(Exception):
    """Another process polls Telegram with the same token; fighting it would lose updates to both."""


class Poller:
    """Fetches updates; each chat's are handled in order, chats side by side; confirms only what is safe."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        allowed_updates: Sequence[str] = Update.ALL_TYPES,
        timeout_seconds: float = 30.0,
        inbox: UpdateInbox | None = None,
        first_backoff_seconds: float = 1.0,
    ) -> None:
        self._first_backoff = first_backoff_seconds
        self._application = application
        self._allowed_updates = list(allowed_updates)
        self._timeout = timeout_seconds
        self._inbox = inbox
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None
        self._kept: set[int] = set()
        self._replayed: set[int] = set()
        self._chats = ChatQueues(application, on_handled=self._kept.discard)
        self._in_flight = self._chats.in_flight

    async def start(self) -> None:
        """Poll in the background until stop()."""
        await self._application.bot.delete_webhook()
        self._stopping.clear()
        self._task = asyncio.get_running_loop().create_task(self.run())

    async def stop(self) -> None:
        """Finish the updates in hand, then stop polling."""
        self._stopping.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run(self) -> None:
        """Poll until stopped; network trouble and unreadable answers are waited out.

        A revoked token ends it, and so does another process polling with the same token
        (409 Conflict): logged once, as such, rather than fought over.
        """
        self._replayed = await self._chats.replay(self._inbox)
        self._kept |= self._replayed
        offset: int | None = None
        backoff = self._first_backoff
        try:
            while not self._stopping.is_set():
                if not await self._ready_to_confirm():
                    continue
                try:
                    updates = await self._next_batch(offset)
                except RetryAfter as exc:
                    await self._pause(float(exc.retry_after if isinstance(exc.retry_after, int) else 5))
                    continue
                except (InvalidToken, Forbidden):
                    raise
                except Conflict as exc:
                    raise PollingConflict(
                        "another process is polling Telegram with this bot's token (409 Conflict), "
                        "so this one stops: run one bot per token"
                    ) from exc
                except Exception as exc:  # no network, 5xx, or an answer PTB cannot read
                    log.warning(
                        "getUpdates failed, trying again in %.1f s: %s: %s", backoff, type(exc).__name__, exc
                    )
                    await self._pause(backoff)
                    backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                    continue
                backoff = self._first_backoff
                for update in updates or ():
                    if not isinstance(update.update_id, int):
                        log.warning("skipped an update whose update_id is not a number: %r", update.update_id)
                        continue
                    offset = update.update_id + 1
                    if update.update_id not in self._replayed:
                        self._chats.dispatch(update)
        finally:
            await self._chats.drain()
        if offset is not None:
            # Confirm what was handled, so a clean restart does not see it again.
            with contextlib.suppress(TelegramError):
                await self._application.bot.get_updates(offset=offset, timeout=0, limit=1)

    async def _ready_to_confirm(self) -> bool:
        """Whether the next getUpdates may confirm everything received so far.

        Without an inbox, only once every update is handled. With one, as long as updates keep
        being handled the batch is let finish (a busy bot gains nothing from fetching more);
        once none was handled for a moment, those still in hand (waiting on an LLM, say) are
        written to the inbox and the next batch is fetched. Too many in hand wait.
        """
        stall = HANDOFF_SECONDS if self._inbox is not None else 3600.0
        while self._in_flight and not self._stopping.is_set():
            if not await self._wait_for_progress(stall) and self._inbox is not None:
                break
        if not self._in_flight:
            return True
        if self._inbox is None or self._stopping.is_set() or len(self._in_flight) >= MAX_IN_FLIGHT:
            return False
        unkept = [
            (update_id, update)
            for update_id, update in self._in_flight.items()
            if update_id not in self._kept
        ]
        if unkept:
            try:
                await self._inbox.keep([(update_id, update.to_json()) for update_id, update in unkept])
            except StorageUnavailable as exc:
                # Not kept, so not confirmed: Telegram keeps them until they are handled or kept.
                log.error("could not keep %d update(s) in the inbox: %s", len(unkept), exc)
                await self._pause(self._first_backoff)
                return False
            self._kept.update(update_id for update_id, _ in unkept)
        return True

    async def _wait_for_progress(self, seconds: float) -> bool:
        """Until one more update is handled (True), the time is up, or stop()."""
        self._chats.progress.clear()
        waiting = asyncio.ensure_future(self._chats.progress.wait())
        stopping = asyncio.ensure_future(self._stopping.wait())
        await asyncio.wait({waiting, stopping}, timeout=seconds, return_when=asyncio.FIRST_COMPLETED)
        waiting.cancel()
        stopping.cancel()
        return self._chats.progress.is_set()

    async def _next_batch(self, offset: int | None) -> tuple[Update, ...] | None:
        """The next updates, or None when stop() came during the long poll."""
        fetch = asyncio.ensure_future(
            self._application.bot.get_updates(
                offset=offset, timeout=self._timeout, allowed_updates=self._allowed_updates
            )
        )
        stopping = asyncio.ensure_future(self._stopping.wait())
        done, _ = await asyncio.wait({fetch, stopping}, return_when=asyncio.FIRST_COMPLETED)
        stopping.cancel()
        if fetch not in done:
            fetch.cancel()
            with contextlib.suppress(asyncio.CancelledError, TelegramError):
                await fetch
            return None
        updates: tuple[Update, ...] = fetch.result()
        return updates

    async def _pause(self, seconds: float) -> None:
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(self._stopping.wait(), seconds)


def run_polling(application: Application) -> None:  # type: ignore[type-arg]
    """Run the bot until SIGINT or SIGTERM, with the application's start-up and shutdown steps."""
    asyncio.run(_run(application))


async def _run(application: Application) -> None:  # type: ignore[type-arg]
    poller = Poller(application, inbox=application.bot_data.get(UPDATE_INBOX))

    async def poll(stop: asyncio.Event) -> None:
        await application.bot.delete_webhook()
        polling = asyncio.get_running_loop().create_task(poller.run())
        stopped = asyncio.get_running_loop().create_task(stop.wait())
        await asyncio.wait({stopped, polling}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        await poller.stop()
        await polling  # a revoked token ends the bot with its error

    await run_until_stopped(application, poll)
