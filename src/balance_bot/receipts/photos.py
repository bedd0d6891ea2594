"""Use case: a photo posted in a group (a receipt, a bank's screen) becomes a row, read on this machine first.

A sure reading is saved as a text expense is, with Undo; a transfer screen is keyed by its bank and
transaction ID, as the bank's notice of the same payment is, so the two (or the same screen twice) are one
row. An unsure reading goes to the model; if still unsure, it is proposed with Save / Edit, and saved on
the poster's or an admin's tap. Nothing is ever saved by guess.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from enum import Enum

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.outcomes import AdminCheck, LedgerProblem, StorageProblem
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.domain.bank_notices import BankNotice
from balance_bot.domain.expenses import ExpenseEntry, ParseResult, ParseStatus
from balance_bot.domain.language import Speech
from balance_bot.domain.message_kinds import within_answer_window
from balance_bot.domain.money import Money
from balance_bot.groups.languages import ChatLanguages
from balance_bot.payments.notice_rows import notice_key
from balance_bot.payments.recorded_once import AlreadyRecorded, NoticePlan, NoticeReply, RecordedOnce
from balance_bot.ports import (
    Clock,
    ImageExpenseReader,
    ImageText,
    ImageTextReader,
    ImageUnreadable,
    PendingNotice,
    PostedImage,
    ProposedExpense,
    ProposedExpenses,
    StorageUnavailable,
)
from balance_bot.receipts.image_reading import read_image_text
from balance_bot.receipts.reading import ImageKind, ImageReading, Sureness

_log = logging.getLogger(__name__)
ANSWER_WITHIN = timedelta(minutes=5)  # as long as a "what is this for?" waits (PENDING_TTL_SECONDS)


@dataclass(frozen=True, slots=True)
class PostedPhoto:
    """A photo posted without an amount in its caption: who posted it, when, its bytes and its link."""

    chat_id: int
    message_id: int
    user_id: int
    member_name: str
    sent_at: datetime
    image: PostedImage
    receipt: str = ""  # the link to the photo's message, kept on its row
    forwarded: bool = False  # another's photo passed on: whose money and which day are asked, never assumed


class PhotoButton(Enum):
    """The buttons under a proposal."""

    SAVE = "save"
    EDIT = "edit"


@dataclass(frozen=True, slots=True)
class Proposed:
    """'Receipt: 12.50 USD – Lucky Supermarket, 3 Dec. Save?'"""

    proposal: ProposedExpense
    transfer: bool = False


@dataclass(frozen=True, slots=True)
class Unreadable:
    """Not an image, or a damaged one."""


@dataclass(frozen=True, slots=True)
class NoAmountRead:
    """A document with money on it whose amount could not be told: the member types it."""


@dataclass(frozen=True, slots=True)
class AmountAsked:
    """Edit tapped: the member is asked for the right amount in one line."""

    proposal: ProposedExpense


@dataclass(frozen=True, slots=True)
class PhotoReply:
    """What the group hears about a photo not saved now; `buttons` act on the photo's message `about`."""

    shown: Proposed | Unreadable | NoAmountRead | AmountAsked | AlreadyRecorded
    speech: Speech
    about: int
    buttons: tuple[PhotoButton, ...] = ()


# A photo saved is said as any expense is; None: the bot stays silent (a selfie, a meme).
PhotoPlan = ReplyPlan | PhotoReply | None


class TapResult(Enum):
    """What a tap on a proposal's buttons did."""

    SAVED = "saved"  # the buttons go; the group hears the expense (or that it is recorded already)
    AMOUNT_ASKED = "amount_asked"  # the buttons go; the member is asked for the amount
    NOT_YOURS = "not_yours"  # another member tapped: told alone, the buttons stay
    GONE = "gone"  # saved already: told alone
    TRY_AGAIN = "try_again"  # the sheet or the database failed: the proposal waits, the buttons stay


@dataclass(frozen=True, slots=True)
class ProposalTap:
    """A tap's plan: `said` is what the group hears (None: nothing)."""

    result: TapResult
    speech: Speech
    said: PhotoPlan = None

    @property
    def privately(self) -> bool:
        """Whether the tapper alone is told (an alert), the group nothing."""
        return self.result in (TapResult.NOT_YOURS, TapResult.GONE)

    @property
    def buttons_stay(self) -> bool:
        """Whether the proposal still waits under its buttons."""
        return self.result in (TapResult.NOT_YOURS, TapResult.TRY_AGAIN)


class PhotoExpenses:
    """Photos as expenses: the local reading, the model's when unsure, the proposal and its taps."""

    def __init__(
        self,
        capture: CaptureService,
        conversation: Conversation,
        languages: ChatLanguages,
        text_reader: ImageTextReader,
        proposals: ProposedExpenses,
        read_words: Callable[[str], ParseResult],
        clock: Clock,
        notices: RecordedOnce | None = None,
        model: ImageExpenseReader | None = None,
        answer_within: timedelta = ANSWER_WITHIN,
    ) -> None:
        self._capture = capture
        self._conversation = conversation
        self._languages = languages
        self._text_reader = text_reader
        self.proposals = proposals
        self._read_words = read_words  # the parser's reading of an Edit's answer ("12.50$")
        self._clock = clock
        self.answer_within = answer_within  # an Edit's amount, after which a message is read as any
        self._notices = notices
        self._model = model

    def caption_has_amount(self, caption: str) -> bool:
        """Whether a photo's caption holds an amount: the photo is then read as a text expense is, and is
        its receipt."""
        return bool(self._read_words(caption).entries)

    async def on_photo(self, photo: PostedPhoto) -> PhotoPlan:
        """A photo posted: saved when sure, proposed when not, silence when it holds no money."""
        try:
            text = await self._text_reader.read_text(photo.image)
        except ImageUnreadable:
            return PhotoReply(Unreadable(), await self._speech(photo.chat_id), photo.message_id)
        reading = read_image_text(text)
        if reading.sureness is Sureness.NONE:
            return None
        if not reading.sure and self._model is not None:
            reading = await self._second_opinion(photo, text, reading)
        proposal = _proposal(photo, reading)
        if proposal is None:
            return PhotoReply(NoAmountRead(), await self._speech(photo.chat_id), photo.message_id)
        if reading.sure and not photo.forwarded:
            return await self._save(proposal)
        try:
            await self.proposals.put(proposal)
        except StorageUnavailable:
            return await self._conversation.plan(photo.chat_id, StorageProblem())
        shown = Proposed(proposal, transfer=reading.kind is ImageKind.TRANSFER)
        buttons = (PhotoButton.SAVE, PhotoButton.EDIT)
        return PhotoReply(shown, await self._speech(photo.chat_id), photo.message_id, buttons)

    async def save_tapped(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> ProposalTap:
        """Save under a proposal: saved for the poster's or an admin's tap; anyone else is told alone."""
        speech = await self._speech(chat_id)
        refused = await self._refusal(chat_id, message_id, user_id, is_admin, speech)
        if refused is not None:
            return refused
        taken = await self.proposals.take(chat_id, message_id)
        if taken is None:  # another tap saved it meanwhile
            return ProposalTap(TapResult.GONE, speech)
        return await self._saved_tap(taken, speech)

    async def edit_tapped(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> ProposalTap:
        """Edit under a proposal: the tapper (the poster or an admin) is asked for the right amount."""
        speech = await self._speech(chat_id)
        refused = await self._refusal(chat_id, message_id, user_id, is_admin, speech)
        proposal = await self.proposals.get(chat_id, message_id)
        if refused is not None or proposal is None:
            return refused or ProposalTap(TapResult.GONE, speech)
        asked = replace(proposal, editing_by=user_id, asked_at=self._clock.now())
        await self.proposals.put(asked)
        return ProposalTap(TapResult.AMOUNT_ASKED, speech, PhotoReply(AmountAsked(asked), speech, message_id))

    async def _refusal(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck, speech: Speech
    ) -> ProposalTap | None:
        """Why a tap does nothing: the proposal is saved already, or the tapper is neither its poster nor
        an admin."""
        proposal = await self.proposals.get(chat_id, message_id)
        if proposal is None:
            return ProposalTap(TapResult.GONE, speech)
        if user_id != proposal.poster_id and not await is_admin():
            return ProposalTap(TapResult.NOT_YOURS, speech)
        return None

    async def on_amount_given(self, message: IncomingMessage) -> NoticePlan | None:
        """A message of a member asked for a proposal's amount: one amount in it saves the proposal with it
        (in the proposal's currency unless the message says another); None when it is no such answer."""
        proposal = await self.amount_asked(message)
        return await self.amount_given(message, proposal) if proposal is not None else None

    async def amount_asked(self, message: IncomingMessage) -> ProposedExpense | None:
        """The proposal whose amount the message's poster was asked for, within the window; else None."""
        try:
            proposal = await self.proposals.editing(message.chat_id, message.user_id)
        except StorageUnavailable:
            return None
        asked = proposal is not None and within_answer_window(
            proposal.asked_at, message.sent_at, self.answer_within
        )
        return proposal if asked else None

    async def amount_given(self, message: IncomingMessage, proposal: ProposedExpense) -> NoticePlan | None:
        """The message of a member asked for the proposal's amount (amount_asked): one amount in it saves
        the proposal with it; None when it holds no one amount (it is read as any other message)."""
        result = self._read_words(message.text)
        if (
            result.status not in (ParseStatus.EXPENSE, ParseStatus.PURPOSE_MISSING)
            or len(result.entries) != 1
        ):
            return None
        entry = result.entries[0]
        money = entry.money
        if entry.currency_guessed:
            money = Money(money.amount, proposal.money.currency)
        taken = await self.proposals.take(proposal.chat_id, proposal.message_id)
        if taken is None:
            return None
        corrected = replace(taken, money=money, purpose=entry.purpose or taken.purpose)
        said = (await self._saved_tap(corrected, await self._speech(message.chat_id))).said
        if isinstance(said, PhotoReply) and isinstance(said.shown, AlreadyRecorded):
            return NoticeReply(said.shown, said.speech, said.about)  # said as a notice recorded already is
        return said if isinstance(said, ReplyPlan) else None

    async def _saved_tap(self, proposal: ProposedExpense, speech: Speech) -> ProposalTap:
        said = await self._save(proposal)
        if isinstance(said, ReplyPlan) and isinstance(said.outcome, LedgerProblem | StorageProblem):
            await self.proposals.put(proposal)  # nothing was saved: the member can tap again
            return ProposalTap(TapResult.TRY_AGAIN, speech, said)
        return ProposalTap(TapResult.SAVED, speech, said)

    async def _save(self, proposal: ProposedExpense) -> PhotoPlan:
        """The expense's row, like a text expense's; a transfer's, once by its bank's key."""
        chat_id = proposal.chat_id
        message = IncomingMessage(
            chat_id,
            proposal.message_id,
            proposal.poster_id,
            proposal.poster_name,
            "",
            proposal.posted_at,
            receipt=proposal.receipt,
        )
        if not proposal.transaction_id or self._notices is None:
            entry = ExpenseEntry(proposal.money, proposal.purpose or "receipt")
            outcome = await self._capture.spend_read(message, entry, proposal.day)
            return await self._conversation.plan(chat_id, outcome, proposal.poster_name)
        notice = BankNotice(
            proposal.bank,
            proposal.money.amount,
            proposal.money.currency,
            proposal.purpose or proposal.bank,
            datetime.combine(proposal.day or proposal.posted_at.date(), proposal.posted_at.time()),
            proposal.transaction_id,
            received=proposal.received,
        )
        if proposal.received:  # money into the box, as its notice would record it
            pending = PendingNotice(
                chat_id, proposal.message_id, proposal.poster_id, proposal.posted_at, notice
            )
            recorded = await self._notices.record_payment(pending)
        else:
            item = f"{proposal.purpose} – {notice_key(notice)}" if proposal.purpose else notice_key(notice)
            entry = ExpenseEntry(proposal.money, item)

            async def record() -> ReplyPlan:
                outcome = await self._capture.spend_read(message, entry, proposal.day)
                return await self._conversation.plan(chat_id, outcome, proposal.poster_name)

            recorded = await self._notices.once(chat_id, notice, record)
        if isinstance(recorded, AlreadyRecorded):
            return PhotoReply(recorded, await self._speech(chat_id), proposal.message_id)
        return recorded

    async def _second_opinion(
        self, photo: PostedPhoto, text: ImageText, reading: ImageReading
    ) -> ImageReading:
        """The model's reading of an unsure photo: sure when the model is; its amount proposed otherwise."""
        assert self._model is not None
        try:
            answer = await self._model.read_image(photo.image, text, photo.chat_id)
        except Exception:  # a reader's bug must not cost the member the proposal
            _log.exception("the image model failed; the local reading stands")
            return reading
        if answer is None or answer.status is not ParseStatus.EXPENSE or len(answer.entries) != 1:
            return reading
        entry = answer.entries[0]
        if entry.currency_guessed or entry.money.amount <= 0:
            return reading
        sureness = Sureness.SURE if answer.certain else Sureness.UNSURE
        return replace(
            reading, money=entry.money, purpose=reading.purpose or entry.purpose, sureness=sureness
        )

    async def _speech(self, chat_id: int) -> Speech:
        return await self._languages.for_group(chat_id)


def _proposal(photo: PostedPhoto, reading: ImageReading) -> ProposedExpense | None:
    if reading.money is None:
        return None
    return ProposedExpense(
        photo.chat_id,
        photo.message_id,
        photo.user_id,
        photo.member_name,
        photo.sent_at,
        reading.money,
        reading.purpose,
        reading.day,
        photo.receipt,
        reading.bank if reading.transaction_id else "",
        reading.transaction_id,
        reading.received,
    )
