"""Use case: what a group chose with /settings — whose money pays for members' expenses, and whether
members holding an old advance are reminded."""

from __future__ import annotations

from dataclasses import dataclass

from balance_bot.domain.members import PaymentMode
from balance_bot.ports import GroupSettingsStore


@dataclass(frozen=True, slots=True)
class Settings:
    """A group's settings as they stand, its choices or the defaults."""

    payment_mode: PaymentMode
    advance_reminders: bool
    payments_chosen: bool = True  # False while the payment mode is the default, no admin having chosen


class GroupSettings:
    """Each group's choices; the defaults where it has not chosen."""

    def __init__(self, store: GroupSettingsStore) -> None:
        self._store = store
        self._modes: dict[int, PaymentMode] = {}

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
