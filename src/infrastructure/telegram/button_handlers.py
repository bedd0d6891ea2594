"""The confirmation's buttons: Undo, the currency switch and the category, answered in Telegram's time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update, User
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from balance_bot.capture.taps import CategoryMenu, TapPlan, Taps
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.rendering import CATEGORY, drawn_buttons
from infrastructure.telegram.replies import Replies

CATEGORIES_PER_ROW = 2

IsAdmin = Callable[[ContextTypes.DEFAULT_TYPE, int, int], Awaitable[bool]]
MonthLink = Callable[[Message], str | None]
Tap = tuple[CallbackQuery, int, list[int], User, Callable[[], Awaitable[bool]]]


class ButtonHandlers:
    """Taps on a confirmation's buttons, drawn as the core's Taps plan them."""

    def __init__(
        self, taps: Taps, user_is_admin: IsAdmin, callbacks: CallbackAnswers, month_link: MonthLink
    ) -> None:
        self._taps = taps
        self._user_is_admin = user_is_admin
        self._callbacks = callbacks
        self._month_link = month_link  # the Mini App's month, for the "📊 This month" button

    async def undo_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Void the rows behind an Undo button."""
        if (tap := self._tap(update, context)) is not None:
            query, chat_id, (message_id, *_), user, is_admin = tap
            await self._draw(
                query, await self._taps.undo(chat_id, message_id, user.id, user.full_name, is_admin)
            )

    async def switch_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Switch the guessed currency behind a button."""
        if (tap := self._tap(update, context)) is not None:
            query, chat_id, (message_id, *_), user, is_admin = tap
            switched = await self._taps.switch(chat_id, message_id, user.id, user.full_name, is_admin)
            await self._draw(query, switched)

    async def category_menu(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The category button: the confirmation's buttons become the tab's categories to choose from."""
        if (tap := self._tap(update, context)) is None:
            return
        query, chat_id, (message_id, *_), user, is_admin = tap
        menu = await self._taps.category_menu(chat_id, message_id, user.id, is_admin)
        if isinstance(menu, TapPlan):
            await self._draw(query, menu)
            return
        await self._callbacks.answer(query)
        try:
            await query.edit_message_reply_markup(_category_rows(menu, message_id))
        except BadRequest as exc:  # tapped twice: the list is showing already
            if "not modified" not in str(exc):
                raise

    async def category_chosen(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A category tapped in that list: the expense gets it (its author or an admin), and it is learned."""
        if (tap := self._tap(update, context)) is not None:
            query, chat_id, (message_id, index, *_), user, is_admin = tap
            chosen = await self._taps.category_chosen(chat_id, message_id, user.id, is_admin, index)
            await self._draw(query, chosen)

    def _tap(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> Tap | None:
        """The tap's query, chat, the numbers its button carries (the member's message, then any other),
        who tapped, and the admin check asked only if needed; None for a tap without them."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or query.message is None:
            return None
        numbers = [int(part) for part in query.data.split(":")[1:]]
        chat_id = query.message.chat.id
        return query, chat_id, numbers, user, lambda: self._user_is_admin(context, chat_id, user.id)

    async def _draw(self, query: CallbackQuery, tap: TapPlan) -> None:
        """A tap's plan: an alert for the tapper alone, or the group told, the buttons redrawn."""
        replies = Replies.of(tap.speech)
        text = replies.tap_text(tap)
        if tap.privately and text:
            await self._callbacks.tell_tapper(query, text)
            return
        await self._callbacks.answer(query)
        message = query.message if isinstance(query.message, Message) else None
        if tap.buttons is not None and tap.saved is not None and message is not None:
            labelled = tuple(
                (kind, replies.label(kind, tap.saved, tap.category_names)) for kind in tap.buttons
            )
            drawn = drawn_buttons(labelled, tap.saved.message_id, self._month_link(message))
            await query.edit_message_reply_markup(InlineKeyboardMarkup([[button] for button in drawn]))
        if text and message is not None:
            await message.reply_text(text)


def _category_rows(menu: CategoryMenu, message_id: int) -> InlineKeyboardMarkup:
    """The tab's categories, two to a row, each naming its place in the list."""
    replies = Replies.of(menu.speech)
    choices = [
        InlineKeyboardButton(
            replies.category(name, menu.category_names), callback_data=f"{CATEGORY}:{message_id}:{index}"
        )
        for index, name in enumerate(menu.choices)
    ]
    return InlineKeyboardMarkup(
        [choices[start : start + CATEGORIES_PER_ROW] for start in range(0, len(choices), CATEGORIES_PER_ROW)]
    )
