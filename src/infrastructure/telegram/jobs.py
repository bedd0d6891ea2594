"""The core's monthly rounds on PTB's JobQueue: what each group's round plans, posted."""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Awaitable, Callable
from decimal import Decimal

from telegram import Bot
from telegram.error import ChatMigrated, TelegramError
from telegram.ext import ContextTypes

from balance_bot.balances.monthly_rounds import MonthlyRounds as Rounds
from balance_bot.balances.monthly_rounds import RoundPlan
from balance_bot.balances.service import BalanceService
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.members.movements import AdvanceReminders
from balance_bot.ports import LedgerError, LedgerNotConnected
from balance_bot.rates.rates_of_days import RatesOfTheDay
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
CAPTION_LIMIT = 1024  # Telegram's longest photo caption


class MonthlyRounds:
    """The core's rounds on PTB's JobQueue: each tick's share of the groups, their plans drawn (the
    reminders, then the closed month's chart with its summary)."""

    def __init__(
        self,
        balances: BalanceService,
        khr_per_usd: Decimal,
        languages: ChatLanguages,
        membership: GroupMembership | None = None,
        round_seconds: float = 0.0,
        on_moved: Callable[[int, int], Awaitable[None]] | None = None,
        reminders: AdvanceReminders | None = None,
        rates: RatesOfTheDay | None = None,
    ) -> None:
        self._rounds = Rounds(balances, languages, membership, round_seconds, reminders)
        self._khr_per_usd = khr_per_usd
        self._rates = rates  # the closed month told at its last day's rate, each day's riel at its own
        self._on_moved = on_moved

    async def tick(self, context: ContextTypes.DEFAULT_TYPE) -> None:
        """The JobQueue's callback: the next share of the groups."""
        await self._draw_rounds(context.bot, await self._rounds.next_share())

    async def run_once(self, bot: Bot) -> None:
        """One round over every known group the bot is still in, at once."""
        await self._draw_rounds(bot, await self._rounds.every_group())

    async def _draw_rounds(self, bot: Bot, groups: list[int]) -> None:
        """One group's trouble does not stop the others."""
        for chat_id in groups:
            try:
                await self._draw(bot, await self._rounds.round(chat_id))
            except LedgerNotConnected:
                continue
            except LedgerError as exc:
                log.warning("could not read the sheet of chat %s: %s", chat_id, exc)
            except TelegramError as exc:
                log.warning("could not post the monthly summary in chat %s: %s", chat_id, exc)

    async def _draw(self, bot: Bot, plan: RoundPlan) -> None:
        replies = Replies.of(plan.speech)
        chat_id = plan.chat_id
        for due in plan.reminders:
            try:
                await bot.send_message(
                    chat_id, MemberReplies(replies).reminder(due.member, due.held, due.since)
                )
            except TelegramError as exc:
                log.warning("could not remind about an advance in chat %s: %s", chat_id, exc)
        closed = plan.closed
        if closed is None:
            return
        # Imported here: Pillow is needed once a month, not in every bot's memory from the start.
        from infrastructure.charts import spending_per_day_png

        day_rates, rate = await self._rates.of_month(closed.period) if self._rates else (None, None)
        khr_per_usd = rate.khr_per_usd if rate is not None else self._khr_per_usd
        caption = BalanceReplies(replies).monthly_summary(closed, khr_per_usd, rate)
        title = BalanceReplies(replies).chart_title(closed, khr_per_usd)
        chart = await asyncio.to_thread(spending_per_day_png, closed, day_rates or khr_per_usd, title)
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
