"""What the bot says about members' money: their lines in /balance, /mybalance, /settings, reminders."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from decimal import Decimal

from balance_bot.balances.service import Balance
from balance_bot.capture.outcomes import UnknownMember
from balance_bot.domain.balances import CURRENCIES, ZERO, PeriodBalance
from balance_bot.domain.members import MemberFigures, MovementKind, PaymentMode
from balance_bot.domain.money import Currency
from balance_bot.groups.group_settings import Settings
from balance_bot.members.movements import MemberBalance, MemberBalanceOutcome
from infrastructure.telegram import member_texts
from infrastructure.telegram.sheet_words import movement_item_in
from infrastructure.telegram.wording import Wording

MAX_MEMBER_ROWS = 30  # /mybalance's rows behind the figures, the latest ones


class MemberReplies:
    """Renders members' figures in the words and numbers of one chat's replies."""

    def __init__(self, replies: Wording) -> None:
        self._replies = replies

    def section(self, balance: PeriodBalance, khr_per_usd: Decimal) -> list[str]:
        """/balance's members: a line per member with movements or money held or owed, and the box;
        nothing for a group that never moves cash to members."""
        members = balance.members
        if members is None or not members.any_movement():
            return []
        say = self._replies.say
        lines = [say(member_texts.MEMBERS_TITLE)]
        lines += [
            say(member_texts.MEMBER_LINE, member=figures.name, figures=self.figures(figures, khr_per_usd))
            for figures in members.shown()
        ]
        box = {currency: balance.box(currency) for currency in CURRENCIES}
        lines.append(say(member_texts.CASH_IN_BOX, amounts=self._sums(box, keep_zero=True)))
        return lines

    def figures(self, figures: MemberFigures, khr_per_usd: Decimal) -> str:
        """'advanced $50.00 · spent $30.00 · returned $20.00 · even', per currency that moved; dollars
        and riel never netted, their net at the group's rate after them when the member has both."""
        say, money = self._replies.say, self._replies.formats.money
        per_currency = []
        for currency in CURRENCIES:
            parts = [
                say(message, amount=money(amounts[currency], currency))
                for message, amounts in (
                    (member_texts.MEMBER_CARRIED, figures.opening),
                    (member_texts.MEMBER_ADVANCED, figures.advanced),
                    (member_texts.MEMBER_SPENT, figures.spent),
                    (member_texts.MEMBER_RETURNED, figures.returned),
                    (member_texts.MEMBER_REIMBURSED, figures.reimbursed),
                )
                if amounts[currency]
            ]
            if not parts and not figures.position[currency]:
                continue
            parts.append(self._stands(figures.position[currency], currency))
            per_currency.append(" · ".join(parts))
        if figures.in_both_currencies():
            net = self._stands(figures.net_usd(khr_per_usd), Currency.USD)
            per_currency.append(say(member_texts.MEMBER_NET, rate=money(khr_per_usd, Currency.KHR), net=net))
        return "; ".join(per_currency) or say(member_texts.MEMBER_EVEN)

    def _stands(self, position: Decimal, currency: Currency) -> str:
        """'holds $20.00', 'is owed 45,000៛' or 'even'."""
        say, money = self._replies.say, self._replies.formats.money
        if position > ZERO:
            return say(member_texts.MEMBER_HOLDS, amount=money(position, currency))
        if position < ZERO:
            return say(member_texts.MEMBER_OWED, amount=money(-position, currency))
        return say(member_texts.MEMBER_EVEN)

    def member_balance(self, outcome: MemberBalanceOutcome, khr_per_usd: Decimal) -> str:
        """/mybalance, /balance @member: one member's figures and the rows behind them."""
        replies = self._replies
        match outcome:
            case MemberBalance(name, figures, Balance(balance)):
                month = replies.period(balance.period)
                if figures is None or not (figures.rows or any(figures.position.values())):
                    return replies.say(member_texts.MEMBER_NOTHING, member=name, month=month)
                lines = [
                    replies.say(member_texts.MEMBER_BALANCE_TITLE, member=name, month=month),
                    self.figures(figures, khr_per_usd),
                ]
                if figures.rows:
                    lines.append(replies.say(member_texts.MEMBER_ROWS))
                    for row in figures.rows[-MAX_MEMBER_ROWS:]:
                        number = replies.formats.number(row.number) if row.number is not None else "–"
                        kind = replies.say(member_texts.MEMBER_KINDS[row.kind])
                        amount = replies.formats.money(row.amount, row.currency)
                        item = self._item(row.item, row.kind)
                        lines.append(
                            replies.say(
                                member_texts.MEMBER_ROW, number=number, item=item, kind=kind, amount=amount
                            )
                        )
                return "\n".join(lines)
            case UnknownMember(username):
                return replies.say(member_texts.UNKNOWN_MEMBER, username=username)
        return replies.balance_reply(outcome, khr_per_usd)

    def _item(self, item: str, kind: str) -> str:
        """A row's Item as the chat reads it: a movement's label in the chat's words, whichever language
        wrote it into the sheet (the member's note stays as written)."""
        movement = MovementKind.named(kind)
        if movement is None:
            return item
        return movement_item_in(self._replies.speech.language, item, movement)

    def settings(self, settings: Settings) -> str:
        """/settings: what the group chose."""
        say = self._replies.say
        payments = self._payments(settings.payment_mode)
        if not settings.payments_chosen:
            payments = say(member_texts.PAYMENTS_DEFAULT, payments=payments)
        reminders = member_texts.REMINDERS_ON if settings.advance_reminders else member_texts.REMINDERS_OFF
        return say(member_texts.SETTINGS_NOW, payments=payments, reminders=say(reminders))

    def payments_question(self) -> str:
        """The one question which way the team works, asked when a member's money first shows."""
        return self._replies.say(member_texts.PAYMENTS_QUESTION)

    def payments_buttons(self) -> list[tuple[PaymentMode, str]]:
        """Each way the team may work, and its button's label."""
        return [
            (mode, self._replies.say(member_texts.PAYMENTS_QUESTION_BUTTONS[mode.value]))
            for mode in PaymentMode
        ]

    def payments_answered(self, settings: Settings) -> str:
        """The question, once an admin answered it."""
        return self._replies.say(
            member_texts.PAYMENTS_ANSWERED, payments=self._payments(settings.payment_mode)
        )

    def _payments(self, mode: PaymentMode) -> str:
        return self._replies.say(
            member_texts.PAYMENTS_BOX if mode is PaymentMode.BOX else member_texts.PAYMENTS_MEMBER
        )

    def reminder(self, member: str, held: Mapping[Currency, Decimal], since: date) -> str:
        """The one friendly reminder about an advance held long."""
        return self._replies.say(
            member_texts.ADVANCE_REMINDER,
            member=member,
            amount=self._sums(held),
            day=self._replies.day(since),
        )

    def _sums(self, amounts: Mapping[Currency, Decimal], *, keep_zero: bool = False) -> str:
        money = self._replies.formats.money
        shown = [money(amount, currency) for currency, amount in amounts.items() if amount or keep_zero]
        return " + ".join(shown)
