"""/cat in Telegram: a row's category, what was learned, drawn from the core's CatCommand."""

from __future__ import annotations

from telegram import Update
from telegram.ext import ContextTypes

from balance_bot.categories.cat_command import CatCommand
from infrastructure.telegram.category_replies import CategoryReplies
from infrastructure.telegram.handlers import BotHandlers, author_of, expense_message_id


class CategoryHandlers:
    """/cat NAME on an expense, /cat 12 NAME, /cat learned and /cat forget."""

    def __init__(self, bot: BotHandlers, cat: CatCommand) -> None:
        self._bot = bot
        self._cat = cat

    async def cat_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/cat NAME in reply to an expense, /cat 12 NAME, /cat learned or forget: as the core decides."""
        message, user = update.message, update.effective_user
        author = author_of(message, user) if message is not None else None
        if message is None or user is None or author is None:
            return
        target = message.reply_to_message
        answer = await self._cat.run(
            message.chat_id,
            list(context.args or []),
            author.id,
            lambda: self._bot.is_admin(context, message, user.id),
            about=expense_message_id(target, context.bot.id) if target is not None else None,
            answers_a_message=target is not None,
        )
        await self._bot.reply(
            message, CategoryReplies(await self._bot.replies_for(message)).cat_answer(answer)
        )
