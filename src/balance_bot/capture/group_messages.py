"""Use case: a member's message in a group, whatever it holds, sent to the one use case its kind calls for:
the amount a photo's proposal asked for (receipts), a bank's notice of money received (payments: a
top-up recorded once, or a question to the admins), or anything else (the capture conversation)."""

from __future__ import annotations

import contextlib

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.domain.ledger import local_day
from balance_bot.domain.message_kinds import MessageKind, kind_of, received_notices, within_answer_window
from balance_bot.payments.bank_senders import ForwardedFrom
from balance_bot.payments.recorded_once import NoticePlan, RecordedOnce
from balance_bot.ports import ProposedExpense, SeenMember, StorageUnavailable
from balance_bot.receipts.photos import PhotoExpenses


class GroupMessages:
    """One way in for a group's messages, so that every chat face asks the core once per message."""

    def __init__(
        self, conversation: Conversation, notices: RecordedOnce, photos: PhotoExpenses | None = None
    ) -> None:
        self._conversation = conversation
        self._notices = notices
        self._photos = photos  # a member asked for a photo's amount answers with it

    async def on_message(
        self, message: IncomingMessage, seen: SeenMember | None = None, sender: ForwardedFrom | None = None
    ) -> NoticePlan:
        """A new message (or a photo's caption); `sender`, the account a forwarded one was first sent by."""
        asked = await self._amount_asked(message)
        written_on = local_day(message.forwarded_from or message.sent_at, self._notices.policy.timezone)
        notices = received_notices(message.text, written_on)
        kind = kind_of(notices, amount_asked=asked is not None)
        if kind is MessageKind.AMOUNT_ASKED:
            assert self._photos is not None
            assert asked is not None
            answer = await self._photos.amount_given(message, asked)
            if answer is not None:
                return answer
            kind = kind_of(notices, amount_asked=False)  # no amount in it: read as any other message
        if kind is MessageKind.BANK_NOTICE:
            return await self._notices.on_notices(message, notices, sender)
        return await self._conversation.on_message(message, seen)

    async def on_edit(self, message: IncomingMessage, seen: SeenMember | None = None) -> ReplyPlan | None:
        """An edited message; None for a notice, which stays as first posted (its payment was read from the
        bank's words, and an edited notice is no longer the bank's)."""
        if self._notices.holds_notice(message.text, message.sent_at):
            return None
        return await self._conversation.on_edit(message, seen)

    async def _amount_asked(self, message: IncomingMessage) -> ProposedExpense | None:
        """The proposal whose amount the poster was asked for, within the window; else None."""
        if self._photos is None:
            return None
        proposal = None
        with contextlib.suppress(StorageUnavailable):
            proposal = await self._photos.proposals.editing(message.chat_id, message.user_id)
        if proposal is None or not within_answer_window(
            proposal.asked_at, message.sent_at, self._photos.answer_within
        ):
            return None
        return proposal
