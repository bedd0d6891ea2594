"""/changes and the daily note of what changed in the sheet by hand, drawn from the core's HandChanges."""

from __future__ import annotations

import logging

from telegram import Bot, Update
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from balance_bot.groups.languages import ChatLanguages
from balance_bot.ledger_changes.hand_changes import ChangesReport, HandChanges
from balance_bot.ports import LedgerError, LedgerNotConnected
from infrastructure.telegram.changes_replies import ChangesReplies
from infrastructure.telegram.handlers import BotHandlers
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)


class ChangesHandlers:
    """/changes for a group's admins (a member is told it is theirs to ask)."""

    def __init__(self, bot: BotHandlers, changes: HandChanges) -> None:
        self._bot = bot
        self._changes = changes

    async def changes(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/changes: the changes by hand not told yet, or since when there is none."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return
        answer = await self._changes.command(
            message.chat_id, lambda: self._bot.is_admin(context, message, user.id)
        )
        replies = await self._bot.replies_for(message)
        sent = await self._bot.reply(message, ChangesReplies(replies).answer(answer))
        if sent is not None and isinstance(answer, ChangesReport):
            await self._changes.told_of(answer)


class DailyChanges:
    """The daily look on PTB's JobQueue: each tick, the next share of the groups whose hour has come;
    a group is told only when something changed."""

    def __init__(self, changes: HandChanges, languages: ChatLanguages) -> None:
        self._changes = changes
        self._languages = languages

    async def tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """One share of the groups due; one group's trouble does not stop the others."""
        for chat_id in await self._changes.groups_due():
            try:
                report = await self._changes.daily(chat_id)
                if report is None:
                    continue
                replies = Replies.of(await self._languages.for_group(chat_id))
                await bot.send_message(chat_id, ChangesReplies(replies).report(report))
                await self._changes.told_of(report)
            except LedgerNotConnected:
                continue
            except LedgerError as exc:
                log.warning("could not read the sheet of chat %s for its changes: %s", chat_id, exc)
            except TelegramError as exc:
                log.warning("could not tell chat %s of the changes in its sheet: %s", chat_id, exc)
