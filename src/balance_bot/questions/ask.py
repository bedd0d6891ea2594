"""Use case: questions to the ledger (/ask), the latest entries (/recent), a member's own (/mine), the
month's rows for /export; and changes an admin asks for in words, done only once confirmed."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta

from balance_bot.balances.service import Balance, BalanceService
from balance_bot.capture.outcomes import AdminCheck
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.absent_things import surely_not_bought
from balance_bot.domain.categories import OTHER, TOTAL, CategoryBook, DecidedBy
from balance_bot.domain.item_words import maybe_says, says, terms, thing_names
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.ledger_answers import Entry, Found, select
from balance_bot.domain.question_days import month_span
from balance_bot.domain.questions import LedgerQuestion, Measure, WriteRequest, read_question
from balance_bot.domain.roster import Roster
from balance_bot.members.movements import CashMovements
from balance_bot.ports import Clock, LedgerError, LedgerToolCaller, SeenMember
from balance_bot.questions.answers import (
    Answered,
    AskOutcome,
    AskRefusal,
    AskRefused,
    AskUnavailable,
    BudgetAnswer,
    CannotAnswer,
    CashAnswer,
    ConfirmWrite,
    MonthsNotKept,
    NoMoneyIn,
    NotSure,
    PositionAnswer,
)
from balance_bot.questions.doubts import with_doubts
from balance_bot.questions.model_choice import checked_choice
from balance_bot.questions.policy import AskPolicy, MembersMay

# Importable from here, where the adapters, tests and benchmarks have always found them.
__all__ = [
    "Answered",
    "AskLedger",
    "AskOutcome",
    "AskPolicy",
    "AskRefusal",
    "AskRefused",
    "AskUnavailable",
    "BudgetAnswer",
    "CannotAnswer",
    "CashAnswer",
    "ConfirmWrite",
    "MembersMay",
    "MonthsNotKept",
    "NoMoneyIn",
    "NotSure",
    "PositionAnswer",
]

log = logging.getLogger(__name__)
RECENT = 10
CONFIRM_WITHIN = timedelta(minutes=5)
# Measures whose answer shows entries (each with its member), not only a figure.
ENTRIES_SHOWN = frozenset({Measure.LIST, Measure.LARGEST, Measure.SMALLEST, Measure.LATEST})


@dataclass
class _Pending:
    chat_id: int
    admin_id: int
    request: WriteRequest
    at: datetime


class AskLedger:
    """Reads questions with the question reader, else a model's choice of read tool; every figure
    comes from the rows, never from a model's words."""

    def __init__(
        self,
        balances: BalanceService,
        clock: Clock,
        policy: AskPolicy,
        categorising: Categorising | None = None,
        model: LedgerToolCaller | None = None,
        movements: CashMovements | None = None,
    ) -> None:
        self._balances = balances
        self._movements = movements
        self._clock = clock
        self._policy = policy
        self._categorising = categorising
        self._model = model
        self._pending: dict[str, _Pending] = {}

    async def ask(
        self, chat_id: int, asker_id: int, asker: str, is_admin: AdminCheck, text: str
    ) -> AskOutcome:
        """The answer to a question, a change to confirm, or why there is none."""
        today = self._policy.today()
        try:
            current = await self._balances.rows(chat_id, Period.of(today))
            roster = await self._balances.roster(chat_id)
            seen = list(roster.names.values()) if roster is not None else []
            posted = {
                (roster.shown_poster(row) if roster is not None else row.member).strip() for row in current
            } - {""}
            # A member who has not posted this month is still asked about ("what did Dara spend in May?").
            members = sorted(posted | {name.strip() for name in seen if name.strip()} | {asker})
            categories = await self._category_names(chat_id)
            reading = read_question(text, today, members, categories, [row.item for row in current])
            by_model = False
            if reading is None and self._model is not None:
                reading = await self._from_model(
                    text, today, members, [name for name, _ in categories], chat_id
                )
                by_model = reading is not None
            if reading is None:
                return CannotAnswer()
            if not isinstance(reading, LedgerQuestion):
                if not await is_admin():
                    return AskRefused(AskRefusal.WRITE)
                return ConfirmWrite(reading, self._propose(chat_id, asker_id, reading))
            asked = Asker(asker_id, asker, roster)
            unknown = await self._unknown_words(chat_id, reading, current, members)
            if unknown and not by_model and self._model is not None:
                from_model = await self._from_model(
                    text, today, members, [name for name, _ in categories], chat_id
                )
                if isinstance(from_model, LedgerQuestion):
                    reading, by_model = from_model, True
                    unknown = await self._unknown_words(chat_id, reading, current, members)
            if unknown:
                return NotSure(reading, unknown)
            return await self._answer(chat_id, reading, asked, is_admin, by_model)
        except LedgerError as exc:
            return AskUnavailable(exc)

    async def _answer(
        self, chat_id: int, question: LedgerQuestion, asked: Asker, is_admin: AdminCheck, by_model: bool
    ) -> AskOutcome:
        asker = asked.name
        member = asker if question.about_me else question.member
        member_id = asked.user_id if question.about_me else asked.id_of(member)
        admin: bool | None = None
        if self._policy.members_may is MembersMay.NONE:
            admin = await is_admin()
            if not admin:
                return AskRefused(AskRefusal.MEMBERS_MAY_NOT)
        if question.measure is Measure.BALANCE:
            if not (admin if admin is not None else await is_admin()):
                return AskRefused(AskRefusal.BALANCE)
            cash = await self._balances.balance_named(chat_id, "")
            if isinstance(cash, Balance) and not any(
                sums.opening or sums.topups for sums in cash.balance.currencies.values()
            ):
                return NoMoneyIn(cash.balance)  # 'left' would be the spending less nothing: no cash figure
            return CashAnswer(cash)
        others = question.measure is Measure.BY_MEMBER and member is None
        # Another member's, by user id: a name two members go by is not the asker's own either.
        others = others or (member is not None and member_id != asked.user_id)
        restricted = others and self._policy.members_may is not MembersMay.ALL
        if restricted and not (admin if admin is not None else await is_admin()):
            return AskRefused(AskRefusal.OTHER_MEMBER)
        everyones = question.measure in ENTRIES_SHOWN and member is None
        if (
            everyones
            and self._policy.members_may is not MembersMay.ALL
            and not (admin if admin is not None else await is_admin())
        ):
            member, member_id = asker, asked.user_id  # not others' entries: the asker's own are answered
        if question.measure is Measure.POSITION:
            if self._movements is None:
                return CannotAnswer()
            if member is not None and member_id is None:
                return CannotAnswer()  # a name two members go by, or nobody seen here
            whom = SeenMember(member_id or asked.user_id, member or asker)
            return PositionAnswer(await self._movements.position_of(chat_id, whom))
        if question.measure is Measure.BUDGET:
            return await self._budgets(chat_id, question)
        rows = await self._balances.rows_of(chat_id, question.span.periods())
        book = await self._categorising.book(chat_id) if self._categorising is not None else None
        category_of = _category_of(book)
        if member is not None and asked.roster is not None and member_id is None:
            return CannotAnswer()  # a name two members go by, or nobody seen here: not guessed
        theirs = asked.rows_of(member, member_id)
        void = self._policy.void_prefix
        found = select(rows, question, theirs, void, category_of, _guessed_between(book))
        if question.words and book is not None:
            spent = select(rows, LedgerQuestion(Measure.TOTAL, question.span), theirs, void)
            found = with_doubts(found, question.words, spent, book, category_of)
        if not found.entries and await self._months_not_kept(chat_id, question):
            return MonthsNotKept(question)
        group_of: Callable[[Entry], str] | None = None
        if question.measure is Measure.BY_MEMBER:
            group_of = asked.member_of
        elif question.measure is Measure.BY_CATEGORY:

            def group_of(entry: Entry) -> str:
                return category_of(entry.row)

        days = (min(question.span.last, self._policy.today()) - question.span.first).days + 1
        whole = None
        if question.measure is Measure.SHARE and question.part_of_its_whole:
            # "how much of the ice money did Sokun pay": of everyone's spending on the ice
            of_everyone = replace(question, measure=Measure.TOTAL, member=None, about_me=False)
            whole = select(rows, of_everyone, None, void, category_of, _guessed_between(book))
        elif question.measure is Measure.SHARE:
            # "what share of Kosal's spending went on repairs": of the member's; else of everyone's.
            narrowed = bool(question.words) or question.category is not None
            everything = LedgerQuestion(Measure.TOTAL, question.span)
            whole = select(rows, everything, theirs if narrowed else None, void, category_of)
        return Answered(question, found, member, by_model, group_of, max(days, 1), whole)

    async def _months_not_kept(self, chat_id: int, question: LedgerQuestion) -> bool:
        """Whether every month asked about is over and has no worksheet: the sheet cannot tell."""
        periods = question.span.periods()
        this_month = Period.of(self._policy.today())
        if not periods or any(not period < this_month for period in periods):
            return False  # this month's worksheet is made with its first expense
        return not await self._balances.months_kept(chat_id, periods)

    async def _unknown_words(
        self, chat_id: int, question: LedgerQuestion, current: list[SheetRow], members: list[str]
    ) -> tuple[str, ...]:
        """The subjects asked about that no expense of this month or of the days asked about says:
        of those the bot cannot tell 'nothing' from 'not understood' (`members`: whom a row may name)."""
        unread = (Measure.POSITION, Measure.BALANCE, Measure.BUDGET)
        if not question.words or question.category is not None or question.measure in unread:
            return ()
        asked = await self._balances.rows_of(chat_id, question.span.periods())
        rows = [row for row in (*current, *asked) if not row.item.startswith(self._policy.void_prefix)]
        items = {row.item for row in rows if row.item}
        unknown = tuple(
            subject
            for subject in question.words
            if not any(says(item, subject) or maybe_says(item, subject) for item in items)
        )
        if unknown:  # a purpose the team used the month before is known: its 'nothing' is sure
            unknown = await self._not_said_before(chat_id, question, unknown)
        span = question.span
        spent = [row for row in rows if row.day is not None and span.first <= row.day <= span.last]
        # a thing the vocabulary knows that no row of the days names, each naming things known: none
        bought = {row.item for row in spent}
        absent = {subject for subject in unknown if surely_not_bought(subject, bought, members)}
        unknown = tuple(subject for subject in unknown if subject not in absent)
        if unknown and self._categorising is not None:
            book = await self._categorising.book(chat_id)
            unknown = tuple(subject for subject in unknown if not _none_of_its_kind(subject, book, spent))
        # A word of a subject rows say in part that no row says and no thing is named by ('take' in
        # 'take a tuk tuk to the bank'): a word the bot cannot place, whose 'nothing' would be a guess.
        plain = [
            term
            for subject in question.words
            if subject not in unknown and subject not in absent
            for term in terms(subject, corrected=True)
            if not term.startswith("#")
        ]
        unplaced = (
            word for word in plain if not any(says(item, word) or maybe_says(item, word) for item in items)
        )
        return (*unknown, *dict.fromkeys(unplaced))

    async def _not_said_before(
        self, chat_id: int, question: LedgerQuestion, subjects: tuple[str, ...]
    ) -> tuple[str, ...]:
        """Those of the subjects no row of the month before the days asked about says."""
        before = Period.of(question.span.first).previous()
        if not await self._balances.months_kept(chat_id, [before]):
            return subjects
        void = self._policy.void_prefix
        items = {row.item for row in await self._balances.rows_of(chat_id, [before]) if row.item}
        items = {item for item in items if not item.startswith(void)}
        return tuple(subject for subject in subjects if not any(says(item, subject) for item in items))

    async def _budgets(self, chat_id: int, question: LedgerQuestion) -> AskOutcome:
        """Each budgeted category's spending this month, or the asked one's: from the month's rows."""
        if self._categorising is None:
            return CannotAnswer()
        book = await self._categorising.book(chat_id)
        asked = book.named(question.category) if question.category is not None else None
        if asked is None and question.words:
            guess = book.categorise(" ".join(question.words))
            asked = book.named(guess.name) if guess.decided_by is DecidedBy.WORDS else None
        period = Period.of(question.span.first)
        rows = await self._balances.rows(chat_id, period)
        spent = []
        for category in [asked] if asked is not None else book.budgeted:
            only = None if category.name.casefold() == TOTAL.casefold() else category.name
            selected = LedgerQuestion(Measure.TOTAL, question.span, category=only)
            found = select(rows, selected, None, self._policy.void_prefix, _category_of(book))
            spent.append((category, found.totals))
        return BudgetAnswer(period, tuple(spent), asked)

    async def recent(self, chat_id: int, count: int = RECENT) -> list[SheetRow]:
        """/recent: the month's latest expense rows (last month's too early in a month)."""
        today = self._policy.today()
        rows = await self._balances.rows(chat_id, Period.of(today))
        spent = [
            row for row in rows if (row.usd or row.khr) and not row.item.startswith(self._policy.void_prefix)
        ]
        if len(spent) < count and today.day <= 7:
            earlier = await self._balances.rows(chat_id, Period.of(today).previous())
            spent = [
                row
                for row in earlier
                if (row.usd or row.khr) and not row.item.startswith(self._policy.void_prefix)
            ] + spent
        return spent[-count:]

    async def mine(self, chat_id: int, user_id: int, name: str) -> Found:
        """/mine: the member's own entries this month (by user id, whatever name they go by now)."""
        today = self._policy.today()
        question = LedgerQuestion(Measure.LIST, month_span(Period.of(today)), name)
        rows = await self._balances.rows(chat_id, Period.of(today))
        asked = Asker(user_id, name, await self._balances.roster(chat_id))
        return select(rows, question, asked.rows_of(name, user_id), self._policy.void_prefix)

    async def message_of_row(self, chat_id: int, period: Period, number: int) -> int | None:
        """The message row No `number` of the month came from, for 'undo No 14'."""
        return await self._balances.message_of_row(chat_id, period, number)

    async def month_rows(self, chat_id: int, period: Period) -> list[SheetRow]:
        """/export: the month's rows as the sheet has them now."""
        return await self._balances.rows(chat_id, period)

    def confirm(self, token: str, chat_id: int, user_id: int) -> WriteRequest | None:
        """The change, when this admin confirms it in time in its group; it is then forgotten."""
        pending = self._pending.get(token)
        if pending is None or pending.chat_id != chat_id or pending.admin_id != user_id:
            return None
        del self._pending[token]
        if self._clock.now() - pending.at > CONFIRM_WITHIN:
            return None
        return pending.request

    def cancel(self, token: str, chat_id: int, user_id: int) -> bool:
        """Forget the change, when its admin cancels it."""
        pending = self._pending.get(token)
        if pending is None or pending.chat_id != chat_id or pending.admin_id != user_id:
            return False
        del self._pending[token]
        return True

    def _propose(self, chat_id: int, admin_id: int, request: WriteRequest) -> str:
        now = self._clock.now()
        for token, pending in list(self._pending.items()):
            if now - pending.at > CONFIRM_WITHIN:
                del self._pending[token]
        token = secrets.token_urlsafe(8)
        self._pending[token] = _Pending(chat_id, admin_id, request, now)
        return token

    async def categories(self, chat_id: int) -> CategoryBook | None:
        """The group's categories, for answers that name one; None when the bot keeps none."""
        if self._categorising is None:
            return None
        try:
            return await self._categorising.book(chat_id)
        except LedgerError:
            return None

    async def _category_names(self, chat_id: int) -> list[tuple[str, str]]:
        if self._categorising is None:
            return []
        try:
            book = await self._categorising.book(chat_id)
        except LedgerError:
            return []
        return [(category.name, category.name_km) for category in book.choices]

    async def _from_model(
        self, text: str, today: date, members: list[str], categories: list[str], chat_id: int
    ) -> LedgerQuestion | None:
        """The model's choice of tool, held to what the bot knows; None when it chose nothing usable."""
        assert self._model is not None
        try:
            choice = await self._model.choose(text, today, members, categories, chat_id)
        except Exception:
            log.exception("the question model failed")
            return None
        return checked_choice(choice, today, members, categories) if choice is not None else None


def _category_of(book: CategoryBook | None) -> Callable[[SheetRow], str]:
    """A row's category: the sheet's cell, else the tab's words (none without categories)."""

    def category_of(row: SheetRow) -> str:
        return row.category or (book.categorise(row.item).name if book is not None else "")

    return category_of


def _none_of_its_kind(subject: str, book: CategoryBook, rows: list[SheetRow]) -> bool:
    """Whether the subject names only things the vocabulary knows ('ចាក់សាំង', fuel), of one named
    category by the tab's words, which no row of the days asked about is in: 'nothing' is then sure,
    not a word the bot could not place."""
    known = all(term.startswith("#") for term in terms(subject, corrected=True))
    guess = book.categorise(subject)
    if not known or guess.decided_by is not DecidedBy.WORDS or guess.also or guess.name == OTHER:
        return False
    category_of = _category_of(book)
    return not any(category_of(row) == guess.name for row in rows)


def _guessed_between(book: CategoryBook | None) -> Callable[[SheetRow], tuple[str, ...]]:
    """The categories a row's category was guessed between (its words name things of several, and
    the compound's head chose); or, for a row in Other, Other and the category the things the
    vocabulary reads in it name (ប៊ូហ្ស៊ី, a spark plug, where the tab has no Khmer word for it):
    none when its cell names another category, or its words name one."""

    def guessed_between(row: SheetRow) -> tuple[str, ...]:
        if book is None:
            return ()
        category = row.category
        if not category:
            guess = book.categorise(row.item)
            if guess.also:
                return (guess.name, *guess.also)
            category = guess.name
        if category.casefold() != OTHER.casefold() or not (named := thing_names(row.item)):
            return ()
        # each thing it names alone, too: 'truck carry fertilizer' in Other may be the truck's transport
        reads = [book.categorise(said) for said in (" ".join(named), *named)]
        kinds = [read.name for read in reads if read.decided_by is DecidedBy.WORDS and read.name != category]
        return (category, *dict.fromkeys(kinds)) if kinds else ()

    return guessed_between


@dataclass(frozen=True, slots=True)
class Asker:
    """Who asks (a user id, and the name shown), and the group's members by user id when known."""

    user_id: int
    name: str
    roster: Roster | None

    def id_of(self, name: str | None) -> int | None:
        """The user id of the one member who goes by the name; None for nobody, several, or no roster."""
        return self.roster.id_named(name) if name is not None and self.roster is not None else None

    def rows_of(self, name: str | None, user_id: int | None) -> str | Callable[[SheetRow], bool] | None:
        """Which rows are the member's: by user id with a roster, else by the name rows carry."""
        if name is None:
            return None
        if self.roster is None or user_id is None:
            return name
        roster = self.roster

        def theirs(row: SheetRow) -> bool:
            return roster.poster_of(row) == user_id

        return theirs

    def member_of(self, entry: Entry) -> str:
        """The name an entry's member goes by now, for totals per member."""
        return self.roster.shown_poster(entry.row) if self.roster is not None else entry.row.member.strip()
