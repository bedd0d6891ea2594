"""A model reader built on its first call, so a bot or command that may never need it does not carry it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable

from infrastructure.llm.cascade import ModelReader
from infrastructure.llm.questions import AnswerT, ModelAnswer, Question


class LazyReader:
    """Stands in for a reader whose client library is slow to import and heavy to hold (ollama: 0.3 s
    and about 11 MB with pydantic; anthropic: 0.7 s). It is built off the event loop, once; `warm`
    builds it only when `reachable` says the model's server is there."""

    def __init__(
        self,
        provider: str,
        model: str,
        paid: bool,
        build: Callable[[], ModelReader],
        reachable: Callable[[], Awaitable[bool]] | None = None,
    ) -> None:
        self.provider = provider
        self.model = model
        self.paid = paid
        self._build = build
        self._reachable = reachable
        self._reader: ModelReader | None = None
        self._building: asyncio.Future[ModelReader] | None = None

    async def read(self, text: str, question: Question[AnswerT]) -> ModelAnswer[AnswerT]:
        """Build the reader if need be, then ask it."""
        return await (await self._ready()).read(text, question)

    async def warm(self) -> None:
        """Build the reader and have it load its model, when its server answers: a bot whose local
        model is not running does not hold its client until a message needs it."""
        if self._reader is None and self._reachable is not None and not await self._reachable():
            return
        await (await self._ready()).warm()

    def tokens_at_most(self, text: str, question: Question[AnswerT]) -> tuple[int, int]:
        """The built reader's bound of a call's tokens."""
        if self._reader is None:
            self._reader = self._build()
        return self._reader.tokens_at_most(text, question)

    async def _ready(self) -> ModelReader:
        if self._reader is None:
            if self._building is None:
                # One build for every call that comes while the library imports, on a thread of its own.
                self._building = asyncio.ensure_future(asyncio.to_thread(self._build))
            building = self._building
            try:
                self._reader = await asyncio.shield(building)
            except Exception:
                if building.done():
                    self._building = None  # the build failed: the next call tries again
                raise
        return self._reader

    async def aclose(self) -> None:
        """Close the reader if it was ever built (a build whose caller was cancelled included)."""
        building = self._building
        if self._reader is None and building is not None and building.done() and not building.cancelled():
            self._reader = building.result() if building.exception() is None else None
        if self._reader is not None:
            await self._reader.aclose()
