"""A tap on a button that names the member's message it acts on ('action:<message id>'), read once for every
room's buttons, and answered: an alert to the tapper alone, or the buttons taken away."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass

from telegram import CallbackQuery, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from infrastructure.telegram.callback_answers import CallbackAnswers

UserIsAdmin = Callable[[ContextTypes.DEFAULT_TYPE, int, int], Awaitable[bool]]


@dataclass(frozen=True, slots=True)
class ButtonTap:
    """Who tapped under which of the bot's messages, about which member's message."""

    query: CallbackQuery
    message: Message  # the bot's message the button is under
    user_id: int
    about: int
    is_admin: Callable[[], Awaitable[bool]]


def button_tap(
    update: Update, context: ContextTypes.DEFAULT_TYPE, user_is_admin: UserIsAdmin
) -> ButtonTap | None:
    """The tap of an update; None for one without a member, data or the message it is under."""
    query, user = update.callback_query, update.effective_user
    if query is None or user is None or query.data is None or not isinstance(query.message, Message):
        return None
    message = query.message

    async def is_admin() -> bool:
        return await user_is_admin(context, message.chat_id, user.id)

    return ButtonTap(query, message, user.id, int(query.data.split(":", 1)[1]), is_admin)


async def answer_tap(
    callbacks: CallbackAnswers, tap: ButtonTap, text: str | None, *, privately: bool, buttons_stay: bool
) -> None:
    """Tell the tapper alone (an alert) or answer the tap; take the buttons away unless they stay."""
    if privately and text is not None:
        await callbacks.tell_tapper(tap.query, text)
    else:
        await callbacks.answer(tap.query, text)
    if not buttons_stay:
        try:
            await tap.query.edit_message_reply_markup(None)
        except BadRequest as exc:  # gone already: another tap took them
            if "not modified" not in str(exc):
                raise
