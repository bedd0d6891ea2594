"""Which groups reach the bot: a group the operator has not allowed is told once that the bot is private,
and the operator allows one with /allow from a private chat.

The texts live here rather than in texts.py (which is past its size), and are extracted into the
catalogs like them (babel.cfg).
"""

from __future__ import annotations

import logging

from telegram import Message, Update
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CommandHandler,
    ContextTypes,
    TypeHandler,
    filters,
)

from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.groups.served_groups import GroupAllowed, NotAGroup, OperatorsOnly, ServedGroups
from infrastructure.i18n.catalogs import N_
from infrastructure.telegram import texts
from infrastructure.telegram.callback_answers import CALLBACK_ANSWERS, CallbackAnswers
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)

PRIVATE_TO_ITS_TEAM = N_(
    "This bot is private to its team, so I read nothing here. Its operator can allow this group "
    "with /allow {chat_id} in a private chat with the bot, or by adding {chat_id} to ALLOWED_CHAT_IDS."
)
ALLOW_HOW = N_("Send /allow and the group's chat id, e.g. /allow -1001234567890 (the group's /id shows it).")
ALLOW_ASKING = N_("Groups that were told lately that the bot is private:\n{groups}")
ALLOW_ASKING_GROUP = N_("• {chat_id} “{title}”: /allow {chat_id}")
ALLOW_NONE_ASKING = N_("No group has asked lately.")
ALLOW_OPERATORS_ONLY = N_("Only the bot's operator (a user of ADMIN_USER_IDS) can allow a group.")
ALLOW_NOT_A_GROUP = N_(
    "“{words}” is not a group's chat id: a group's id starts with a minus, e.g. -1001234567890."
)
ALLOWED_NOW = N_("Group {chat_id} is allowed: I serve it from now on, also after a restart.")
ALLOWED_BEFORE = N_("Group {chat_id} is allowed already.")
_INSIDE = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


class GroupAccess:
    """The gate before every handler, and the operator's /allow."""

    def __init__(
        self, served: ServedGroups, languages: ChatLanguages, membership: GroupMembership | None
    ) -> None:
        self._served = served
        self._languages = languages
        self._membership = membership

    def attach(self, application: Application) -> None:  # type: ignore[type-arg]
        """The gate first of all handlers; /allow in private chats."""
        application.add_handler(TypeHandler(Update, self.gate), group=-2)
        application.add_handler(CommandHandler("allow", self.allow_command, filters=filters.ChatType.PRIVATE))

    async def gate(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Stop every update from a group the bot does not serve, but /id, a move and a removal;
        the group's first message, or the bot's arrival, gets the one line that it is private.
        Closed when in doubt: python-telegram-bot runs the handlers after a gate that raised."""
        try:
            if await self._lets_through(update, context):
                return
        except Exception:
            log.exception("update %s stopped: could not tell whether its chat is served", update.update_id)
        callbacks = context.application.bot_data.get(CALLBACK_ANSWERS)
        if isinstance(callbacks, CallbackAnswers):
            callbacks.forget(update)
        raise ApplicationHandlerStop

    async def _lets_through(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> bool:
        chat = update.effective_chat
        if chat is None or chat.type == ChatType.PRIVATE or await self._served.serves(chat.id):
            return True
        message, change = update.message, update.my_chat_member
        if message is not None and (
            message.migrate_to_chat_id is not None
            or message.migrate_from_chat_id is not None
            or _command_of(message) == "id"  # the operator needs a new group's id to allow it
        ):
            return True
        if change is not None and change.new_chat_member.status not in _INSIDE:
            return True  # removed: its rounds stop as for any group
        speaks = message is not None or change is not None  # not an edit, a tap, nor a channel's post
        if speaks and await self._served.turn_away(chat.id, chat.title or ""):
            await self._tell_private(update, context, chat.id)
        log.info("an update from chat %s, which this bot does not serve, was ignored", chat.id)
        return False

    async def allow_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/allow -100123 from a private chat: an operator allows the group; /allow alone lists the
        groups that asked lately."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return
        replies = Replies.of(self._languages.for_private(user.language_code))
        if not context.args:
            asking = await self._served.asking(user.id)
            if isinstance(asking, OperatorsOnly):
                await _answer(message, replies.say(ALLOW_OPERATORS_ONLY))
                return
            lines = [
                replies.say(ALLOW_ASKING_GROUP, chat_id=group.chat_id, title=group.title) for group in asking
            ]
            listed = (
                replies.say(ALLOW_ASKING, groups="\n".join(lines))
                if lines
                else replies.say(ALLOW_NONE_ASKING)
            )
            await _answer(message, f"{replies.say(ALLOW_HOW)}\n\n{listed}")
            return
        outcome = await self._served.allow(" ".join(context.args), user.id)
        if isinstance(outcome, OperatorsOnly):
            await _answer(message, replies.say(ALLOW_OPERATORS_ONLY))
        elif isinstance(outcome, NotAGroup):
            await _answer(message, replies.say(ALLOW_NOT_A_GROUP, words=outcome.words))
        elif isinstance(outcome, GroupAllowed):
            said = ALLOWED_BEFORE if outcome.before else ALLOWED_NOW
            log.info("group %s allowed by user %s", outcome.chat_id, user.id)
            await _answer(message, replies.say(said, chat_id=outcome.chat_id))
            if not outcome.before:
                await self._greet(context, outcome.chat_id)

    async def _tell_private(self, update: Update, context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
        """The one line, in the sender's app language when it is Khmer, else the group's."""
        user = update.effective_user
        speech = await self._languages.for_group(chat_id)
        if user is not None and update.my_chat_member is None:
            in_app = self._languages.for_private(user.language_code)
            speech = in_app if in_app is not self._languages.default else speech
        try:
            await context.bot.send_message(
                chat_id, Replies.of(speech).say(PRIVATE_TO_ITS_TEAM, chat_id=chat_id)
            )
        except TelegramError as exc:
            log.info("could not tell chat %s that the bot is private: %s", chat_id, exc)

    async def _greet(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int) -> None:
        """The group just allowed hears the greeting it was not given when the bot arrived."""
        greeting = Replies.of(await self._languages.for_group(chat_id)).say(texts.GREETING)
        try:
            await context.bot.send_message(chat_id, greeting)
        except TelegramError as exc:  # not in it yet: greeted when it is added
            log.info("could not greet the group %s just allowed: %s", chat_id, exc)
            return
        if self._membership is not None:
            await self._membership.added(chat_id)  # in it, and greeted: not again when re-added


async def _answer(message: Message, text: str) -> None:
    """A reply that quotes the operator's command, as /id's does in a private chat."""
    await message.reply_text(text, do_quote=True)


def _command_of(message: Message) -> str | None:
    """The command a message starts with ('id' for '/id@bot 1'), or None."""
    text = message.text or ""
    if not text.startswith("/"):
        return None
    return text[1:].split(maxsplit=1)[0].split("@")[0].casefold() if len(text) > 1 else None
