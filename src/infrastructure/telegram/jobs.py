"""The bot's own rounds on PTB's JobQueue: months reconciled with the sheet, summaries posted."""

from __future__ import annotations

import asyncio
import logging
import math
from collections.abc import Awaitable, Callable
from decimal import Decimal

from telegram import Bot
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ContextTypes

from balance_bot.balances.service import BalanceService
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.members.movements import AdvanceReminders
from balance_bot.ports import LedgerError, LedgerNotConnected
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.member_handlers import remind
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
CAPTION_LIMIT = 1024  # Telegram's longest photo caption
TICK_SECONDS = 60.0


class MonthlyRounds:
    """Each round rolls every group's month over, posts last month's summary once, and reconciles.

    The JobQueue ticks every TICK_SECONDS and each tick takes the next share of the groups, so that
    every group has its round once per `round_seconds` and their reads are spread over it rather
    than spent all in the first minute of Google's read quota.
    """

    def __init__(
        self,
        balances: BalanceService,
        khr_per_usd: Decimal,
        languages: ChatLanguages,
        membership: GroupMembership | None = None,
        round_seconds: float = 0.0,
        on_moved: Callable[[int, int], Awaitable[None]] | None = None,
        reminders: AdvanceReminders | None = None,
    ) -> None:
        self._reminders = reminders
        self._on_moved = on_moved
        self._balances = balances
        self._languages = languages
        self._khr_per_usd = khr_per_usd
        self._membership = membership
        self._round_seconds = round_seconds
        self._next = 0  # where the next tick's share of the groups starts

    async def tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback: the next share of the groups."""
        groups = await self._groups()
        if not groups:
            return
        ticks_per_round = max(1.0, self._round_seconds / TICK_SECONDS)
        share = min(len(groups), math.ceil(len(groups) / ticks_per_round))
        start = self._next % len(groups)
        await self._rounds(context.bot, (groups * 2)[start : start + share])
        self._next = start + share

    async def run_once(self, bot: Bot) -> None:
        """One round over every known group the bot is still in, at once."""
        await self._rounds(bot, await self._groups())

    async def _groups(self) -> list[int]:
        groups = await self._balances.groups()
        if self._membership is not None:
            groups = await self._membership.served(groups)
        return groups

    async def _rounds(self, bot: Bot, groups: list[int]) -> None:
        """One group's trouble does not stop the others."""
        for chat_id in groups:
            try:
                await self._round(bot, chat_id)
            except LedgerNotConnected:
                continue
            except LedgerError as exc:
                log.warning("could not read the sheet of chat %s: %s", chat_id, exc)
            except TelegramError as exc:
                log.warning("could not post the monthly summary in chat %s: %s", chat_id, exc)

    async def _round(self, bot: Bot, chat_id: int) -> None:
        closed = await self._balances.month_round(chat_id)
        if self._reminders is not None:  # from the month the round just read: no read of its own
            replies = Replies.of(await self._languages.for_group(chat_id))
            await remind(bot, self._reminders, replies, chat_id, self._balances.current_day())
        if closed is None or not (closed.figures.entries or closed.figures.topup_count):
            return
        # Imported here: Pillow is needed once a month, not in every bot's memory from the start.
        from infrastructure.charts import spending_per_day_png

        replies = Replies.of(await self._languages.for_group(chat_id))
        caption = BalanceReplies(replies).monthly_summary(closed, self._khr_per_usd)
        title = BalanceReplies(replies).chart_title(closed, self._khr_per_usd)
        chart = await asyncio.to_thread(spending_per_day_png, closed, self._khr_per_usd, title)
        try:
            await _post_summary(bot, chat_id, chart, caption)
        except ChatMigrated as exc:  # the group became a supergroup: its summary goes there
            if self._on_moved is not None:
                await self._on_moved(chat_id, exc.new_chat_id)
            await _post_summary(bot, exc.new_chat_id, chart, caption)


async def _post_summary(bot: Bot, chat_id: int, chart: bytes, caption: str) -> None:
    if len(caption) <= CAPTION_LIMIT:
        await bot.send_photo(chat_id, chart, caption=caption)
        return
    await bot.send_photo(chat_id, chart)
    await bot.send_message(chat_id, caption)
