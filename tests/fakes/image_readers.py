"""Image readers for the core's tests: an OCR whose "image" is its text, a scripted vision model, and the
photos' use case built on the in-memory fakes."""

from __future__ import annotations

from dataclasses import dataclass, field

from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.service import CapturePolicy, CaptureService
from balance_bot.domain.expenses import ParseResult
from balance_bot.domain.parser import HeuristicParser
from balance_bot.payments.recorded_once import NoticePolicy, RecordedOnce
from balance_bot.ports import ImageText, ImageUnreadable, LedgerDirectory, PostedImage
from balance_bot.receipts.photos import PhotoExpenses
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.chat_languages import english_by_default
from tests.fakes.clock import FakeClock
from tests.fakes.outbox import in_memory_delivery
from tests.fakes.pending_notices import PHNOM_PENH, InMemoryPendingNotices
from tests.fakes.proposed_expenses import InMemoryProposedExpenses

NOT_AN_IMAGE = b"%PDF-1.4"


def text_image(text: str) -> PostedImage:
    """An "image" whose words are the text, as the fake OCR reads it."""
    return PostedImage(text.encode(), "image/jpeg")


class TextAsImage:
    """An ImageTextReader for an image made by text_image; a PDF's bytes are unreadable."""

    def __init__(self) -> None:
        self.read: list[PostedImage] = []

    async def read_text(self, image: PostedImage) -> ImageText:
        """The image's lines."""
        self.read.append(image)
        if image.data.startswith(NOT_AN_IMAGE):
            raise ImageUnreadable("not an image")
        return ImageText(tuple(image.data.decode().splitlines()))


@dataclass
class ScriptedModel:
    """An ImageExpenseReader answering what the test set, and keeping what it was asked."""

    answer: ParseResult | None = None
    asked: list[ImageText | None] = field(default_factory=list)

    async def read_image(
        self, image: PostedImage, local_text: ImageText | None, chat_id: int
    ) -> ParseResult | None:
        """The scripted answer."""
        self.asked.append(local_text)
        return self.answer


async def _chosen_by_none(chat_id: int) -> bool | None:
    return None


async def _keep_quiet(chat_id: int, quiet: bool) -> None:
    return None


@dataclass
class PhotoDesk:
    """The photos' use case on in-memory fakes, with the notices' use case beside it."""

    photos: PhotoExpenses
    notices: RecordedOnce
    delivery: Delivery
    proposals: InMemoryProposedExpenses


def photo_desk_on(
    ledger: LedgerDirectory,
    clock: FakeClock,
    model: ScriptedModel | None = None,
    proposals: InMemoryProposedExpenses | None = None,
) -> PhotoDesk:
    """Every group reads English; stop the delivery after."""
    state = InMemoryCaptureState()
    delivery, _ = in_memory_delivery(ledger, state, clock)
    interpreter = MessageInterpreter(HeuristicParser())
    capture = CaptureService(interpreter, ledger, delivery, state, clock, CapturePolicy(timezone=PHNOM_PENH))
    languages = english_by_default()
    conversation = Conversation(capture, languages, QuietChats(False, _chosen_by_none, _keep_quiet))
    pending = InMemoryPendingNotices()
    policy = NoticePolicy(PHNOM_PENH, "[void] ")
    notices = RecordedOnce(capture, conversation, delivery, ledger, pending, languages, clock, policy)
    proposals = proposals or InMemoryProposedExpenses()
    photos = PhotoExpenses(
        capture,
        conversation,
        languages,
        TextAsImage(),
        proposals,
        interpreter.read_alone,
        clock,
        notices,
        model,
    )
    return PhotoDesk(photos, notices, delivery, proposals)
