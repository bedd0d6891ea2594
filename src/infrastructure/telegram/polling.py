"""Long polling that confirms updates to Telegram only once they are handled, so a crash loses none.

PTB's Updater asks for the next batch as soon as it has queued the last one, and that request
tells Telegram to forget the whole batch; a bot killed meanwhile never sees those messages
again. Here the next getUpdates, which carries the confirming offset, is sent only after every
update of the batch was handled. After a crash Telegram sends the unconfirmed ones again, and
the handled-updates log skips those already done.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
from collections.abc import Sequence

from telegram import Update
from telegram.error import Forbidden, InvalidToken, NetworkError, RetryAfter, TelegramError
from telegram.ext import Application

log = logging.getLogger(__name__)
MAX_BACKOFF_SECONDS = 30.0


class Poller:
    """Fetches updates and has the application handle them one by one, confirming each batch after."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        allowed_updates: Sequence[str] = Update.ALL_TYPES,
        timeout_seconds: float = 30.0,
    ) -> None:
        self._application = application
        self._allowed_updates = list(allowed_updates)
        self._timeout = timeout_seconds
        self._stopping = asyncio.Event()
        self._task: asyncio.Task[None] | None = None

    async def start(self) -> None:
        """Poll in the background until stop()."""
        await self._application.bot.delete_webhook()
        self._stopping.clear()
        self._task = asyncio.get_running_loop().create_task(self.run())

    async def stop(self) -> None:
        """Finish the update in hand, then stop polling."""
        self._stopping.set()
        if self._task is not None:
            with contextlib.suppress(asyncio.CancelledError):
                await self._task
            self._task = None

    async def run(self) -> None:
        """Poll until stopped; network trouble is waited out, a revoked token ends it."""
        offset: int | None = None
        backoff = 1.0
        while not self._stopping.is_set():
            try:
                updates = await self._next_batch(offset)
            except RetryAfter as exc:
                await self._pause(float(exc.retry_after if isinstance(exc.retry_after, int) else 5))
                continue
            except (InvalidToken, Forbidden):
                raise
            except (NetworkError, TelegramError) as exc:
                log.warning("getUpdates failed, trying again in %.0f s: %s", backoff, exc)
                await self._pause(backoff)
                backoff = min(backoff * 2, MAX_BACKOFF_SECONDS)
                continue
            backoff = 1.0
            for update in updates or ():
                await self._application.process_update(update)
                offset = update.update_id + 1
                if self._stopping.is_set():
                    break
        if offset is not None:
            # Confirm what was handled, so a clean restart does not see it again.
            with contextlib.suppress(TelegramError):
                await self._application.bot.get_updates(offset=offset, timeout=0, limit=1)

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
    poller = Poller(application)
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    await application.initialize()
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        await application.bot.delete_webhook()
        polling = loop.create_task(poller.run())
        stopped = loop.create_task(stop.wait())
        await asyncio.wait({stopped, polling}, return_when=asyncio.FIRST_COMPLETED)
        stopped.cancel()
        await poller.stop()
        await polling  # a revoked token ends the bot with its error
    finally:
        if application.running:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()
