"""A member's messages in `try`, as in the group: bank notices pasted (or "forwarded" from a bank's bot with
/forward) among them, the Confirm / Not ours buttons under one as the terminal's /ours and /notours."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from balance_bot.capture.group_messages import GroupMessages
from balance_bot.capture.outcomes import AdminCheck
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.recorded_once import NoticeButton, NoticePlan, RecordedOnce
from infrastructure.telegram import texts
from infrastructure.telegram.payment_replies import PaymentReplies
from infrastructure.telegram.replies import Replies

# The buttons under a notice that waits for an admin, as the terminal's commands.
NOTICE_COMMANDS = {NoticeButton.CONFIRM: "/ours", NoticeButton.NOT_OURS: "/notours"}
Render = Callable[[ReplyPlan], Awaitable[None]]


class TryPayments:
    """What the group's payment handlers do, for the terminal: the core's plan drawn as lines."""

    def __init__(
        self,
        messages: GroupMessages,
        notices: RecordedOnce,
        chat_id: int,
        say: Callable[[str], None],
        buttons: Callable[[str], None],
    ) -> None:
        self._messages = messages
        self._notices = notices
        self._chat_id = chat_id
        self._say = say
        self._buttons = buttons  # prints a line of buttons
        self._waiting: int | None = None  # the notice the terminal's /ours and /notours answer

    async def on_message(self, message: IncomingMessage, render: Render, bot: str | None = None) -> None:
        """A member's message, a bank notice or an expense as the core plans it; `bot`, the bank bot's
        username it was forwarded from (`/forward @PayWayByABA_bot …`)."""
        sender = ForwardedFrom(SenderKind.BOT, bot) if bot else None
        await self._draw(await self._messages.on_message(message, None, sender), render)

    async def tapped(self, command: str, is_admin: AdminCheck, render: Render) -> None:
        """/ours or /notours: the last notice that waits, answered as a tap on its button."""
        answer = self._notices.confirm if command == "/ours" else self._notices.not_ours
        # No notice waiting: answered as a tap on buttons gone (message 0 is no member's).
        tap = await answer(self._chat_id, self._waiting or 0, is_admin)
        text = PaymentReplies(Replies.of(tap.speech)).tapped(tap)
        if text is not None:
            self._say(text)
        if not tap.buttons_stay:
            self._waiting = None
        if tap.said is not None:
            await self._draw(tap.said, render)

    async def _draw(self, plan: NoticePlan, render: Render) -> None:
        if isinstance(plan, ReplyPlan):
            await render(plan)
            return
        replies = PaymentReplies(Replies.of(plan.speech))
        self._say(replies.said(plan.shown))
        if plan.buttons:
            self._waiting = plan.about
            shown = [
                texts.TRY_BUTTON.format(label=replies.button(button), command=NOTICE_COMMANDS[button])
                for button in plan.buttons
            ]
            self._buttons(texts.TRY_BUTTONS.format(buttons=" · ".join(shown)))
