"""Use case: a member's message in, the group's reply plan out: what is confirmed, whether a 👍 may
stand for it, which buttons go under it, which budgets are told and when. Every chat face renders it."""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from functools import partial

from balance_bot.capture.outcomes import ON_THE_DAY_POSTED, Accepted, Held, Outcome, Queued, Saved
from balance_bot.capture.reply_plan import Button, LaterNotices, Notices, ReplyPlan, category_names_in
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.categories.budget_watch import BudgetWatch
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import AWAITING_APPROVAL, LedgerLine, SavedLine
from balance_bot.ports import (
    GroupLanguages,
    Landed,
    Landing,
    LedgerError,
    QueuedMessage,
    SavedMessage,
    SeenMember,
    Waiting,
)


class QuietChats:
    """Which chats want reactions instead of confirmation messages; read once per chat, then kept."""

    def __init__(
        self,
        default_quiet: bool,
        load: Callable[[int], Awaitable[bool | None]],
        store: Callable[[int, bool], Awaitable[None]],
    ) -> None:
        self._default = default_quiet
        self._load = load
        self._store = store
        self._known: dict[int, bool | None] = {}

    async def is_quiet(self, chat_id: int) -> bool:
        """The chat's choice, else the operator's default."""
        if chat_id not in self._known:
            self._known[chat_id] = await self._load(chat_id)
        chosen = self._known[chat_id]
        return self._default if chosen is None else chosen

    async def set_quiet(self, chat_id: int, quiet: bool) -> None:
        """Remember a chat's choice."""
        await self._store(chat_id, quiet)
        self._known[chat_id] = quiet


class Conversation:
    """The capture flow as the group hears it: one plan per message, for every chat face alike."""

    def __init__(
        self,
        capture: CaptureService,
        languages: GroupLanguages,
        quiet_chats: QuietChats,
        categorising: Categorising | None = None,
        budgets: BudgetWatch | None = None,
        member_seen: Callable[[int, SeenMember], Awaitable[None]] | None = None,
        month_view_offered: bool = False,
    ) -> None:
        self._capture = capture
        self._languages = languages
        self._quiet_chats = quiet_chats
        self._categorising = categorising
        self._budgets = budgets
        self._member_seen = member_seen  # whom an admin's /advance @name can name later
        self._month_view_offered = month_view_offered  # the Mini App is set up: "📊 This month"

    async def on_message(self, message: IncomingMessage, seen: SeenMember | None = None) -> ReplyPlan:
        """A member's new message (or a photo's caption); `seen` when a member (not the group's
        admins posting anonymously) wrote it."""
        if seen is not None and self._member_seen is not None:
            await self._member_seen(message.chat_id, seen)
        outcome = await self._capture.on_message(message)
        return await self.plan(message.chat_id, outcome, message.member_name)

    async def on_edit(self, message: IncomingMessage, seen: SeenMember | None = None) -> ReplyPlan:
        """An edited message: its rows updated, voided or captured."""
        if seen is not None and self._member_seen is not None:
            await self._member_seen(message.chat_id, seen)
        outcome = await self._capture.on_edit(message)
        return await self.plan(message.chat_id, outcome, message.member_name)

    async def plan(self, chat_id: int, outcome: Outcome, member: str = "") -> ReplyPlan:
        """What the group hears about an outcome of any use case."""
        return await self._plan(chat_id, outcome, member, await self._languages.for_group(chat_id))

    async def _plan(self, chat_id: int, outcome: Outcome, member: str, speech: Speech) -> ReplyPlan:
        """The plan in the group's language, read once per message (its confirmation later says it too)."""
        match outcome:
            case Accepted():
                # Confirmed once written: the face reads the next message meanwhile.
                return ReplyPlan(
                    outcome, speech, member, then=partial(self._confirmed, chat_id, outcome, member, speech)
                )
            case Saved():
                return await self._saved(chat_id, outcome, speech, member)
            case Queued() | Held():
                # Safe in the outbox, not in the sheet yet: Undo works all the same.
                landing = outcome.landing
                return ReplyPlan(
                    outcome,
                    speech,
                    as_confirmation=True,
                    buttons=(Button.UNDO,),
                    about=outcome.message.message_id,
                    expense=_expense(outcome.message),
                    later=self._once_landed(chat_id, landing, speech) if landing is not None else None,
                    awaiting_approval=awaits_approval(outcome.message),
                )
        return ReplyPlan(outcome, speech, member)

    async def _confirmed(self, chat_id: int, accepted: Accepted, member: str, speech: Speech) -> ReplyPlan:
        """The rows once they land, or, after the policy's wait, that they will (CaptureService.confirm)."""
        outcome: Saved | Queued
        wait = self._capture.policy.confirm_wait_seconds
        match await self._capture.delivery.landed(accepted.landing, wait):
            case Landed(saved, link):
                outcome = Saved(saved, link, accepted.unsure, accepted.dating)
            case Waiting(problem):
                outcome = Queued(
                    accepted.message, problem, accepted.unsure, accepted.dating, accepted.landing
                )
        return await self._plan(chat_id, outcome, member, speech)

    async def _saved(self, chat_id: int, outcome: Saved, speech: Speech, member: str) -> ReplyPlan:
        saved = outcome.message
        quiet = (
            not saved.currency_guessed
            and not awaits_approval(saved)  # a 👍 cannot carry Approve and Reject
            and not outcome.unsure
            and outcome.dating == ON_THE_DAY_POSTED  # a 👍 cannot say which day it was logged for
            and await self._quiet_chats.is_quiet(chat_id)
        )
        names = await self._category_names(chat_id, speech)
        later = None
        if self._budgets is not None:
            later = LaterNotices(partial(self._budgets.notices, chat_id, saved, names))
        return ReplyPlan(
            outcome,
            speech,
            member,
            as_confirmation=True,
            may_be_quiet=quiet,
            buttons=self.buttons_for(saved),
            about=saved.message_id,
            expense=_expense(saved),
            saved=saved,
            category_names=names,
            later=later,
            awaiting_approval=awaits_approval(saved),
        )

    def buttons_for(self, saved: SavedMessage) -> tuple[Button, ...]:
        """The buttons under a confirmation of rows in the sheet: Undo; the currency switch when the
        currency was guessed; the category of a one-line expense; Approve and Reject while it awaits
        an admin; the Mini App's month."""
        buttons = [Button.UNDO]
        if saved.currency_guessed:
            buttons.append(Button.SWITCH)
        if self._categorising is not None and len(saved.lines) == 1 and saved.lines[0].line.category:
            buttons.append(Button.CATEGORY)
        if awaits_approval(saved) and not saved.voided:
            buttons += [Button.APPROVE, Button.REJECT]
        if self._month_view_offered:
            buttons.append(Button.THIS_MONTH)
        return tuple(buttons)

    def _once_landed(self, chat_id: int, landing: Landing, speech: Speech) -> LaterNotices | None:
        """An expense that waited for the sheet counts against the budgets once its rows are there."""
        if self._budgets is None:
            return None
        landed_as: list[SavedMessage] = []

        async def landed() -> bool:
            outcome = await asyncio.shield(landing)
            if isinstance(outcome, Landed):
                landed_as.append(outcome.message)
            return bool(landed_as)

        budgets = self._budgets

        async def notices() -> Notices:
            names = await self._category_names(chat_id, speech)
            return await budgets.notices(chat_id, landed_as[0], names)

        return LaterNotices(notices, landed)

    async def _category_names(self, chat_id: int, speech: Speech) -> dict[str, str]:
        """The group's categories as its language names them (the tab's Khmer names in Khmer)."""
        if self._categorising is None or speech.language is not Language.KHMER:
            return {}  # English names are the tab's own: no read needed
        try:
            return category_names_in(await self._categorising.books.book(chat_id), speech.language)
        except LedgerError:
            return {}


def _expense(message: SavedMessage | QueuedMessage) -> int | None:
    """The message's id when it holds spending (not only a top-up or a member's movement)."""
    lines = [line.line if isinstance(line, SavedLine) else line for line in message.lines]
    return message.message_id if any(line.spending for line in lines) else None


def awaits_approval(message: SavedMessage | QueuedMessage) -> bool:
    """Whether any of the message's rows waits for an admin's approval."""
    lines = [line.line if isinstance(line, SavedLine) else line for line in message.lines]
    return any(_awaiting(line) for line in lines)


def _awaiting(line: LedgerLine) -> bool:
    return line.status == AWAITING_APPROVAL
