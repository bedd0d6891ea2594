"""Use case: what a group chose with /settings — whose money pays for members' expenses, whether
members holding an old advance are reminded, and which expenses wait for an admin's approval."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.approvals.settings_words import approval_change
from balance_bot.domain.approval_threshold import from_kept, kept
from balance_bot.domain.members import PaymentMode
from balance_bot.domain.money import Money
from balance_bot.ports import GroupSettingsStore
from balance_bot.ports.approvals import DEFAULT_APPROVAL_HOUR, ApprovalSettings

# Importable from here, where the adapters have always found them.
__all__ = ["DEFAULT_APPROVAL_HOUR", "ApprovalSettings", "GroupSettings", "Settings"]


@dataclass(frozen=True, slots=True)
class Settings:
    """A group's settings as they stand, its choices or the defaults."""

    payment_mode: PaymentMode
    advance_reminders: bool
    payments_chosen: bool = True  # False while the payment mode is the default, no admin having chosen


class GroupSettings:
    """Each group's choices; the defaults where it has not chosen (its thresholds, the ApprovalThresholds
    port the capture use case reads)."""

    def __init__(self, store: GroupSettingsStore, approval_over: Money | None = None) -> None:
        self._store = store
        self._modes: dict[int, PaymentMode] = {}
        self._approval_over = approval_over  # APPROVAL_OVER: for the groups that have not chosen
        self._approvals: dict[int, ApprovalSettings] = {}

    async def of(self, chat_id: int) -> Settings:
        """The group's settings."""
        reminders = await self._store.advance_reminders(chat_id)
        chosen = await self._store.payment_mode(chat_id) is not None
        return Settings(await self.payment_mode(chat_id), True if reminders is None else reminders, chosen)

    async def ask_payments_once(self, chat_id: int) -> bool:
        """True the one time the group is to be asked whose money pays for what members post: while
        no admin has chosen, and never again once asked."""
        if await self._store.payment_mode(chat_id) is not None:
            return False
        return await self._store.claim_payments_question(chat_id)

    async def payment_mode(self, chat_id: int) -> PaymentMode:
        """Whose money pays for what members post (read once, then kept)."""
        if chat_id not in self._modes:
            chosen = await self._store.payment_mode(chat_id)
            known = {mode.value for mode in PaymentMode}
            self._modes[chat_id] = PaymentMode(chosen) if chosen in known else PaymentMode.MEMBER
        return self._modes[chat_id]

    async def set_payment_mode(self, chat_id: int, mode: PaymentMode) -> None:
        """The group's choice, from now on (and for the months' figures read from now on)."""
        await self._store.set_payment_mode(chat_id, mode.value)
        self._modes[chat_id] = mode

    async def set_advance_reminders(self, chat_id: int, on: bool) -> None:
        """Turn the reminders on or off."""
        await self._store.set_advance_reminders(chat_id, on)

    async def approvals(self, chat_id: int) -> ApprovalSettings:
        """The group's approval threshold and reminder hour (read once, then kept)."""
        if chat_id not in self._approvals:
            chosen = await self._store.approval_over(chat_id)
            hour = await self._store.approval_hour(chat_id)
            over = self._approval_over if chosen is None else from_kept(chosen)
            self._approvals[chat_id] = ApprovalSettings(
                over, DEFAULT_APPROVAL_HOUR if hour is None else hour, chosen is not None
            )
        return self._approvals[chat_id]

    async def set_approval_over(self, chat_id: int, over: Money | None) -> None:
        """Expenses above this wait for an admin from now on; None: none do."""
        await self._store.set_approval_over(chat_id, kept(over))
        self._approvals.pop(chat_id, None)

    async def set_approval_hour(self, chat_id: int, hour: int) -> None:
        """The hour (0-23, the group's time) the admins hear what awaits them."""
        await self._store.set_approval_hour(chat_id, hour)
        self._approvals.pop(chat_id, None)

    async def change_approvals(self, chat_id: int, words: list[str]) -> bool:
        """`/settings approve over 100$`, `approve off`, `approve at 9`; False when the words are not that."""
        change = approval_change(words)
        if change is None:
            return False
        if change.threshold_said:
            await self.set_approval_over(chat_id, change.threshold)
        if change.hour is not None:
            await self.set_approval_hour(chat_id, change.hour)
        return True
