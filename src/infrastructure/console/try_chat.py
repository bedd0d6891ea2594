"""`balance-bot try`: type as group members, see what the bot says, on the real capture flow and store."""

from __future__ import annotations

import zlib
from collections.abc import Awaitable, Callable, Iterable
from typing import TextIO

from balance_bot.capture import CaptureService, IncomingMessage
from balance_bot.outcomes import Accepted, ActionRefusal, Outcome, Saved
from infrastructure.clock import SystemClock
from infrastructure.telegram import texts

TRY_CHAT_ID = -1
INTRO = (
    "balance-bot try: a group chat in your terminal, on the same capture flow as the bot.\n"
    "Type expenses as a member would (coffee 3$, ទឹកកក ៥០០០៛, a list on several lines with \\n).\n"
    "/as NAME switches member · /undo takes back your last expense · /edit TEXT edits your last\n"
    "message · /help · /quit."
)
WHERE = "Trying it never touches your team's sheet: rows go to {where}."


async def _never_admin() -> bool:
    return False


class TryChat:
    """The terminal group: members by name, numbered messages, the bot's replies printed."""

    def __init__(self, capture: CaptureService, out: TextIO) -> None:
        self._capture = capture
        self._out = out
        self._clock = SystemClock()
        self._member = "You"
        self._message_id = 0
        self._last_message: dict[str, tuple[int, str]] = {}
        self._last_saved: dict[str, int] = {}

    @property
    def prompt(self) -> str:
        """The line prefix showing who is typing."""
        return f"{self._member}> "

    async def handle(self, line: str) -> bool:
        """Act on one typed line; False when the member wants to leave."""
        text = line.rstrip("\n").replace("\\n", "\n")
        command, _, rest = text.partition(" ")
        capture = self._capture
        if command == "/quit":
            return False
        if command == "/help":
            self._say(texts.HELP)
        elif command == "/as":
            self._member = rest.strip() or "You"
        elif command == "/undo":
            last = self._last_saved.get(self._member)
            if last is None:
                self._say(texts.ACTION_REFUSALS[ActionRefusal.UNKNOWN])
            else:
                await self._show(await capture.undo(TRY_CHAT_ID, last, self._user_id, _never_admin))
        elif command == "/edit":
            previous = self._last_message.get(self._member)
            if previous is not None:
                await self._show(await capture.on_edit(self._message(previous[0], rest)))
        elif text.strip():
            self._message_id += 1
            self._last_message[self._member] = (self._message_id, text)
            await self._show(await capture.on_message(self._message(self._message_id, text)))
        return True

    @property
    def _user_id(self) -> int:
        return zlib.crc32(self._member.encode())

    def _message(self, message_id: int, text: str) -> IncomingMessage:
        return IncomingMessage(TRY_CHAT_ID, message_id, self._user_id, self._member, text, self._clock.now())

    async def _show(self, outcome: Outcome) -> None:
        if isinstance(outcome, Accepted):
            outcome = await self._capture.confirm(outcome)
        if isinstance(outcome, Saved):
            self._last_saved[self._member] = outcome.message.message_id
        text = texts.reply_for(outcome, self._member)
        if text is not None:
            self._say(text)

    def _say(self, text: str) -> None:
        self._out.write("bot: " + text.replace("\n", "\n     ") + "\n")
        self._out.flush()


async def run_try_chat(
    capture: CaptureService,
    start: Callable[[], Awaitable[None]],
    close: Callable[[], Awaitable[None]],
    lines: Iterable[str],
    out: TextIO,
    where: str,
) -> int:
    """Read lines until end of input or /quit; the store is saved on the way out."""
    chat = TryChat(capture, out)
    out.write(INTRO + "\n" + WHERE.format(where=where) + "\n")
    try:
        await start()
        out.write(chat.prompt)
        out.flush()
        for line in lines:
            if not await chat.handle(line):
                break
            out.write(chat.prompt)
            out.flush()
    finally:
        out.write("\n")
        await close()
    return 0
