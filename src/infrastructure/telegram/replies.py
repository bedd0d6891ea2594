"""What the bot says for each outcome, rendered in a chat's language from the message catalogs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cache, reduce

from balance_bot.balances.service import (
    Balance,
    BalanceOutcome,
    BalanceUnavailable,
    FutureMonth,
    UnknownMonth,
)
from balance_bot.capture.outcomes import (
    ON_THE_DAY_POSTED,
    ActionRefused,
    AskPurpose,
    AskRephrase,
    DateRefused,
    Dating,
    Edited,
    ForwardedNotSaved,
    Held,
    LedgerProblem,
    NoMemberNamed,
    Outcome,
    Queued,
    Refusal,
    Refused,
    RepeatedTooOften,
    Saved,
    SeveralMembersNamed,
    Silent,
    StorageProblem,
    Switched,
    TooManyEntries,
    TopUpUnclear,
    UnknownMember,
    Voided,
)
from balance_bot.capture.refusals import LedgerRefused
from balance_bot.categories.budget_watch import BudgetCrossed
from balance_bot.categories.categorising import NoSuchCategory, Recategorised, RecategoriseOutcome
from balance_bot.domain.balances import ZERO, PeriodBalance
from balance_bot.domain.budgets import budget_use
from balance_bot.domain.categories import TOTAL, CategoryBook
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import Period, SavedLine
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.numerals import OVERSIZED
from balance_bot.groups.connect import Connected, ConnectOutcome, NotASheet, SheetsNotConfigured
from balance_bot.groups.languages import LanguageChosen, LanguageOutcome
from balance_bot.ports import (
    LedgerAccessDenied,
    LedgerError,
    LedgerNotFound,
    MonthUsage,
    QueuedMessage,
    SavedMessage,
)
from infrastructure.i18n.catalogs import translations
from infrastructure.i18n.formats import Formats
from infrastructure.llm.cascade import BudgetReached
from infrastructure.telegram import ledger_problems, texts, undated
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.sheet_words import movement_note, top_up_note

ENGLISH = Speech(Language.ENGLISH)
# A confirmation listing more than this many characters gives the count, rows and totals instead:
# Telegram takes 4,096 characters in a message, and the link and notes come on top.
LONGEST_LIST = 3500
MAX_MEMBERS_SHOWN = 10


class Replies:
    """The bot's words in one chat's language: texts.py's messages translated, numbers formatted."""

    def __init__(self, speech: Speech) -> None:
        self.speech = speech
        self.formats = Formats(speech)
        self._catalog = translations(speech.language)

    @staticmethod
    @cache
    def of(speech: Speech) -> Replies:
        """The replies for a chat's speech, made once per language and digits."""
        return Replies(speech)

    def say(self, message: str, **values: object) -> str:
        """A message of texts.py in the chat's language, its placeholders filled."""
        return self._catalog.gettext(message).format(**values) if values else self._catalog.gettext(message)

    def count(self, message: tuple[str, str], count: int, **values: object) -> str:
        """A message with a count, in the plural form the language takes for it."""
        singular, plural = message
        return self._catalog.ngettext(singular, plural, count).format(
            count=self.formats.number(count), **values
        )

    def help(self) -> str:
        """/help: how to post, the commands, and categories."""
        return "\n\n".join(
            self.say(text) for text in (texts.HELP, texts.HELP_CATEGORIES, texts.HELP_MEMBERS, texts.HELP_ASK)
        )

    def category_names(self, book: CategoryBook) -> dict[str, str]:
        """English name -> the name this chat reads: the tab's Khmer one in Khmer."""
        if self.speech.language is not Language.KHMER:
            return {}
        return {category.name: category.name_km for category in book.categories if category.name_km}

    def category(self, name: str, shown: Mapping[str, str] | None = None) -> str:
        """A category as the chat reads it: its Khmer name in Khmer, when the tab gives one."""
        return (shown or {}).get(name) or name

    def recategorised(
        self, outcome: RecategoriseOutcome, name: str, shown: Mapping[str, str] | None = None
    ) -> str:
        """After /cat NAME or a category tapped: the rows and their new category, the tab's names
        when it has none called that, or why it was refused."""
        match outcome:
            case Recategorised(saved, category, numbers):
                changed = [line for line in saved.lines if not numbers or line.number in numbers]
                rows = ", ".join(f"{self.entry_number(line)} ({line.line.purpose})" for line in changed)
                return self.say(texts.RECATEGORISED, rows=rows, category=self.category(category.name, shown))
            case NoSuchCategory(categories):
                names = ", ".join(self.category(category.name, shown) for category in categories)
                return self.say(texts.NO_SUCH_CATEGORY, name=name, names=names)
            case ActionRefused(reason):
                return self.say(texts.ACTION_REFUSALS[reason])
        raise AssertionError("unreachable")

    def cat_how(self, names: Sequence[str]) -> str:
        """/cat without a name or not in reply to an expense."""
        return self.say(texts.CAT_HOW, names=", ".join(names))

    def commands(self) -> list[tuple[str, str]]:
        """The command menu: each command and what it does."""
        return [(name, self.say(about)) for name, about in texts.COMMANDS]

    def amount(self, money: Money) -> str:
        """'3.00 USD' ('3.00$' in Khmer); 'That amount' for a number longer than any expense."""
        if money.amount >= OVERSIZED:
            return self.say(texts.THAT_AMOUNT)
        return self.formats.amount(money)

    def day(self, day: date, *, with_year: bool = False) -> str:
        """'Sat 21 Nov', as the confirmations name a day."""
        return self.formats.day(day, with_year=with_year)

    def period(self, period: Period) -> str:
        """'November 2026'."""
        return self.formats.month(period.year, period.month)

    def ask_purpose(self, entry: ExpenseEntry) -> str:
        """The follow-up question for an amount without purpose."""
        return self.say(texts.ASK_PURPOSE, amount=self.amount(entry.money))

    def forwarded(self, day: date, entry: ExpenseEntry) -> str:
        """Why a forwarded expense was not saved, with the original's day and how to post it."""
        purpose = entry.purpose or "taxi"
        example = f"{day:%b} {day.day} {purpose} {self.formats.amount(entry.money)}"
        if self.speech.language is Language.KHMER:
            example = f"{day.day}/{day.month} {purpose} {self.formats.amount(entry.money)}"
        return self.say(texts.FORWARDED, day=self.day(day, with_year=True), example=example)

    def date_refusal(self, refused: DateRefused) -> str:
        """Why an expense with a named day was not saved."""
        day = self.day(refused.day, with_year=True) if refused.day else ""
        return self.say(
            texts.DATE_REFUSALS[refused.reason],
            day=day,
            limit=self.formats.number(refused.max_days_back),
            words=refused.words,
        )

    def refusal(self, reason: Refusal, entry: ExpenseEntry, limits: AmountLimits) -> str:
        """Why an expense was not saved."""
        limit = Money(limits.maximum_for(entry.money.currency), entry.money.currency)
        return self.say(texts.REFUSALS[reason], amount=self.amount(entry.money), limit=self.amount(limit))

    def language_chosen(self, outcome: LanguageOutcome) -> str:
        """The answer to /language, in the language just chosen."""
        if not isinstance(outcome, LanguageChosen):
            return self.say(texts.LANGUAGE_HOW)
        speech = outcome.speech
        khmer = speech.language is Language.KHMER
        return self.say(texts.LANGUAGE_CHOSEN[khmer, speech.khmer_digits])

    def balance_reply(
        self,
        outcome: BalanceOutcome,
        khr_per_usd: Decimal,
        book: CategoryBook | None = None,
        shown: Mapping[str, str] | None = None,
    ) -> str:
        """The answer to /balance; with the group's categories, its spending by category and budgets."""
        match outcome:
            case Balance(balance, current, settles_on, open_until):
                text = self.balance_text(balance, khr_per_usd, current=current)
                if book is not None:
                    text = "\n".join([text, *self.by_category(balance, khr_per_usd, book, shown)])
                members = MemberReplies(self).section(balance, khr_per_usd)
                text = "\n".join([text, *members, *undated.note(self, balance)])
                if open_until is not None:
                    still_open = self.say(
                        texts.STILL_OPEN, month=self.period(balance.period), day=self.day(open_until)
                    )
                    return f"{text}\n{still_open}"
                if settles_on is None:
                    return text
                provisional = self.say(
                    texts.OPENING_PROVISIONAL,
                    month=self.period(balance.period.previous()),
                    day=self.day(settles_on),
                )
                return f"{text}\n{provisional}"
            case UnknownMonth(words):
                return self.say(texts.BALANCE_UNKNOWN_MONTH, words=words)
            case FutureMonth(period):
                return self.say(texts.BALANCE_FUTURE, month=self.period(period))
            case BalanceUnavailable(error):
                return self.balance_problem(error)
        raise AssertionError("unreachable")

    def balance_text(self, balance: PeriodBalance, khr_per_usd: Decimal, *, current: bool = True) -> str:
        """Per currency the opening, top-ups, spending and what is left; the total; who spent what."""
        money = self.formats.money
        month = self.period(balance.period)
        lines = [self.say(texts.BALANCE_TITLE if current else texts.BALANCE_TITLE_SO_FAR, month=month)]
        for currency, sums in balance.currencies.items():
            lines.append(
                self.say(
                    texts.BALANCE_CURRENCY if current else texts.BALANCE_CURRENCY_CLOSED,
                    currency=currency.value,
                    opening=money(sums.opening, currency),
                    topups=money(sums.topups, currency),
                    spent=money(sums.spent, currency),
                    left=money(sums.closing, currency),
                )
            )
        lines.append(
            self.say(
                texts.BALANCE_TOGETHER if current else texts.BALANCE_TOGETHER_CLOSED,
                rate=money(khr_per_usd, Currency.KHR),
                together=money(balance.combined_usd(khr_per_usd), Currency.USD),
            )
        )
        figures = balance.figures
        lines.append(
            self.say(
                texts.BALANCE_COUNTS,
                expenses=self.count(texts.EXPENSES, figures.entries),
                topups=self.count(texts.TOPUPS, figures.topup_count),
            )
        )
        if figures.by_member:

            def in_dollars(spent: Mapping[Currency, Decimal]) -> Decimal:
                return spent.get(Currency.USD, ZERO) + spent.get(Currency.KHR, ZERO) / khr_per_usd

            ranked = sorted(figures.by_member.items(), key=lambda item: -in_dollars(item[1]))
            lines.append(self.say(texts.SPENT_BY_MEMBER))
            for member, spent in ranked[:MAX_MEMBERS_SHOWN]:
                parts = [money(amount, currency) for currency, amount in spent.items() if amount]
                lines.append(f"• {member}: {' + '.join(parts)}")
            if len(ranked) > MAX_MEMBERS_SHOWN:
                more = self.formats.number(len(ranked) - MAX_MEMBERS_SHOWN)
                lines.append(self.say(texts.MORE_MEMBERS, count=more))
        return "\n".join(lines)

    def by_category(
        self,
        balance: PeriodBalance,
        khr_per_usd: Decimal,
        book: CategoryBook,
        shown: Mapping[str, str] | None = None,
    ) -> list[str]:
        """'By category:' and a line per category spent on or budgeted, against its budget if it has one."""
        spent = balance.figures.by_category
        lines = []
        for category in [*book.choices, *(c for c in book.budgeted if c not in book.choices)]:
            amounts = spent.get(category.name, {}) if category.name.casefold() != TOTAL.casefold() else None
            use = budget_use(category, amounts if amounts is not None else balance.figures.spent, khr_per_usd)
            name = self.say(texts.ALL_SPENDING) if amounts is None else self.category(category.name, shown)
            if use is not None:
                lines.append(
                    self.say(
                        texts.CATEGORY_OF_BUDGET,
                        category=name,
                        spent=self.formats.money(use.spent, use.currency),
                        budget=self.formats.money(use.budget, use.currency),
                        percent=self.formats.number(use.percent, decimals=0),
                    )
                )
            elif amounts and any(amounts.values()):
                lines.append(self.say(texts.CATEGORY_SPENT, category=name, spent=self._sums(amounts)))
        unnamed = {name: amounts for name, amounts in spent.items() if book.named(name) is None}
        for name, amounts in unnamed.items():
            if any(amounts.values()):
                label = name or self.say(texts.NO_CATEGORY)
                lines.append(self.say(texts.CATEGORY_SPENT, category=label, spent=self._sums(amounts)))
        return [self.say(texts.BY_CATEGORY), *lines] if lines else []

    def _sums(self, amounts: Mapping[Currency, Decimal]) -> str:
        return " + ".join(
            self.formats.money(amount, currency) for currency, amount in amounts.items() if amount
        )

    def budget_crossed(self, crossed: BudgetCrossed, shown: Mapping[str, str] | None = None) -> str:
        """The once-a-threshold notice: 80% of a budget used, or all of it."""
        use = crossed.use
        is_total = use.category.name.casefold() == TOTAL.casefold()
        name = self.say(texts.ALL_SPENDING) if is_total else self.category(use.category.name, shown)
        money = self.formats.money
        if crossed.threshold >= 100:
            return self.say(
                texts.BUDGET_USED_UP,
                category=name,
                budget=money(use.budget, use.currency),
                spent=money(use.spent, use.currency),
            )
        return self.say(
            texts.BUDGET_NEARLY_USED,
            category=name,
            spent=money(use.spent, use.currency),
            percent=self.formats.number(use.percent, decimals=0),
            budget=money(use.budget, use.currency),
            left=money(use.left, use.currency),
        )

    def monthly_summary(self, balance: PeriodBalance, khr_per_usd: Decimal) -> str:
        """Posted once a month has closed: its balance, under the chart of spending per day."""
        closed = self.say(texts.MONTH_CLOSED, month=self.period(balance.period))
        return f"{closed}\n" + self.balance_text(balance, khr_per_usd, current=False)

    def chart_title(self, balance: PeriodBalance, khr_per_usd: Decimal) -> str | None:
        """The chart's title; none in Khmer, whose shaping the chart's font cannot do (the caption names
        the month)."""
        if self.speech.language is Language.KHMER:
            return None
        rate = self.formats.number(khr_per_usd)
        return self.say(texts.CHART_TITLE, month=self.period(balance.period), rate=rate)

    def budget_reached(self, reached: BudgetReached) -> str:
        """The once-a-month notice that paid LLM calls stopped."""
        return self.say(
            texts.BUDGET_REACHED,
            month=self._month(reached.month),
            spent=self.formats.usd(reached.spent_usd),
            budget=self.formats.usd(reached.budget_usd),
        )

    def usage(self, report: MonthUsage) -> str:
        """/usage: the month's messages, LLM calls per provider, fallbacks and cost."""
        number = self.formats.number
        title = texts.USAGE_TITLE_GROUP if report.chat_id is not None else texts.USAGE_TITLE_ALL
        lines = [self.say(title, month=self._month(report.month))]
        if report.messages:
            share = Decimal(100 * report.messages_without_llm) / report.messages
            lines.append(
                self.say(
                    texts.USAGE_MESSAGES,
                    messages=number(report.messages),
                    share=number(share, decimals=1),
                    without=number(report.messages_without_llm),
                )
            )
        else:
            lines.append(self.say(texts.USAGE_NO_MESSAGES))
        calls = sum(provider.calls for provider in report.providers)
        for provider in report.providers:
            parts = [self.count(texts.USAGE_CALLS, provider.calls)]
            if provider.failed:
                parts.append(self.say(texts.USAGE_FAILED, count=number(provider.failed)))
            if provider.fallbacks:
                parts.append(self.say(texts.USAGE_AS_FALLBACK, count=number(provider.fallbacks)))
            if provider.median_latency_ms is not None:
                parts.append(self.say(texts.USAGE_MEDIAN, milliseconds=number(provider.median_latency_ms)))
            tokens = provider.input_tokens + provider.output_tokens
            parts.append(self.say(texts.USAGE_TOKENS, count=number(tokens)))
            if provider.cost_usd:
                parts.append(self.formats.usd(provider.cost_usd, precise=True))
            lines.append(f"• {provider.provider}: {', '.join(parts)}")
        if calls:
            fallbacks = sum(provider.fallbacks for provider in report.providers)
            lines.append(
                self.say(
                    texts.USAGE_FALLBACK_RATE,
                    fallbacks=number(fallbacks),
                    calls=number(calls),
                    share=number(Decimal(100 * fallbacks) / calls, decimals=1),
                )
            )
            if report.category_calls:
                lines.append(self.count(texts.USAGE_CATEGORY_CALLS, report.category_calls))
        else:
            lines.append(self.say(texts.USAGE_NO_CALLS))
        paid = self.formats.usd(report.cost_usd, precise=True)
        budget = self.formats.usd(report.budget_usd)
        paid_line = texts.USAGE_PAID_ALL if report.chat_id is None else texts.USAGE_PAID_GROUP
        lines.append(self.say(paid_line, paid=paid, budget=budget))
        return "\n".join(lines)

    def _month(self, month: str) -> str:
        year, number = month.split("-")
        return self.formats.month(int(year), int(number))

    def unsure(self, text: str, is_unsure: bool) -> str:
        """A confirmation, with a request to check it when the reading was in doubt."""
        return f"{text}\n{self.say(texts.PLEASE_CHECK)}" if is_unsure else text

    def confirmation(
        self,
        saved: SavedMessage,
        link: str | None,
        dating: Dating = ON_THE_DAY_POSTED,
        categories: Mapping[str, str] | None = None,
    ) -> str:
        """'Logged: 3.00 USD – coffee. Saved as No 12 (December 2026).' for one message's rows;
        'Logged for Sat 21 Nov: ...' when the member named another day.
        """
        lines = saved.lines
        if not lines:
            return self.say(texts.LOGGED_NOTHING)
        first = lines[0]
        guess = self._guess(first.line.money.currency) if saved.currency_guessed else ""
        days = {line.line.day for line in lines}
        when = (
            self.say(texts.FOR_DAY, day=self.day(first.line.day)) if dating.named and len(days) == 1 else ""
        )
        if first.line.movement is not None:
            movement = first.line.movement
            note = movement_note(first.line.purpose, movement.kind, movement.member)
            text = self.say(
                texts.MOVEMENT_RECORDED[movement.kind.value],
                when=when,
                amount=self.amount(first.line.money),
                member=movement.member,
                note=f" – {note}" if note else "",
                saved_as=self._saved_as(first),
            )
        elif first.line.topup:
            note = top_up_note(first.line.purpose)
            recorded = f"{self.amount(first.line.money)}{f' – {note}' if note else ''}"
            text = self.say(
                texts.TOPUP_RECORDED, when=when, recorded=recorded, saved_as=self._saved_as(first)
            )
        elif len(lines) == 1:
            text = self.say(
                texts.LOGGED_ONE,
                when=when,
                entry=self._entry(first),
                guess=guess,
                saved_as=self._saved_as(first, categories),
            )
        else:
            each_day = dating.named and len(days) > 1
            items = "\n".join(
                f"• {self.day(line.line.day) + ': ' if each_day else ''}{self._entry(line)} — "
                f"{self._number_and_category(line, categories)}"
                for line in lines
            )
            values = {"when": when, "guess": guess, "worksheet": self.formats.tab(first)}
            text = self.count(texts.LOGGED_MANY, len(lines), items=items, **values)
            if len(text) > LONGEST_LIST:
                totals = self._totals([line.line.money for line in lines])
                numbers = self._number_span(lines)
                text = self.count(
                    texts.LOGGED_MANY_IN_SHORT, len(lines), numbers=numbers, totals=totals, **values
                )
        text = self._with_closed_month(text, dating, self.formats.tab(first))
        return f"{text}\n{link}" if link else text

    def _guess(self, currency: Currency) -> str:
        return self.say(texts.ASSUMED_CURRENCY, currency=currency.value)

    def _saved_as(self, saved: SavedLine, categories: Mapping[str, str] | None = None) -> str:
        number = self.entry_number(saved)
        if saved.line.category:
            category = self.category(saved.line.category, categories)
            return self.say(
                texts.SAVED_AS_IN, number=number, worksheet=self.formats.tab(saved), category=category
            )
        return self.say(texts.SAVED_AS, number=number, worksheet=self.formats.tab(saved))

    def _number_and_category(self, saved: SavedLine, categories: Mapping[str, str] | None) -> str:
        number = self.entry_number(saved)
        if not saved.line.category:
            return number
        category = self.category(saved.line.category, categories)
        return self.say(texts.NUMBER_AND_CATEGORY, number=number, category=category)

    def entry_number(self, saved: SavedLine) -> str:
        """'No 12': an entry as bookkeepers name it, by the No in the sheet; the sheet row if it has none."""
        if saved.number > 0:
            return self.say(texts.ENTRY_NUMBER, number=self.formats.digits(str(saved.number)))
        return self.say(texts.SHEET_ROW, row=self.formats.digits(str(saved.row)))

    def _number_span(self, lines: Sequence[SavedLine]) -> str:
        """'Nos 13–15' for a message's entries, numbered in a run as the bot writes them."""
        numbers = [line.number for line in lines]
        digits = self.formats.digits
        if all(numbers) and numbers == list(range(numbers[0], numbers[0] + len(numbers))):
            return self.say(texts.NUMBER_SPAN, first=digits(str(numbers[0])), last=digits(str(numbers[-1])))
        return self.say(texts.NUMBER_LIST, numbers=", ".join(self._bare_number(line) for line in lines))

    def _bare_number(self, line: SavedLine) -> str:
        """'12' for a numbered entry; 'sheet row 7' for one without a No."""
        return self.formats.digits(str(line.number)) if line.number > 0 else self.entry_number(line)

    def _totals(self, amounts: list[Money]) -> str:
        """'1,275.00 USD and 45,000 KHR': the sum per currency, in the order the currencies came."""
        sums: dict[Currency, Decimal] = {}
        for money in amounts:
            sums[money.currency] = sums.get(money.currency, Decimal(0)) + money.amount
        shown = [self.amount(Money(total, currency)) for currency, total in sums.items()]
        return reduce(lambda first, second: self.say(texts.TWO_TOTALS, first=first, second=second), shown)

    def _with_closed_month(self, text: str, dating: Dating, worksheet: str) -> str:
        if dating.closed_month is None:
            return text
        closed = self.say(texts.CLOSED_MONTH, closed=self.period(dating.closed_month), month=worksheet)
        return f"{text}\n{closed}"

    def queued(
        self, message: QueuedMessage, problem: LedgerError | None, dating: Dating = ON_THE_DAY_POSTED
    ) -> str:
        """The expense is safe but not in the sheet yet: what was saved, and why it waits."""
        items, guess = self._queued_items(message, dating)
        text = self.say(
            texts.QUEUED, items=items, guess=guess, why=ledger_problems.waiting_because(self.say, problem)
        )
        return self._with_closed_month(text, dating, self.period(message.period))

    def held(self, outcome: Held) -> str:
        """Over the rate limit: what was saved, and when it goes to the sheet."""
        items, guess = self._queued_items(outcome.message, outcome.dating)
        text = self.say(
            texts.HELD,
            items=items,
            guess=guess,
            expenses=self.count(texts.EXPENSES, outcome.per_minute),
            seconds=self.count(texts.SECONDS, outcome.wait_seconds),
        )
        return self._with_closed_month(text, outcome.dating, self.period(outcome.message.period))

    def _queued_items(self, message: QueuedMessage, dating: Dating) -> tuple[str, str]:
        """'5.00 USD – taxi; 3.00 USD – lunch', and ' (assumed KHR)' when the currency was guessed."""
        items = "; ".join(
            f"{self.day(line.day) + ': ' if dating.named else ''}{self.amount(line.money)} – {line.purpose}"
            for line in message.lines
        )
        if len(items) > LONGEST_LIST:
            totals = self._totals([line.money for line in message.lines])
            items = self.count(texts.QUEUED_IN_SHORT, len(message.lines), totals=totals)
        guess = self._guess(message.lines[0].money.currency) if message.currency_guessed else ""
        return items, guess

    def edited(self, saved: SavedMessage) -> str:
        """After an edit changed the rows."""
        rows = "; ".join(f"{self._entry(line)} ({self.entry_number(line)})" for line in saved.lines)
        return self.say(texts.EDITED, rows=rows)

    def voided(self, saved: SavedMessage, by: str) -> str:
        """After Undo or an edit that removed the amount."""
        rows = ", ".join(f"{self.entry_number(line)} ({line.line.purpose})" for line in saved.lines)
        return self.say(texts.VOIDED, by=by, rows=rows)

    def switched(self, saved: SavedMessage) -> str:
        """After a guessed currency was switched."""
        rows = "; ".join(
            self.say(texts.SWITCHED_ROW, number=self.entry_number(line), entry=self._entry(line))
            for line in saved.lines
        )
        return self.say(texts.SWITCHED, rows=rows)

    def undo_button(self, saved: SavedMessage | None = None) -> str:
        """'Undo (No 12)': the button under a confirmation names the entries it takes back."""
        if saved is None or not saved.lines:
            return self.say(texts.UNDO_BUTTON)
        numbers = ", ".join(self._bare_number(line) for line in saved.lines)
        return self.say(texts.UNDO_BUTTON_NUMBERED, numbers=numbers)

    def switch_button(self, saved: SavedMessage) -> str:
        """The label of the one-tap currency switch."""
        current = saved.lines[0].line.money.currency
        return self.say(texts.SWITCH_BUTTON, currency="USD" if current is Currency.KHR else "KHR")

    def _entry(self, line: SavedLine) -> str:
        return f"{self.amount(line.line.money)} – {line.line.purpose}"

    def reply_for(
        self, outcome: Outcome, member: str, categories: Mapping[str, str] | None = None
    ) -> str | None:
        """What the bot says for an outcome; None when it stays silent."""
        match outcome:
            case Silent():
                return None
            case Saved(saved, link, is_unsure, dating):
                return self.unsure(self.confirmation(saved, link, dating, categories), is_unsure)
            case Queued(message, problem, is_unsure, dating, _):
                return self.unsure(self.queued(message, problem, dating), is_unsure)
            case AskPurpose(entry):
                return self.ask_purpose(entry)
            case AskRephrase():
                return self.say(texts.REPHRASE)
            case TooManyEntries(most):
                return self.count(texts.TOO_MANY_ENTRIES, most)
            case ForwardedNotSaved(day, entries):
                return self.forwarded(day, entries[0])
            case TopUpUnclear():
                return self.say(texts.TOPUP_HOW)
            case Refused(reason, entry, limits):
                return self.refusal(reason, entry, limits)
            case DateRefused():
                return self.date_refusal(outcome)
            case Held():
                return self.unsure(self.held(outcome), outcome.unsure)
            case RepeatedTooOften(per_minute):
                return self.count(texts.REPEATED_TOO_OFTEN, per_minute)
            case Edited(saved):
                return self.edited(saved)
            case Voided(saved):
                return self.voided(saved, member)
            case Switched(saved):
                return self.switched(saved)
            case ActionRefused(reason):
                return self.say(texts.ACTION_REFUSALS[reason])
            case LedgerProblem(error):
                return self.ledger_problem(error)
            case StorageProblem():
                return self.say(texts.STORAGE_PROBLEM)
            case UnknownMember(username):
                return self.say(texts.UNKNOWN_MEMBER, username=username)
            case NoMemberNamed():
                return self.say(texts.NO_MEMBER_NAMED)
            case SeveralMembersNamed(names):
                return self.say(texts.SEVERAL_MEMBERS_NAMED, names=", ".join(names))
        return None

    def connect_reply(self, outcome: ConnectOutcome) -> str:
        """The answer to /connect."""
        match outcome:
            case Connected(spreadsheet_id, title):
                link = f"https://docs.google.com/spreadsheets/d/{spreadsheet_id}"
                return self.say(texts.CONNECTED, title=title, link=link)
            case NotASheet():
                return self.say(texts.NOT_A_SHEET)
            case SheetsNotConfigured():
                return self.say(texts.NO_SHEETS)
            case LedgerProblem(LedgerAccessDenied() as denied):
                return self.say(texts.CONNECT_NO_ACCESS, email=denied.share_with)
            case LedgerProblem(LedgerNotFound()):
                return self.say(texts.CONNECT_NOT_FOUND)
            case LedgerProblem(LedgerRefused() as refused):
                return ledger_problems.connect_refused(self.say, refused)
            case LedgerProblem(error):
                return self.ledger_problem(error)
        return self.say(texts.UNAVAILABLE)

    def balance_problem(self, error: LedgerError) -> str:
        """Why /balance has no answer: the sheet could not be read."""
        return ledger_problems.balance_problem(self.say, error)

    def ledger_problem(self, error: LedgerError) -> str:
        """What the group is told when the sheet cannot be written."""
        return ledger_problems.ledger_problem(self.say, error)

    def sheet_refused(self, refusal: LedgerRefused) -> str:
        """The one message a group gets when its sheet starts refusing the rows."""
        return ledger_problems.refused_notice(self.say, refusal)


def merged_confirmation(parts: list[str]) -> str:
    """Several confirmations due together, as one message."""
    return "\n\n".join(parts)
