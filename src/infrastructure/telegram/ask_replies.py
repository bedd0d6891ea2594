"""What the bot answers to questions: totals, counts, lists, the largest, /recent, /mine, confirmations.
Every figure here is computed from the rows, never taken from a model's words."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import date
from decimal import Decimal

from balance_bot.domain.balances import CURRENCIES, ZERO
from balance_bot.domain.budgets import budget_use
from balance_bot.domain.categories import TOTAL
from balance_bot.domain.day_rates import DayRates, Rates, khr_per_usd_on
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.ledger_answers import Entry, Found
from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import LedgerQuestion, Measure, TopUpRequest
from balance_bot.questions.ask import (
    Answered,
    AskOutcome,
    AskRefused,
    AskUnavailable,
    BudgetAnswer,
    CannotAnswer,
    CashAnswer,
    ConfirmWrite,
    MonthsNotKept,
    NoMoneyIn,
    NotSure,
    PositionAnswer,
)
from infrastructure.telegram import approval_notes, ask_texts, balance_texts, ledger_problems, texts
from infrastructure.telegram.member_replies import MemberReplies
from infrastructure.telegram.replies import Replies

LISTED = 20  # entries listed in one answer; the rest are counted


class AskReplies:
    """Renders answers in one chat's words and numbers."""

    def __init__(self, replies: Replies, khr_per_usd: Rates) -> None:
        self._replies = replies
        self._khr_per_usd = khr_per_usd  # one rate, or each day's: rows are counted at their day's
        # Sums without their rows (a balance, a budget's totals) at the latest rate known.
        self._latest = khr_per_usd.latest if isinstance(khr_per_usd, DayRates) else None
        self._one_rate: Decimal = khr_per_usd_on(khr_per_usd, None)

    def answer(self, outcome: AskOutcome, shown: Mapping[str, str] | None = None) -> str:
        """The reply to /ask; with the rows set aside as doubtful, when there are any."""
        text = self._answer(outcome, shown)
        if isinstance(outcome, Answered) and any(outcome.found.awaiting.values()):
            text = f"{text}\n⏳ {approval_notes.awaiting(self._replies, outcome.found.awaiting)}"
        if not isinstance(outcome, Answered) or not outcome.found.doubtful:
            return text
        question, say = outcome.question, self._replies.say
        if question.category is not None:
            why = say(
                ask_texts.ASK_NOT_COUNTED, category=(shown or {}).get(question.category, question.category)
            )
        else:
            why = say(ask_texts.ASK_NOT_COUNTED_WORDS, words=" / ".join(question.words))
        return "\n".join([text, why, *self.entries(outcome.found.doubtful)])

    def _answer(self, outcome: AskOutcome, shown: Mapping[str, str] | None) -> str:
        say = self._replies.say
        match outcome:
            case Answered(question, found, member, _, group_of) if group_of is not None:
                return self._per_group(question, found, member, group_of, shown or {})
            case Answered(question, found, member, _, _, days) if question.measure is Measure.AVERAGE:
                return self._average(question, found, member, days, shown or {})
            case Answered(question, found, member, whole=whole):
                return self._answered(question, found, member, shown or {}, whole)
            case CashAnswer(balance):
                return self._replies.balance_reply(balance, self._one_rate, rate=self._latest)
            case NoMoneyIn(balance):
                spent = [
                    self._replies.formats.money(sums.spent, currency)
                    for currency, sums in balance.currencies.items()
                    if sums.spent
                ]
                return say(
                    ask_texts.ASK_NO_MONEY_IN,
                    month=self._replies.period(balance.period),
                    spent=" + ".join(spent) or self._replies.formats.money(ZERO, Currency.USD),
                )
            case BudgetAnswer() as budgets:
                return self._budgets(budgets, shown or {})
            case PositionAnswer(position):
                return MemberReplies(self._replies).member_balance(position, self._one_rate)
            case ConfirmWrite(request):
                if isinstance(request, TopUpRequest):
                    return say(ask_texts.CONFIRM_TOPUP, text=request.text)
                return say(ask_texts.CONFIRM_UNDO, number=self._replies.formats.number(request.number))
            case AskRefused(reason):
                return say(ask_texts.ASK_REFUSED[reason.value])
            case CannotAnswer():
                return say(ask_texts.ASK_CANNOT)
            case NotSure(question, unknown):
                return self._not_sure(question, unknown)
            case MonthsNotKept(question):
                return say(ledger_problems.MONTHS_NOT_KEPT, span=self._span(question.span))
            case AskUnavailable(error):
                return self._replies.balance_problem(error)
        raise AssertionError("unreachable")

    def _answered(
        self,
        question: LedgerQuestion,
        found: Found,
        member: str | None,
        shown: Mapping[str, str],
        whole: Found | None = None,
    ) -> str:
        say = self._replies.say
        subject, span = self._subject(question, member, shown), self._span(question.span)
        if not found.entries:
            return say(_nothing(found), subject=subject, span=span)
        count = self._replies.count(texts.EXPENSES, found.count)
        amounts = self.sums(found.totals)
        if question.measure is Measure.COUNT:
            return say(ask_texts.ASK_COUNT, subject=subject, span=span, count=count)
        if question.measure is Measure.TOTAL:
            return say(ask_texts.ASK_TOTAL, subject=subject, span=span, amounts=amounts, count=count)
        if question.measure is Measure.AVERAGE_EACH:
            average = self.sums(found.per_entry())
            return say(
                ask_texts.ASK_EACH, subject=subject, span=span, amounts=amounts, count=count, average=average
            )
        if question.measure is Measure.SHARE:
            whole = found if whole is None else whole
            share = found.percent_of(whole, self._khr_per_usd)
            percent = self._replies.formats.number(share, decimals=1)
            return say(
                ask_texts.ASK_SHARE_OF_EVERYONES if question.part_of_its_whole else ask_texts.ASK_SHARE,
                subject=subject,
                span=span,
                amounts=amounts,
                count=count,
                percent=percent,
                whole=self.sums(whole.totals),
            )
        lower = subject[:1].lower() + subject[1:] if self._replies.speech.language.value == "en" else subject
        # "The largest in November", not "The largest (spent) in November": only a member or words say more.
        narrowed = f" ({lower})" if subject != say(ask_texts.ASK_SUBJECT_ALL) else ""
        if question.measure is Measure.LARGEST:
            title = say(ask_texts.ASK_LARGEST, subject_lower=narrowed, span=span)
            return "\n".join([title, *(self.entry(entry) for entry in found.largest(self._khr_per_usd))])
        if question.measure is Measure.SMALLEST:
            title = say(ask_texts.ASK_SMALLEST, subject_lower=narrowed, span=span)
            return "\n".join([title, *(self.entry(entry) for entry in found.smallest(self._khr_per_usd))])
        if question.measure is Measure.LATEST:
            last_row = found.entries[-1].row
            title = say(ask_texts.ASK_LATEST, subject_lower=narrowed, span=span)
            latest = [self.entry(entry) for entry in found.entries if entry.row is last_row]
            return "\n".join([title, *latest])
        title = say(ask_texts.ASK_LIST, subject=subject, span=span, amounts=amounts, count=count)
        return "\n".join([title, *self.entries(found.entries)])

    def _average(
        self, question: LedgerQuestion, found: Found, member: str | None, days: int, shown: Mapping[str, str]
    ) -> str:
        """The total, and what it makes a day over the span's days so far."""
        subject, span = self._subject(question, member, shown), self._span(question.span)
        if not found.entries:
            return self._replies.say(_nothing(found), subject=subject, span=span)
        return self._replies.count(
            ask_texts.ASK_AVERAGE,
            days,
            subject=subject,
            span=span,
            amounts=self.sums(found.totals),
            expenses=self._replies.count(texts.EXPENSES, found.count),
            average=self.sums(found.per_day(days)),
        )

    def _per_group(
        self,
        question: LedgerQuestion,
        found: Found,
        member: str | None,
        group_of: Callable[[Entry], str],
        shown: Mapping[str, str],
    ) -> str:
        """Totals per member or per category, the largest share first."""
        say = self._replies.say
        subject, span = self._subject(question, member, shown), self._span(question.span)
        if not found.entries:
            return say(_nothing(found), subject=subject, span=span)
        by_category = question.measure is Measure.BY_CATEGORY
        title = say(
            ask_texts.ASK_BY_CATEGORY if by_category else ask_texts.ASK_BY_MEMBER,
            subject=subject,
            span=span,
            amounts=self.sums(found.totals),
            count=self._replies.count(texts.EXPENSES, found.count),
        )
        lines = [title]
        for group in found.groups(group_of, self._khr_per_usd):
            if by_category:
                name = shown.get(group.name, group.name) if group.name else say(ask_texts.ASK_NO_CATEGORY)
            else:
                name = group.name or "—"
            count = self._replies.count(texts.EXPENSES, group.count)
            lines.append(say(ask_texts.ASK_GROUP, name=name, amounts=self.sums(group.totals), count=count))
        return "\n".join(lines)

    def _budgets(self, answer: BudgetAnswer, shown: Mapping[str, str]) -> str:
        """Each budgeted category's spending against its budget; the largest share first."""
        say, money = self._replies.say, self._replies.formats.money
        month = self._replies.period(answer.period)
        uses = [
            (category, totals, budget_use(category, totals, self._one_rate))
            for category, totals in answer.spent
        ]
        if answer.asked is not None and uses[0][2] is None:
            name = self._replies.category(answer.asked.name, shown)
            return say(ask_texts.ASK_NO_BUDGET_FOR, category=name, month=month, spent=self.sums(uses[0][1]))
        lines = [say(ask_texts.ASK_BUDGETS, month=month)]
        for category, _, use in sorted(uses, key=lambda used: -(used[2].percent if used[2] else 0)):
            if use is None:
                continue
            is_total = category.name.casefold() == TOTAL.casefold()
            name = (
                say(balance_texts.ALL_SPENDING) if is_total else self._replies.category(category.name, shown)
            )
            over = use.left < 0
            lines.append(
                say(
                    ask_texts.ASK_BUDGET_OVER if over else ask_texts.ASK_BUDGET_LEFT,
                    category=name,
                    spent=money(use.spent, use.currency),
                    budget=money(use.budget, use.currency),
                    percent=self._replies.formats.number(use.percent, decimals=0),
                    left=money(use.left, use.currency),
                    over=money(-use.left, use.currency),
                )
            )
        return "\n".join(lines) if len(lines) > 1 else say(ask_texts.ASK_NO_BUDGETS)

    def _not_sure(self, question: LedgerQuestion, unknown: Sequence[str]) -> str:
        """What was understood and which words were not, with questions that can be answered."""
        understood = self._subject(replace(question, words=()), None, {}) + self._span(question.span)
        if self._replies.speech.language.value == "en":
            understood = understood[:1].lower() + understood[1:]
        return self._replies.say(ask_texts.ASK_NOT_SURE, words=" / ".join(unknown), understood=understood)

    def _subject(self, question: LedgerQuestion, member: str | None, shown: Mapping[str, str]) -> str:
        """'Spent by Dara on “taxi”': whose entries, about what."""
        say = self._replies.say
        subject = (
            say(ask_texts.ASK_SUBJECT_MEMBER, member=member) if member else say(ask_texts.ASK_SUBJECT_ALL)
        )
        if question.category is not None:
            subject += say(
                ask_texts.ASK_IN_CATEGORY, category=shown.get(question.category, question.category)
            )
        elif question.words:
            subject += say(ask_texts.ASK_ABOUT, words=" / ".join(question.words))
        if question.currency is not None:
            riel = question.currency is Currency.KHR
            subject += say(ask_texts.ASK_IN_RIEL if riel else ask_texts.ASK_IN_DOLLARS)
        return subject

    def entries(self, entries: Sequence[Entry]) -> list[str]:
        """The entries, the first LISTED of them, and how many more."""
        lines = [self.entry(entry) for entry in entries[:LISTED]]
        if len(entries) > LISTED:
            lines.append(
                self._replies.say(
                    ask_texts.ASK_MORE, count=self._replies.formats.number(len(entries) - LISTED)
                )
            )
        return lines

    def entry(self, entry: Entry) -> str:
        """'• No 12, Tue 3 Nov: taxi – $5.00 (Dara)'."""
        row = entry.row
        return self._replies.say(
            ask_texts.ASK_ENTRY,
            number=self._replies.formats.number(row.number) if row.number is not None else "–",
            day=self._replies.day(row.day) if row.day is not None else "–",
            item=row.item,
            amount=self._replies.formats.money(entry.amount, entry.currency),
            member=row.member or "—",
        )

    def recent(self, rows: Sequence[SheetRow]) -> str:
        """/recent."""
        if not rows:
            return self._replies.say(ask_texts.RECENT_NONE)
        return "\n".join(
            [self._replies.say(ask_texts.RECENT_TITLE), *(self.entry(entry) for entry in _entries(rows))]
        )

    def mine(self, found: Found, period: Period) -> str:
        """/mine."""
        month = self._replies.period(period)
        if not found.entries:
            return self._replies.say(ask_texts.MINE_NONE, month=month)
        count = self._replies.count(texts.EXPENSES, found.count)
        title = self._replies.say(
            ask_texts.MINE_TITLE, month=month, amounts=self.sums(found.totals), count=count
        )
        return "\n".join([title, *self.entries(found.entries)])

    def sums(self, totals: Mapping[Currency, Decimal]) -> str:
        """'$12.00 + 25,000៛', the currencies spent in."""
        money = self._replies.formats.money
        shown = [money(totals[currency], currency) for currency in CURRENCIES if totals.get(currency, ZERO)]
        return " + ".join(shown) or money(ZERO, Currency.USD)

    def _span(self, span: Span) -> str:
        say, replies = self._replies.say, self._replies
        if span.first == span.last:
            return say(ask_texts.ASK_SPAN_DAY, day=replies.day(span.first))
        if span.whole_months() and Period.of(span.first) == Period.of(span.last):
            return say(ask_texts.ASK_SPAN_MONTH, month=replies.period(Period.of(span.first)))
        if span.first == date(span.first.year, 1, 1) and span.last == date(span.first.year, 12, 31):
            return say(ask_texts.ASK_SPAN_YEAR, year=replies.formats.digits(str(span.first.year)))
        return say(ask_texts.ASK_SPAN_DAYS, first=replies.day(span.first), last=replies.day(span.last))


def _nothing(found: Found) -> str:
    """'Nothing', or 'nothing I'm sure of' when rows were set aside as doubtful."""
    return ask_texts.ASK_NOTHING_SURE if found.doubtful else ask_texts.ASK_NOTHING


def _entries(rows: Sequence[SheetRow]) -> list[Entry]:
    return [
        Entry(row, currency, amount)
        for row in rows
        for currency, amount in ((Currency.USD, row.usd), (Currency.KHR, row.khr))
        if amount
    ]
