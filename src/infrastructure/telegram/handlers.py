"""Thin handlers: extract from the update, call the capture use case, render, reply."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, replace
from typing import Any

from telegram import (
    InlineKeyboardMarkup,
    Message,
    MessageOrigin,
    MessageOriginChannel,
    MessageOriginChat,
    MessageOriginHiddenUser,
    MessageOriginUser,
    ReplyParameters,
    Update,
    User,
)
from telegram.constants import ChatMemberStatus, ChatType
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ContextTypes

from balance_bot.capture.conversation import Conversation
from balance_bot.capture.group_messages import GroupMessages
from balance_bot.capture.outcomes import (
    Outcome,
)
from balance_bot.capture.reply_plan import ReplyPlan
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.groups.group_moves import GroupMoves
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.recorded_once import NoticePlan
from balance_bot.ports import SeenMember
from infrastructure.telegram import texts
from infrastructure.telegram.confirmations import ConfirmationQueue
from infrastructure.telegram.rendering import CATEGORY_MENU, SWITCH, UNDO, PlanRenderer
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)


class BotHandlers:
    """The bot's handlers, sharing the capture service and the confirmation queue."""

    def __init__(
        self,
        capture: CaptureService,
        confirmations: ConfirmationQueue,
        languages: ChatLanguages,
        conversation: Conversation,
        admin_user_ids: frozenset[int],
        membership: GroupMembership | None = None,
        moves: GroupMoves | None = None,
        follow_move: Callable[[int, int], None] = lambda old, new: None,
        serves: Callable[[int], Awaitable[bool]] | None = None,
        webapp_short_name: str | None = None,
        messages: GroupMessages | None = None,
    ) -> None:
        self._membership = membership
        self._serves = serves  # ServedGroups.serves: a move is followed only for a group served
        self._moves = moves
        self._follow_move = follow_move
        self._capture = capture
        self._confirmations = confirmations
        self._languages = languages
        # What the group hears is the core's plan; the handlers only draw it.
        self._conversation = conversation
        # A group's messages, bank notices among them, when the bot reads notices; else the conversation's.
        self._messages = messages
        self._admin_user_ids = admin_user_ids
        self._renderer = PlanRenderer(confirmations, languages, self._reply, webapp_short_name)

    @property
    def conversation(self) -> Conversation:
        """The capture flow the handlers render (the buttons' taps render it too)."""
        return self._conversation

    async def drain(self) -> None:
        """Wait for the confirmations still being prepared and sent."""
        await self._renderer.drain()

    async def help(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """Explain how to post expenses."""
        if update.effective_message is not None:
            replies = await self._replies(update.effective_message)
            await update.effective_message.reply_text(replies.help())

    async def group_text(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """A member's new group message, or a photo's caption: a bank's notice or an expense, as the
        core plans it, drawn."""
        message = update.message
        said = from_member(message, update.effective_user)
        if message is None or said is None:
            return  # a bot, a channel's post, an automatic forward from the linked channel
        if self._messages is None:
            plan: NoticePlan = await self._conversation.on_message(said.incoming, said.seen)
        else:
            sender = forwarded_from(message.forward_origin)
            plan = await self._messages.on_message(said.incoming, said.seen, sender)
        await self._renderer.render(message, plan)

    async def group_edit(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """An edited message or caption: its rows updated, voided or captured; a notice stays as first
        posted."""
        message = update.edited_message
        said = from_member(message, update.effective_user)
        if message is None or said is None:
            return
        if self._messages is None:
            plan: ReplyPlan | None = await self._conversation.on_edit(said.incoming, said.seen)
        else:
            plan = await self._messages.on_edit(said.incoming, said.seen)
        if plan is not None:
            await self._renderer.render(message, plan)

    async def migrated(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The group became a supergroup: its sheet, settings and expenses follow it to its new id."""
        message = update.effective_message
        if message is None:
            return
        if message.migrate_to_chat_id is not None:
            await self.chat_moved(message.chat_id, message.migrate_to_chat_id)
        elif message.migrate_from_chat_id is not None:
            await self.chat_moved(message.migrate_from_chat_id, message.chat_id)

    async def chat_moved(self, old_chat_id: int, new_chat_id: int) -> None:
        """Move what is kept under the group's old id (once), and let the adapters follow."""
        if self._moves is None or (self._serves is not None and not await self._serves(old_chat_id)):
            return
        if await self._moves.moved(old_chat_id, new_chat_id):
            log.info(
                "chat %s became the supergroup %s; its sheet and expenses follow", old_chat_id, new_chat_id
            )
        self._follow_move(old_chat_id, new_chat_id)
        self._confirmations.follow(old_chat_id, new_chat_id)
        self._languages.forget(new_chat_id)

    async def membership_changed(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The bot was added to a group (greet it once) or removed from it (stop its rounds)."""
        change = update.my_chat_member
        if change is None or self._membership is None or change.chat.type == ChatType.PRIVATE:
            return
        was_in, is_in = change.difference().get("status", (None, None))
        if was_in is None:
            return  # rights changed, membership did not
        inside = (ChatMemberStatus.MEMBER, ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)
        if is_in in inside and was_in not in inside:
            if await self._membership.added(change.chat.id):
                replies = Replies.of(await self._languages.for_group(change.chat.id))
                greeting = replies.say(texts.GREETING)
                reads_all = context.bot.bot.can_read_all_group_messages
                if not reads_all and is_in != ChatMemberStatus.ADMINISTRATOR:
                    greeting = f"{greeting}\n\n{replies.say(texts.CANNOT_READ)}"
                await context.bot.send_message(change.chat.id, greeting)
        elif was_in in inside and is_in not in inside:
            log.info("removed from chat %s: its rounds and summaries stop", change.chat.id)
            await self._membership.removed(change.chat.id)

    async def undo_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/undo in reply to an expense message voids its rows."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return
        if message.reply_to_message is None:
            await message.reply_text((await self._replies(message)).say(texts.UNDO_HOW))
            return
        target = expense_message_id(message.reply_to_message, context.bot.id)
        author = author_of(message, user)
        if author is None:
            return
        outcome = await self._capture.undo(
            message.chat_id, target, author.id, lambda: self._is_admin(context, message, user.id)
        )
        await self._deliver(message, outcome)

    async def topup_command(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/topup 200$ from the office: admins record money put into the cash box."""
        message = await self._from_admin(update, context)
        author = author_of(message, update.effective_user) if message is not None else None
        if message is None or author is None:
            return
        incoming = replace(incoming_of(message, author), text=" ".join(context.args or []))
        await self._deliver(message, await self._capture.top_up(incoming))

    async def deliver(self, message: Message, outcome: Outcome) -> None:
        """Render an outcome as the reply, reaction or confirmation it calls for (for other handlers)."""
        await self._deliver(message, outcome)

    async def render(self, message: Message, plan: NoticePlan) -> None:
        """Draw a plan of another use case about the message (for other handlers)."""
        await self._renderer.render(message, plan)

    async def from_admin(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
        """The command's message when an admin sent it (for other handlers)."""
        return await self._from_admin(update, context)

    async def replies_for(self, message: Message) -> Replies:
        """The bot's words for the message's chat (for other handlers)."""
        return await self._replies(message)

    async def is_admin(self, context: ContextTypes.DEFAULT_TYPE, message: Message, user_id: int) -> bool:
        """Whether the message's sender is an admin (for other handlers)."""
        return await self._is_admin(context, message, user_id)

    async def reply(
        self, message: Message, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> Message | None:
        """Reply to the message, following a group that became a supergroup (for other handlers)."""
        return await self._reply(message, text, markup)

    async def _from_admin(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> Message | None:
        """The command's message when an admin sent it; anyone else is told it is for admins."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return None
        if not await self._is_admin(context, message, user.id):
            await message.reply_text((await self._replies(message)).say(texts.ADMINS_ONLY))
            return None
        return message

    async def _deliver(self, message: Message, outcome: Outcome) -> None:
        """Render an outcome of another use case as the core plans it."""
        author = author_of(message, message.from_user)
        member = author.name if author is not None else ""
        await self._renderer.render(message, await self._conversation.plan(message.chat_id, outcome, member))

    def in_background(self, work: Coroutine[Any, Any, None]) -> None:
        """Run work beside the chat's queue, drained when the bot stops (for other handlers)."""
        self._renderer.in_background(work)

    def month_link_for(self, message: Message) -> str | None:
        """The Mini App's month of the message's group; None when the Mini App is not set up."""
        return self._renderer.month_link_for(message)

    async def _replies(self, message: Message) -> Replies:
        """The bot's words for the chat: the group's language; in private, the member's app if Khmer."""
        return await self._renderer.replies(message)

    async def _reply(
        self, message: Message, text: str, markup: InlineKeyboardMarkup | None = None
    ) -> Message | None:
        """Reply to the message; a group that became a supergroup meanwhile gets it at its new id."""
        try:
            return await message.reply_text(
                text,
                reply_parameters=ReplyParameters(message.message_id, allow_sending_without_reply=True),
                reply_markup=markup,
            )
        except ChatMigrated as exc:
            await self.chat_moved(message.chat_id, exc.new_chat_id)
            return await _send_to_supergroup(message, exc.new_chat_id, text)
        except TelegramError as exc:
            log.warning("could not reply in chat %s: %s", message.chat_id, exc)
            return None

    async def _is_admin(self, context: ContextTypes.DEFAULT_TYPE, message: Message, user_id: int) -> bool:
        """Whether the message's sender is an admin: an anonymous admin (on behalf of the group) is."""
        if posted_by_the_group(message):
            return True
        return await self.user_is_admin(context, message.chat_id, user_id)

    async def user_is_admin(self, context: ContextTypes.DEFAULT_TYPE, chat_id: int, user_id: int) -> bool:
        """Whether the user is an admin of the group (or one of the operator's ADMIN_USER_IDS)."""
        if user_id in self._admin_user_ids:
            return True
        try:
            member = await context.bot.get_chat_member(chat_id, user_id)
        except TelegramError as exc:
            log.warning("could not check whether user %s is an admin of chat %s: %s", user_id, chat_id, exc)
            return False
        return member.status in (ChatMemberStatus.ADMINISTRATOR, ChatMemberStatus.OWNER)


@dataclass(frozen=True, slots=True)
class _Author:
    """Who a message counts as from: a member, or the group's admins posting anonymously."""

    id: int
    name: str


def author_of(message: Message, user: User | None) -> _Author | None:
    """The member behind a message; the group's admins for an anonymous admin; None for bots and
    channels (a linked channel's automatic forward, a post on behalf of a channel)."""
    if posted_by_the_group(message):
        return _Author(message.chat_id, texts.GROUP_ADMINS)  # the group's id: no member's Undo
    if message.is_automatic_forward or message.sender_chat is not None:
        return None
    if user is None or user.is_bot:
        return None
    return _Author(user.id, user.full_name)


@dataclass(frozen=True, slots=True)
class FromMember:
    """A member's message as the core reads it, and the member to be named later (/advance @name)."""

    incoming: IncomingMessage
    seen: SeenMember | None


def from_member(message: Message | None, user: User | None) -> FromMember | None:
    """A member's message with words (text or a caption); None for a bot, a channel's post, an automatic
    forward from the linked channel, or a message without words."""
    if message is None or (message.text or message.caption) is None:
        return None
    author = author_of(message, user)
    if author is None:
        return None
    return FromMember(incoming_of(message, author), seen_of(author, user))


def seen_of(author: _Author, user: User | None) -> SeenMember | None:
    """The member who wrote it, to be named later (/advance @name); none for an admin posting as the group."""
    return SeenMember(user.id, author.name, user.username) if user and author.id == user.id else None


def posted_by_the_group(message: Message) -> bool:
    """An anonymous admin: Telegram sends it from @GroupAnonymousBot on behalf of the group itself."""
    return message.sender_chat is not None and message.sender_chat.id == message.chat_id


def incoming_of(message: Message, author: _Author) -> IncomingMessage:
    return IncomingMessage(
        chat_id=message.chat_id,
        message_id=message.message_id,
        user_id=author.id,
        member_name=author.name,
        text=message.text or message.caption or "",
        sent_at=message.date,
        revision=int(message.edit_date.timestamp()) if message.edit_date else 0,
        forwarded_from=message.forward_origin.date if message.forward_origin is not None else None,
        receipt=(message.link or "") if message.photo or message.document else "",  # the caption's proof
    )


def expense_message_id(target: Message, bot_id: int) -> int:
    """The member's message a command in reply is about: the message replied to, or, for the bot's
    confirmation, the one its buttons name (members reply to what names the expense)."""
    if target.from_user is None or target.from_user.id != bot_id or target.reply_markup is None:
        return target.message_id
    for row in target.reply_markup.inline_keyboard:
        for button in row:
            action, _, rest = str(button.callback_data or "").partition(":")
            if action in (UNDO, SWITCH, CATEGORY_MENU) and rest.isdigit():
                return int(rest)
    return target.message_id


async def _send_to_supergroup(message: Message, new_chat_id: int, text: str) -> Message | None:
    try:
        return await message.get_bot().send_message(new_chat_id, text)
    except TelegramError as exc:
        log.warning("could not reply in chat %s (was %s): %s", new_chat_id, message.chat_id, exc)
        return None


def forwarded_from(origin: MessageOrigin | None) -> ForwardedFrom | None:
    """The account a forwarded message was first sent by, as the Bot API's forward_origin names it."""
    match origin:
        case MessageOriginUser(sender_user=sender):
            return ForwardedFrom(SenderKind.BOT if sender.is_bot else SenderKind.PERSON, sender.username)
        case MessageOriginHiddenUser():
            return ForwardedFrom(SenderKind.HIDDEN)
        case MessageOriginChat(sender_chat=chat) | MessageOriginChannel(chat=chat):
            return ForwardedFrom(SenderKind.CHAT, chat.username)
    return None
