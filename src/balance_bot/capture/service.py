"""Use case: turn group messages into ledger rows; ask for purposes; undo, edit and switch currency."""

from __future__ import annotations

import functools
import math
from collections.abc import Callable, Coroutine, Sequence
from dataclasses import replace
from datetime import date, datetime
from typing import Any, Concatenate, ParamSpec

from balance_bot.approvals.gate import ApprovalGate
from balance_bot.capture.actions import MessageActions
from balance_bot.capture.messages import IncomingMessage, OpenPeriods
from balance_bot.capture.outcomes import (
    Accepted,
    AdminCheck,
    AskPurpose,
    DateRefused,
    Edited,
    ForwardedNotSaved,
    Held,
    LedgerProblem,
    Outcome,
    Queued,
    Refusal,
    Refused,
    RepeatedTooOften,
    Saved,
    Silent,
    StorageProblem,
    Voided,
)
from balance_bot.categories.categorising import Categorising
from balance_bot.domain import entry_checks as checks
from balance_bot.domain import placing
from balance_bot.domain.approval_threshold import amounts_awaiting, marked_for_approval
from balance_bot.domain.capture_policy import CapturePolicy
from balance_bot.domain.category_choice import all_categorised, categories_decided, with_categories
from balance_bot.domain.expenses import ExpenseEntry, ParseStatus, problem_with_amount
from balance_bot.domain.ledger import AWAITING_APPROVAL, EntrySource, LedgerLine, Period, local_day
from balance_bot.domain.member_minutes import MemberMinutes, RepeatedText
from balance_bot.domain.money import Money
from balance_bot.domain.parser import tells_of_money_back
from balance_bot.domain.placing import Placed
from balance_bot.domain.purpose import clean_purpose
from balance_bot.domain.row_labels import ENGLISH_ROW_BOOK, RowLabelBook, RowLabels
from balance_bot.ports import (
    CaptureState,
    Clock,
    Landed,
    LedgerDirectory,
    LedgerError,
    LedgerNotConnected,
    MessageReader,
    PendingApproval,
    PendingPurpose,
    QueuedMessage,
    RowDelivery,
    StorageUnavailable,
    Waiting,
)

# Importable from here, where the adapters and tests have always found them.
__all__ = ["CapturePolicy", "CaptureService", "IncomingMessage", "OpenPeriods"]


P = ParamSpec("P")


def _ledger_errors_as_outcome(
    method: Callable[Concatenate[CaptureService, P], Coroutine[Any, Any, Outcome]],
) -> Callable[Concatenate[CaptureService, P], Coroutine[Any, Any, Outcome]]:
    """A ledger or a database that cannot be written is something to tell the member, not a crash."""

    @functools.wraps(method)
    async def reporting(service: CaptureService, /, *args: P.args, **kwargs: P.kwargs) -> Outcome:
        try:
            return await method(service, *args, **kwargs)
        except LedgerError as error:
            return LedgerProblem(error)
        except StorageUnavailable:
            return StorageProblem()

    return reporting


class CaptureService:
    """The capture flow: heuristic pre-check, parser, validation, save; one instance per bot."""

    def __init__(
        self,
        interpreter: MessageReader,
        ledgers: LedgerDirectory,
        delivery: RowDelivery,
        state: CaptureState,
        clock: Clock,
        policy: CapturePolicy,
        periods: OpenPeriods | None = None,
        categorising: Categorising | None = None,
        labels: RowLabelBook = ENGLISH_ROW_BOOK,
        approvals: ApprovalGate | None = None,
    ) -> None:
        self._approvals = approvals  # expenses over the group's threshold wait for an admin
        self._categorising = categorising
        self.labels = labels  # the words of the group's rows of top-ups and movements (theirs too)
        self._interpreter = interpreter
        self._ledgers = ledgers
        self.delivery = delivery  # the rows' way to the ledger, which the conversation waits on too
        self._state = state
        self._clock = clock
        self.policy = policy
        self._minutes = MemberMinutes(policy.saves_per_minute)
        self._periods = periods
        self._actions = MessageActions(ledgers, delivery, state, clock, policy, self._minutes)

    @_ledger_errors_as_outcome
    async def on_message(self, message: IncomingMessage) -> Outcome:
        """Decide what a new group message is and act on it."""
        now = self._clock.now()
        if message.forwarded_from is not None:
            return await self._forwarded(message, message.forwarded_from)
        pending = await self._state.take_pending(message.chat_id, message.user_id, now)
        result = await self._interpreter.interpret(message.text, message.chat_id)
        if pending is not None and not result.entries:
            purpose = clean_purpose(message.text)
            if not purpose:
                await self._state.put_pending(pending)  # "ok", "👍": still waiting for the purpose
                return Silent()
            if tells_of_money_back(message.text):
                # "5$" ... "what for?" ... "refund from the shop": the amount came back, it was not spent.
                return Refused(Refusal.MONEY_BACK, pending.entry, self.policy.limits)
            # "5$" ... "what for?" ... "taxi yesterday": the answer may name the day.
            entry = replace(
                pending.entry, purpose=purpose, day_words=pending.entry.day_words or result.day_words
            )
            try:
                return await self._save_checked(message, pending.message_id, pending.posted_at, [entry])
            except LedgerError:
                await self._state.put_pending(pending)  # the member can answer again once it works
                raise
        match result.status:
            case ParseStatus.IGNORE:
                return Silent()
            case ParseStatus.UNCLEAR:
                return checks.unclear(result.problem, result.entries, self.policy)
            case ParseStatus.PURPOSE_MISSING:
                entry = result.entries[0]
                await self._state.put_pending(
                    PendingPurpose(
                        chat_id=message.chat_id,
                        user_id=message.user_id,
                        message_id=message.message_id,
                        entry=entry,
                        posted_at=message.sent_at,
                        expires_at=now + self.policy.pending_ttl,
                    )
                )
                return AskPurpose(entry)
        return await self._save_checked(
            message, message.message_id, message.sent_at, result.entries, unsure=not result.certain
        )

    async def _forwarded(self, message: IncomingMessage, original_sent_at: datetime) -> Outcome:
        """Never the forwarder's expense of today: its day and payer are the original's, so ask."""
        result = await self._interpreter.interpret(message.text, message.chat_id)
        if not result.entries or result.status is ParseStatus.IGNORE:
            return Silent()
        return ForwardedNotSaved(local_day(original_sent_at, self.policy.timezone), result.entries)

    @_ledger_errors_as_outcome
    async def on_edit(self, message: IncomingMessage) -> Outcome:
        """An edited message: update its rows, void them if the amount is gone, or capture it anew."""
        await self.delivery.settle(message.chat_id)
        saved = await self._state.find(message.chat_id, message.message_id)
        if saved is None or saved.voided:
            return await self.on_message(message)
        result = await self._interpreter.interpret(message.text, message.chat_id)
        if result.status is ParseStatus.IGNORE:
            return Voided(await self._actions.void(saved))
        if result.status is not ParseStatus.EXPENSE:
            return checks.unclear(result.problem, result.entries, self.policy)
        if refused := checks.refused(result.entries, self.policy):
            return refused
        placed = await self._place(
            message.chat_id, result.entries, local_day(message.sent_at, self.policy.timezone)
        )
        if isinstance(placed, DateRefused):
            return placed
        store = self._ledgers.for_chat(message.chat_id)
        lines = await self.categorised(
            message.chat_id, self._lines(message, message.message_id, placed.days, result.entries)
        )
        # An expense awaiting approval (or decided) keeps its Status through an edit: the decision is
        # the message's, whatever its rows say now.
        status = next((old.line.status for old in saved.lines if old.line.status), "")
        lines = [replace(line, status=status) if line.spending else line for line in lines]
        # Rows keep their place unless the edit changed how many there are or which day they are.
        if len(lines) == len(saved.lines) and all(
            old.line.day == new.day for old, new in zip(saved.lines, lines, strict=True)
        ):
            replaced = [await store.replace(old, new) for old, new in zip(saved.lines, lines, strict=True)]
            new_lines = tuple(line for line in replaced if line is not None)
        else:
            for old in saved.lines:
                await store.void(old)
            new_lines = tuple(await store.append(placed.period, lines))
        updated = replace(
            saved, lines=new_lines, currency_guessed=any(e.currency_guessed for e in result.entries)
        )
        await self._state.record(updated)
        return Edited(updated)

    @_ledger_errors_as_outcome
    async def undo(self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck) -> Outcome:
        """Void a message's rows, for its author or an admin, within the undo window."""
        return await self._actions.undo(chat_id, message_id, user_id, is_admin)

    @_ledger_errors_as_outcome
    async def switch_currency(
        self, chat_id: int, message_id: int, user_id: int, is_admin: AdminCheck
    ) -> Outcome:
        """Swap a guessed currency (riel for dollars or back) on a message's rows."""
        return await self._actions.switch_currency(chat_id, message_id, user_id, is_admin)

    async def _save_checked(
        self,
        message: IncomingMessage,
        source_message_id: int,
        posted_at: datetime,
        entries: Sequence[ExpenseEntry],
        *,
        unsure: bool = False,
    ) -> Outcome:
        if refused := checks.refused(entries, self.policy):
            return refused
        placed = await self._place(message.chat_id, entries, local_day(posted_at, self.policy.timezone))
        if isinstance(placed, DateRefused):
            return placed
        try:
            slot = self._minutes.take(
                message.chat_id, message.user_id, source_message_id, message.text, self._clock.now()
            )
        except RepeatedText:
            return RepeatedTooOften(self._minutes.per_minute)
        lines = self._lines(message, source_message_id, placed.days, entries)
        guessed = any(entry.currency_guessed for entry in entries)
        now = self._clock.now()
        hold_until = slot if slot > now else None
        try:
            accepted = await self._accept(
                message,
                source_message_id,
                placed,
                lines,
                currency_guessed=guessed,
                unsure=unsure,
                hold_until=hold_until,
            )
        except BaseException:
            self._minutes.give_back(message.chat_id, message.user_id, source_message_id)
            raise
        if hold_until is not None and isinstance(accepted, Accepted):
            wait = math.ceil((hold_until - now).total_seconds())
            per_minute = self.policy.saves_per_minute
            return Held(
                accepted.message, per_minute, wait, accepted.unsure, accepted.dating, accepted.landing
            )
        return accepted

    async def _accept(
        self,
        message: IncomingMessage,
        source_message_id: int,
        placed: Placed,
        lines: Sequence[LedgerLine],
        *,
        currency_guessed: bool,
        unsure: bool,
        hold_until: datetime | None = None,
    ) -> Outcome:
        """Put the lines in the outbox; the member is told once they land, or that they will."""
        if not await self._ledgers.is_connected(message.chat_id):
            raise LedgerNotConnected(f"chat {message.chat_id} has no ledger")
        lines = await self.categorised(message.chat_id, lines)
        if self._approvals is not None:
            lines = await self._awaiting_approval(message.chat_id, source_message_id, message.user_id, lines)
        queued = QueuedMessage(
            chat_id=message.chat_id,
            message_id=source_message_id,
            author_id=message.user_id,
            queued_at=self._clock.now(),
            period=placed.period,
            lines=tuple(lines),
            currency_guessed=currency_guessed,
            revision=message.revision,
            hold_until=hold_until,
        )
        landing = await self.delivery.accept(queued)
        return Silent() if landing is None else Accepted(queued, landing, unsure, placed.dating)

    @_ledger_errors_as_outcome
    async def top_up(self, message: IncomingMessage) -> Outcome:
        """/topup 200$ from the office: money put into the cash box, on its own row and column."""
        words = await self.labels.labels(message.chat_id)
        return await self.record_cash(message, words.top_up, lambda line: replace(line, topup=True))

    async def record_cash(
        self, message: IncomingMessage, label: str, mark: Callable[[LedgerLine], LedgerLine]
    ) -> Outcome:
        """Cash that is not spending (a top-up, an advance): one amount and its currency said
        (checks.one_amount), on a row of its own whose Item is the label and the words after the
        amount; `mark` says what kind of row."""
        entry = checks.one_amount(self._interpreter.read_alone(message.text), self.policy.limits)
        if not isinstance(entry, ExpenseEntry):
            return entry
        entry = replace(entry, purpose=RowLabels.with_note(label, entry.purpose))
        placed = await self._place(message.chat_id, [entry], local_day(message.sent_at, self.policy.timezone))
        if isinstance(placed, DateRefused):
            return placed
        line = mark(self._lines(message, message.message_id, placed.days, [entry])[0])
        return await self._accept(
            message, message.message_id, placed, [line], currency_guessed=False, unsure=False
        )

    @_ledger_errors_as_outcome
    async def top_up_on(self, message: IncomingMessage, day: date, money: Money, item: str) -> Outcome:
        """Money put into the box that was read exactly, not from a member's words (a bank's notice): its
        amount, its day and its Item as given, on a row of its own through the outbox like every row."""
        return await self._exactly(
            message, day, ExpenseEntry(money, item), lambda line: replace(line, topup=True)
        )

    @_ledger_errors_as_outcome
    async def spent_on(
        self, message: IncomingMessage, day: date, money: Money, item: str, category: str = ""
    ) -> Outcome:
        """An expense known exactly, not read from a member's words (a recurring cost on its day): as
        top_up_on does, with its category when it has one (else the Categories tab decides it)."""
        entry = ExpenseEntry(money, item)
        return await self._exactly(message, day, entry, lambda line: replace(line, category=category))

    async def _exactly(
        self,
        message: IncomingMessage,
        day: date,
        entry: ExpenseEntry,
        mark: Callable[[LedgerLine], LedgerLine],
    ) -> Outcome:
        if problem := problem_with_amount(entry.money, self.policy.limits):
            return Refused(checks.AMOUNT_REFUSALS[problem], entry, self.policy.limits)
        posted = local_day(message.sent_at, self.policy.timezone)
        placed = await self._place_on(message.chat_id, day, posted)
        if isinstance(placed, DateRefused):
            return placed
        line = mark(self._lines(message, message.message_id, placed.days, [entry])[0])
        return await self._accept(
            message, message.message_id, placed, [line], currency_guessed=False, unsure=False
        )

    @_ledger_errors_as_outcome
    async def spend_read(self, message: IncomingMessage, entry: ExpenseEntry, day: date | None) -> Outcome:
        """An expense read from a photo (a receipt, a bank's screen), not from a member's words: on the
        day the document prints while the ledger takes it, else on the day posted; Undo as any."""
        if refused := checks.refused([entry], self.policy):
            return refused
        posted = local_day(message.sent_at, self.policy.timezone)
        placed = await self._place_on(message.chat_id, day, posted) if day is not None else None
        if placed is None or isinstance(placed, DateRefused):  # a misread or an old date: the day posted
            placed = await self._place_on(message.chat_id, posted, posted)
        if isinstance(placed, DateRefused):
            return placed
        lines = self._lines(message, message.message_id, placed.days, [entry])
        return await self._accept(
            message, message.message_id, placed, lines, currency_guessed=False, unsure=False
        )

    async def confirm(self, accepted: Accepted) -> Saved | Queued:
        """What to tell the member: the rows once they land, or, after CONFIRM_WAIT, that they will."""
        match await self.delivery.landed(accepted.landing, self.policy.confirm_wait_seconds):
            case Landed(saved, link):
                return Saved(saved, link, accepted.unsure, accepted.dating)
            case Waiting(problem):
                return Queued(accepted.message, problem, accepted.unsure, accepted.dating, accepted.landing)
        raise AssertionError("unreachable")

    async def categorised(self, chat_id: int, lines: Sequence[LedgerLine]) -> list[LedgerLine]:
        """The lines with their categories, when the bot keeps categories; a top-up has none, a line that
        has one keeps it. A purpose the tab's words do not decide goes to the language model, if any."""
        categorising = self._categorising
        if categorising is None or all_categorised(lines):
            return list(lines)
        book, identity = await categorising.books.book_of(chat_id)
        learned = await categorising.corrections.learned(identity) if identity is not None else {}
        names, undecided = categories_decided(lines, book, learned)
        if undecided and categorising.guesses:
            names |= await categorising.guessed(chat_id, book, identity or "", undecided)
        return with_categories(lines, names)

    async def _awaiting_approval(
        self, chat_id: int, message_id: int, author_id: int, lines: Sequence[LedgerLine]
    ) -> list[LedgerLine]:
        """The lines, those above the group's threshold awaiting approval; their message kept as
        awaiting a decision, so that its rows are written with their Status at once."""
        assert self._approvals is not None
        gate = self._approvals
        threshold = (await gate.thresholds.approvals(chat_id)).over
        if threshold is None:
            return list(lines)
        rates = {line.day: await gate.rate_of(line.day) for line in lines if line.spending}
        marked = marked_for_approval(lines, threshold, rates)
        if any(line.status == AWAITING_APPROVAL for line in marked):
            amounts = amounts_awaiting(marked)
            await gate.store.open(PendingApproval(chat_id, message_id, author_id, gate.clock.now(), amounts))
        return marked

    async def _place(
        self, chat_id: int, entries: Sequence[ExpenseEntry], posted: date
    ) -> Placed | DateRefused:
        """Each entry's day, and the month whose worksheet takes them.

        A named day is read from the day the message was posted. A day in an earlier month goes
        to that month while it is open, else to this month with its own date.
        """
        days = placing.days_of(entries, posted, self.policy.max_days_back)
        if isinstance(days, DateRefused):
            return days
        return await self._in_month(chat_id, days, posted, named=any(entry.day_words for entry in entries))

    async def _place_on(self, chat_id: int, day: date, posted: date) -> Placed | DateRefused:
        """One entry on a day known exactly (a bank's notice of it), placed as a day a member names is."""
        if refusal := placing.date_refusal(day, posted, "", self.policy.max_days_back):
            return refusal
        return await self._in_month(chat_id, [day], posted, named=True)

    async def _in_month(
        self, chat_id: int, days: list[date], posted: date, *, named: bool
    ) -> Placed | DateRefused:
        period = placing.month_of(days, self.policy.max_days_back)
        if isinstance(period, DateRefused):
            return period
        this_month = Period.of(local_day(self._clock.now(), self.policy.timezone))
        # No months kept: only this month's worksheet is known to be open.
        still_open = not placing.asks_if_open(period, this_month, named=named) or (
            self._periods is not None and await self._periods.is_open(chat_id, period)
        )
        return placing.placed(days, period, posted, this_month, still_open=still_open)

    def _lines(
        self,
        message: IncomingMessage,
        source_message_id: int,
        days: Sequence[date],
        entries: Sequence[ExpenseEntry],
    ) -> list[LedgerLine]:
        return [
            LedgerLine(
                day=day,
                purpose=entry.purpose,
                money=entry.money,
                member=message.member_name,
                source=EntrySource(message.chat_id, source_message_id, index, message.user_id),
                receipt=message.receipt,
            )
            for index, (entry, day) in enumerate(zip(entries, days, strict=True))
        ]
