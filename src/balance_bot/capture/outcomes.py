"""What the capture flow decides about a message, for the adapters to render: one outcome each."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from balance_bot.capture.delivery import Landing
from balance_bot.domain.expenses import ExpenseEntry, Problem
from balance_bot.domain.ledger import Period
from balance_bot.domain.members import MovementKind
from balance_bot.domain.money import AmountLimits
from balance_bot.ports import LedgerError, QueuedMessage, SavedMessage


class Refusal(StrEnum):
    """Why an expense was not saved, in words the member can act on."""

    OVER_LIMIT = "over_limit"
    NOT_POSITIVE = "not_positive"
    TOO_PRECISE = "too_precise"
    PURPOSE_TOO_SHORT = "purpose_too_short"
    NEGATIVE = "negative"
    MONEY_BACK = "money_back"


class DateRefusal(StrEnum):
    """Why an expense with a named day was not saved."""

    FUTURE = "future"
    TOO_OLD = "too_old"
    NO_SUCH_DAY = "no_such_day"  # "Nov 31"
    MONTHS_MIXED = "months_mixed"  # one message, days in two months


# Asked only when an action needs it (another member's row): whether the member is one of the group's admins.
AdminCheck = Callable[[], Awaitable[bool]]


class ActionRefusal(StrEnum):
    """Why an Undo or a currency switch was not done."""

    NOT_ALLOWED = "not_allowed"
    TOO_LATE = "too_late"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class Dating:
    """What the member should hear about the day: it was named, or its month had closed."""

    named: bool = False  # a day other than the day of posting: the confirmation says it
    closed_month: Period | None = None  # the day's month was closed: the rows went to this month


ON_THE_DAY_POSTED = Dating()


@dataclass(frozen=True, slots=True)
class Silent:
    """Nothing to say."""


@dataclass(frozen=True, slots=True)
class Saved:
    """Rows were added; the confirmation lists them."""

    message: SavedMessage
    link: str | None
    unsure: bool = False  # read with no second opinion to settle a doubt: the member should check
    dating: Dating = ON_THE_DAY_POSTED


@dataclass(frozen=True, slots=True)
class Accepted:
    """The expense is safe in the outbox; `CaptureService.confirm` tells Saved or Queued."""

    message: QueuedMessage
    landing: Landing
    unsure: bool = False
    dating: Dating = ON_THE_DAY_POSTED


@dataclass(frozen=True, slots=True)
class Queued:
    """The expense is safe in the outbox; its rows follow once the ledger answers."""

    message: QueuedMessage
    problem: LedgerError | None
    unsure: bool = False
    dating: Dating = ON_THE_DAY_POSTED
    landing: Landing | None = None  # resolves when the rows land after all, for what follows a save


@dataclass(frozen=True, slots=True)
class AskPurpose:
    """An amount came without a purpose."""

    entry: ExpenseEntry


@dataclass(frozen=True, slots=True)
class TopUpUnclear:
    """A /topup, or a member's movement (`kind`), without one amount and its currency."""

    kind: MovementKind | None = None


@dataclass(frozen=True, slots=True)
class AskRephrase:
    """The message is not clear enough to save."""

    problem: Problem | None


@dataclass(frozen=True, slots=True)
class ForwardedNotSaved:
    """A forwarded message reads as an expense: someone else's, or an old one; the member reposts it."""

    original_day: date
    entries: tuple[ExpenseEntry, ...]


@dataclass(frozen=True, slots=True)
class TooManyEntries:
    """One message listed more expenses than one message may add; none was saved."""

    most: int


@dataclass(frozen=True, slots=True)
class Refused:
    """The expense is clear but cannot be saved as it stands."""

    reason: Refusal
    entry: ExpenseEntry
    limits: AmountLimits


@dataclass(frozen=True, slots=True)
class DateRefused:
    """The day named cannot be used: ahead, too far back, no such day, or months mixed."""

    reason: DateRefusal
    day: date | None
    max_days_back: int
    words: str = ""


@dataclass(frozen=True, slots=True)
class Held:
    """Over the member's rate limit: the expense is safe in the outbox and goes to the sheet at its
    message's `hold_until`."""

    message: QueuedMessage
    per_minute: int
    wait_seconds: int  # from the moment it was posted
    unsure: bool = False
    dating: Dating = ON_THE_DAY_POSTED
    landing: Landing | None = None  # resolves when the rows land, for what follows a save


@dataclass(frozen=True, slots=True)
class RepeatedTooOften:
    """The same expense posted again while over the rate limit: refused each time, as a likely repeat."""

    per_minute: int


@dataclass(frozen=True, slots=True)
class Edited:
    """An edited message changed its rows."""

    message: SavedMessage


@dataclass(frozen=True, slots=True)
class Voided:
    """A message's rows were voided (Undo, or an edit that removed the amount)."""

    message: SavedMessage


@dataclass(frozen=True, slots=True)
class Switched:
    """A guessed currency was switched."""

    message: SavedMessage


@dataclass(frozen=True, slots=True)
class ActionRefused:
    """Undo or switch was refused."""

    reason: ActionRefusal


@dataclass(frozen=True, slots=True)
class StorageProblem:
    """The bot's own database could not be written: nothing was kept, the member must post again."""


@dataclass(frozen=True, slots=True)
class LedgerProblem:
    """The ledger could not be written; nothing was saved, and the error says what can be done."""

    error: LedgerError


@dataclass(frozen=True, slots=True)
class UnknownMember:
    """The @username names no member the bot has seen post in the group."""

    username: str


@dataclass(frozen=True, slots=True)
class NoMemberNamed:
    """A movement names no member: an @username, a reply to their message, or a mention is needed."""


@dataclass(frozen=True, slots=True)
class SeveralMembersNamed:
    """A movement names more than one member: which one is meant is asked, nothing is recorded."""

    names: tuple[str, ...]


Outcome = (
    Silent
    | Accepted
    | Saved
    | Queued
    | AskPurpose
    | AskRephrase
    | TooManyEntries
    | ForwardedNotSaved
    | TopUpUnclear
    | Refused
    | DateRefused
    | Held
    | RepeatedTooOften
    | Edited
    | Voided
    | Switched
    | ActionRefused
    | LedgerProblem
    | StorageProblem
    | UnknownMember
    | NoMemberNamed
    | SeveralMembersNamed
)
