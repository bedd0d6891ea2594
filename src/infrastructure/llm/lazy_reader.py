"""A model reader built on its first call, so a command that may never need it starts fast."""

from __future__ import annotations

from collections.abc import Callable

from infrastructure.llm.cascade import ModelReader
from infrastructure.llm.questions import AnswerT, ModelAnswer, Question


class LazyReader:
    """Stands in for a reader whose client library takes long to import (anthropic: 0.7 s)."""

    def __init__(self, provider: str, model: str, paid: bool, build: Callable[[], ModelReader]) -> None:
        self.provider = provider
        self.model = model
        self.paid = paid
        self._build = build
        self._reader: ModelReader | None = None

    async def read(self, text: str, question: Question[AnswerT]) -> ModelAnswer[AnswerT]:
        """Build the reader if need be, then ask it."""
        return await self._built().read(text, question)

    async def warm(self) -> None:
        """Build the reader and have it load its model."""
        await self._built().warm()

    def tokens_at_most(self, text: str, question: Question[AnswerT]) -> tuple[int, int]:
        """The built reader's bound of a call's tokens."""
        return self._built().tokens_at_most(text, question)

    def _built(self) -> ModelReader:
        if self._reader is None:
            self._reader = self._build()
        return self._reader

    async def aclose(self) -> None:
        """Close the reader if it was ever built."""
        if self._reader is not None:
            await self._reader.aclose()
