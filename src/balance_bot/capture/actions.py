"""Undo and currency switch: what a member's button does to a message already captured."""

from __future__ import annotations

from dataclasses import replace

from balance_bot.capture.outcomes import (
    ActionRefusal,
    ActionRefused,
    AdminCheck,
    Outcome,
    Refusal,
    Refused,
    Switched,
    Voided,
)
from balance_bot.domain.capture_policy import CapturePolicy
from balance_bot.domain.expenses import ExpenseEntry, problem_with_amount
from balance_bot.domain.member_minutes import MemberMinutes
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import CaptureState, Clock, LedgerDirectory, RowDelivery, SavedMessage


class MessageActions:
    """Voids a message's rows or switches their guessed currency, once the member may."""

    def __init__(
        self,
        ledgers: LedgerDirectory,
        delivery: RowDelivery,
        state: CaptureState,
        clock: Clock,
        policy: CapturePolicy,
        minutes: MemberMinutes,
    ) -> None:
        self._ledgers = ledgers
        self._delivery = delivery
        self._state = state
        self._clock = clock
        self._policy = policy
        self._minutes = minutes

    async def undo(self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck) -> Outcome:
        """Void a message's rows, for its author or an admin, within the undo window."""
        saved = await self._actionable(chat_id, message_id, user_id, is_admin)
        if isinstance(saved, ActionRefused):
            return saved
        voided = await self.void(saved)
        self._minutes.give_back(chat_id, saved.author_id, message_id)
        return Voided(voided)

    async def switch_currency(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> Outcome:
        """Swap a guessed currency (riel for dollars or back) on a message's rows."""
        saved = await self._actionable(chat_id, message_id, user_id, is_admin)
        if isinstance(saved, ActionRefused):
            return saved
        store = self._ledgers.for_chat(chat_id)
        switched = []
        for old in saved.lines:
            money = old.line.money
            other = Currency.USD if money.currency is Currency.KHR else Currency.KHR
            new_money = Money(money.amount, other)
            if problem_with_amount(new_money, self._policy.limits):
                entry = ExpenseEntry(new_money, old.line.purpose)
                return Refused(Refusal.OVER_LIMIT, entry, self._policy.limits)
            switched.append((old, replace(old.line, money=new_money)))
        new_lines = [await store.replace(old, line) for old, line in switched]
        updated = replace(
            saved,
            lines=tuple(line for line in new_lines if line is not None),
            currency_guessed=False,
        )
        await self._state.record(updated)
        return Switched(updated)

    async def void(self, saved: SavedMessage) -> SavedMessage:
        """Void the message's rows; the reply names them by the No they have now."""
        store = self._ledgers.for_chat(saved.chat_id)
        lines = [await store.void(line) or line for line in saved.lines]
        voided = replace(saved, lines=tuple(lines), voided=True)
        await self._state.record(voided)
        return voided

    async def _actionable(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> SavedMessage | ActionRefused:
        """The message with its rows written, when the member may act on it now; else why not."""
        is_admin = _asked_once(is_admin)
        if refusal := await self._refused_at_once(chat_id, message_id, user_id, is_admin):
            return refusal
        await self._delivery.settle(chat_id)
        saved = await self._state.find(chat_id, message_id)
        if refusal := await self._refuse_action(saved, user_id, is_admin):
            return refusal
        assert saved is not None
        return saved

    async def _refused_at_once(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> ActionRefused | None:
        """A refusal that needs none of the group's waiting rows written first (another member's
        message, or one past the undo window), so that the member who tapped hears it at once."""
        saved = await self._state.find(chat_id, message_id)
        if saved is None:  # its rows may still wait to be written: its author is known already
            author = await self._delivery.waiting_author(chat_id, message_id)
            if author is not None and user_id != author and not await is_admin():
                return ActionRefused(ActionRefusal.NOT_ALLOWED)
            return None
        refusal = await self._refuse_action(saved, user_id, is_admin)
        return None if refusal is None or refusal.reason is ActionRefusal.UNKNOWN else refusal

    async def _refuse_action(
        self, saved: SavedMessage | None, user_id: int, is_admin: AdminCheck
    ) -> ActionRefused | None:
        if saved is None or saved.voided:
            return ActionRefused(ActionRefusal.UNKNOWN)
        if user_id != saved.author_id and not await is_admin():
            return ActionRefused(ActionRefusal.NOT_ALLOWED)
        if self._clock.now() - saved.saved_at > self._policy.undo_window:
            return ActionRefused(ActionRefusal.TOO_LATE)
        return None


def _asked_once(is_admin: AdminCheck) -> AdminCheck:
    """The admin check, asked of Telegram once however often the use case needs its answer."""
    answers: list[bool] = []

    async def once() -> bool:
        if not answers:
            answers.append(await is_admin())
        return answers[0]

    return once
