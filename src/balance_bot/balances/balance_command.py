"""Use case: /balance, for the group's handler and `try` alike: the month's cash or one member's money,
who may see it, what goes under it, and whether the group is asked which way it pays."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.balances.service import Balance, BalanceOutcome, BalanceService
from balance_bot.capture.outcomes import AdminCheck, SeveralMembersNamed
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.categories import CategoryBook
from balance_bot.domain.ledger import Period
from balance_bot.members.movements import CashMovements, MemberBalanceOutcome, Named, several_named
from balance_bot.members.payments_question import PaymentsQuestion
from balance_bot.ports import LedgerError


@dataclass(frozen=True, slots=True)
class BalanceForAdmins:
    """The group's cash and its members' money are for its admins to see."""


@dataclass(frozen=True, slots=True)
class BalanceAnswer:
    """What /balance shows: a month (with the group's categories and budgets when they could be read,
    and the Mini App's month under it), one member's figures, or which member was meant; then the
    question which way the team pays, when it is due."""

    shown: BalanceOutcome | MemberBalanceOutcome | SeveralMembersNamed | BalanceForAdmins
    book: CategoryBook | None = None
    month_button: bool = False
    ask_payments: bool = False

    @property
    def month_told(self) -> Period | None:
        """The month whose cash it tells (its riel added at that month's rates); None for a member's."""
        return self.shown.balance.period if isinstance(self.shown, Balance) else None


class BalanceCommand:
    """/balance [month], /balance @member or /balance Dara: admins see where the cash stands."""

    def __init__(
        self,
        balances: BalanceService,
        movements: CashMovements | None = None,
        payments: PaymentsQuestion | None = None,
        categorising: Categorising | None = None,
        month_view_offered: bool = False,
    ) -> None:
        self._balances = balances
        self._movements = movements
        self._payments = payments
        self._categorising = categorising
        self._month_view_offered = month_view_offered  # the Mini App is set up: "📊 This month"

    async def run(self, chat_id: int, words: str, is_admin: AdminCheck, named: Named = None) -> BalanceAnswer:
        """The answer to /balance's words; `named`, the member the chat itself pointed at (a mention,
        or the author of the message the command answers)."""
        if not await is_admin():
            return BalanceAnswer(BalanceForAdmins())
        if named is None and words and self._movements is not None:
            named = await self._movements.named_in(chat_id, words)
        if isinstance(named, tuple):  # /balance @dara @sok: one member at a time
            return BalanceAnswer(several_named(named))
        if named is not None and self._movements is not None:
            member = await self._movements.balance_of(chat_id, named)
            return BalanceAnswer(member, ask_payments=await self._payments_due(chat_id, member))
        month = await self._balances.balance_named(chat_id, words)
        return BalanceAnswer(
            month,
            await self._book(chat_id),
            month_button=self._month_view_offered,
            ask_payments=await self._payments_due(chat_id, month),
        )

    async def _book(self, chat_id: int) -> CategoryBook | None:
        if self._categorising is None:
            return None
        try:
            return await self._categorising.book(chat_id)
        except LedgerError:
            return None  # the month is shown all the same, without its categories

    async def _payments_due(self, chat_id: int, shown: BalanceOutcome | MemberBalanceOutcome) -> bool:
        if self._payments is None:
            return False
        if isinstance(shown, Balance):
            return await self._payments.due_after_month(chat_id)
        return await self._payments.due(chat_id, shown)
