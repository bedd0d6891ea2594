"""What the bot says for each outcome, rendered in a chat's language from the message catalogs."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from decimal import Decimal
from functools import cache, reduce

from balance_bot.balances.service import (
    BalanceOutcome,
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
from balance_bot.capture.reply_plan import Button, DrawnPlan, ReplyPlan, category_names_in
from balance_bot.capture.taps import TapPlan
from balance_bot.categories.categorising import NoSuchCategory, Recategorised
from balance_bot.domain.categories import CategoryBook
from balance_bot.domain.day_rates import RateOfDay
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import SavedLine
from balance_bot.domain.members import MovementKind
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.numerals import OVERSIZED
from balance_bot.ports import (
    LedgerError,
    QueuedMessage,
    SavedMessage,
)
from infrastructure.i18n.words import Words
from infrastructure.telegram import (
    approvals_texts,
    changes_texts,
    ledger_problems,
    member_texts,
    recurring_texts,
    texts,
)
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.category_replies import CategoryReplies
from infrastructure.telegram.sheet_words import movement_note, top_up_note

ENGLISH = Speech(Language.ENGLISH)
# A confirmation listing more than this many characters gives the count, rows and totals instead:
# Telegram takes 4,096 characters in a message, and the link and notes come on top.
LONGEST_LIST = 3500
MAX_MEMBERS_SHOWN = 10


class Replies(Words):
    """The bot's words in one chat's language about what it captured: confirmations, questions,
    refusals; each other room's replies (balances, groups, categories, members) build on them.
    The words every face draws a plan in (the capture's PlanWords port)."""

    @staticmethod
    @cache
    def of(speech: Speech) -> Replies:
        """The replies for a chat's speech, made once per language and digits."""
        return Replies(speech)

    def balance_reply(
        self,
        outcome: BalanceOutcome,
        khr_per_usd: Decimal,
        book: CategoryBook | None = None,
        shown: Mapping[str, str] | None = None,
        rate: RateOfDay | None = None,
    ) -> str:
        """The answer to /balance (the members' and questions' replies say it through their Wording)."""
        return BalanceReplies(self).balance_reply(outcome, khr_per_usd, book, shown, rate)

    def help(self) -> str:
        """/help: how to post, the commands, and categories."""
        shown = (
            texts.HELP,
            texts.HELP_CATEGORIES,
            texts.HELP_MEMBERS,
            texts.HELP_ASK,
            changes_texts.HELP_CHANGES,
            recurring_texts.HELP,
        )
        return "\n\n".join(self.say(text) for text in shown)

    def category_names(self, book: CategoryBook) -> dict[str, str]:
        """English name -> the name this chat reads: the tab's Khmer one in Khmer (the core's rule)."""
        return category_names_in(book, self.speech.language)

    def commands(self) -> list[tuple[str, str]]:
        """The command menu: each command and what it does."""
        return [(name, self.say(about)) for name, about in texts.COMMANDS]

    def amount(self, money: Money) -> str:
        """'3.00 USD' ('3.00$' in Khmer); 'That amount' for a number longer than any expense."""
        if money.amount >= OVERSIZED:
            return self.say(texts.THAT_AMOUNT)
        return self.formats.amount(money)

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
                member_texts.MOVEMENT_RECORDED[movement.kind.value],
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

    def drawn(self, plan: ReplyPlan) -> DrawnPlan:
        """A reply plan in words: its text (None when the bot stays silent) and its buttons' labels."""
        text = self.reply_for(plan.outcome, plan.member, plan.category_names)
        if plan.awaiting_approval and text:
            text = f"{text}\n{self.say(approvals_texts.AWAITING_NOTE)}"
        labels = tuple(
            (button, self.label(button, plan.saved, plan.category_names)) for button in plan.buttons
        )
        return DrawnPlan(text, labels)

    def label(self, button: Button, saved: SavedMessage | None, names: Mapping[str, str]) -> str:
        """A button's label under a confirmation of `saved`."""
        if button is Button.UNDO:
            return self.undo_button(saved)
        if button is Button.SWITCH and saved is not None:
            return self.switch_button(saved)
        if button is Button.CATEGORY and saved is not None:
            category = self.category(saved.lines[0].line.category, names)
            return self.say(texts.CATEGORY_BUTTON, category=category)
        if button in (Button.APPROVE, Button.REJECT):
            return self.say(approvals_texts.BUTTONS[button])
        return self.say(texts.THIS_MONTH_BUTTON)

    def tap_text(self, tap: TapPlan) -> str | None:
        """What a tap on a confirmation's button says (None: nothing)."""
        if isinstance(tap.outcome, Recategorised | NoSuchCategory):
            return CategoryReplies(self).recategorised(tap.outcome, tap.category, tap.category_names)
        return self.reply_for(tap.outcome, tap.tapper, tap.category_names)

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
            case TopUpUnclear(None):
                return self.say(texts.TOPUP_HOW)
            case TopUpUnclear(MovementKind.RETURNED):
                return self.say(member_texts.RETURNED_HOW)
            case TopUpUnclear():
                return self.say(member_texts.MOVEMENT_HOW)
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
                return self.say(member_texts.UNKNOWN_MEMBER, username=username)
            case NoMemberNamed():
                return self.say(member_texts.NO_MEMBER_NAMED)
            case SeveralMembersNamed(names):
                return self.say(member_texts.SEVERAL_MEMBERS_NAMED, names=", ".join(names))
        return None

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
