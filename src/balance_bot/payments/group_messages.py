"""Use case: a member's message in a group, whatever it holds: a bank's notice is the payments' (a top-up
recorded once, or a question to the admins); any other message is the capture conversation's."""

from __future__ import annotations

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.payments.bank_senders import ForwardedFrom
from balance_bot.payments.recorded_once import NoticePlan, RecordedOnce
from balance_bot.ports import SeenMember
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
        if self._photos is not None and (answer := await self._photos.on_amount_given(message)) is not None:
            return answer
        notice = await self._notices.on_message(message, sender)
        if notice is not None:
            return notice
        return await self._conversation.on_message(message, seen)

    async def on_edit(self, message: IncomingMessage, seen: SeenMember | None = None) -> ReplyPlan | None:
        """An edited message; None for a notice, which stays as first posted (its payment was read from the
        bank's words, and an edited notice is no longer the bank's)."""
        if self._notices.holds_notice(message.text, message.sent_at):
            return None
        return await self._conversation.on_edit(message, seen)
