"""The core's ports, Protocols the adapters implement: a module a capability, every name re-exported here."""

from balance_bot.ports.approvals import ApprovalState, ApprovalStore, PendingApproval
from balance_bot.ports.balances import EMPTY, BalanceMirror, MemberAmounts, PeriodRecord
from balance_bot.ports.capture import (
    CaptureState,
    Outbox,
    OutboxChat,
    PendingPurpose,
    QueuedMessage,
    SavedMessage,
)
from balance_bot.ports.categories import BudgetNoticeLog, CategoryCorrections, CategoryGuesser
from balance_bot.ports.clock import Clock
from balance_bot.ports.errors import (
    LedgerAccessDenied,
    LedgerAnswerLost,
    LedgerApiDisabled,
    LedgerError,
    LedgerKeyRefused,
    LedgerNotConnected,
    LedgerNotFound,
    LedgerNotSaved,
    LedgerUnavailable,
    StorageUnavailable,
)
from balance_bot.ports.groups import ChatLanguageStore, ChatMoves, GroupSettingsStore, Memberships
from balance_bot.ports.hand_edits import ToldChanges, WrittenRows
from balance_bot.ports.images import (
    ImageExpenseReader,
    ImageText,
    ImageTextReader,
    ImageUnreadable,
    PostedImage,
)
from balance_bot.ports.ledger import (
    AccountLoad,
    LedgerDirectory,
    LedgerStore,
    SheetAccess,
    SheetAccounts,
    SheetConnections,
)
from balance_bot.ports.members import AdvanceReminderLog, MemberDirectory, SeenMember
from balance_bot.ports.payments import PendingNotice, PendingNotices
from balance_bot.ports.questions import LedgerToolCaller, ToolChoice
from balance_bot.ports.reading import ExpenseParser, ParseHints
from balance_bot.ports.receipts import ProposedExpense, ProposedExpenses
from balance_bot.ports.usage import MessageTally, MonthUsage, ProviderUsage, UsageLog

__all__ = [
    "EMPTY",
    "AccountLoad",
    "AdvanceReminderLog",
    "ApprovalState",
    "ApprovalStore",
    "BalanceMirror",
    "BudgetNoticeLog",
    "CaptureState",
    "CategoryCorrections",
    "CategoryGuesser",
    "ChatLanguageStore",
    "ChatMoves",
    "Clock",
    "ExpenseParser",
    "GroupSettingsStore",
    "ImageExpenseReader",
    "ImageText",
    "ImageTextReader",
    "ImageUnreadable",
    "LedgerAccessDenied",
    "LedgerAnswerLost",
    "LedgerApiDisabled",
    "LedgerDirectory",
    "LedgerError",
    "LedgerKeyRefused",
    "LedgerNotConnected",
    "LedgerNotFound",
    "LedgerNotSaved",
    "LedgerStore",
    "LedgerToolCaller",
    "LedgerUnavailable",
    "MemberAmounts",
    "MemberDirectory",
    "Memberships",
    "MessageTally",
    "MonthUsage",
    "Outbox",
    "OutboxChat",
    "ParseHints",
    "PendingApproval",
    "PendingNotice",
    "PendingNotices",
    "PendingPurpose",
    "PeriodRecord",
    "PostedImage",
    "ProposedExpense",
    "ProposedExpenses",
    "ProviderUsage",
    "QueuedMessage",
    "SavedMessage",
    "SeenMember",
    "SheetAccess",
    "SheetAccounts",
    "SheetConnections",
    "StorageUnavailable",
    "ToldChanges",
    "ToolChoice",
    "UsageLog",
    "WrittenRows",
]
