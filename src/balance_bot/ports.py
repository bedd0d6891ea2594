"""The ports the core needs from the outside world, as Protocols the adapters implement."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Protocol

from balance_bot.domain.categories import Category
from balance_bot.domain.expenses import ExpenseEntry, ParseResult
from balance_bot.domain.language import Speech
from balance_bot.domain.ledger import LedgerLine, Period, SavedLine, SheetRow
from balance_bot.domain.money import Currency


@dataclass(frozen=True, slots=True)
class ParseHints:
    """What the bot knows before asking for a second opinion: its own reading, and the group."""

    first_reading: ParseResult
    chat_id: int | None = None


class ExpenseParser(Protocol):
    """A second opinion on a message the heuristic parser is unsure of (an LLM, in practice)."""

    async def parse_message(self, text: str, hints: ParseHints) -> ParseResult | None:
        """Read the message; None when there is no answer (down, slow, invalid or over budget)."""
        ...


class MessageTally(Protocol):
    """Counts the messages read, and how many needed no LLM, for /usage."""

    def count_message(self, asked_llm: bool, chat_id: int | None = None) -> None:
        """One more message read in the group; cheap enough for every message of a busy group."""
        ...


@dataclass(frozen=True, slots=True)
class ProviderUsage:
    """One LLM provider's calls in a month."""

    provider: str
    calls: int
    failed: int
    fallbacks: int
    input_tokens: int
    output_tokens: int
    cost_usd: Decimal
    median_latency_ms: int | None


@dataclass(frozen=True, slots=True)
class MonthUsage:
    """The month's LLM use, for admins: per provider, the budget, and the messages read without one."""

    month: str
    providers: tuple[ProviderUsage, ...]
    messages: int
    messages_without_llm: int
    cost_usd: Decimal
    budget_usd: Decimal
    chat_id: int | None = None  # the one group these figures are of; None for every group
    category_calls: int = 0  # of the calls, those that chose categories no word decided


class UsageLog(Protocol):
    """The month's LLM use, as the call log holds it."""

    async def month_usage(self, month: str, chat_id: int | None = None) -> MonthUsage:
        """The figures of one month ('2026-11'), of one group or (None) of all."""
        ...


class LedgerError(Exception):
    """The ledger could not be read or written; each kind says what someone can do about it."""


class LedgerNotConnected(LedgerError):
    """The group has no sheet yet."""


class LedgerAccessDenied(LedgerError):
    """The sheet is not shared with the bot as Editor."""

    def __init__(self, share_with: str) -> None:
        super().__init__(f"the sheet is not shared with {share_with} as Editor")
        self.share_with = share_with


class LedgerNotFound(LedgerError):
    """No sheet with that id exists (or it was deleted)."""


class LedgerUnavailable(LedgerError):
    """The sheet service did not answer, even after retries."""


class LedgerNotSaved(LedgerUnavailable):
    """The ledger's file on the bot's own server could not be written (its disk is full): what waits
    is kept, and saved once it can be."""


class LedgerKeyRefused(LedgerError):
    """The bot's key for the sheet service was refused for good (deleted or revoked): a new one is needed."""


class LedgerApiDisabled(LedgerError):
    """The sheet service's API is turned off for the bot's project; the link turns it on."""

    def __init__(self, enable_at: str) -> None:
        super().__init__(f"the Google Sheets API is not enabled: enable it at {enable_at}")
        self.enable_at = enable_at


class StorageUnavailable(Exception):
    """The bot's own storage could not be written (a full or read-only disk): nothing was kept."""


class LedgerStore(Protocol):
    """The monthly worksheets: the system of record that bookkeepers also edit."""

    async def append(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Add the lines as numbered rows of the period's worksheet, in order."""
        ...

    async def replace(self, saved: SavedLine, line: LedgerLine) -> SavedLine | None:
        """Rewrite one of the bot's rows; None when a bookkeeper removed it. It keeps the No it has now."""
        ...

    async def set_category(self, saved: SavedLine, category: str) -> SavedLine | None:
        """Write one of the bot's rows' category, found by its reference; None if the row is gone."""
        ...

    async def categories(self) -> list[Category]:
        """The spreadsheet's Categories tab, made from the default one on first use; read again at most
        every few minutes, so a bookkeeper's change applies without a restart."""
        ...

    async def void(self, saved: SavedLine) -> SavedLine | None:
        """Void one of the bot's rows, leaving every other row as it is; None when it is gone.

        The row as it stands, with the No it has now (a bookkeeper may have renumbered it).
        """
        ...

    async def read(self, period: Period) -> list[SheetRow]:
        """The period's rows as they stand, bookkeepers' edits included."""
        ...

    async def read_months(self, periods: Sequence[Period]) -> dict[Period, list[SheetRow]]:
        """Several months' rows at once, in as few calls as the store can (a missing month has none)."""
        ...

    async def find(self, period: Period, lines: Sequence[LedgerLine]) -> list[SavedLine]:
        """Those of the lines already in the period's worksheet (not voided), found by their reference."""
        ...

    async def months_kept(self, periods: Sequence[Period]) -> set[Period]:
        """Those of the periods the sheet has a worksheet for: a month it has none of is not an empty
        month, and nothing can be said of it."""
        ...

    async def flush(self) -> None:
        """Make what was written durable; a store that writes through does nothing."""
        ...

    def link(self) -> str | None:
        """Where a member can look at the ledger, if it can be linked to."""
        ...

    async def identity(self) -> str:
        """Which ledger this is (a spreadsheet id, a file), so groups sharing one share its months."""
        ...


class SheetAccess(Protocol):
    """Checks that the bot can write to a spreadsheet before a group is connected to it."""

    async def check_write_access(self, spreadsheet_id: str) -> str:
        """The spreadsheet's title; raises a LedgerError when it cannot be written."""
        ...


class SheetConnections(Protocol):
    """Which spreadsheet an admin connected each group to."""

    async def connect(self, chat_id: int, spreadsheet_id: str) -> None:
        """Remember a group's spreadsheet, replacing an earlier one."""
        ...

    async def connected(self, chat_id: int) -> str | None:
        """The spreadsheet an admin connected the group to, if any."""
        ...


class LedgerDirectory(Protocol):
    """Which ledger a group writes to."""

    def for_chat(self, chat_id: int) -> LedgerStore:
        """The ledger of one group."""
        ...

    async def is_connected(self, chat_id: int) -> bool:
        """Whether the group has a ledger to write to."""
        ...


@dataclass(frozen=True, slots=True)
class PendingPurpose:
    """An amount posted without a purpose, waiting for the member to say what it was for."""

    chat_id: int
    user_id: int
    message_id: int
    entry: ExpenseEntry
    posted_at: datetime
    expires_at: datetime


@dataclass(frozen=True, slots=True)
class SavedMessage:
    """A member's message and the rows it became, kept for Undo, edits and currency switches."""

    chat_id: int
    message_id: int
    author_id: int
    saved_at: datetime
    lines: tuple[SavedLine, ...]
    currency_guessed: bool = False
    voided: bool = False


class CaptureState(Protocol):
    """What capture must not lose across a restart: pending purposes and saved messages."""

    async def put_pending(self, pending: PendingPurpose) -> None:
        """Keep an amount waiting for its purpose, replacing any earlier one of the member."""
        ...

    async def take_pending(self, chat_id: int, user_id: int, now: datetime) -> PendingPurpose | None:
        """The member's waiting amount, removed; None when there is none or it has expired."""
        ...

    async def record(self, saved: SavedMessage) -> None:
        """Keep (or update) a saved message and its rows."""
        ...

    async def find(self, chat_id: int, message_id: int) -> SavedMessage | None:
        """A saved message by the member's message id."""
        ...


@dataclass(frozen=True, slots=True)
class QueuedMessage:
    """An accepted message whose lines wait in the outbox for their rows."""

    chat_id: int
    message_id: int
    author_id: int
    queued_at: datetime
    period: Period
    lines: tuple[LedgerLine, ...]
    currency_guessed: bool = False
    revision: int = 0
    hold_until: datetime | None = None  # over its member's rate limit: delivered once the minute allows


@dataclass(frozen=True, slots=True)
class OutboxChat:
    """What waits in the outbox for one group, for the operator."""

    chat_id: int
    messages: int
    lines: int
    oldest: datetime
    attempts: int
    last_error: str | None
    held: int = 0  # messages waiting for their member's minute (the rate limit), not for the sheet


class Outbox(Protocol):
    """Accepted messages kept durably until their rows are in the ledger, delivered in order."""

    async def put(self, queued: QueuedMessage) -> bool:
        """Keep a message durably; False when it was accepted before (a redelivered update)."""
        ...

    async def waiting(self, chat_id: int) -> list[QueuedMessage]:
        """The group's messages not delivered yet, oldest first."""
        ...

    async def chats_waiting(self) -> list[int]:
        """The groups with something waiting, to resume after a restart."""
        ...

    async def failed(self, queued: Sequence[QueuedMessage], reason: str) -> None:
        """Note why the last attempt failed."""
        ...

    async def delivered(self, landed: Sequence[tuple[QueuedMessage, SavedMessage]]) -> None:
        """Mark messages delivered and keep them with their rows, in one transaction."""
        ...

    async def summary(self) -> list[OutboxChat]:
        """What waits, per group."""
        ...


@dataclass(frozen=True, slots=True)
class PeriodRecord:
    """A month as the mirror knows it: its opening, and its closing once carried forward."""

    period: Period
    opening: Mapping[Currency, Decimal]
    closing: Mapping[Currency, Decimal] | None = None
    # What each member held (positive) or was owed (negative) as the month opened, and as it closed.
    members_opening: Mapping[str, Mapping[Currency, Decimal]] = field(default_factory=dict)
    members_closing: Mapping[str, Mapping[Currency, Decimal]] | None = None


MemberAmounts = Mapping[str, Mapping[Currency, Decimal]]
EMPTY: MemberAmounts = {}


class BalanceMirror(Protocol):
    """The SQLite mirror of each ledger's months: their carried balances, and their rows as last read."""

    async def period(self, ledger: str, period: Period) -> PeriodRecord | None:
        """The month's record, if the mirror has one."""
        ...

    async def open(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> PeriodRecord:
        """Open a month with its opening balance (the box's, the members'); a month already open
        keeps the one it has."""
        ...

    async def close(
        self, ledger: str, period: Period, closing: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Record a month's closing balance (the box's, the members'), the one carried forward."""
        ...

    async def carry(
        self, ledger: str, period: Period, opening: Mapping[Currency, Decimal], members: MemberAmounts = EMPTY
    ) -> None:
        """Set a month's opening to what the month before holds now, opening it if need be."""
        ...

    async def reconcile(self, ledger: str, period: Period, rows: Sequence[SheetRow]) -> None:
        """Replace the month's rows with the sheet's, as they stand now."""
        ...

    async def known_chats(self) -> list[int]:
        """The groups that saved an expense or have a month in the mirror."""
        ...

    async def claim_summary(self, chat_id: int, period: Period) -> bool:
        """True the first time only: the month's summary is posted once to each group."""
        ...


class Clock(Protocol):
    """The current time, injected so that tests control it."""

    def now(self) -> datetime:
        """The current instant, timezone-aware."""
        ...


class Memberships(Protocol):
    """Which groups the bot is in, and which it has greeted."""

    async def record_presence(self, chat_id: int, present: bool) -> None:
        """The bot was added to the group (True) or removed or kicked from it (False)."""
        ...

    async def absent(self) -> set[int]:
        """The groups the bot was removed from and not added back to."""
        ...

    async def claim_greeting(self, chat_id: int) -> bool:
        """True only the first time for the group."""
        ...


class ChatMoves(Protocol):
    """Groups Telegram upgraded to supergroups: their old id, their new one, and what was kept."""

    async def move(self, old_chat_id: int, new_chat_id: int) -> bool:
        """Everything kept under the old id moves to the new one, in one transaction; False when
        that was done before."""
        ...

    async def former_id(self, chat_id: int) -> int | None:
        """The id the group had before it became a supergroup, if it had one."""
        ...

    async def moves(self) -> list[tuple[int, int]]:
        """Every (old id, new id) pair, oldest first."""
        ...


class ChatLanguageStore(Protocol):
    """Each group's choice of language for the bot's replies, kept across restarts."""

    async def speech(self, chat_id: int) -> Speech | None:
        """The group's choice; None when it has not chosen."""
        ...

    async def set_speech(self, chat_id: int, speech: Speech) -> None:
        """Remember the group's choice."""
        ...


class CategoryCorrections(Protocol):
    """The categories members and bookkeepers chose for a purpose's words, per spreadsheet."""

    async def learned(self, ledger: str) -> dict[str, str]:
        """Purpose key -> category name, for the ledger of that identity."""
        ...

    async def learn(self, ledger: str, purpose_key: str, category: str) -> None:
        """Later purposes with the same words get this category in that ledger."""
        ...

    async def forget(self, ledger: str) -> int:
        """Drop what was learned for the ledger; how many corrections there were."""
        ...


class CategoryGuesser(Protocol):
    """A language model's choice of category for purposes the tab's words do not decide."""

    async def guess(
        self, purposes: Sequence[str], choices: Sequence[Category], chat_id: int | None
    ) -> list[str | None]:
        """One of the choices' names for each purpose, in order; None where the model is unsure,
        and all None when no model answered in time."""
        ...


@dataclass(frozen=True, slots=True)
class SeenMember:
    """A member the bot has seen post in a group: whom `/advance @name` can name."""

    user_id: int
    name: str  # as the sheet's "Posted by" writes it
    username: str | None = None


class MemberDirectory(Protocol):
    """The members seen in each group, found again by @username."""

    async def seen(self, chat_id: int, member: SeenMember) -> None:
        """Remember the member (their latest name and username)."""
        ...

    async def by_username(self, chat_id: int, username: str) -> SeenMember | None:
        """The member of the group with that @username (without the @, any case); None if never seen."""
        ...

    async def members(self, chat_id: int) -> list[SeenMember]:
        """Every member seen in the group."""
        ...

    async def groups_of(self, user_id: int) -> list[int]:
        """The groups the user was seen posting in."""
        ...


class GroupSettingsStore(Protocol):
    """What a group chose with /settings; None where it has not chosen."""

    async def payment_mode(self, chat_id: int) -> str | None:
        """A PaymentMode's value."""
        ...

    async def set_payment_mode(self, chat_id: int, mode: str) -> None:
        """Remember it."""
        ...

    async def claim_payments_question(self, chat_id: int) -> bool:
        """True only the first time: the group is asked whose money pays once, whatever restarts."""
        ...

    async def advance_reminders(self, chat_id: int) -> bool | None:
        """Whether members holding an old advance are reminded."""
        ...

    async def set_advance_reminders(self, chat_id: int, on: bool) -> None:
        """Remember it."""
        ...


class AdvanceReminderLog(Protocol):
    """The reminders sent about an advance: one per member and advance."""

    async def claim(self, chat_id: int, member: str, since: str) -> bool:
        """True only the first time for the member's advance held since that day."""
        ...


@dataclass(frozen=True, slots=True)
class ToolChoice:
    """A model's choice of read tool for a question, with its arguments, before the bot checks them."""

    tool: str  # "sum", "count", "list" or "balance"
    first: str | None = None  # ISO days
    last: str | None = None
    member: str | None = None  # a name, or "me"
    words: str | None = None
    category: str | None = None
    by: str | None = None  # "member" or "category": a total of each


class LedgerToolCaller(Protocol):
    """A language model that picks a read tool for a question the question reader cannot read."""

    async def choose(
        self, question: str, today: date, members: Sequence[str], categories: Sequence[str], chat_id: int
    ) -> ToolChoice | None:
        """The tool and arguments; None when no model chose one in time."""
        ...


class BudgetNoticeLog(Protocol):
    """Which budget thresholds a group has been told about, per month."""

    async def claim(self, chat_id: int, month: str, category: str, threshold: int) -> bool:
        """True only the first time for this group, month, category and threshold."""
        ...
