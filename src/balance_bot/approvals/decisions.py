"""Use case: an admin's Approve or Reject under an expense awaiting approval, the reason of a rejection,
and the daily reminder while anything waits; each as a plan every chat face draws."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, tzinfo
from decimal import Decimal
from enum import StrEnum

from balance_bot.capture.outcomes import AdminCheck, LedgerProblem
from balance_bot.capture.reply_plan import Button
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import AWAITING_APPROVAL, SavedLine
from balance_bot.domain.money import CURRENCIES, ZERO, Currency
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import (
    ApprovalState,
    ApprovalStore,
    CaptureState,
    Clock,
    LedgerDirectory,
    LedgerError,
    PendingApproval,
    SavedMessage,
)

MOST_REASON_CHARACTERS = 200  # "the reason in one line": what a Status cell and an alert can show


class ApprovalRefusal(StrEnum):
    """Why a tap on Approve or Reject decided nothing."""

    NOT_ADMIN = "not_admin"  # only the group's admins decide
    OWN_EXPENSE = "own_expense"  # another admin decides, unless the poster is the only one
    DECIDED = "decided"  # someone decided first
    NOT_WRITTEN_YET = "not_written_yet"  # its row waits for the sheet: decide once it is there
    UNKNOWN = "unknown"  # no expense awaits approval under this button (undone, forgotten)


@dataclass(frozen=True, slots=True)
class ApprovalRefused:
    """The tap decided nothing; `by` and `state` say who decided first, and how."""

    reason: ApprovalRefusal
    by: str = ""
    state: ApprovalState | None = None


@dataclass(frozen=True, slots=True)
class Approved:
    """The expense counts from now on: its rows say who approved it, and when."""

    message: SavedMessage
    by: str


@dataclass(frozen=True, slots=True)
class Rejected:
    """The expense's rows are voided; the admin who rejected it is asked the reason in one line."""

    message: SavedMessage
    by: str


@dataclass(frozen=True, slots=True)
class ReasonNoted:
    """A rejection's reason, heard from its admin and written beside its rows."""

    message: SavedMessage | None
    by: str
    reason: str


ApprovalOutcome = Approved | Rejected | ApprovalRefused | LedgerProblem | ReasonNoted


@dataclass(frozen=True, slots=True)
class ApprovalPlan:
    """What a tap (or a reason) gets: `outcome` said to the tapper alone (`privately`) or to the group;
    `buttons`, the confirmation's buttons redrawn for `saved` (None: they stay as they are)."""

    outcome: ApprovalOutcome
    speech: Speech
    privately: bool
    buttons: tuple[Button, ...] | None = None
    saved: SavedMessage | None = None


@dataclass(frozen=True, slots=True)
class Waiting:
    """One expense awaiting approval, as the reminder names it."""

    numbers: tuple[int, ...]
    amounts: Mapping[Currency, Decimal]
    asked_at: datetime


@dataclass(frozen=True, slots=True)
class ApprovalReminder:
    """The admins' daily reminder of what awaits them in one group."""

    chat_id: int
    speech: Speech
    waiting: tuple[Waiting, ...]
    amounts: Mapping[Currency, Decimal] = field(default_factory=dict)


ButtonsFor = Callable[[SavedMessage], tuple[Button, ...]]


@dataclass(frozen=True, slots=True)
class Tapper:
    """Who tapped, and the checks asked of Telegram only when needed: an admin? the group's only one?"""

    user_id: int
    name: str
    is_admin: AdminCheck
    only_admin: AdminCheck


class Approvals:
    """Approve, Reject and the reason, decided once whoever taps at the same time; the reminders."""

    def __init__(
        self,
        store: ApprovalStore,
        state: CaptureState,
        ledgers: LedgerDirectory,
        settings: GroupSettings,
        languages: ChatLanguages,
        clock: Clock,
        timezone: tzinfo,
        settle: Callable[[int], Awaitable[None]],
        buttons_for: ButtonsFor,
        serves: Callable[[int], Awaitable[bool]] | None = None,
    ) -> None:
        self._serves = serves  # a group the operator no longer allows hears no reminder
        self._store = store
        self._state = state
        self._ledgers = ledgers
        self._settings = settings
        self._languages = languages
        self._clock = clock
        self._timezone = timezone
        self._settle = settle  # the group's waiting rows written first, so a decision finds them
        self._buttons_for = buttons_for

    async def approve(self, chat_id: int, message_id: int, tapper: Tapper) -> ApprovalPlan:
        """Approve tapped: the rows count from now on, for an admin other than the poster."""
        return await self._decide(chat_id, message_id, tapper, ApprovalState.APPROVED)

    async def reject(self, chat_id: int, message_id: int, tapper: Tapper) -> ApprovalPlan:
        """Reject tapped: the rows voided as Undo voids them, and the admin asked the reason."""
        return await self._decide(chat_id, message_id, tapper, ApprovalState.REJECTED)

    async def reason(self, chat_id: int, user_id: int, text: str) -> ApprovalPlan | None:
        """The admin's next message after a Reject, as its reason; None when no reason is asked of them."""
        pending = await self._store.reason_wanted(chat_id, user_id)
        if pending is None:
            return None
        said = " ".join(text.split())[:MOST_REASON_CHARACTERS]
        speech = await self._languages.for_group(chat_id)
        if not said or not await self._store.give_reason(chat_id, pending.message_id, said):
            return None
        saved = await self._state.find(chat_id, pending.message_id)
        if saved is not None:
            status = _rejected_status(pending.decided_by_name, said)
            try:
                saved = await self._write_status(saved, status, only_marked=True)
            except LedgerError as exc:  # the reason is kept; the group hears the sheet's trouble
                return ApprovalPlan(LedgerProblem(exc), speech, privately=False)
        return ApprovalPlan(ReasonNoted(saved, pending.decided_by_name, said), speech, privately=False)

    async def reminders(self) -> list[ApprovalReminder]:
        """The groups whose admins are due their daily reminder now (the hour they chose, their time),
        each once a day, while anything awaits a decision."""
        now = self._clock.now().astimezone(self._timezone)
        due = []
        for chat_id in await self._store.chats_awaiting():
            if now.hour < (await self._settings.approvals(chat_id)).hour:
                continue
            if self._serves is not None and not await self._serves(chat_id):
                continue
            waiting = await self._still_waiting(chat_id)
            if waiting and await self._store.claim_reminder(chat_id, now.date()):
                totals = dict.fromkeys(CURRENCIES, ZERO)
                for one in waiting:
                    for currency, amount in one.amounts.items():
                        totals[currency] = totals.get(currency, ZERO) + amount
                speech = await self._languages.for_group(chat_id)
                due.append(ApprovalReminder(chat_id, speech, tuple(waiting), totals))
        return due

    async def _still_waiting(self, chat_id: int) -> list[Waiting]:
        """What awaits in the group; an expense undone meanwhile is withdrawn, not waited for."""
        waiting = []
        for pending in await self._store.awaiting(chat_id):
            saved = await self._state.find(chat_id, pending.message_id)
            if saved is not None and saved.voided:
                at = self._clock.now()
                await self._store.decide(
                    chat_id, pending.message_id, ApprovalState.WITHDRAWN, pending.author_id, "", at
                )
                continue
            numbers = (
                tuple(line.number for line in saved.lines if line.line.status == AWAITING_APPROVAL)
                if saved is not None
                else ()
            )
            waiting.append(Waiting(numbers, pending.amounts, pending.asked_at))
        return waiting

    async def _decide(
        self, chat_id: int, message_id: int, tapped: Tapper, decision: ApprovalState
    ) -> ApprovalPlan:
        user_id, tapper = tapped.user_id, tapped.name
        speech = await self._languages.for_group(chat_id)

        def refused(reason: ApprovalRefusal, pending: PendingApproval | None = None) -> ApprovalPlan:
            by, state = (pending.decided_by_name, pending.state) if pending is not None else ("", None)
            return ApprovalPlan(ApprovalRefused(reason, by, state), speech, privately=True)

        pending = await self._store.find(chat_id, message_id)
        if pending is None:
            return refused(ApprovalRefusal.UNKNOWN)
        if pending.state is not ApprovalState.AWAITING:
            return refused(ApprovalRefusal.DECIDED, pending)
        if not await tapped.is_admin():
            return refused(ApprovalRefusal.NOT_ADMIN)
        if user_id == pending.author_id and not await tapped.only_admin():
            return refused(ApprovalRefusal.OWN_EXPENSE)
        await self._settle(chat_id)
        saved = await self._state.find(chat_id, message_id)
        if saved is None:
            return refused(ApprovalRefusal.NOT_WRITTEN_YET)
        at = self._clock.now()
        if saved.voided:  # undone by its poster: nothing left to decide
            await self._store.decide(chat_id, message_id, ApprovalState.WITHDRAWN, user_id, tapper, at)
            return refused(ApprovalRefusal.UNKNOWN)
        rejecting = decision is ApprovalState.REJECTED
        if not await self._store.decide(
            chat_id, message_id, decision, user_id, tapper, at, reason_wanted=rejecting
        ):
            return refused(ApprovalRefusal.DECIDED, await self._store.find(chat_id, message_id))
        try:
            if rejecting:
                saved = await self._void(saved, _rejected_status(tapper, ""))
            else:
                saved = await self._write_status(saved, self._approved_status(tapper, at))
        except LedgerError as exc:
            await self._store.reopen(chat_id, message_id)  # undecided, as the sheet still says
            return ApprovalPlan(LedgerProblem(exc), speech, privately=True)
        outcome: ApprovalOutcome = Rejected(saved, tapper) if rejecting else Approved(saved, tapper)
        buttons = () if rejecting else self._buttons_for(saved)
        return ApprovalPlan(outcome, speech, privately=False, buttons=buttons, saved=saved)

    async def _write_status(
        self, saved: SavedMessage, status: str, *, only_marked: bool = False
    ) -> SavedMessage:
        """The Status of the message's rows that awaited approval (or were decided), kept with it."""
        store = self._ledgers.for_chat(saved.chat_id)
        lines: list[SavedLine] = []
        for line in saved.lines:
            if line.line.status and (line.line.status == AWAITING_APPROVAL or only_marked):
                line = await store.set_status(line, status) or line
            lines.append(line)
        updated = replace(saved, lines=tuple(lines))
        await self._state.record(updated)
        return updated

    async def _void(self, saved: SavedMessage, status: str) -> SavedMessage:
        """Every row of the message voided, as Undo voids them; those that awaited say who rejected them."""
        store = self._ledgers.for_chat(saved.chat_id)
        voided = [await store.void(line) or line for line in saved.lines]
        updated = await self._write_status(replace(saved, lines=tuple(voided)), status)
        voided_message = replace(updated, voided=True)
        await self._state.record(voided_message)
        return voided_message

    def _approved_status(self, by: str, at: datetime) -> str:
        """'approved by Dara, 2026-12-07 14:03': who and when, in the group's time."""
        return f"approved by {by}, {at.astimezone(self._timezone):%Y-%m-%d %H:%M}"


def _rejected_status(by: str, reason: str) -> str:
    """'rejected by Dara: not ours', the reason once heard."""
    return f"rejected by {by}: {reason}" if reason else f"rejected by {by}"
