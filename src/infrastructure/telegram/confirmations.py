"""Confirmations out to the groups: at once when a chat is idle, merged when they pile up, never dropped."""

from __future__ import annotations

import asyncio
import logging
from collections import defaultdict
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import timedelta

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, ReplyParameters
from telegram.error import BadRequest, ChatMigrated, NetworkError, RetryAfter, TelegramError

from infrastructure.telegram import texts
from infrastructure.telegram.replies import merged_confirmation

log = logging.getLogger(__name__)
# A message can carry many buttons; a burst of confirmations keeps the Undo buttons of the latest.
MAX_BUTTON_ROWS = 20
# Telegram's limit on a message's text, in UTF-16 code units as Telegram counts them.
MAX_MESSAGE_LENGTH = 4096
# A confirmation Telegram keeps refusing for a passing reason (flood control, no network) is
# tried this many times, waiting longer each time, before it is given up and logged as lost.
MAX_ATTEMPTS = 10
LONGEST_WAIT_SECONDS = 60.0

Sleep = Callable[[float], Awaitable[None]]
_Place = tuple[int, int | None]  # a chat, and the forum topic in it (None: the chat itself)


@dataclass(frozen=True, slots=True)
class Confirmation:
    """One saved message's confirmation: its text, its buttons, and whether a reaction may do."""

    chat_id: int
    reply_to_message_id: int | None  # None: it answers no member's message (a recurring cost's row)
    text: str
    buttons: tuple[InlineKeyboardButton, ...]
    quiet: bool
    topic: int | None = None  # the forum topic of the member's message: the confirmation goes there


@dataclass(frozen=True, slots=True)
class _Outgoing:
    """One message (or reaction) the bot still has to send to a chat."""

    text: str
    reply_to: int | None
    rows: tuple[tuple[InlineKeyboardButton, ...], ...] = ()
    reaction: bool = False


@dataclass
class _Chat:
    """What one chat still has to be sent: pieces already rendered first, then new confirmations."""

    unsent: list[_Outgoing] = field(default_factory=list)
    waiting: list[Confirmation] = field(default_factory=list)


class ConfirmationQueue:
    """Per chat (and forum topic), one confirmation in flight; what arrives meanwhile goes out as one.

    Handlers never wait for Telegram here, so a burst never holds up reading the next updates,
    and the rate limiter's waits turn into fewer, fuller messages instead of a backlog. What
    Telegram refuses is not lost: flood control and network errors are waited out and sent again,
    a text over Telegram's limit is split, a migrated group is written at its new id, and a
    refused reaction becomes a message.
    """

    def __init__(
        self,
        bot: Bot,
        sleep: Sleep = asyncio.sleep,
        on_moved: Callable[[int, int], Awaitable[None]] | None = None,
    ) -> None:
        self._bot = bot
        self._sleep = sleep
        self._on_moved = on_moved
        self._chats: defaultdict[_Place, _Chat] = defaultdict(_Chat)
        self._senders: dict[_Place, asyncio.Task[None]] = {}
        self._moved: dict[int, int] = {}  # a group's old id -> its supergroup's, once Telegram said so

    def submit(self, confirmation: Confirmation) -> None:
        """Queue a confirmation; it goes out as soon as the chat has nothing in flight."""
        place = (confirmation.chat_id, confirmation.topic)
        self._chats[place].waiting.append(confirmation)
        if place not in self._senders:
            self._senders[place] = asyncio.get_running_loop().create_task(self._send_all(place))

    def follow(self, old_chat_id: int, new_chat_id: int) -> None:
        """Send what is for the group's old id to its new one from now on."""
        self._moved[old_chat_id] = new_chat_id

    async def drain(self) -> None:
        """Wait until every queued confirmation has been sent (or given up)."""
        while self._senders:
            await asyncio.gather(*self._senders.values(), return_exceptions=True)

    async def _send_all(self, place: _Place) -> None:
        chat_id, topic = place
        chat, failures = self._chats[place], 0
        try:
            while chat.unsent or chat.waiting:
                if not chat.unsent:
                    chat.unsent, chat.waiting = _rendered(chat.waiting), []
                try:
                    await self._send(chat_id, topic, chat.unsent[0])
                except ChatMigrated as exc:
                    if self._moved.get(chat_id) == exc.new_chat_id:
                        log.warning("chat %s refused a confirmation at its new id too", chat_id)
                        chat.unsent.pop(0)
                        continue
                    log.info("chat %s is now the supergroup %s; sending there", chat_id, exc.new_chat_id)
                    self._moved[chat_id] = exc.new_chat_id
                    if self._on_moved is not None:
                        try:
                            await self._on_moved(chat_id, exc.new_chat_id)
                        except Exception:  # the group's state is moved on the next chance; send now
                            log.exception("could not move chat %s to %s", chat_id, exc.new_chat_id)
                except (RetryAfter, NetworkError) as exc:  # flood control, timeouts, no network
                    failures += 1
                    if failures < MAX_ATTEMPTS:
                        await self._sleep(_wait_before_retry(exc, failures))
                        continue
                    log.error(
                        "gave up a confirmation in chat %s after %d attempts: %s", chat_id, failures, exc
                    )
                    chat.unsent.pop(0)
                    failures = 0
                except TelegramError as exc:  # refused for good: the bot was removed, the chat is gone
                    log.warning("could not deliver a confirmation in chat %s: %s", chat_id, exc)
                    chat.unsent.pop(0)
                else:
                    chat.unsent.pop(0)
                    failures = 0
        finally:
            del self._senders[place]
            if not (chat.unsent or chat.waiting):
                self._chats.pop(place, None)

    async def _send(self, chat_id: int, topic: int | None, outgoing: _Outgoing) -> None:
        target = self._moved.get(chat_id, chat_id)
        if outgoing.reaction and outgoing.reply_to is not None:
            try:
                await self._bot.set_message_reaction(target, outgoing.reply_to, texts.CONFIRM_REACTION)
                return
            except BadRequest as exc:  # reactions off or limited in this chat: say it in words
                log.info("reaction refused in chat %s (%s); confirming with a message", chat_id, exc)
        await self._bot.send_message(
            target,
            outgoing.text,
            message_thread_id=topic,
            reply_parameters=ReplyParameters(outgoing.reply_to, allow_sending_without_reply=True)
            if outgoing.reply_to is not None
            else None,
            reply_markup=InlineKeyboardMarkup(outgoing.rows) if outgoing.rows else None,
        )


def _rendered(batch: list[Confirmation]) -> list[_Outgoing]:
    """The messages a batch of confirmations goes out as: one, split where Telegram's limit says."""
    first = batch[0]
    if len(batch) == 1 and first.quiet:
        return [_Outgoing(first.text, first.reply_to_message_id, reaction=True)]
    rows = tuple((button,) for confirmation in batch for button in confirmation.buttons)[-MAX_BUTTON_ROWS:]
    text = first.text if len(batch) == 1 else merged_confirmation([c.text for c in batch])
    reply_to = first.reply_to_message_id if len(batch) == 1 else None
    pieces = split_text(text)
    return [
        _Outgoing(piece, reply_to if index == 0 else None, rows if index == len(pieces) - 1 else ())
        for index, piece in enumerate(pieces)
    ]


def split_text(text: str, limit: int = MAX_MESSAGE_LENGTH) -> list[str]:
    """The text in pieces Telegram takes, cut between lines where it can, else inside a line."""
    pieces: list[str] = []
    current: list[str] = []
    size = 0
    for line in text.split("\n"):
        for part in _cut(line, limit):
            width = utf16_length(part)
            if current and size + 1 + width > limit:
                pieces.append("\n".join(current))
                current, size = [], 0
            size += width + (1 if current else 0)
            current.append(part)
    pieces.append("\n".join(current))
    return [piece for piece in pieces if piece.strip()] or [text[:limit]]


def _cut(line: str, limit: int) -> list[str]:
    """A line longer than the limit, in parts that fit."""
    if utf16_length(line) <= limit:
        return [line]
    parts: list[str] = []
    part: list[str] = []
    size = 0
    for char in line:
        width = utf16_length(char)
        if size + width > limit:
            parts.append("".join(part))
            part, size = [], 0
        part.append(char)
        size += width
    parts.append("".join(part))
    return parts


def utf16_length(text: str) -> int:
    """The text's length as Telegram counts it: UTF-16 code units (an emoji may count two)."""
    return len(text.encode("utf-16-le", "surrogatepass")) // 2


def _wait_before_retry(error: TelegramError, failures: int) -> float:
    """What Telegram asked for after flood control, else a doubling wait up to a minute."""
    if isinstance(error, RetryAfter):
        retry_after = error.retry_after
        return retry_after.total_seconds() if isinstance(retry_after, timedelta) else float(retry_after)
    return float(min(LONGEST_WAIT_SECONDS, 2 ** (failures - 1)))
