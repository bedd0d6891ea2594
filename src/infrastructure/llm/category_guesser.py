"""ModelCategoryGuesser: purposes the tab's words do not decide, given a category by the model cascade."""

from __future__ import annotations

from collections.abc import Sequence

from balance_bot.domain.categories import Category
from infrastructure.llm.cascade import ModelCascade, Verdict
from infrastructure.llm.category_question import MAX_PURPOSES, CategoryAnswer, category_question, numbered
from infrastructure.llm.prompts import Prompts


class ModelCategoryGuesser:
    """Asks the cascade once per message for all its undecided purposes; logged and costed like any call."""

    def __init__(self, cascade: ModelCascade, prompts: Prompts) -> None:
        self._cascade = cascade
        self._prompts = prompts

    async def guess(
        self, purposes: Sequence[str], choices: Sequence[Category], chat_id: int | None
    ) -> list[str | None]:
        """A category name per purpose; None for all when no model was sure in time."""
        asked = list(purposes[:MAX_PURPOSES])
        unknown: list[str | None] = [None] * len(purposes)

        def judged(answer: CategoryAnswer) -> Verdict[tuple[str, ...]]:
            if len(answer.names) != len(asked):
                return Verdict(None, "rejected:count")
            if answer.confidence < self._cascade.policy.confidence_threshold:
                return Verdict(None, "unsure")
            return Verdict(answer.names)

        result = (
            await self._cascade.ask(
                category_question(self._prompts, choices), numbered(asked), judged, chat_id
            )
        ).result
        return unknown if result is None else [*result, *unknown[len(result) :]]
