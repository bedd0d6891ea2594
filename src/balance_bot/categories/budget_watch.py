"""Use case: after an expense is saved, tell the group once when a budget's 80% or 100% is reached."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from decimal import Decimal

from balance_bot.capture.reply_plan import Notices
from balance_bot.domain.balances import month_figures
from balance_bot.domain.budgets import THRESHOLDS, BudgetCrossed, budget_use, budget_use_by_day
from balance_bot.domain.categories import TOTAL
from balance_bot.domain.ledger import Period
from balance_bot.ports import BudgetNoticeLog, CategoryBooks, LedgerDirectory, LedgerError, SavedMessage
from balance_bot.rates.ports import MonthRates

log = logging.getLogger(__name__)


class BudgetWatch:
    """Reads the month (one read) only when a saved expense's category, or the Total row, has a budget."""

    def __init__(
        self,
        ledgers: LedgerDirectory,
        books: CategoryBooks,
        notices: BudgetNoticeLog,
        khr_per_usd: Decimal,
        void_prefix: str,
        rates: MonthRates | None = None,
    ) -> None:
        self._ledgers = ledgers
        self._books = books
        self._notices = notices
        self._khr_per_usd = khr_per_usd
        self._void_prefix = void_prefix
        self._rates = rates  # each day's spending at its day's rate; without them, all at khr_per_usd

    async def notices(self, chat_id: int, saved: SavedMessage, names: Mapping[str, str]) -> Notices:
        """What the group hears after the expense's confirmation: the budgets it took past a threshold,
        once a month each, with the categories named as the group's language names them."""
        return Notices(tuple(await self.after_save(chat_id, saved)), names)

    async def after_save(self, chat_id: int, saved: SavedMessage) -> list[BudgetCrossed]:
        """The budgets the saved rows took past a threshold for the first time this month."""
        lines = [line.line for line in saved.lines if line.line.spending]
        if not lines:
            return []
        try:
            book = await self._books.book(chat_id)
            named = {line.category for line in lines}
            watched = [
                category
                for category in book.budgeted
                if category.name in named or category.name.casefold() == TOTAL.casefold()
            ]
            if not watched:
                return []
            period = Period.of(lines[0].day)
            rows = await self._ledgers.for_chat(chat_id).read(period)
        except LedgerError as exc:
            log.info("budgets of chat %s not checked: %s", chat_id, exc)
            return []
        figures = month_figures(rows, self._void_prefix)
        month = f"{period.year:04d}-{period.month:02d}"
        rates = await self._rates.rates_for(period.first_day(), period.last_day()) if self._rates else None
        crossed = []
        for category in watched:
            is_total = category.name.casefold() == TOTAL.casefold()
            if rates is not None:
                by_day = figures.spent_by_day(None if is_total else category.name)
                use = budget_use_by_day(category, by_day, rates)
            else:
                spent = figures.spent if is_total else figures.by_category.get(category.name, {})
                use = budget_use(category, spent, self._khr_per_usd)
            reached = use.reached() if use is not None else None
            if use is None or reached is None:
                continue
            newly = [
                threshold
                for threshold in THRESHOLDS
                if threshold <= reached
                and await self._notices.claim(chat_id, month, category.name, threshold)
            ]
            if reached in newly:  # one notice, for the highest threshold reached
                crossed.append(BudgetCrossed(use, reached))
        return crossed
