"""What the bot says about a month's cash: /balance, spending by category, budgets, the month's summary."""

from __future__ import annotations

from collections.abc import Mapping
from decimal import Decimal

from balance_bot.balances.balance_command import BalanceAnswer, BalanceForAdmins
from balance_bot.balances.service import (
    Balance,
    BalanceOutcome,
    BalanceUnavailable,
    FutureMonth,
    UnknownMonth,
)
from balance_bot.capture.outcomes import SeveralMembersNamed, UnknownMember
from balance_bot.capture.reply_plan import Notices, category_names_in
from balance_bot.domain.balances import ZERO, PeriodBalance
from balance_bot.domain.budgets import BudgetCrossed, budget_use, budget_use_by_day
from balance_bot.domain.categories import TOTAL, CategoryBook
from balance_bot.domain.day_rates import FIXED, DayRates, RateOfDay
from balance_bot.domain.language import Language
from balance_bot.domain.money import Currency
from balance_bot.members.movements import MemberBalance
from infrastructure.telegram import (
    approval_notes,
    balance_texts,
    ledger_problems,
    member_texts,
    texts,
    undated,
)
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.rate_replies import RateReplies
from infrastructure.telegram.wording import Wording

MAX_MEMBERS_SHOWN = 10


class BalanceReplies:
    """A month's figures in the words and numbers of one chat's replies."""

    def __init__(self, words: Wording) -> None:
        self._words = words

    def answer(
        self,
        answer: BalanceAnswer,
        khr_per_usd: Decimal,
        rate: RateOfDay | None = None,
        day_rates: DayRates | None = None,
    ) -> str:
        """The answer to /balance: the month, one member's figures, or why neither is shown; the month's
        two currencies together at `rate`, named with its day when it is a published one, its budgets
        with each day's spending at that day's rate (`day_rates`)."""
        words = self._words
        match answer.shown:
            case BalanceForAdmins():
                return words.say(texts.ADMINS_ONLY)
            case SeveralMembersNamed(names):
                return words.say(member_texts.SEVERAL_MEMBERS_NAMED, names=", ".join(names))
            case MemberBalance() | UnknownMember() as member:
                return MemberReplies(words).member_balance(member, khr_per_usd)
            case month:
                book = answer.book
                shown = category_names_in(book, words.speech.language) if book is not None else {}
                return self.balance_reply(month, khr_per_usd, book, shown, rate, day_rates)

    def balance_reply(
        self,
        outcome: BalanceOutcome,
        khr_per_usd: Decimal,
        book: CategoryBook | None = None,
        shown: Mapping[str, str] | None = None,
        rate: RateOfDay | None = None,
        day_rates: DayRates | None = None,
    ) -> str:
        """The answer to /balance; with the group's categories, its spending by category and budgets."""
        match outcome:
            case Balance(balance, current, settles_on, open_until):
                text = self.balance_text(balance, khr_per_usd, current=current, rate=rate)
                if book is not None:
                    by_category = self.by_category(balance, khr_per_usd, book, shown, day_rates)
                    text = "\n".join([text, *by_category])
                members = MemberReplies(self._words).section(balance, khr_per_usd)
                awaiting = approval_notes.month_note(self._words, balance.figures)
                text = "\n".join([text, *awaiting, *members, *undated.note(self._words, balance)])
                if open_until is not None:
                    still_open = self._words.say(
                        balance_texts.STILL_OPEN,
                        month=self._words.period(balance.period),
                        day=self._words.day(open_until),
                    )
                    return f"{text}\n{still_open}"
                if settles_on is None:
                    return text
                provisional = self._words.say(
                    balance_texts.OPENING_PROVISIONAL,
                    month=self._words.period(balance.period.previous()),
                    day=self._words.day(settles_on),
                )
                return f"{text}\n{provisional}"
            case UnknownMonth(words):
                return self._words.say(balance_texts.BALANCE_UNKNOWN_MONTH, words=words)
            case FutureMonth(period):
                return self._words.say(balance_texts.BALANCE_FUTURE, month=self._words.period(period))
            case BalanceUnavailable(error):
                return ledger_problems.balance_problem(self._words.say, error)
        raise AssertionError("unreachable")

    def balance_text(
        self,
        balance: PeriodBalance,
        khr_per_usd: Decimal,
        *,
        current: bool = True,
        rate: RateOfDay | None = None,
    ) -> str:
        """Per currency the opening, top-ups, spending and what is left; the total; who spent what."""
        money = self._words.formats.money
        month = self._words.period(balance.period)
        lines = [
            self._words.say(
                balance_texts.BALANCE_TITLE if current else balance_texts.BALANCE_TITLE_SO_FAR, month=month
            )
        ]
        for currency, sums in balance.currencies.items():
            lines.append(
                self._words.say(
                    balance_texts.BALANCE_CURRENCY if current else balance_texts.BALANCE_CURRENCY_CLOSED,
                    currency=currency.value,
                    opening=money(sums.opening, currency),
                    topups=money(sums.topups, currency),
                    spent=money(sums.spent, currency),
                    left=money(sums.closing, currency),
                )
            )
        lines.append(
            RateReplies(self._words).together(balance, rate or RateOfDay(khr_per_usd, FIXED), current)
        )
        figures = balance.figures
        lines.append(
            self._words.say(
                balance_texts.BALANCE_COUNTS,
                expenses=self._words.count(texts.EXPENSES, figures.entries),
                topups=self._words.count(balance_texts.TOPUPS, figures.topup_count),
            )
        )
        if figures.by_member:

            def in_dollars(spent: Mapping[Currency, Decimal]) -> Decimal:
                return spent.get(Currency.USD, ZERO) + spent.get(Currency.KHR, ZERO) / khr_per_usd

            ranked = sorted(figures.by_member.items(), key=lambda item: -in_dollars(item[1]))
            lines.append(self._words.say(balance_texts.SPENT_BY_MEMBER))
            for member, spent in ranked[:MAX_MEMBERS_SHOWN]:
                parts = [money(amount, currency) for currency, amount in spent.items() if amount]
                lines.append(f"• {member}: {' + '.join(parts)}")
            if len(ranked) > MAX_MEMBERS_SHOWN:
                more = self._words.formats.number(len(ranked) - MAX_MEMBERS_SHOWN)
                lines.append(self._words.say(balance_texts.MORE_MEMBERS, count=more))
        return "\n".join(lines)

    def by_category(
        self,
        balance: PeriodBalance,
        khr_per_usd: Decimal,
        book: CategoryBook,
        shown: Mapping[str, str] | None = None,
        day_rates: DayRates | None = None,
    ) -> list[str]:
        """'By category:' and a line per category spent on or budgeted, against its budget if it has one
        (each day's spending at that day's rate, with `day_rates`)."""
        spent = balance.figures.by_category
        lines = []
        for category in [*book.choices, *(c for c in book.budgeted if c not in book.choices)]:
            amounts = spent.get(category.name, {}) if category.name.casefold() != TOTAL.casefold() else None
            if day_rates is not None:
                by_day = balance.figures.spent_by_day(None if amounts is None else category.name)
                use = budget_use_by_day(category, by_day, day_rates)
            else:
                use = budget_use(
                    category, amounts if amounts is not None else balance.figures.spent, khr_per_usd
                )
            name = (
                self._words.say(balance_texts.ALL_SPENDING)
                if amounts is None
                else self._words.category(category.name, shown)
            )
            if use is not None:
                lines.append(
                    self._words.say(
                        balance_texts.CATEGORY_OF_BUDGET,
                        category=name,
                        spent=self._words.formats.money(use.spent, use.currency),
                        budget=self._words.formats.money(use.budget, use.currency),
                        percent=self._words.formats.number(use.percent, decimals=0),
                    )
                )
            elif amounts and any(amounts.values()):
                lines.append(
                    self._words.say(balance_texts.CATEGORY_SPENT, category=name, spent=self._sums(amounts))
                )
        unnamed = {name: amounts for name, amounts in spent.items() if book.named(name) is None}
        for name, amounts in unnamed.items():
            if any(amounts.values()):
                label = name or self._words.say(balance_texts.NO_CATEGORY)
                lines.append(
                    self._words.say(balance_texts.CATEGORY_SPENT, category=label, spent=self._sums(amounts))
                )
        return [self._words.say(balance_texts.BY_CATEGORY), *lines] if lines else []

    def _sums(self, amounts: Mapping[Currency, Decimal]) -> str:
        return " + ".join(
            self._words.formats.money(amount, currency) for currency, amount in amounts.items() if amount
        )

    def notices(self, notices: Notices) -> list[str]:
        """The notices after a confirmation, one message each."""
        return [self.budget_crossed(crossed, notices.category_names) for crossed in notices.budgets_crossed]

    def budget_crossed(self, crossed: BudgetCrossed, shown: Mapping[str, str] | None = None) -> str:
        """The once-a-threshold notice: 80% of a budget used, or all of it."""
        use = crossed.use
        is_total = use.category.name.casefold() == TOTAL.casefold()
        name = (
            self._words.say(balance_texts.ALL_SPENDING)
            if is_total
            else self._words.category(use.category.name, shown)
        )
        money = self._words.formats.money
        if crossed.threshold >= 100:
            return self._words.say(
                balance_texts.BUDGET_USED_UP,
                category=name,
                budget=money(use.budget, use.currency),
                spent=money(use.spent, use.currency),
            )
        return self._words.say(
            balance_texts.BUDGET_NEARLY_USED,
            category=name,
            spent=money(use.spent, use.currency),
            percent=self._words.formats.number(use.percent, decimals=0),
            budget=money(use.budget, use.currency),
            left=money(use.left, use.currency),
        )

    def monthly_summary(
        self, balance: PeriodBalance, khr_per_usd: Decimal, rate: RateOfDay | None = None
    ) -> str:
        """Posted once a month has closed: its balance (at its last day's rate), under the chart."""
        closed = self._words.say(balance_texts.MONTH_CLOSED, month=self._words.period(balance.period))
        return f"{closed}\n" + self.balance_text(balance, khr_per_usd, current=False, rate=rate)

    def chart_title(self, balance: PeriodBalance, khr_per_usd: Decimal) -> str | None:
        """The chart's title; none in Khmer, whose shaping the chart's font cannot do (the caption names
        the month)."""
        if self._words.speech.language is Language.KHMER:
            return None
        rate = self._words.formats.number(khr_per_usd)
        return self._words.say(balance_texts.CHART_TITLE, month=self._words.period(balance.period), rate=rate)
