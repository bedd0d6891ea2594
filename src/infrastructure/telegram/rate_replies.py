"""Dollars and riel together in a chat's words, and the rate they were added at: its source and day."""

from __future__ import annotations

from balance_bot.domain.balances import PeriodBalance
from balance_bot.domain.day_rates import RateOfDay
from balance_bot.domain.money import Currency
from infrastructure.telegram import balance_texts, rate_texts
from infrastructure.telegram.wording import Wording


class RateReplies:
    """The rate a sum was added at, said: "at 4,012៛ a dollar (NBC, Dec 04)"; the fixed one as before."""

    def __init__(self, words: Wording) -> None:
        self._words = words

    def together(self, balance: PeriodBalance, rate: RateOfDay, current: bool) -> str:
        """The month's two currencies together in dollars at the rate, which is named with its day."""
        money = self._words.formats.money
        figures = {
            "rate": money(rate.khr_per_usd, Currency.KHR),
            "together": money(balance.combined_usd(rate.khr_per_usd), Currency.USD),
        }
        if rate.day is None:
            text = balance_texts.BALANCE_TOGETHER if current else balance_texts.BALANCE_TOGETHER_CLOSED
            return self._words.say(text, **figures)
        text = rate_texts.TOGETHER_AT_RATE_OF_DAY if current else rate_texts.TOGETHER_AT_RATE_OF_DAY_CLOSED
        return self._words.say(text, day=self._words.day(rate.day), **figures)

    def used(self, rate: RateOfDay) -> str:
        """The rate alone, as the Mini App names it under its figures: "at 4,012៛ a dollar (NBC, …)"."""
        khr = self._words.formats.money(rate.khr_per_usd, Currency.KHR)
        if rate.day is None:
            return self._words.say(rate_texts.RATE_USED_FIXED, rate=khr)
        return self._words.say(rate_texts.RATE_USED, rate=khr, day=self._words.day(rate.day))
