"""Use case: a bank's notice of money received becomes a top-up of the box, once, for every chat face.

A notice forwarded from its bank's own bot is recorded at once; one typed, pasted or forwarded from anyone
else (and any notice without a transaction ID) waits for an admin's Confirm or Not ours. Whether the
payment is recorded already is read from the ledger itself, the rows of the notice's month and of this
one, and from the rows still on their way to it: a restart, or a lost database, records nothing twice.
"""

from __future__ import annotations

import asyncio
import contextlib
from collections import defaultdict
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import datetime, tzinfo
from enum import Enum

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.outcomes import AdminCheck, LedgerProblem, StorageProblem
from balance_bot.capture.reply_plan import ReplyPlan, said_in_words
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.domain.bank_notices import BankNotice, read_bank_notices
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import Period, SheetRow, local_day
from balance_bot.domain.message_kinds import received_notices
from balance_bot.domain.money import Currency, Money
from balance_bot.groups.languages import ChatLanguages
from balance_bot.payments.bank_senders import ForwardedFrom, sent_by_its_bank
from balance_bot.payments.notice_rows import notice_item, records
from balance_bot.ports import (
    Clock,
    LedgerDirectory,
    LedgerError,
    PendingNotice,
    PendingNotices,
    StorageUnavailable,
)


@dataclass(frozen=True, slots=True)
class AlreadyRecorded:
    """The payment is in the ledger already: its row's No (None for a row a bookkeeper left unnumbered) and
    month; or `waiting` for the sheet, on its way to that month."""

    notice: BankNotice
    number: int | None
    period: Period
    waiting: bool = False


class WhyAsked(Enum):
    """Why a notice waits for an admin instead of being recorded at once."""

    NOT_FROM_ITS_BANK = "not_from_its_bank"  # typed, pasted, or forwarded from anyone but the bank's bot
    NO_TRANSACTION_ID = "no_transaction_id"  # the bank's notices carry none: an admin tells two apart


@dataclass(frozen=True, slots=True)
class AskAdmins:
    """The notice waits for an admin's Confirm (recorded then) or Not ours (nothing recorded)."""

    notice: BankNotice
    why: WhyAsked


@dataclass(frozen=True, slots=True)
class SeveralNotices:
    """One message holds several notices: each is recorded once only from a message of its own."""

    count: int


class NoticeButton(Enum):
    """The buttons under a notice that waits for an admin."""

    CONFIRM = "confirm"
    NOT_OURS = "not_ours"


@dataclass(frozen=True, slots=True)
class NoticeReply:
    """What the group hears about a notice not recorded now; `buttons` act on the member's message `about`."""

    shown: AlreadyRecorded | AskAdmins | SeveralNotices
    speech: Speech
    about: int
    buttons: tuple[NoticeButton, ...] = ()


# A notice recorded (or why it could not be: the sheet, the amount, the day) is said as any top-up is.
NoticePlan = ReplyPlan | NoticeReply


class TapResult(Enum):
    """What a tap on a notice's buttons did."""

    ADMINS_ONLY = "admins_only"  # a member tapped: told alone, the buttons stay
    GONE = "gone"  # answered already (by another admin, or before a restart): told alone
    CONFIRMED = "confirmed"  # the buttons go; the group hears the top-up, or that it is recorded already
    LEFT_OUT = "left_out"  # Not ours: the buttons go, nothing is recorded
    TRY_AGAIN = "try_again"  # the sheet or the database failed: the notice waits, the buttons stay


@dataclass(frozen=True, slots=True)
class NoticeTap:
    """A tap's plan: `said` is what the group hears (None: nothing)."""

    result: TapResult
    speech: Speech
    said: NoticePlan | None = None

    @property
    def privately(self) -> bool:
        """Whether the tapper alone is told (an alert), the group nothing."""
        return self.result in (TapResult.ADMINS_ONLY, TapResult.GONE)

    @property
    def buttons_stay(self) -> bool:
        """Whether the notice still waits under its buttons."""
        return self.result in (TapResult.ADMINS_ONLY, TapResult.TRY_AGAIN)


@dataclass(frozen=True, slots=True)
class NoticePolicy:
    """The team's rules the notices follow: its time zone (the bank's clock is Cambodia's, as the team's),
    and how the sheet marks a voided row (its payment counts as not recorded)."""

    timezone: tzinfo
    void_prefix: str


class RecordedOnce:
    """Bank notices as top-ups, each payment recorded once within a group's ledger."""

    def __init__(
        self,
        capture: CaptureService,
        conversation: Conversation,
        delivery: Delivery,
        ledgers: LedgerDirectory,
        pending: PendingNotices,
        languages: ChatLanguages,
        clock: Clock,
        policy: NoticePolicy,
    ) -> None:
        self._capture = capture
        self._conversation = conversation
        self._delivery = delivery
        self._ledgers = ledgers
        self._pending = pending
        self._languages = languages
        self._clock = clock
        self.policy = policy
        # Looking and recording are one step per group: two copies tapped or posted at once are one row.
        self._locks: defaultdict[int, asyncio.Lock] = defaultdict(asyncio.Lock)

    async def on_message(
        self, message: IncomingMessage, sender: ForwardedFrom | None = None
    ) -> NoticePlan | None:
        """A group message: None when it holds no bank notice (it is read as any other message); `sender`,
        the account a forwarded message was first sent by."""
        written_on = local_day(message.forwarded_from or message.sent_at, self.policy.timezone)
        notices = received_notices(message.text, written_on)
        return await self.on_notices(message, notices, sender) if notices else None

    async def on_notices(
        self, message: IncomingMessage, notices: Sequence[BankNotice], sender: ForwardedFrom | None = None
    ) -> NoticePlan:
        """A group message holding the bank's notices of money received (received_notices, read on the
        day the message was first written, in the team's time zone)."""
        speech = await self._languages.for_group(message.chat_id)
        if len(notices) > 1:
            return NoticeReply(SeveralNotices(len(notices)), speech, message.message_id)
        notice = notices[0]
        chat_id = message.chat_id
        pending = PendingNotice(chat_id, message.message_id, message.user_id, message.sent_at, notice)
        try:
            async with self._locks[chat_id]:
                if (already := await self._already(chat_id, notice)) is not None:
                    return NoticeReply(already, speech, message.message_id)
                if notice.transaction_id is not None and sent_by_its_bank(sender, notice.bank):
                    return await self._record(pending)
                await self._pending.put(pending)
        except LedgerError as error:
            return await self._conversation.plan(chat_id, LedgerProblem(error))
        except StorageUnavailable:
            return await self._conversation.plan(chat_id, StorageProblem())
        why = WhyAsked.NO_TRANSACTION_ID if notice.transaction_id is None else WhyAsked.NOT_FROM_ITS_BANK
        buttons = (NoticeButton.CONFIRM, NoticeButton.NOT_OURS)
        return NoticeReply(AskAdmins(notice, why), speech, message.message_id, buttons)

    async def record_payment(self, pending: PendingNotice) -> AlreadyRecorded | ReplyPlan:
        """A payment the bot itself knows was made (a KHQR paid, as Bakong answers): recorded once, by the
        same key and the same look in the ledger as a bank's notice of it, so the two are one row."""
        return await self.once(pending.chat_id, pending.notice, lambda: self._record(pending))

    async def once(
        self, chat_id: int, notice: BankNotice, record: Callable[[], Awaitable[ReplyPlan]]
    ) -> AlreadyRecorded | ReplyPlan:
        """A payment known by its bank's key recorded by `record` (a transfer screen's expense too) unless
        the ledger holds it already, by the same look as for its notice: one row, whichever came first."""
        try:
            async with self._locks[chat_id]:
                if (already := await self._already(chat_id, notice)) is not None:
                    return already
                return await record()
        except LedgerError as error:
            return await self._conversation.plan(chat_id, LedgerProblem(error))
        except StorageUnavailable:
            return await self._conversation.plan(chat_id, StorageProblem())

    def holds_notice(self, text: str, sent_at: datetime) -> bool:
        """Whether a text holds a bank notice: an edit of one changes nothing, since its payment is read
        from the bank's words as first posted (and an edited notice is no longer the bank's)."""
        return bool(read_bank_notices(text, local_day(sent_at, self.policy.timezone)))

    async def confirm(self, chat_id: int, message_id: int, is_admin: AdminCheck) -> NoticeTap:
        """Confirm tapped under the notice of the member's message: an admin's tap records it, once."""
        return await self._answered(chat_id, message_id, is_admin, self._confirmed)

    async def not_ours(self, chat_id: int, message_id: int, is_admin: AdminCheck) -> NoticeTap:
        """Not ours tapped: an admin's tap lets the notice go, recording nothing."""

        async def left_out(pending: PendingNotice, speech: Speech) -> NoticeTap:
            return NoticeTap(TapResult.LEFT_OUT, speech)

        return await self._answered(chat_id, message_id, is_admin, left_out)

    async def _answered(
        self,
        chat_id: int,
        message_id: int,
        is_admin: AdminCheck,
        answer: Callable[[PendingNotice, Speech], Awaitable[NoticeTap]],
    ) -> NoticeTap:
        speech = await self._languages.for_group(chat_id)
        if not await is_admin():
            return NoticeTap(TapResult.ADMINS_ONLY, speech)
        async with self._locks[chat_id]:
            try:
                pending = await self._pending.take(chat_id, message_id)
            except StorageUnavailable:
                return NoticeTap(
                    TapResult.TRY_AGAIN, speech, await self._conversation.plan(chat_id, StorageProblem())
                )
            if pending is None:
                return NoticeTap(TapResult.GONE, speech)
            return await answer(pending, speech)

    async def _confirmed(self, pending: PendingNotice, speech: Speech) -> NoticeTap:
        chat_id = pending.chat_id
        try:
            already = await self._already(chat_id, pending.notice)
            if already is not None:
                return NoticeTap(
                    TapResult.CONFIRMED, speech, NoticeReply(already, speech, pending.message_id)
                )
            plan = await self._record(pending)
        except LedgerError as error:
            plan = await self._conversation.plan(chat_id, LedgerProblem(error))
        if isinstance(plan.outcome, LedgerProblem | StorageProblem):
            await self._pending.put(pending)  # nothing was recorded: the admin can tap again
            return NoticeTap(TapResult.TRY_AGAIN, speech, plan)
        return NoticeTap(TapResult.CONFIRMED, speech, plan)

    async def _record(self, pending: PendingNotice) -> ReplyPlan:
        """The top-up's row: on the bank's day, the payer as its member, its poster's message behind it."""
        notice = pending.notice
        label = (await self._capture.labels.labels(pending.chat_id)).top_up
        message = IncomingMessage(
            pending.chat_id, pending.message_id, pending.poster_id, notice.payer, "", pending.posted_at
        )
        item = notice_item(label, notice)
        outcome = await self._capture.top_up_on(message, notice.when.date(), notice.money, item)
        # A payment recorded is said in words: the group hears which payment it was, recorded once.
        return said_in_words(await self._conversation.plan(pending.chat_id, outcome, notice.payer))

    async def _already(self, chat_id: int, notice: BankNotice) -> AlreadyRecorded | None:
        """The payment's row, in the ledger or on its way to it; raises a LedgerError when the sheet cannot
        be read (nothing is recorded then: better asked again than recorded twice)."""
        # Rows on their way get their No first; those the sheet does not take now wait in the outbox.
        with contextlib.suppress(LedgerError, StorageUnavailable):
            await self._delivery.settle(chat_id)
        for queued in await self._delivery.waiting(chat_id):
            if any(records(line.purpose, [line.money], notice) for line in queued.lines):
                return AlreadyRecorded(notice, None, queued.period, waiting=True)
        this_month = Period.of(local_day(self._clock.now(), self.policy.timezone))
        periods = sorted({Period.of(notice.when.date()), this_month})
        months = await self._ledgers.for_chat(chat_id).read_months(periods)
        for period in periods:
            for row in months.get(period, []):
                if not row.item.startswith(self.policy.void_prefix) and records(
                    row.item, _amounts(row), notice
                ):
                    return AlreadyRecorded(notice, row.number, period)
        return None


def _amounts(row: SheetRow) -> list[Money]:
    """Every amount a row holds, wherever a bookkeeper put the payment's."""
    cells = (
        (row.topup_usd, Currency.USD),
        (row.topup_khr, Currency.KHR),
        (row.usd, Currency.USD),
        (row.khr, Currency.KHR),
    )
    return [Money(amount, currency) for amount, currency in cells if amount is not None]
