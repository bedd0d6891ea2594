"""A scripted category model: the answers by purpose, and what it was asked."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from balance_bot.domain.categories import Category


@dataclass
class ScriptedCategoryGuesser:
    """Answers each purpose from its script (None when it has none); fails when told to."""

    answers: dict[str, str] = field(default_factory=dict)
    asked: list[tuple[str, ...]] = field(default_factory=list)
    choices_seen: list[tuple[str, ...]] = field(default_factory=list)
    failing: bool = False

    async def guess(
        self, purposes: Sequence[str], choices: Sequence[Category], chat_id: int | None
    ) -> list[str | None]:
        """The scripted name of each purpose."""
        self.asked.append(tuple(purposes))
        self.choices_seen.append(tuple(category.name for category in choices))
        if self.failing:
            raise RuntimeError("the model broke")
        return [self.answers.get(purpose) for purpose in purposes]
