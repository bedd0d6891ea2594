"""Use case: cash between the box and members (advances, change returned, reimbursements), and where
each member stands."""

from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from balance_bot.balances.service import Balance, BalanceOutcome, BalanceService
from balance_bot.capture.outcomes import (
    NoMemberNamed,
    Outcome,
    SeveralMembersNamed,
    TopUpUnclear,
    UnknownMember,
)
from balance_bot.capture.service import CaptureService, IncomingMessage
from balance_bot.domain.balances import CURRENCIES, ZERO
from balance_bot.domain.members import MemberFigures, Movement, MovementKind
from balance_bot.domain.money import Currency
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.ports import AdvanceReminderLog, MemberDirectory, SeenMember


@dataclass(frozen=True, slots=True)
class MemberBalance:
    """One member's month: the figures and the rows behind them (None when nothing concerns them)."""

    name: str
    figures: MemberFigures | None
    balance: Balance


MemberBalanceOutcome = MemberBalance | UnknownMember | BalanceOutcome


@dataclass(frozen=True, slots=True)
class PostedHere:
    """A member who posted in the group: the author of a command, or of the message it replies to."""

    member: SeenMember


# Whom a movement command names: one member, several (asked about), or nobody yet (the text may).
Named = SeenMember | PostedHere | str | tuple[SeenMember | PostedHere | str, ...] | None


def several_named(named: tuple[SeenMember | PostedHere | str, ...]) -> SeveralMembersNamed:
    """Members named together, where one is meant: which one is asked, none is guessed."""

    def shown(one: SeenMember | PostedHere | str) -> str:
        if isinstance(one, PostedHere):
            return one.member.name
        return one.name if isinstance(one, SeenMember) else one

    return SeveralMembersNamed(tuple(shown(one) for one in named))


class CashMovements:
    """Records movements as rows of their own kind, through the capture flow (outbox, Undo); finds
    the member a command names among those seen in the group."""

    def __init__(self, capture: CaptureService, directory: MemberDirectory, balances: BalanceService) -> None:
        self._capture = capture
        self._directory = directory
        self._balances = balances

    async def seen(self, chat_id: int, member: SeenMember) -> None:
        """A member posted in the group: remembered, whom a later /advance @name can name."""
        await self._directory.seen(chat_id, member)

    async def record(self, message: IncomingMessage, kind: MovementKind, named: Named) -> Outcome:
        """A movement for the member named (the author of the message replied to, a member mentioned
        or an @username, seen post here; or else the name of a member seen here at the start of the
        text: '/advance Sokha 50$'); the amount and its note are the message's text. Several members
        named are asked about, not guessed."""
        if isinstance(named, tuple):
            return several_named(named)
        if named is None:
            found = await self._named_first(message.chat_id, message.text)
            if found is not None:
                named, rest = found
                message = replace(message, text=rest)
        member = await self._member(message.chat_id, named)
        if not isinstance(member, SeenMember):
            return member
        label = (await self._capture.labels.labels(message.chat_id)).movement(kind, member.name)
        recorded = await self._capture.record_cash(
            message,
            label,
            lambda line: replace(
                line,
                movement=Movement(kind, member.name),
                source=replace(line.source, for_member_id=member.user_id),
            ),
        )
        return TopUpUnclear(kind) if isinstance(recorded, TopUpUnclear) else recorded

    async def balance_of(self, chat_id: int, named: SeenMember | PostedHere | str) -> MemberBalanceOutcome:
        """/balance @member, /mybalance: this month's figures of one member."""
        member = await self._member(chat_id, named)
        if isinstance(member, UnknownMember):
            return member
        if not isinstance(member, SeenMember):
            return UnknownMember(named if isinstance(named, str) else "")
        return await self.position_of(chat_id, member)

    async def position_of(self, chat_id: int, member: SeenMember) -> MemberBalanceOutcome:
        """This month's figures of the member: by their user id, whatever name they post under now."""
        outcome = await self._balances.balance_named(chat_id, "")
        if not isinstance(outcome, Balance):
            return outcome
        members = outcome.balance.members
        figures = members.of(member.user_id, member.name) if members is not None else None
        return MemberBalance(figures.name if figures is not None else member.name, figures, outcome)

    async def named_in(self, chat_id: int, words: str) -> Named:
        """Whom /balance's words name: @usernames ('/balance @dara'), or a member seen here by the whole
        words ('/balance Dara'); None when they name nobody (a month's words: '/balance November')."""
        said = words.split()
        if said and all(word.startswith("@") and len(word) > 1 for word in said):
            return said[0] if len(said) == 1 else tuple(said)
        return await self.named_exactly(chat_id, words)

    async def named_exactly(self, chat_id: int, text: str) -> SeenMember | None:
        """The member the whole text names ('Dara', 'dara kim'), as /balance Dara asks; None otherwise."""
        found = await self._named_first(chat_id, text)
        return found[0] if found is not None and not found[1] else None

    async def _named_first(self, chat_id: int, text: str) -> tuple[SeenMember, str] | None:
        """The member whose name (or first name) the text starts with, the longest such, and the rest."""
        said = text.strip()
        best: tuple[int, SeenMember] | None = None
        for member in await self._directory.members(chat_id):
            for name in {member.name.strip(), member.name.strip().split(" ")[0]}:
                starts = said[: len(name)].casefold() == name.casefold()
                whole = said[len(name) : len(name) + 1] in ("", " ")
                if name and starts and whole and (best is None or len(name) > best[0]):
                    best = (len(name), member)
        return None if best is None else (best[1], said[best[0] :].strip())

    async def _member(
        self, chat_id: int, named: SeenMember | PostedHere | str | None
    ) -> SeenMember | UnknownMember | NoMemberNamed:
        if named is None:
            return NoMemberNamed()
        if isinstance(named, PostedHere):  # they posted here: their message says so
            await self.seen(chat_id, named.member)
            return named.member
        if isinstance(named, SeenMember):  # a mention can name anyone on Telegram: only members seen here
            known = {member.user_id for member in await self._directory.members(chat_id)}
            if named.user_id not in known:
                return UnknownMember(named.name)
            await self.seen(chat_id, named)
            return named
        found = await self._directory.by_username(chat_id, named.lstrip("@"))
        return found if found is not None else UnknownMember(named.lstrip("@"))


@dataclass(frozen=True, slots=True)
class DueReminder:
    """A member has held team cash since a day long enough ago to be reminded, once."""

    member: str
    held: dict[Currency, Decimal]
    since: date


class AdvanceReminders:
    """Finds the members holding an advance for `after_days` or more (or still holding one on the
    month's last day), from the month the scheduled round read; each advance is reminded of once."""

    def __init__(
        self, balances: BalanceService, settings: GroupSettings, log: AdvanceReminderLog, after_days: int
    ) -> None:
        self._balances = balances
        self._settings = settings
        self._log = log
        self._after = timedelta(days=after_days)

    async def due(self, chat_id: int, today: date) -> list[DueReminder]:
        """The reminders to post in the group now; none when the group turned them off."""
        members = self._balances.latest_members(chat_id)
        if members is None:
            return []
        if not (await self._settings.of(chat_id)).advance_reminders:
            return []
        month_end = (today + timedelta(days=1)).month != today.month
        due = []
        for figures in members.shown():
            held = {currency: figures.holds(currency) for currency in CURRENCIES}
            if not any(amount > ZERO for amount in held.values()):
                continue
            since = figures.advanced_on() or today.replace(day=1)
            if since >= today or (today - since < self._after and not month_end):
                continue
            if await self._log.claim(chat_id, figures.name, since.isoformat()):
                due.append(DueReminder(figures.name, {c: a for c, a in held.items() if a > ZERO}, since))
        return due
