"""Use case: /recurring, for a group's admins: add a cost written on its days, list them with their next
day, stop one. Every chat face (Telegram, the terminal) renders the reply it plans."""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from datetime import date, tzinfo

from balance_bot.capture.outcomes import AdminCheck, Refused
from balance_bot.domain import entry_checks as checks
from balance_bot.domain.expenses import ExpenseEntry, ParseResult
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import EntrySource, LedgerLine, local_day
from balance_bot.domain.money import AmountLimits
from balance_bot.groups.languages import ChatLanguages
from balance_bot.ports import Clock, LedgerError
from balance_bot.recurring.costs import NewCost, RecurringCost, RecurringStore
from balance_bot.recurring.schedules import Every, Schedule
from balance_bot.recurring.words import ListCosts, NotUnderstood, ScheduleWords, StopCost, read_recurring

# The lines with their categories, as an expense's are given them (CaptureService.categorised).
Categorise = Callable[[int, Sequence[LedgerLine]], Awaitable[list[LedgerLine]]]


@dataclass(frozen=True, slots=True)
class Added:
    """The cost is kept; its first row is written on `first`."""

    cost: RecurringCost
    first: date


@dataclass(frozen=True, slots=True)
class Listed:
    """The group's costs, each with the next day a row of it is written."""

    costs: tuple[tuple[RecurringCost, date], ...]


@dataclass(frozen=True, slots=True)
class Stopped:
    """The cost ended: nothing more is written for it (its rows stay in the sheet)."""

    cost: RecurringCost


@dataclass(frozen=True, slots=True)
class NoSuchCost:
    """The group has no running cost of that number."""

    number: int


@dataclass(frozen=True, slots=True)
class HowToSay:
    """The words said no cost or no schedule: the admin is shown how; `refused`, when the amount was
    read but cannot be written (over the limit, fractions of a riel)."""

    refused: Refused | None = None


@dataclass(frozen=True, slots=True)
class AdminsOnly:
    """A member who is not an admin asked: recurring costs are the admins' to set."""


@dataclass(frozen=True, slots=True)
class RecurringReply:
    """What the group hears about a /recurring command."""

    shown: Added | Listed | Stopped | NoSuchCost | HowToSay | AdminsOnly
    speech: Speech


@dataclass(frozen=True, slots=True)
class CommandPolicy:
    """The team's rules the command follows: its time zone (whose day a schedule counts from) and the
    amounts a row may hold."""

    timezone: tzinfo
    limits: AmountLimits


class RecurringCommands:
    """/recurring: the admins' costs written on their days."""

    def __init__(
        self,
        store: RecurringStore,
        read: Callable[[str], ParseResult],
        languages: ChatLanguages,
        clock: Clock,
        policy: CommandPolicy,
        categorised: Categorise | None = None,
    ) -> None:
        self._store = store
        self._read = read  # the parser's reading alone, as /topup reads its amount
        self._languages = languages
        self._clock = clock
        self._policy = policy
        self._categorised = categorised  # CaptureService.categorised: as an expense's lines are

    async def command(
        self, chat_id: int, user_id: int, member_name: str, words: str, is_admin: AdminCheck
    ) -> RecurringReply:
        """The words after /recurring, from a member of the group."""
        speech = await self._languages.for_group(chat_id)
        if not await is_admin():
            return RecurringReply(AdminsOnly(), speech)
        match read_recurring(words):
            case ListCosts():
                return RecurringReply(await self.listed(chat_id), speech)
            case StopCost(number):
                stopped = await self._store.stop(chat_id, number, self._clock.now())
                return RecurringReply(NoSuchCost(number) if stopped is None else Stopped(stopped), speech)
            case ScheduleWords() as said:
                return RecurringReply(await self._add(chat_id, user_id, member_name, said), speech)
            case NotUnderstood():
                return RecurringReply(HowToSay(), speech)
        raise AssertionError("unreachable")

    async def listed(self, chat_id: int) -> Listed:
        """The group's running costs with their next days."""
        today = self._today()
        costs = await self._store.active(chat_id)
        return Listed(tuple((cost, next_day(cost, today)) for cost in costs))

    async def _add(
        self, chat_id: int, user_id: int, member_name: str, said: ScheduleWords
    ) -> Added | HowToSay:
        entry = checks.one_amount(self._read(said.rest), self._policy.limits)
        if isinstance(entry, Refused):
            return HowToSay(entry)
        if not isinstance(entry, ExpenseEntry) or not entry.purpose.strip():
            return HowToSay()
        today = self._today()
        day = said.day
        if day is None:  # "monthly", "every 2 weeks": on today's date or weekday
            day = today.day if said.every is Every.MONTH else today.weekday()
        schedule = Schedule.starting_after(said.every, said.interval, day, today)
        category = await self._category(chat_id, entry, today)
        terms = NewCost(chat_id, entry.purpose, entry.money, category, schedule, user_id, member_name)
        cost = await self._store.add(terms, self._clock.now())
        return Added(cost, schedule.first)

    async def _category(self, chat_id: int, entry: ExpenseEntry, today: date) -> str:
        """The cost's category, decided once as an expense's is: its rows then need no read of the tab;
        one the tab cannot be read for now is decided on its day."""
        if self._categorised is None:
            return ""
        line = LedgerLine(today, entry.purpose, entry.money, "", EntrySource(chat_id, 0, 0))
        try:
            (decided,) = await self._categorised(chat_id, [line])
        except LedgerError:
            return ""
        return decided.category

    def _today(self) -> date:
        return local_day(self._clock.now(), self._policy.timezone)


def next_day(cost: RecurringCost, today: date) -> date:
    """The next day a row of the cost is written: a day gone by whose row waits (the bot was down, the
    sheet did not answer) is written next; else the first day after today."""
    due = cost.due(today)
    return due[0] if due else cost.schedule.next_after(max(today, cost.done_through))
