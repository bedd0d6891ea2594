"""The capture flow and the groups, categories, balances, members and questions around it, wired."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from balance_bot.approvals.gate import ApprovalGate
from balance_bot.balances.service import BalanceService
from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.service import CapturePolicy, CaptureService
from balance_bot.categories.budget_watch import BudgetWatch
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.dates import load_date_reading
from balance_bot.domain.language import Language
from balance_bot.domain.ledger import local_day
from balance_bot.groups.connect import ConnectSheet
from balance_bot.groups.group_moves import GroupMoves
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.served_groups import ServedGroups, ServedLedgers
from balance_bot.groups.usage import UsageReport
from balance_bot.members.movements import AdvanceReminders, CashMovements
from balance_bot.payments.recorded_once import NoticePolicy, RecordedOnce
from balance_bot.ports import Clock, LedgerDirectory
from balance_bot.questions.ask import AskLedger, AskPolicy, MembersMay
from infrastructure.categories.tab import load_categories_csv
from infrastructure.clock import SystemClock
from infrastructure.settings import Settings
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.approvals import SqliteApprovals
from infrastructure.sqlite.budget_notices import SqliteBudgetNotices
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.category_corrections import SqliteCategoryCorrections
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import Database
from infrastructure.sqlite.group_allowances import SqliteGroupAllowances
from infrastructure.sqlite.handled_updates import SqliteHandledUpdates
from infrastructure.sqlite.members import SqliteAdvanceReminders, SqliteMemberDirectory
from infrastructure.sqlite.mirror import SqliteMirror
from infrastructure.sqlite.outbox import KEEP_DELIVERED, SqliteOutbox
from infrastructure.sqlite.pending_notices import SqlitePendingNotices
from infrastructure.telegram.sheet_words import CatalogRowLabels
from infrastructure.wiring.changes import recorded_ledgers
from infrastructure.wiring.interpreter import amount_limits, build_interpreter
from infrastructure.wiring.ledgers import Close, build_ledgers
from infrastructure.wiring.llm import LlmParts, build_llm
from infrastructure.wiring.rates import RateParts, build_rates
from infrastructure.wiring.time_zone import time_zone

if TYPE_CHECKING:
    from infrastructure.llm.cascade import OnBudgetReached


@dataclass
class CaptureParts:
    """The capture flow, /connect, and the resources behind them, closed in order."""

    capture: CaptureService
    connect: ConnectSheet
    delivery: Delivery
    outbox: SqliteOutbox
    database: Database
    preferences: SqliteChatPreferences
    languages: ChatLanguages
    handled_updates: SqliteHandledUpdates
    clock: Clock
    close_ledgers: Close
    llm: LlmParts
    usage: UsageReport
    balances: BalanceService
    moves: GroupMoves
    categorising: Categorising
    ledgers: LedgerDirectory
    movements: CashMovements
    group_settings: GroupSettings
    reminders: AdvanceReminders
    ask: AskLedger
    served: ServedGroups
    conversation: Conversation
    quiet_chats: QuietChats
    notices: RecordedOnce
    approval_gate: ApprovalGate
    state: SqliteCaptureState
    rates: RateParts

    async def start(self) -> None:
        """Deliver what an earlier run left in the outbox; forget what was delivered long ago."""
        await self.outbox.forget_delivered(self.clock.now() - KEEP_DELIVERED)
        await self.handled_updates.start(self.clock.now() - KEEP_DELIVERED)
        # dateparser takes a third of a second to load: at start, not in a member's "yesterday taxi 5$".
        await asyncio.to_thread(load_date_reading)
        await self.delivery.resume()
        self.llm.start()

    async def close(self) -> None:
        """Stop delivering (the outbox keeps the rest), save or release the ledgers, close the database."""
        await self.delivery.stop()
        await self.close_ledgers()
        await self.delivery.finish()
        await self.llm.close()
        await self.rates.close()
        await self.database.close()


def build_capture(
    settings: Settings, clock: Clock | None = None, on_budget_reached: OnBudgetReached | None = None
) -> CaptureParts:
    """The capture flow on the configured store and the bot's SQLite file."""
    timezone = time_zone(settings)
    database = Database(settings.database_path)
    chat_sheets = SqliteChatSheets(database)  # one instance: a /connect is seen by the ledgers at once
    chat_moves = SqliteChatMoves(database)
    raw_ledgers, access, close_ledgers, accounts = build_ledgers(settings, chat_sheets, chat_moves, database)
    served = ServedGroups(
        settings.allowed_chat_ids,
        chat_moves.former_id,
        SqliteGroupAllowances(database),
        settings.admin_user_ids,
    )
    # Every way into a group's rows checks that it is served; every row the bot writes is kept, for /changes.
    ledgers = recorded_ledgers(ServedLedgers(raw_ledgers, served), database)
    policy = CapturePolicy(
        timezone=timezone,
        limits=amount_limits(settings),
        pending_ttl=timedelta(seconds=settings.pending_ttl_seconds),
        saves_per_minute=settings.user_rate_limit_per_minute,
        undo_window=timedelta(seconds=settings.undo_window_seconds),
        confirm_wait_seconds=settings.confirm_wait_seconds,
        max_days_back=settings.max_days_back,
        max_entries=settings.max_entries_per_message,
    )
    clock = clock or SystemClock()
    outbox = SqliteOutbox(database)
    delivery = Delivery(outbox, ledgers, now=clock.now, refusals=outbox)
    llm = build_llm(settings, database, clock, on_budget_reached)
    interpreter = build_interpreter(settings, llm.client, llm.log)
    state = SqliteCaptureState(database)
    categorising = Categorising(
        ledgers,
        SqliteCategoryCorrections(database),
        load_categories_csv(),
        state,
        delivery.settle,
        delivery.waiting_author,
        guesser=llm.categories,
    )
    preferences = SqliteChatPreferences(database)
    group_settings = GroupSettings(preferences, settings.approval_over)
    rates = build_rates(settings, database, clock)

    async def rate_of(day: date) -> Decimal:  # the gate's rate for the other currency: the line's day's
        return (await rates.rates.rate_on(day)).khr_per_usd

    gate = ApprovalGate(group_settings, SqliteApprovals(database), rate_of, clock)
    balances = BalanceService(
        ledgers,
        SqliteMirror(database),
        clock,
        timezone,
        load_template().void_prefix,
        grace_days=settings.period_grace_days,
        rows_read=categorising.learn_from_sheet,
        payment_mode=group_settings.payment_mode,
        members=SqliteMemberDirectory(database),
    )
    languages = ChatLanguages(preferences, Language(settings.default_language))
    labels = CatalogRowLabels(languages)  # the Items of top-ups and movements in the group's words
    capture = CaptureService(
        interpreter, ledgers, delivery, state, clock, policy, balances, categorising, labels, gate
    )
    connect = ConnectSheet(access, chat_sheets, delivery.retry_now, accounts)
    directory = SqliteMemberDirectory(database)  # the members seen post, whom /advance @name can name
    movements = CashMovements(capture, directory, balances)
    quiet_chats = QuietChats(
        settings.confirmation_style == "reaction", preferences.quiet, preferences.set_quiet
    )
    budgets = BudgetWatch(
        ledgers,
        categorising.books,
        SqliteBudgetNotices(database),
        settings.khr_per_usd,
        load_template().void_prefix,
        rates.rates,
    )
    conversation = Conversation(
        capture,
        languages,
        quiet_chats,
        categorising,
        budgets,
        member_seen=directory.seen,
        month_view_offered=bool(settings.webapp_url),
    )
    return CaptureParts(
        capture,
        connect,
        delivery,
        outbox,
        database,
        preferences,
        languages,
        SqliteHandledUpdates(database),
        clock,
        close_ledgers,
        llm,
        UsageReport(llm.log, clock, timezone),
        balances,
        GroupMoves(chat_moves, delivery, chat_sheets),
        categorising,
        ledgers,
        movements,
        group_settings,
        AdvanceReminders(
            balances, group_settings, SqliteAdvanceReminders(database), settings.advance_reminder_days
        ),
        AskLedger(
            balances,
            clock,
            AskPolicy(
                MembersMay(settings.ask_for_members),
                load_template().void_prefix,
                lambda: local_day(clock.now(), timezone),
            ),
            categorising,
            llm.ledger_tools,
            movements,
        ),
        served,
        conversation,
        quiet_chats,
        RecordedOnce(
            capture,
            conversation,
            delivery,
            ledgers,
            SqlitePendingNotices(database),
            languages,
            clock,
            NoticePolicy(timezone, load_template().void_prefix),
        ),
        gate,
        state,
        rates,
    )
