"""A group's set-up in Telegram: /id, /quiet, /language, /usage and /connect, drawn from the core."""

from __future__ import annotations

from telegram import Update
from telegram.constants import ChatType
from telegram.ext import ContextTypes

from balance_bot.capture.conversation import QuietChats
from balance_bot.groups.connect import ConnectSheet
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.usage import UsageReport
from infrastructure.telegram import texts
from infrastructure.telegram.group_replies import GroupReplies
from infrastructure.telegram.handlers import BotHandlers, posted_by_the_group
from infrastructure.telegram.replies import Replies


class GroupHandlers:
    """The commands that set a group up; admins only, but /id, which the operator needs first."""

    def __init__(
        self,
        bot: BotHandlers,
        quiet_chats: QuietChats,
        languages: ChatLanguages,
        connect: ConnectSheet,
        admin_user_ids: frozenset[int],
        usage: UsageReport | None = None,
    ) -> None:
        self._bot = bot
        self._quiet_chats = quiet_chats
        self._languages = languages
        self._connect = connect
        self._admin_user_ids = admin_user_ids
        self._usage = usage

    async def id_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/id: the group's chat id and the sender's user id, for the operator's settings."""
        message, user = update.effective_message, update.effective_user
        if message is None:
            return
        replies = await self._bot.replies_for(message)
        user_id = user.id if user is not None and not posted_by_the_group(message) else None
        if message.chat.type == ChatType.PRIVATE:
            await self._bot.reply(message, replies.say(texts.IDS_IN_PRIVATE, user_id=user_id))
        elif user_id is None:
            await self._bot.reply(
                message, replies.say(texts.IDS_IN_A_GROUP_ANONYMOUS, chat_id=message.chat_id)
            )
        else:
            await self._bot.reply(
                message, replies.say(texts.IDS_IN_A_GROUP, chat_id=message.chat_id, user_id=user_id)
            )

    async def quiet_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/quiet on|off: admins choose reactions instead of confirmation messages."""
        message = await self._bot.from_admin(update, context)
        if message is None:
            return
        replies = await self._bot.replies_for(message)
        choice = (context.args or [""])[0].lower()
        if choice not in ("on", "off"):
            await message.reply_text(replies.say(texts.QUIET_HOW))
            return
        await self._quiet_chats.set_quiet(message.chat_id, choice == "on")
        await message.reply_text(replies.say(texts.QUIET_ON if choice == "on" else texts.QUIET_OFF))

    async def language_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/language km|en [digits]: admins choose the language of the bot's replies in the group."""
        message = await self._bot.from_admin(update, context)
        if message is None:
            return
        outcome = await self._languages.choose(message.chat_id, " ".join(context.args or []))
        await self._bot.reply(message, GroupReplies(Replies.of(outcome.speech)).language_chosen(outcome))

    async def usage_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/usage: a group's admins see its LLM calls and cost this month; operators, privately, all."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return
        private = message.chat.type == ChatType.PRIVATE
        replies = await self._bot.replies_for(message)
        if private and user.id not in self._admin_user_ids:
            await self._bot.reply(message, replies.say(texts.OPERATORS_ONLY))
            return
        if not private and await self._bot.from_admin(update, context) is None:
            return
        if self._usage is None:
            await self._bot.reply(message, replies.say(texts.USAGE_OFF))
            return
        report = await self._usage.this_month(None if private else message.chat_id)
        await self._bot.reply(message, GroupReplies(replies).usage(report))

    async def connect_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/connect <sheet link>: admins point the group at its Google Sheet, access checked first."""
        message = await self._bot.from_admin(update, context)
        if message is None:
            return
        replies = await self._bot.replies_for(message)
        if not context.args:
            await message.reply_text(GroupReplies(replies).connect_how(await self._connect.share_with()))
            return
        outcome = await self._connect.connect(message.chat_id, " ".join(context.args))
        await message.reply_text(GroupReplies(replies).connect_reply(outcome))
