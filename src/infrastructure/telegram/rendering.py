"""A plan of the core drawn as Telegram calls, and nothing else: the confirmation (queued, maybe a 👍)
with its buttons, a plain reply, a bank's notice with the buttons it waits on, and the notices that
follow later. Every handler draws through here; what is said and when was decided by the plan."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Message
from telegram.constants import ChatType

from balance_bot.capture.ports import PlanWords
from balance_bot.capture.reply_plan import Button, LaterNotices, Notices, ReplyPlan
from balance_bot.domain.language import Speech
from balance_bot.groups.languages import ChatLanguages
from balance_bot.payments.recorded_once import NoticeButton, NoticePlan
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.confirmations import Confirmation, ConfirmationQueue
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies
from infrastructure.webapp.links import month_link

# The buttons' callback data, as the bot writes it and its handlers read it back.
UNDO, SWITCH, CATEGORY_MENU, CATEGORY = "undo", "switch", "catmenu", "cat"
APPROVE, REJECT = "approve", "reject"
CONFIRM_NOTICE, NOT_OURS = "ntok", "ntno"
ACTIONS = {
    Button.UNDO: UNDO,
    Button.SWITCH: SWITCH,
    Button.CATEGORY: CATEGORY_MENU,
    Button.APPROVE: APPROVE,
    Button.REJECT: REJECT,
}
_NOTICE_ACTIONS = {NoticeButton.CONFIRM: CONFIRM_NOTICE, NoticeButton.NOT_OURS: NOT_OURS}
Reply = Callable[[Message, str, InlineKeyboardMarkup | None], Awaitable[Message | None]]


class PlanRenderer:
    """Draws plans about a member's message; what follows later runs beside the chat's queue."""

    def __init__(
        self,
        confirmations: ConfirmationQueue,
        languages: ChatLanguages,
        reply: Reply,
        webapp_short_name: str | None = None,
        words: Callable[[Speech], PlanWords] = Replies.of,
    ) -> None:
        self._words = words  # the plans' words in a chat's language (the capture's PlanWords port)
        self._confirmations = confirmations
        self._languages = languages
        self._reply = reply  # the handlers' reply, which follows a group that became a supergroup
        self._webapp_short_name = webapp_short_name  # the Mini App's, for "📊 This month" links
        self._confirming: set[asyncio.Task[None]] = set()
        # Notices waiting for an expense told "saved once the sheet answers" to land.
        self._landing: set[asyncio.Task[None]] = set()

    async def render(self, message: Message, plan: NoticePlan) -> None:
        """Draw a plan: the confirmation (queued, maybe a 👍) with its buttons, or a reply; a bank's
        notice with its buttons; what follows later in the background."""
        if not isinstance(plan, ReplyPlan):
            await self._notice(message, plan)
            return
        if plan.then is not None:
            # Confirmed in the background: the next update is read while this one's row is written.
            self.in_background(self._render_then(message, plan.then))
            return
        speech = self._speech_for_plan(message, plan)
        drawn = self._words(speech).drawn(plan)
        if plan.as_confirmation:
            self._confirmations.submit(
                Confirmation(
                    message.chat_id,
                    message.message_id,
                    drawn.text or "",
                    drawn_buttons(drawn.buttons, plan.about, self.month_link_for(message)),
                    plan.may_be_quiet,
                    _topic(message),
                )
            )
        elif drawn.text is not None:
            await self._reply(message, drawn.text, None)
        if plan.later is not None:
            self._later(message, plan.later, speech)

    async def replies(self, message: Message) -> Replies:
        """The bot's words for the chat: the group's language; in private, the member's app if Khmer."""
        if message.chat.type == ChatType.PRIVATE:
            return Replies.of(self._private_speech(message))
        return Replies.of(await self._languages.for_group(message.chat_id))

    def month_link_for(self, message: Message) -> str | None:
        """The Mini App's month of the message's group; None when the Mini App is not set up."""
        return month_link(message.get_bot().username, self._webapp_short_name, message.chat_id)

    def in_background(self, work: Coroutine[Any, Any, None]) -> None:
        """Run work beside the chat's queue (after the reply), drained when the bot stops."""
        task = asyncio.get_running_loop().create_task(work)
        self._confirming.add(task)
        task.add_done_callback(self._confirming.discard)

    async def drain(self) -> None:
        """Wait for the confirmations still being prepared and sent."""
        for waiting in self._landing:
            waiting.cancel()  # a sheet that is down may not answer for hours
        while self._confirming:
            await asyncio.gather(*self._confirming, return_exceptions=True)
        await self._confirmations.drain()

    async def _notice(self, message: Message, plan: NoticePlan) -> None:
        """A bank's notice not recorded now, with its buttons if it waits for an admin."""
        assert not isinstance(plan, ReplyPlan)
        replies = PaymentReplies(Replies.of(plan.speech))
        buttons = [
            InlineKeyboardButton(
                replies.button(button), callback_data=f"{_NOTICE_ACTIONS[button]}:{plan.about}"
            )
            for button in plan.buttons
        ]
        await self._reply(
            message, replies.said(plan.shown), InlineKeyboardMarkup([buttons]) if buttons else None
        )

    async def _render_then(self, message: Message, then: Callable[[], Awaitable[ReplyPlan]]) -> None:
        await self.render(message, await then())

    def _later(self, message: Message, later: LaterNotices, speech: Speech) -> None:
        if later.landed is None:
            self.in_background(self._tell(message, later.notices, speech))
        else:
            task = asyncio.get_running_loop().create_task(self._tell_once_landed(message, later, speech))
            self._landing.add(task)
            task.add_done_callback(self._landing.discard)

    async def _tell_once_landed(self, message: Message, later: LaterNotices, speech: Speech) -> None:
        assert later.landed is not None
        if await later.landed():
            self.in_background(self._tell(message, later.notices, speech))

    async def _tell(
        self, message: Message, notices: Callable[[], Awaitable[Notices]], speech: Speech
    ) -> None:
        """Notices go through the confirmation queue, which waits out flood control and follows a
        migrated group."""
        told = await notices()
        if not told.budgets_crossed:
            return  # nothing crossed: nothing to say
        for text in BalanceReplies(Replies.of(speech)).notices(told):
            self._confirmations.submit(
                Confirmation(message.chat_id, message.message_id, text, (), False, _topic(message))
            )

    def _speech_for_plan(self, message: Message, plan: ReplyPlan) -> Speech:
        """The plan's language; in private, the member's app if Khmer."""
        return self._private_speech(message) if message.chat.type == ChatType.PRIVATE else plan.speech

    def _private_speech(self, message: Message) -> Speech:
        """A private chat's language: the member's app if Khmer, else the default."""
        user = message.from_user
        return self._languages.for_private(user.language_code if user else None)


def drawn_buttons(
    labelled: tuple[tuple[Button, str], ...], about: int | None, link: str | None
) -> tuple[InlineKeyboardButton, ...]:
    """A confirmation's buttons for Telegram: taps acting on the message `about`, and the Mini App's
    month (left out when the Mini App is not set up)."""
    return tuple(
        InlineKeyboardButton(label, url=link)
        if kind is Button.THIS_MONTH
        else InlineKeyboardButton(label, callback_data=f"{ACTIONS[kind]}:{about}")
        for kind, label in labelled
        if kind is not Button.THIS_MONTH or link
    )


def _topic(message: Message) -> int | None:
    """The forum topic the message is in, so that what the bot says about it goes there too."""
    return message.message_thread_id if message.is_topic_message else None
