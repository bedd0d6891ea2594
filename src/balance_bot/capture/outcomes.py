"""What the capture flow decides about a message, for the adapters to render: one outcome each."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from enum import StrEnum

from balance_bot.domain.entry_checks import ON_THE_DAY_POSTED as ON_THE_DAY_POSTED
from balance_bot.domain.entry_checks import AskRephrase as AskRephrase
from balance_bot.domain.entry_checks import DateRefusal as DateRefusal
from balance_bot.domain.entry_checks import DateRefused as DateRefused
from balance_bot.domain.entry_checks import Dating as Dating
from balance_bot.domain.entry_checks import Refusal as Refusal
from balance_bot.domain.entry_checks import Refused as Refused
from balance_bot.domain.entry_checks import TooManyEntries as TooManyEntries
from balance_bot.domain.entry_checks import TopUpUnclear as TopUpUnclear
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.ports import Landing, LedgerError, QueuedMessage, SavedMessage

# Asked only when an action needs it (another member's row): whether the member is one of the group's admins.
AdminCheck = Callable[[], Awaitable[bool]]


class ActionRefusal(StrEnum):
    """Why an Undo or a currency switch was not done."""

    NOT_ALLOWED = "not_allowed"
    TOO_LATE = "too_late"
    UNKNOWN = "unknown"


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
class ForwardedNotSaved:
    """A forwarded message reads as an expense: someone else's, or an old one; the member reposts it."""

    original_day: date
    entries: tuple[ExpenseEntry, ...]


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
