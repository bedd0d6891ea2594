"""Use case: a group is asked once which way it pays for what members post, when a member's money
would first show and no admin has chosen (a team paying from the box would read its members' every
expense as a debt of the team)."""

from __future__ import annotations

from balance_bot.balances.service import Balance, BalanceOutcome, BalanceService
from balance_bot.domain.members import PaymentMode
from balance_bot.groups.group_settings import GroupSettings, Settings
from balance_bot.members.movements import MemberBalance, MemberBalanceOutcome


class PaymentsQuestion:
    """Decides that the question is due (once per group, remembered across restarts) and takes the
    answer an admin gave."""

    def __init__(self, settings: GroupSettings, balances: BalanceService) -> None:
        self._settings = settings
        self._balances = balances

    async def due(self, chat_id: int, shown: MemberBalanceOutcome | BalanceOutcome) -> bool:
        """Whether to ask now, after a reply that showed `shown`: a member's figures, or a month whose
        members moved cash; True only the first time for the group, and never once it chose."""
        if not _shows_members_money(shown):
            return False
        return await self._settings.ask_payments_once(chat_id)

    async def due_after_month(self, chat_id: int) -> bool:
        """Whether to ask now, after /balance showed the group's month as last read."""
        members = self._balances.latest_members(chat_id)
        if members is None or not members.any_movement():
            return False
        return await self._settings.ask_payments_once(chat_id)

    async def answered(self, chat_id: int, mode: PaymentMode) -> Settings:
        """An admin's answer: the group's choice from now on."""
        await self._settings.set_payment_mode(chat_id, mode)
        return await self._settings.of(chat_id)


def _shows_members_money(shown: MemberBalanceOutcome | BalanceOutcome) -> bool:
    if isinstance(shown, MemberBalance):
        figures = shown.figures
        return figures is not None and bool(figures.rows or any(figures.position.values()))
    if isinstance(shown, Balance):
        members = shown.balance.members
        return members is not None and members.any_movement()
    return False
