"""Updates handled in order within a chat and side by side across chats, for polling and the webhook."""

from __future__ import annotations

import asyncio
import json
import logging
from collections import defaultdict, deque
from collections.abc import Callable, Sequence
from typing import Protocol

from telegram import Update
from telegram.ext import Application

from infrastructure.telegram.callback_answers import CALLBACK_ANSWERS, CallbackAnswers

log = logging.getLogger(__name__)


class UpdateInbox(Protocol):
    """Updates received but not handled yet, kept durably before Telegram is told to forget them."""

    async def keep(self, updates: Sequence[tuple[int, str]]) -> None:
        """Keep (update_id, JSON) pairs, in one transaction."""
        ...

    async def unhandled(self) -> list[tuple[int, str]]:
        """The kept updates not handled yet, oldest first; the handled ones are forgotten."""
        ...


class ChatQueues:
    """One worker per chat with updates in hand: a message waiting on an LLM holds up only its group."""

    def __init__(
        self,
        application: Application,  # type: ignore[type-arg]
        on_handled: Callable[[int], None] = lambda update_id: None,
    ) -> None:
        self._application = application
        self._on_handled = on_handled
        self.in_flight: dict[int, Update] = {}
        self.progress = asyncio.Event()  # set each time an update was handled
        self._queues: defaultdict[int, deque[Update]] = defaultdict(deque)
        self._workers: dict[int, asyncio.Task[None]] = {}
        callbacks = application.bot_data.get(CALLBACK_ANSWERS)
        self._callbacks = callbacks if isinstance(callbacks, CallbackAnswers) else None

    def dispatch(self, update: Update) -> None:
        """Queue the update behind its chat's others; an update already in hand is not queued twice."""
        if update.update_id in self.in_flight:
            return
        chat = update.effective_chat
        # Updates without a chat (rare kinds) need no order: each gets a queue of its own.
        key = chat.id if chat is not None else -update.update_id - (1 << 62)
        self.in_flight[update.update_id] = update
        if self._callbacks is not None:  # a tap's answer must not wait behind its chat's queue
            self._callbacks.arrived(update)
        self._queues[key].append(update)
        if key not in self._workers:
            self._workers[key] = asyncio.get_running_loop().create_task(self._work(key))

    async def replay(self, inbox: UpdateInbox | None) -> set[int]:
        """Handle what the inbox kept from before a crash, before anything new; the ids replayed."""
        if inbox is None:
            return set()
        replayed = set()
        for update_id, body in await inbox.unhandled():
            update = Update.de_json(json.loads(body), self._application.bot)
            replayed.add(update_id)
            log.info("update %s was kept but not handled before the restart; handling it now", update_id)
            self.dispatch(update)
        return replayed

    async def drain(self) -> None:
        """Let every update in hand be handled."""
        while self._workers:
            await asyncio.gather(*self._workers.values(), return_exceptions=True)

    async def _work(self, key: int) -> None:
        queue = self._queues[key]
        try:
            while queue:
                update = queue[0]
                try:
                    await self._application.process_update(update)
                except Exception:  # one update's failure must not stop its chat's others
                    log.exception("update %s could not be handled", update.update_id)
                queue.popleft()
                self.in_flight.pop(update.update_id, None)
                self._on_handled(update.update_id)
                self.progress.set()
        finally:
            del self._workers[key]
            if not queue:
                self._queues.pop(key, None)
