"""A model reader built on its first call, so a command that may never need it starts fast."""

from __future__ import annotations

from collections.abc import Callable

from infrastructure.llm.expense_parser_client import ModelAnswer, ModelReader


class LazyReader:
    """Stands in for a reader whose client library takes long to import (anthropic: 0.7 s)."""

    def __init__(self, provider: str, model: str, paid: bool, build: Callable[[], ModelReader]) -> None:
        self.provider = provider
        self.model = model
        self.paid = paid
        self._build = build
        self._reader: ModelReader | None = None

    async def read(self, text: str) -> ModelAnswer:
        """Build the reader if need be, then ask it."""
        if self._reader is None:
            self._reader = self._build()
        return await self._reader.read(text)

    async def aclose(self) -> None:
        """Close the reader if it was ever built."""
        if self._reader is not None:
            await self._reader.aclose()
