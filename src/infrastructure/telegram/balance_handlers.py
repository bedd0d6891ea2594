"""/balance in a group: the month's cash or one member's money, as the core's BalanceCommand answers it."""

from __future__ import annotations

from decimal import Decimal

from telegram import InlineKeyboardButton, InlineKeyboardMarkup, Update
from telegram.ext import ContextTypes

from balance_bot.balances.balance_command import BalanceAnswer, BalanceCommand
from balance_bot.domain.day_rates import DayRates, RateOfDay
from balance_bot.rates.rates_of_days import RatesOfTheDay
from infrastructure.telegram import texts
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.handlers import BotHandlers
from infrastructure.telegram.member_handlers import ask_payments, named_member
from infrastructure.webapp.links import month_link


class BalanceHandlers:
    """/balance [month], /balance @member or Dara: what the command answers, drawn for Telegram."""

    def __init__(
        self,
        bot: BotHandlers,
        command: BalanceCommand,
        khr_per_usd: Decimal,
        webapp_short_name: str | None,
        rates: RatesOfTheDay | None = None,
    ) -> None:
        self._bot = bot
        self._command = command
        self._khr_per_usd = khr_per_usd
        self._rates = rates  # the rate of the day; without it, KHR_PER_USD
        self._webapp_short_name = webapp_short_name  # the Mini App's, for "📊 This month" links

    async def balance(self, update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        """/balance: admins see the group's cash; /balance @member, one member's figures and rows."""
        message, user = update.message, update.effective_user
        if message is None or user is None:
            return
        answer = await self._command.run(
            message.chat_id,
            " ".join(context.args or []),
            lambda: self._bot.is_admin(context, message, user.id),
            named_member(message, context.bot.id),
        )
        replies = await self._bot.replies_for(message)
        link = month_link(message.get_bot().username, self._webapp_short_name, message.chat_id)
        button = InlineKeyboardButton(replies.say(texts.THIS_MONTH_BUTTON), url=link) if link else None
        markup = InlineKeyboardMarkup([[button]]) if button is not None and answer.month_button else None
        day_rates, rate = await self._rates_of(answer)
        khr_per_usd = rate.khr_per_usd if rate is not None else self._khr_per_usd
        text = BalanceReplies(replies).answer(answer, khr_per_usd, rate, day_rates)
        await self._bot.reply(message, text, markup)
        if answer.ask_payments:
            await ask_payments(self._bot, message, replies)

    async def _rates_of(self, answer: BalanceAnswer) -> tuple[DayRates | None, RateOfDay | None]:
        """The rates of the month's days, and the one its balance is told at (today's while it runs)."""
        if self._rates is None:
            return None, None
        return await self._rates.of_balance(answer.month_told)
