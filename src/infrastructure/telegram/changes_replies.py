"""What the bot says of the changes made in the sheet by hand: one line a change, each with its No."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from balance_bot.domain.hand_edits import (
    AmountChanged,
    DayChanged,
    HandChange,
    ItemChanged,
    RowAdded,
    RowDeleted,
)
from balance_bot.domain.money import Currency, Money
from balance_bot.ledger_changes.hand_changes import (
    ChangesAnswer,
    ChangesForAdmins,
    ChangesReport,
    ChangesUnreadable,
)
from balance_bot.ports import LedgerUnavailable
from infrastructure.telegram import changes_texts, ledger_problems, texts
from infrastructure.telegram.wording import Wording

MOST_CHANGES_SHOWN = 30  # a month re-typed by hand is summed up, not listed in full


class ChangesReplies:
    """The changes by hand in the words and numbers of one chat."""

    def __init__(self, words: Wording) -> None:
        self._words = words

    def answer(self, answer: ChangesAnswer) -> str:
        """The reply to /changes."""
        match answer:
            case ChangesForAdmins():
                return self._words.say(texts.ADMINS_ONLY)
            case ChangesUnreadable(error):
                if type(error) is LedgerUnavailable:
                    return self._words.say(changes_texts.CHANGES_UNREADABLE)
                return ledger_problems.balance_problem(self._words.say, error)
            case ChangesReport() as report if not report.changes:
                return self._words.say(changes_texts.NO_CHANGES, day=self._words.day(report.since))
            case ChangesReport() as report:
                return self.report(report)
        raise AssertionError("unreachable")

    def report(self, report: ChangesReport) -> str:
        """The changes, the months they are in named first."""
        months = ", ".join(self._words.period(period) for period in report.periods)
        lines = [self._words.say(changes_texts.CHANGES_TITLE, months=months)]
        shown = report.changes[:MOST_CHANGES_SHOWN]
        lines.extend(f"• {self.change(change)}" for change in shown)
        if len(report.changes) > len(shown):
            lines.append(self._words.count(changes_texts.MORE_CHANGES, len(report.changes) - len(shown)))
        return "\n".join(lines)

    def change(self, change: HandChange) -> str:
        """One change: 'No 14: 25.00 → 2.50 USD', 'No 20 deleted (coffee, 3.00 USD)'."""
        say = self._words.say
        match change:
            case AmountChanged(number, _, _, before, after):
                return say(
                    changes_texts.AMOUNT_CHANGED, number=self._number(number), **self._amounts(before, after)
                )
            case DayChanged(number, _, _, before, after):
                shown_after = self._day(after) if after is not None else say(changes_texts.EMPTY)
                return say(
                    changes_texts.DAY_CHANGED,
                    number=self._number(number),
                    before=self._day(before),
                    after=shown_after,
                )
            case ItemChanged(number, _, _, before, after):
                return say(
                    changes_texts.ITEM_CHANGED, number=self._number(number), before=before, after=after
                )
            case RowDeleted(number, _, _, item, money):
                return say(
                    changes_texts.ROW_DELETED,
                    number=self._number(number),
                    item=item,
                    amount=self._amount(money),
                )
            case RowAdded(number, _, day, item, amounts):
                row = ", ".join(
                    part
                    for part in (self._day(day) if day else "", item, *map(self._amount, amounts))
                    if part
                )
                if number is None:
                    return say(changes_texts.ROW_ADDED_WITHOUT_NUMBER, row=row)
                return say(changes_texts.ROW_ADDED, number=self._number(number), row=row)
        raise AssertionError("unreachable")

    def _amounts(self, before: Money, after: Sequence[Money]) -> dict[str, str]:
        """'25.00 → 2.50 USD' when the currency stayed; each amount whole otherwise."""
        counted = Money(before.amount, Currency.KHR if before.currency is Currency.KHR else Currency.USD)
        if len(after) == 1 and after[0].currency is counted.currency:
            decimals = 0 if counted.currency is Currency.KHR else 2
            return {
                "before": self._words.formats.number(counted.amount, decimals=decimals),
                "after": self._amount(after[0]),
            }
        return {"before": self._amount(counted), "after": self._listed(after)}

    def _listed(self, amounts: Sequence[Money]) -> str:
        return " + ".join(self._amount(money) for money in amounts) or self._words.say(changes_texts.EMPTY)

    def _amount(self, money: Money) -> str:
        return self._words.formats.amount(money)

    def _number(self, number: int | None) -> str:
        return self._words.formats.digits(str(number)) if number is not None else "?"

    def _day(self, day: date) -> str:
        return self._words.day(day)
