"""The vision models' reading of a posted image the local reading is unsure of, through the cascade."""

from __future__ import annotations

import asyncio
import logging
from dataclasses import replace
from pathlib import Path

from balance_bot.domain.expenses import ParseResult, Problem
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.second_reading import Proposal, judge_image_proposal
from balance_bot.ports import ImageText, ImageUnreadable, PostedImage
from infrastructure.llm.answer import expense_question
from infrastructure.llm.cascade import ModelCascade, Verdict
from infrastructure.llm.expense_parser_client import sure_reading
from infrastructure.llm.prompts import DEFAULT_PROMPTS, load_prompts
from infrastructure.llm.questions import Question
from infrastructure.llm.shown_images import shown_image

log = logging.getLogger(__name__)

IMAGE_PROMPTS = DEFAULT_PROMPTS / "images"
QUESTION_NAME = "images"
NO_TEXT = "(no text found)"


def image_question(directory: Path = IMAGE_PROMPTS) -> Question[Proposal]:
    """The expense question asked of an image: the same answer, schema and reading as a message's,
    under the images' prompts."""
    return replace(expense_question(load_prompts(directory)), name=QUESTION_NAME)


class VisionExpenseReader:
    """An ImageExpenseReader: the image shown to the vision models in turn, within the cascade's
    deadline, budget and log; the first sure reading that holds is the answer."""

    def __init__(self, cascade: ModelCascade, question: Question[Proposal], limits: AmountLimits) -> None:
        self._cascade = cascade
        self._question = question
        self._limits = limits

    async def read_image(
        self, image: PostedImage, local_text: ImageText | None, chat_id: int
    ) -> ParseResult | None:
        """The first sure reading; 'unclear' when the models were all unsure; None when none
        answered (down, slow, invalid, over budget) or the image cannot be shown."""
        try:
            # Decoding and scaling a photo takes a CPU's tens of milliseconds: not on the event loop.
            shown = await asyncio.to_thread(shown_image, image)
        except ImageUnreadable as exc:
            log.info("image not shown to a model: %s", exc)
            return None
        question = replace(self._question, image=shown)
        hint = local_text.text.strip() if local_text is not None else ""
        threshold = self._cascade.policy.confidence_threshold

        def judged(proposal: Proposal) -> Verdict[ParseResult]:
            return sure_reading(judge_image_proposal(proposal, self._limits), proposal, threshold)

        asked = await self._cascade.ask(question, hint or NO_TEXT, judged, chat_id)
        if asked.result is not None:
            return asked.result
        return ParseResult.unclear(Problem.UNSURE) if asked.unsure else None

    async def aclose(self) -> None:
        """Close the vision models' connections."""
        await self._cascade.aclose()
