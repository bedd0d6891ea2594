"""The composition root: reads the settings, wires the core to its adapters; nothing else does.

Adapters are imported by the command that needs them: `parse` starts without loading
python-telegram-bot, openpyxl or aiohttp, since other tools call it.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import os
import secrets
import sys
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlparse
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from balance_bot.balances.month_view import MonthView
from balance_bot.balances.service import BalanceService
from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.delivery import Delivery
from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.service import CapturePolicy, CaptureService
from balance_bot.categories.budget_watch import BudgetWatch
from balance_bot.categories.categorising import Categorising
from balance_bot.cli import parse_command_line, parse_stream
from balance_bot.domain.categories import default_category_book
from balance_bot.domain.dates import load_date_reading
from balance_bot.domain.language import Language
from balance_bot.domain.ledger import local_day
from balance_bot.domain.money import AmountLimits
from balance_bot.domain.parser import HeuristicParser
from balance_bot.groups.connect import ConnectSheet
from balance_bot.groups.group_moves import GroupMoves
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.groups.served_groups import ServedGroups, ServedLedgers
from balance_bot.groups.usage import UsageReport
from balance_bot.members.movements import AdvanceReminders, CashMovements
from balance_bot.ports import (
    Clock,
    ExpenseParser,
    LedgerDirectory,
    LedgerToolCaller,
    MessageTally,
    SheetAccess,
    StorageUnavailable,
)
from balance_bot.questions.ask import AskLedger, AskPolicy, MembersMay
from infrastructure.categories.tab import load_categories_csv
from infrastructure.clock import SystemClock
from infrastructure.console.try_chat import run_try_chat
from infrastructure.console.try_services import TryServices
from infrastructure.console.try_settings import local_model_answers, models_line, try_settings
from infrastructure.health import why_unhealthy
from infrastructure.listening import CannotListen
from infrastructure.logging_setup import configure_logging
from infrastructure.project_files import FilesUnusable, check_writable, project_folder, read_dotenv
from infrastructure.settings import Settings, SettingsError
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.budget_notices import SqliteBudgetNotices
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.category_corrections import SqliteCategoryCorrections
from infrastructure.sqlite.chat_moves import SqliteChatMoves
from infrastructure.sqlite.chat_preferences import SqliteChatPreferences
from infrastructure.sqlite.chat_sheets import SqliteChatSheets
from infrastructure.sqlite.database import (
    Database,
    DatabaseDamaged,
    DatabaseInUse,
    FolderUnusable,
    hold_database,
    hold_file,
)
from infrastructure.sqlite.group_allowances import SqliteGroupAllowances
from infrastructure.sqlite.handled_updates import SqliteHandledUpdates
from infrastructure.sqlite.llm_log import FLUSH_SECONDS, SqliteLlmLog
from infrastructure.sqlite.members import SqliteAdvanceReminders, SqliteMemberDirectory
from infrastructure.sqlite.memberships import SqliteMemberships
from infrastructure.sqlite.mirror import SqliteMirror
from infrastructure.sqlite.outbox import KEEP_DELIVERED, SqliteOutbox
from infrastructure.sqlite.update_inbox import SqliteUpdateInbox
from infrastructure.telegram.sheet_words import CatalogRowLabels

if TYPE_CHECKING:
    from telegram.ext import Application

    from infrastructure.llm.cascade import ModelCascade, OnBudgetReached
    from infrastructure.llm.category_guesser import ModelCategoryGuesser
    from infrastructure.llm.expense_parser_client import ExpenseParserClient
    from infrastructure.webapp.runner import MiniAppServer

Close = Callable[[], Awaitable[None]]
# The exit status when running would harm the ledger (another bot on the token or the database,
# a damaged database): the systemd unit does not restart on it (RestartPreventExitStatus).
CANNOT_RUN_STATUS = 3


class CannotRun(Exception):
    """The bot must not start or go on: the message says why and what the operator can do."""


class CannotStartYet(Exception):
    """The bot could not start now (no network): starting again later may work."""


# Where `try` keeps its workbook and database, in the project folder.


def load_settings(
    environ: Mapping[str, str] | None = None, dotenv_path: Path | None = None, folder: Path | None = None
) -> Settings:
    """Settings from .env, overridden by the process environment, as operators expect.

    Relative paths in them are read from the project folder (the .env's), not the current one.
    """
    folder = folder or (dotenv_path.resolve().parent if dotenv_path is not None else project_folder())
    dotenv_path = dotenv_path or folder / ".env"
    environ = os.environ if environ is None else environ
    return Settings.from_environment({**read_dotenv(dotenv_path), **environ}, folder)


def amount_limits(settings: Settings) -> AmountLimits:
    """The per-currency ceilings of a single expense."""
    return AmountLimits(max_usd=settings.max_amount_usd, max_khr=settings.max_amount_khr)


def build_interpreter(
    settings: Settings, second_opinion: ExpenseParser | None = None, tally: MessageTally | None = None
) -> MessageInterpreter:
    """The message interpreter: the heuristic parser with the configured amount ceilings."""
    parser = HeuristicParser(amount_limits(settings), settings.max_entries_per_message)
    return MessageInterpreter(parser, second_opinion, tally)


@dataclass
class LlmParts:
    """The models (None without a usable PARSER_LLM): the second opinion on expenses, the category
    of purposes no word decides; their call log, and how to close them."""

    cascade: ModelCascade | None
    log: SqliteLlmLog
    client: ExpenseParserClient | None = None
    categories: ModelCategoryGuesser | None = None
    ledger_tools: LedgerToolCaller | None = None
    flushing: asyncio.Task[None] | None = None

    def start(self) -> None:
        """Write the message counts every few minutes while the bot runs; load the local model."""
        self.flushing = asyncio.get_running_loop().create_task(self.log.flush_every(FLUSH_SECONDS))
        if self.cascade is not None:
            self.cascade.warm()

    async def close(self) -> None:
        """Write the last message counts and close the models' connections."""
        if self.flushing is not None:
            self.flushing.cancel()
        await self.log.flush()
        if self.cascade is not None:
            await self.cascade.aclose()


def build_llm(
    settings: Settings,
    database: Database,
    clock: Clock,
    on_budget_reached: OnBudgetReached | None = None,
    *,
    lazy: bool = False,
) -> LlmParts:
    """The models PARSER_LLM names, in its order; Anthropic only with a key, so never paid by mistake.

    `lazy` builds each model's client on its first call: `parse` on chatter then never imports
    them (ollama and anthropic take 0.3 and 0.7 s to import). The bot imports them at start,
    not on the event loop in the middle of a message.
    """
    from infrastructure.llm.answer import expense_question
    from infrastructure.llm.cascade import LlmPolicy, ModelCascade, ModelReader
    from infrastructure.llm.category_guesser import ModelCategoryGuesser
    from infrastructure.llm.category_question import load_category_prompts
    from infrastructure.llm.expense_parser_client import ExpenseParserClient
    from infrastructure.llm.lazy_reader import LazyReader
    from infrastructure.llm.ledger_tools import ModelLedgerTools, load_ledger_prompts
    from infrastructure.llm.prompts import load_prompts

    timezone = _timezone(settings)
    log = SqliteLlmLog(database, clock, timezone, settings.llm_monthly_budget_usd)

    def ollama() -> ModelReader:
        from infrastructure.llm.ollama_reader import OllamaReader

        return OllamaReader(
            settings.ollama_host,
            settings.ollama_model,
            float(settings.ollama_timeout_seconds),
            settings.ollama_keep_alive,
        )

    def anthropic() -> ModelReader:
        from infrastructure.llm.anthropic_reader import AnthropicReader

        assert settings.anthropic_api_key is not None
        return AnthropicReader(
            settings.anthropic_api_key,
            settings.anthropic_model,
            settings.anthropic_base_url,
            float(settings.anthropic_timeout_seconds),
        )

    chosen = [
        ("ollama", settings.ollama_model, False, ollama)
        if provider == "ollama"
        else ("anthropic", settings.anthropic_model, True, anthropic)
        for provider in settings.parser_llm
        if provider == "ollama" or settings.anthropic_api_key
    ]
    readers: list[ModelReader] = [
        LazyReader(provider, model, paid, build) if lazy else build()
        for provider, model, paid, build in chosen
    ]
    if not readers:
        return LlmParts(None, log)
    policy = LlmPolicy(
        timezone=timezone,
        confidence_threshold=float(settings.llm_confidence_threshold),
        deadline_seconds=float(settings.llm_deadline_seconds),
        monthly_budget_usd=settings.llm_monthly_budget_usd,
        prices=settings.llm_prices,
    )
    cascade = ModelCascade(readers, policy, log, clock, on_budget_reached=on_budget_reached)
    return LlmParts(
        cascade,
        log,
        ExpenseParserClient(cascade, expense_question(load_prompts()), amount_limits(settings)),
        ModelCategoryGuesser(cascade, load_category_prompts()),
        ModelLedgerTools(cascade, load_ledger_prompts()),
    )


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
        await self.database.close()


def build_ledgers(
    settings: Settings, chat_sheets: SqliteChatSheets, moves: SqliteChatMoves | None = None
) -> tuple[LedgerDirectory, SheetAccess | None, Close]:
    """The configured store: Google Sheets with a service account, or the local workbook."""
    template = load_template()
    if settings.sheet_backend == "google":
        # Imported only when configured: gspread, google-auth and requests add about 18 MB to a
        # bot that keeps its ledger in the local workbook on a small home server.
        from infrastructure.sheets.google_api import RequestQuota, SheetsHTTPClient, load_credentials
        from infrastructure.sheets.google_directory import GoogleSheets

        key_file = settings.google_service_account_file
        if key_file is None:
            raise SettingsError(
                "SHEET_BACKEND=google needs GOOGLE_SERVICE_ACCOUNT_FILE, a service-account key"
            )
        try:
            credentials = load_credentials(json.loads(key_file.read_text(encoding="utf-8")))
        except (OSError, ValueError, KeyError) as exc:
            raise SettingsError(
                f"GOOGLE_SERVICE_ACCOUNT_FILE {key_file} is not a readable key: {exc}"
            ) from exc
        sheets = GoogleSheets(
            SheetsHTTPClient(
                credentials,
                settings.sheets_api_url,
                writes=RequestQuota(settings.sheets_writes_per_minute),
                reads=RequestQuota(settings.sheets_reads_per_minute),
            ),
            template,
            settings.worksheet_title_format,
            credentials.service_account_email,
            settings.balance_sheet_by_chat,
            settings.balance_sheet_id,
            chat_sheets,
            moves.former_id if moves is not None else None,
        )
        return sheets, sheets, sheets.close
    from infrastructure.sheets.workbook import WorkbookLedger

    workbook = WorkbookLedger(
        settings.workbook_path,
        template,
        settings.worksheet_title_format,
        save_delay_seconds=settings.workbook_save_delay_seconds,
    )
    return workbook, None, workbook.close


def build_capture(
    settings: Settings, clock: Clock | None = None, on_budget_reached: OnBudgetReached | None = None
) -> CaptureParts:
    """The capture flow on the configured store and the bot's SQLite file."""
    timezone = _timezone(settings)
    database = Database(settings.database_path)
    chat_sheets = SqliteChatSheets(database)  # one instance: a /connect is seen by the ledgers at once
    chat_moves = SqliteChatMoves(database)
    raw_ledgers, access, close_ledgers = build_ledgers(settings, chat_sheets, chat_moves)
    served = ServedGroups(
        settings.allowed_chat_ids,
        chat_moves.former_id,
        SqliteGroupAllowances(database),
        settings.admin_user_ids,
    )
    ledgers = ServedLedgers(raw_ledgers, served)  # every way into a group's rows goes through it
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
    group_settings = GroupSettings(preferences)
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
        interpreter, ledgers, delivery, state, clock, policy, balances, categorising, labels
    )
    connect = ConnectSheet(access, chat_sheets, delivery.retry_now)
    movements = CashMovements(capture, SqliteMemberDirectory(database), balances)
    quiet_chats = QuietChats(
        settings.confirmation_style == "reaction", preferences.quiet, preferences.set_quiet
    )
    budgets = BudgetWatch(
        ledgers,
        categorising,
        SqliteBudgetNotices(database),
        settings.khr_per_usd,
        load_template().void_prefix,
    )
    conversation = Conversation(
        capture,
        languages,
        quiet_chats,
        categorising,
        budgets,
        member_seen=movements.seen,
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
    )


def _timezone(settings: Settings) -> ZoneInfo:
    try:
        return ZoneInfo(settings.timezone)
    except ZoneInfoNotFoundError as exc:
        raise SettingsError(f"TIMEZONE {settings.timezone!r} is not a known time zone") from exc


def build_bot(settings: Settings, clock: Clock | None = None) -> Application:  # type: ignore[type-arg]
    """The Telegram bot wired to the capture flow; resources close when the bot stops."""
    from infrastructure.telegram.app import build_application
    from infrastructure.telegram.notices import BudgetNotices
    from infrastructure.telegram.polling import UPDATE_INBOX

    budget_notices = BudgetNotices(settings.admin_user_ids)
    parts = build_capture(settings, clock, budget_notices.budget_reached)
    parts.delivery.on_refused(budget_notices.sheet_refused)  # told once, by the bot, once it runs
    mini_app = build_mini_app(settings, parts)
    built: list[Application] = []  # type: ignore[type-arg]

    async def start_mini_app() -> None:
        if mini_app is not None:
            await mini_app.start(built[0].bot)

    application = build_application(
        settings,
        parts.capture,
        parts.connect,
        parts.quiet_chats,
        parts.languages,
        parts.handled_updates,
        # The Mini App asks Telegram through the bot, which exists once the application is built.
        startups=[parts.start, start_mini_app],
        cleanups=[*([mini_app.stop] if mini_app else []), parts.close],
        usage=parts.usage,
        budget_notices=budget_notices,
        balances=parts.balances,
        prove_storage=parts.database.prove_writable,
        membership=GroupMembership(SqliteMemberships(parts.database)),
        moves=parts.moves,
        categorising=parts.categorising,
        conversation=parts.conversation,
        members=(parts.movements, parts.group_settings, parts.reminders),
        ask=parts.ask,
        served=parts.served,
    )
    application.bot_data[UPDATE_INBOX] = SqliteUpdateInbox(parts.database)
    built.append(application)
    return application


def build_mini_app(settings: Settings, parts: CaptureParts) -> MiniAppServer | None:
    """The Mini App's server when WEBAPP_URL is set; None otherwise."""
    if not settings.webapp_url:
        return None
    from infrastructure.webapp.runner import MiniAppServer

    policy_undo = timedelta(seconds=settings.undo_window_seconds)
    view = MonthView(
        parts.balances,
        SqliteCaptureState(parts.database),
        parts.clock,
        policy_undo,
        load_template().void_prefix,
        parts.usage,
        MembersMay(settings.ask_for_members),
    )
    return MiniAppServer(
        view,
        parts.capture,
        parts.languages,
        parts.clock,
        settings.webapp_listen,
        settings.webapp_port,
        timedelta(seconds=settings.webapp_auth_max_age_seconds),
        _timezone(settings),
        settings.khr_per_usd,
        settings.admin_user_ids,
        settings.webapp_url,
        parts.served.serves,
        SqliteMemberDirectory(parts.database).groups_of,
    )


@dataclass(frozen=True)
class WebhookOptions:
    """Where the webhook server listens and what Telegram is told; the secret is checked on every update."""

    listen: str
    port: int
    url_path: str
    webhook_url: str
    secret_token: str


def webhook_options(settings: Settings) -> WebhookOptions:
    """The webhook set-up from the settings; without WEBHOOK_SECRET a random one is made per start."""
    if not settings.webhook_url:
        raise SettingsError("--webhook needs WEBHOOK_URL, the https address Telegram should post updates to")
    return WebhookOptions(
        listen=settings.webhook_listen,
        port=settings.webhook_port,
        url_path=urlparse(settings.webhook_url).path.lstrip("/"),
        webhook_url=settings.webhook_url,
        secret_token=settings.webhook_secret or secrets.token_urlsafe(32),
    )


def main(argv: Sequence[str] | None = None) -> int:
    """Run one `balance-bot` command; the exit status says whether it worked."""
    arguments = parse_command_line(argv, installed_version)
    try:
        folder = project_folder()
        settings = load_settings(folder=folder)
        if arguments.command in (
            "run",
            "status",
            "check",
        ):  # as root they would make files the bot cannot open
            check_writable([settings.database_path, *_workbook(settings)])
        if arguments.command == "parse":
            # Undecodable bytes become lone surrogates, so that line gets an error and the next an answer.
            sys.stdin.reconfigure(encoding="utf-8", errors="surrogateescape")  # type: ignore[union-attr]
            sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[union-attr]
            configure_logging([settings.anthropic_api_key], level=logging.ERROR)
            categories = Path(arguments.categories) if arguments.categories else None
            asyncio.run(parse_messages(settings, categories))
            return 0
        if arguments.command == "run":
            if not settings.telegram_bot_token:
                raise SettingsError("TELEGRAM_BOT_TOKEN is required for `run` (get one from @BotFather)")
            # Held until the bot stops: a second bot on this database (or workbook) would write every
            # row twice.
            with contextlib.ExitStack() as held:
                held.enter_context(hold_database(settings.database_path))  # checked as it is opened
                if settings.sheet_backend == "workbook":
                    held.enter_context(hold_file(settings.workbook_path, "WORKBOOK_PATH"))
                run_bot(settings, webhook=arguments.webhook)
            return 0
        if arguments.command == "status":
            return asyncio.run(print_status(settings, clock=SystemClock()))
        if arguments.command == "health":
            return print_health(settings)
        if arguments.command == "check":
            from infrastructure.check import report, run_checks

            configure_logging(
                [settings.telegram_bot_token, settings.anthropic_api_key], level=logging.WARNING
            )
            return report(asyncio.run(run_checks(settings, folder / ".env")))
        if arguments.command == "try":
            return try_chat(settings, folder, paid=arguments.paid)
    except (SettingsError, FilesUnusable) as exc:
        if arguments.command == "check":
            print(f"FAIL  {'Settings' if isinstance(exc, SettingsError) else 'Files'}: {exc}")
            return 1
        print(f"balance-bot: {exc}", file=sys.stderr)
        return 2 if isinstance(exc, SettingsError) else CANNOT_RUN_STATUS
    except (CannotRun, DatabaseDamaged, DatabaseInUse, FolderUnusable) as exc:
        print(f"balance-bot: {exc}", file=sys.stderr)
        return CANNOT_RUN_STATUS
    except (StorageUnavailable, CannotStartYet) as exc:
        print(f"balance-bot: {exc}", file=sys.stderr)
        return 1
    return 2


def _workbook(settings: Settings) -> list[Path]:
    return [settings.workbook_path] if settings.sheet_backend == "workbook" else []


def installed_version() -> str:
    """The installed package's version, for `--version`."""
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("balance-bot")
    except PackageNotFoundError:
        return "unknown"


def try_chat(settings: Settings, folder: Path, *, paid: bool = False) -> int:
    """`balance-bot try`: the bot in the terminal, on its own workbook and database; a paid model only
    with `--paid`."""
    local_answers = "ollama" in settings.parser_llm and asyncio.run(local_model_answers(settings))
    tried = try_settings(settings, folder, paid=paid, local_answers=local_answers)
    check_writable([tried.database_path, tried.workbook_path])
    log_file = tried.database_path.parent / "try.log"
    # Its log goes to a file: lines on the terminal would cut through the chat.
    configure_logging([settings.anthropic_api_key], to_file=log_file)
    with hold_database(tried.database_path):
        services = try_services(tried)
        where = f"{tried.workbook_path}; the bot's memory and its log (try.log) are beside it"
        models = models_line(settings, tried, paid=paid, local_answers=local_answers)
        return asyncio.run(run_try_chat(services, sys.stdin, sys.stdout, where, models))


def try_services(tried: Settings, clock: Clock | None = None) -> TryServices:
    """The use cases `try` talks to, wired as the bot's are."""
    parts = build_capture(tried, clock)
    return TryServices(
        parts.capture,
        parts.balances,
        parts.usage,
        parts.quiet_chats.set_quiet,
        parts.languages,
        parts.categorising,
        parts.clock,
        tried.khr_per_usd,
        parts.start,
        parts.close,
        parts.movements,
        parts.group_settings,
        parts.ask,
        _timezone(tried),
        tried.workbook_path.parent,
        parts.conversation,
    )


def print_health(settings: Settings) -> int:
    """`balance-bot health`: 0 when the running bot touched its heartbeat lately, else why not."""
    problem = why_unhealthy(settings.database_path.parent / "heartbeat")
    if problem is not None:
        print(f"balance-bot: unhealthy: {problem}", file=sys.stderr)
        return 1
    print("healthy: the bot touched its heartbeat lately")
    return 0


def run_bot(settings: Settings, *, webhook: bool) -> None:
    """`balance-bot run`: the bot on long polling, or on a webhook, until it is stopped.

    A refused token or no network at start is one line for the operator, never a traceback,
    and never the token (PTB's own message for a refused token contains it).
    """
    from telegram.error import InvalidToken, NetworkError

    try:
        _run_bot(settings, webhook=webhook)
    except CannotListen as exc:
        raise CannotRun(str(exc)) from exc
    except InvalidToken as exc:
        raise CannotRun("Telegram refused TELEGRAM_BOT_TOKEN: copy it again from @BotFather") from exc
    except NetworkError as exc:
        raise CannotStartYet(
            f"Telegram at {settings.telegram_api_url} did not answer at start ({type(exc).__name__}); "
            "check the network, the bot tries again when it is started again"
        ) from exc


def _run_bot(settings: Settings, *, webhook: bool) -> None:
    assert settings.telegram_bot_token is not None
    secrets_to_hide = [settings.telegram_bot_token, settings.anthropic_api_key, settings.webhook_secret]
    if webhook:
        from infrastructure.telegram.polling import UPDATE_INBOX
        from infrastructure.telegram.webhook import run_webhook

        options = webhook_options(settings)
        configure_logging([*secrets_to_hide, options.secret_token])
        application = build_bot(settings)
        run_webhook(
            application,
            application.bot_data[UPDATE_INBOX],
            listen=options.listen,
            port=options.port,
            url_path=options.url_path,
            webhook_url=options.webhook_url,
            secret_token=options.secret_token,
        )
        return
    from infrastructure.telegram.polling import PollingConflict, run_polling

    configure_logging(secrets_to_hide)
    try:
        run_polling(build_bot(settings))
    except PollingConflict as exc:
        raise CannotRun(str(exc)) from exc


async def parse_messages(settings: Settings, categories_file: Path | None = None) -> None:
    """`balance-bot parse`: the bot's own interpreter, LLMs included, over stdin.

    Messages are not counted for /usage (they are not the group's), but LLM calls are logged
    and paid ones count against the budget, as in the bot.
    """
    database = Database(settings.database_path)
    clock, timezone = SystemClock(), _timezone(settings)
    llm = build_llm(settings, database, clock, lazy=True)

    def today() -> date:
        return local_day(clock.now(), timezone)

    categories = default_category_book(
        load_categories_csv(categories_file) if categories_file is not None else load_categories_csv()
    )
    try:
        interpreter = build_interpreter(settings, llm.client)
        await parse_stream(interpreter, sys.stdin, _write_and_flush, today, categories, llm.categories)
    finally:
        if llm.cascade is not None:
            await llm.cascade.aclose()
        await database.close()


async def print_status(settings: Settings, clock: Clock) -> int:
    """Print what waits in the outbox; 1 when anything does, so a monitor can alert on it."""
    from infrastructure.status import print_outbox

    return await print_outbox(settings.database_path, clock.now(), _timezone(settings))


def _write_and_flush(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()
