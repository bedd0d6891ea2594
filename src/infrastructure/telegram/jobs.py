"""The bot's own rounds on PTB's JobQueue: months reconciled with the sheet, summaries posted."""

from __future__ import annotations

import asyncio
import logging
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
        self, balances: BalanceService, khr_per_usd: Decimal, membership: GroupMembership | None = None
    ) -> None:
        self._balances = balances
        self._khr_per_usd = khr_per_usd
        self._membership = membership

    async def tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback."""
        await self.run_once(context.bot)

    async def run_once(self, bot: Bot) -> None:
        """One round over every known group the bot is still in; one group's trouble does not stop
        the others."""
        groups = await self._balances.groups()
        if self._membership is not None:
            groups = await self._membership.served(groups)
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
