"""The bot's own rounds on PTB's JobQueue: months reconciled with the sheet, summaries posted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from decimal import Decimal

from telegram import Bot
from telegram.error import TelegramError
from telegram.ext import ContextTypes

from balance_bot.balances import BalanceService
from balance_bot.membership import GroupMembership
from balance_bot.ports import LedgerError, LedgerNotConnected
from infrastructure.telegram import texts

log = logging.getLogger(__name__)
CAPTION_LIMIT = 1024  # Telegram's longest photo caption


class MonthlyRounds:
    """Each round rolls every group's month over, posts last month's summary once, and reconciles."""

    def __init__(
        self,
        balances: BalanceService,
        khr_per_usd: Decimal,
        membership: GroupMembership | None = None,
        spread_seconds: float = 0.0,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        self._balances = balances
        self._khr_per_usd = khr_per_usd
        self._membership = membership
        self._spread_seconds = spread_seconds
        self._sleep = sleep

    async def tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """One round over every known group the bot is still in; one group's trouble does not stop
        the others."""
        groups = await self._balances.groups()
        if self._membership is not None:
            groups = await self._membership.served(groups)
        # Each group costs a read or two: spread over the round, not all in the first minute's quota.
        pause = self._spread_seconds / len(groups) if groups else 0.0
        for index, chat_id in enumerate(groups):
            if index and pause:
                await self._sleep(pause)
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
        if closed is None or not (closed.figures.entries or closed.figures.topup_count):
            return
        # Imported here: Pillow is needed once a month, not in every bot's memory from the start.
        from infrastructure.charts import spending_per_day_png

        caption = texts.monthly_summary(closed, self._khr_per_usd)
        chart = await asyncio.to_thread(spending_per_day_png, closed, self._khr_per_usd)
        if len(caption) <= CAPTION_LIMIT:
            await bot.send_photo(chat_id, chart, caption=caption)
            return
        await bot.send_photo(chat_id, chart)
        await bot.send_message(chat_id, caption)
