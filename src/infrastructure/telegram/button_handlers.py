"""The confirmation's buttons: Undo, the currency switch and the category, answered in Telegram's time."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping

from telegram import CallbackQuery, InlineKeyboardButton, InlineKeyboardMarkup, Message, Update
from telegram.error import BadRequest
from telegram.ext import ContextTypes

from balance_bot.capture.outcomes import ActionRefusal, ActionRefused, Refused
from balance_bot.capture.service import CaptureService
from balance_bot.categories.categorising import Categorising, NoSuchCategory, Recategorised
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import LedgerError, SavedMessage
from infrastructure.telegram import texts
from infrastructure.telegram.callback_answers import CallbackAnswers
from infrastructure.telegram.category_replies import CategoryReplies
from infrastructure.telegram.confirmations import utf16_length
from infrastructure.telegram.replies import Replies

UNDO, SWITCH, CATEGORY_MENU, CATEGORY = "undo", "switch", "catmenu", "cat"
CATEGORIES_PER_ROW = 2
# Telegram's longest answer to a button tap; a longer one is said in the chat instead.
MAX_ALERT_LENGTH = 200

IsAdmin = Callable[[ContextTypes.DEFAULT_TYPE, int, int], Awaitable[bool]]


class ButtonHandlers:
    """Taps on a confirmation's buttons: refusals go to the member who tapped, results to the group."""

    def __init__(
        self,
        capture: CaptureService,
        categorising: Categorising | None,
        languages: ChatLanguages,
        user_is_admin: IsAdmin,
        callbacks: CallbackAnswers,
    ) -> None:
        self._capture = capture
        self._categorising = categorising
        self._languages = languages
        self._user_is_admin = user_is_admin
        self._callbacks = callbacks

    async def undo_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Void the rows behind an Undo button."""
        await self._button(update, context, UNDO)

    async def switch_button(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Switch the guessed currency behind a button."""
        await self._button(update, context, SWITCH)

    async def category_menu(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The category button: the confirmation's buttons become the tab's categories to choose from."""
        query = update.callback_query
        if query is None or query.data is None or query.message is None or self._categorising is None:
            return
        message_id = int(query.data.split(":", 1)[1])
        chat_id = query.message.chat.id
        replies = Replies.of(await self._languages.for_group(chat_id))
        user_id = query.from_user.id
        refused = await self._categorising.refusal_to_choose(
            chat_id, message_id, user_id, lambda: self._user_is_admin(context, chat_id, user_id)
        )
        if refused is not None:  # another member's confirmation keeps its buttons
            await self._tell_tapper(query, CategoryReplies(replies).recategorised(refused, "", {}))
            return
        try:
            book = await self._categorising.book(chat_id)
        except LedgerError as exc:
            await self._tell_tapper(query, replies.ledger_problem(exc))
            return
        shown = replies.category_names(book)
        choices = [
            InlineKeyboardButton(
                replies.category(category.name, shown), callback_data=f"{CATEGORY}:{message_id}:{index}"
            )
            for index, category in enumerate(book.choices)
        ]
        rows = [
            choices[start : start + CATEGORIES_PER_ROW]
            for start in range(0, len(choices), CATEGORIES_PER_ROW)
        ]
        await self._callbacks.answer(query)
        try:
            await query.edit_message_reply_markup(InlineKeyboardMarkup(rows))
        except BadRequest as exc:  # tapped twice: the list is showing already
            if "not modified" not in str(exc):
                raise

    async def category_chosen(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A category tapped in that list: the expense gets it (its author or an admin), and it is learned."""
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or query.message is None:
            return
        if self._categorising is None:
            return
        _, message_id, index = query.data.split(":")
        chat_id = query.message.chat.id
        replies = Replies.of(await self._languages.for_group(chat_id))
        try:
            book = await self._categorising.book(chat_id)
            choices = book.choices
            name = choices[int(index)].name if int(index) < len(choices) else ""
            outcome = await self._categorising.recategorise(
                chat_id,
                int(message_id),
                user.id,
                lambda: self._user_is_admin(context, chat_id, user.id),
                name,
            )
        except LedgerError as exc:
            await self._tell_tapper(query, replies.ledger_problem(exc))
            return
        if isinstance(outcome, NoSuchCategory):  # the tab changed since the list was shown
            outcome = ActionRefused(ActionRefusal.UNKNOWN)
        shown = replies.category_names(book)
        if not isinstance(outcome, Recategorised):
            await self._tell_tapper(query, CategoryReplies(replies).recategorised(outcome, name, shown))
            return
        await self._callbacks.answer(query)
        await query.edit_message_reply_markup(
            InlineKeyboardMarkup(
                [[button] for button in confirmation_buttons(outcome.message, replies, shown)]
            )
        )
        if isinstance(query.message, Message):
            await query.message.reply_text(CategoryReplies(replies).recategorised(outcome, name, shown))

    async def _button(self, update: Update, context: ContextTypes.DEFAULT_TYPE, action: str) -> None:
        query, user = update.callback_query, update.effective_user
        if query is None or user is None or query.data is None or query.message is None:
            return
        chat_id = query.message.chat.id
        member_message_id = int(query.data.split(":", 1)[1])

        def is_admin() -> Awaitable[bool]:
            return self._user_is_admin(context, chat_id, user.id)

        if action == UNDO:
            outcome = await self._capture.undo(chat_id, member_message_id, user.id, is_admin)
        else:
            outcome = await self._capture.switch_currency(chat_id, member_message_id, user.id, is_admin)
        replies = Replies.of(await self._languages.for_group(chat_id))
        text = replies.reply_for(outcome, user.full_name)
        if isinstance(outcome, ActionRefused | Refused) and text:
            await self._tell_tapper(query, text)
            return
        await self._callbacks.answer(query)
        if text and isinstance(query.message, Message):
            await query.message.reply_text(text)

    async def _tell_tapper(self, query: CallbackQuery, text: str) -> None:
        """An alert only the member who tapped sees, while Telegram takes one; else said in the chat."""
        if utf16_length(text) <= MAX_ALERT_LENGTH and await self._callbacks.answer(
            query, text, show_alert=True
        ):
            return
        await self._callbacks.answer(query)
        if isinstance(query.message, Message):
            await query.message.reply_text(text)


def confirmation_buttons(
    saved: SavedMessage, replies: Replies, categories: Mapping[str, str] | None = None
) -> tuple[InlineKeyboardButton, ...]:
    """Undo; the currency switch when the currency was guessed; the category of a one-line expense,
    which opens the tab's categories to choose from (when the bot keeps categories)."""
    buttons = [InlineKeyboardButton(replies.undo_button(saved), callback_data=f"{UNDO}:{saved.message_id}")]
    if saved.currency_guessed:
        buttons.append(
            InlineKeyboardButton(replies.switch_button(saved), callback_data=f"{SWITCH}:{saved.message_id}")
        )
    if categories is not None and len(saved.lines) == 1 and saved.lines[0].line.category:
        label = replies.say(
            texts.CATEGORY_BUTTON, category=replies.category(saved.lines[0].line.category, categories)
        )
        buttons.append(InlineKeyboardButton(label, callback_data=f"{CATEGORY_MENU}:{saved.message_id}"))
    return tuple(buttons)
