"""The python-telegram-bot Application: built from the settings, with the handlers registered."""

from __future__ import annotations

import asyncio
import logging
import signal
from collections.abc import Awaitable, Callable, Sequence
from zoneinfo import ZoneInfo

from telegram import BotCommand, MessageEntity, Update
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    ChatMemberHandler,
    CommandHandler,
    ContextTypes,
    Defaults,
    MessageHandler,
    TypeHandler,
    filters,
)

from balance_bot.approvals.decisions import Approvals
from balance_bot.balances.balance_command import BalanceCommand
from balance_bot.balances.monthly_rounds import TICK_SECONDS
from balance_bot.balances.service import BalanceService
from balance_bot.capture.conversation import Conversation, QuietChats
from balance_bot.capture.group_messages import GroupMessages
from balance_bot.capture.service import CaptureService
from balance_bot.capture.taps import Taps
from balance_bot.categories.cat_command import CatCommand
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.members import GIVEN_BACK, PaymentMode
from balance_bot.groups.connect import ConnectSheet
from balance_bot.groups.group_moves import GroupMoves
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.membership import GroupMembership
from balance_bot.groups.served_groups import ServedGroups
from balance_bot.groups.usage import UsageReport
from balance_bot.ledger_changes.hand_changes import HandChanges
from balance_bot.members.movements import AdvanceReminders, CashMovements
from balance_bot.members.payments_question import PaymentsQuestion
from balance_bot.payments.qr_top_ups import QrTopUps
from balance_bot.payments.qr_watch import QrWatch
from balance_bot.payments.recorded_once import RecordedOnce
from balance_bot.questions.ask import AskLedger
from balance_bot.rates.rates_of_days import RatesOfTheDay
from balance_bot.receipts.photos import PhotoExpenses
from balance_bot.recurring.commands import RecurringCommands
from balance_bot.recurring.posting import RecurringRounds
from infrastructure.health import beat
from infrastructure.settings import Settings
from infrastructure.sqlite.handled_updates import SqliteHandledUpdates
from infrastructure.telegram import texts
from infrastructure.telegram.aiohttp_request import AiohttpRequest
from infrastructure.telegram.approval_handlers import APPROVAL_REMINDERS, REMINDER_SECONDS, ApprovalHandlers
from infrastructure.telegram.ask_handlers import CANCEL, CONFIRM, AskHandlers
from infrastructure.telegram.balance_handlers import BalanceHandlers
from infrastructure.telegram.button_handlers import ButtonHandlers
from infrastructure.telegram.callback_answers import CALLBACK_ANSWERS, CallbackAnswers
from infrastructure.telegram.category_handlers import CategoryHandlers
from infrastructure.telegram.changes_handlers import ChangesHandlers, DailyChanges
from infrastructure.telegram.confirmations import ConfirmationQueue
from infrastructure.telegram.group_access import GroupAccess
from infrastructure.telegram.group_handlers import GroupHandlers
from infrastructure.telegram.handlers import BotHandlers
from infrastructure.telegram.jobs import MonthlyRounds
from infrastructure.telegram.khqr_handlers import QR_COMMAND, RECEIVED, ROUND_SECONDS, KhqrHandlers
from infrastructure.telegram.member_handlers import PAYMENTS, MemberHandlers
from infrastructure.telegram.notices import BudgetNotices
from infrastructure.telegram.payment_handlers import PaymentHandlers
from infrastructure.telegram.rate_limiter import GroupReplyLimiter
from infrastructure.telegram.receipt_handlers import ReceiptHandlers
from infrastructure.telegram.receipt_handlers import attach as attach_receipts
from infrastructure.telegram.recurring_handlers import RecurringHandlers
from infrastructure.telegram.rendering import (
    APPROVE,
    CATEGORY,
    CATEGORY_MENU,
    CONFIRM_NOTICE,
    NOT_OURS,
    REJECT,
    SWITCH,
    UNDO,
)
from infrastructure.telegram.replies import Replies

log = logging.getLogger(__name__)
MONTHLY_ROUNDS = "monthly_rounds"  # bot_data key, so tests can run a round on their clock
KHQR_ROUNDS = "khqr_rounds"  # bot_data key: the KHQR watch's rounds, likewise
DAILY_CHANGES = "daily_changes"  # bot_data key: the daily look at changes by hand, likewise
RATES = "rates"  # bot_data key: the rate of the day, so tests can read it on their clock
RATE_LOOK_SECONDS = 3600
HTTP_REQUESTS = "http_requests"  # bot_data key: the bot's HTTP clients, closed if it cannot start


async def run_until_stopped(
    application: Application,  # type: ignore[type-arg]
    serve: Callable[[asyncio.Event], Awaitable[None]],
) -> None:
    """Start the application, `serve` until SIGINT or SIGTERM sets the event it is given (or until it
    returns), then stop the application with its shutdown steps, as PTB's run_polling does."""
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signal_number in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signal_number, stop.set)
    await _initialize(application)
    try:
        if application.post_init is not None:
            await application.post_init(application)
        await application.start()
        await serve(stop)
    finally:
        if application.running:
            await application.stop()
            if application.post_stop is not None:
                await application.post_stop(application)
        await application.shutdown()


async def _initialize(application: Application) -> None:  # type: ignore[type-arg]
    """Application.initialize(), but a bot that cannot start (a refused token, no network) closes
    its HTTP clients before the error goes on."""
    try:
        await application.initialize()
    except Exception:
        for request in application.bot_data.get(HTTP_REQUESTS, ()):
            await request.shutdown()
        raise


Hook = Callable[[], Awaitable[None]]


def build_application(
    settings: Settings,
    capture: CaptureService,
    connect: ConnectSheet,
    quiet_chats: QuietChats,
    languages: ChatLanguages,
    handled_updates: SqliteHandledUpdates | None = None,
    startups: Sequence[Hook] = (),
    cleanups: Sequence[Hook] = (),
    usage: UsageReport | None = None,
    budget_notices: BudgetNotices | None = None,
    balances: BalanceService | None = None,
    prove_storage: Callable[[], Awaitable[None]] | None = None,
    membership: GroupMembership | None = None,
    moves: GroupMoves | None = None,
    categorising: Categorising | None = None,
    conversation: Conversation | None = None,
    members: tuple[CashMovements, GroupSettings, AdvanceReminders] | None = None,
    ask: AskLedger | None = None,
    served: ServedGroups | None = None,
    notices: RecordedOnce | None = None,
    khqr: tuple[QrTopUps, QrWatch] | None = None,
    changes: HandChanges | None = None,
    approvals: Approvals | None = None,
    photos: tuple[PhotoExpenses, int] | None = None,  # the receipts, and how many images are read at once
    recurring: tuple[RecurringCommands, RecurringRounds] | None = None,
    rates: RatesOfTheDay | None = None,
) -> Application:  # type: ignore[type-arg]
    """The bot, talking to TELEGRAM_API_URL, within Telegram's rate limits."""
    served = served or ServedGroups(settings.allowed_chat_ids)
    if not settings.telegram_bot_token:
        raise ValueError("TELEGRAM_BOT_TOKEN is required to run the bot")
    handlers: BotHandlers | None = None
    background: list[asyncio.Task[None]] = []

    async def start(application: Application) -> None:  # type: ignore[type-arg]
        me = application.bot.bot
        if not me.can_read_all_group_messages:
            log.warning(texts.PRIVACY_WARNING)
        await _set_commands(application, languages.default)
        if budget_notices is not None:
            budget_notices.attach(application.bot, languages)
        for startup in startups:
            await startup()
        # Owned here rather than by application.create_task, which expects a running application.
        heartbeat = settings.database_path.parent / "heartbeat"
        background.append(asyncio.create_task(beat(heartbeat, prove_storage=prove_storage)))
        if rates is not None:  # read at once at start, without holding the start up
            background.append(asyncio.create_task(_first_read(rates)))
        log.info("balance-bot is running as @%s", me.username)

    async def stop(application: Application) -> None:  # type: ignore[type-arg]
        for task in background:
            task.cancel()
        if handlers is not None:
            await handlers.drain()
        await callbacks.close()
        for cleanup in cleanups:
            await cleanup()

    requests = (AiohttpRequest(), AiohttpRequest(connection_pool_size=1))
    application = (
        Application.builder()
        .token(settings.telegram_bot_token)
        .base_url(f"{settings.telegram_api_url}/bot")
        .base_file_url(f"{settings.telegram_api_url}/file/bot")
        .request(requests[0])
        # getUpdates has a connection of its own, so a long poll never holds up a reply.
        .get_updates_request(requests[1])
        .rate_limiter(GroupReplyLimiter(max_retries=3))
        # Every reply survives its message being deleted meanwhile (no "message to be replied not found").
        .defaults(Defaults(allow_sending_without_reply=True))
        .post_init(start)
        .post_stop(stop)
        .build()
    )

    async def moved(old_chat_id: int, new_chat_id: int) -> None:
        if handlers is not None:
            await handlers.chat_moved(old_chat_id, new_chat_id)

    application.bot_data[HTTP_REQUESTS] = requests
    # Each tap answered in Telegram's time, whatever waits before it in its chat's queue.
    application.bot_data[CALLBACK_ANSWERS] = callbacks = CallbackAnswers(application.bot)
    confirmations = ConfirmationQueue(application.bot, on_moved=moved)
    webapp_short_name = settings.webapp_short_name if settings.webapp_url else None
    conversation = conversation or Conversation(capture, languages, quiet_chats, categorising)
    handlers = BotHandlers(
        capture,
        confirmations,
        languages,
        conversation,
        settings.admin_user_ids,
        membership,
        moves,
        lambda old, new: None,  # the served groups follow a move through the moves kept
        served.serves,
        webapp_short_name=webapp_short_name,
        # A bank's notice is a top-up, never an expense: read before the expenses, which get the rest.
        messages=GroupMessages(conversation, notices, photos and photos[0]) if notices is not None else None,
    )
    setup = GroupHandlers(handlers, quiet_chats, languages, connect, settings.admin_user_ids, usage)
    # Groups the bot does not serve get past the gate (GroupAccess) only to /id, a move, or the bot's removal.
    groups: filters.BaseFilter = filters.ChatType.GROUPS
    GroupAccess(served, languages, membership).attach(application)
    # A receipt photo's caption is read as a message's text is.
    text = (filters.TEXT | filters.CAPTION) & ~filters.COMMAND & ~filters.VIA_BOT
    if handled_updates is not None:
        _handle_each_update_once(application, handled_updates)
    application.add_handler(CommandHandler(["start", "help"], handlers.help))
    application.add_handler(CommandHandler("undo", handlers.undo_command, filters=groups))
    # In any group, allowed or not yet: the operator needs a new group's id to allow it.
    application.add_handler(
        CommandHandler("id", setup.id_command, filters=filters.ChatType.GROUPS | filters.ChatType.PRIVATE)
    )
    application.add_handler(CommandHandler("quiet", setup.quiet_command, filters=groups))
    application.add_handler(CommandHandler("language", setup.language_command, filters=groups))
    if categorising is not None:
        cat = CategoryHandlers(handlers, CatCommand(categorising, balances))
        application.add_handler(CommandHandler("cat", cat.cat_command, filters=groups))
    application.add_handler(CommandHandler("connect", setup.connect_command, filters=groups))
    member_handlers = (
        MemberHandlers(
            handlers,
            members[0],
            members[1],
            settings.khr_per_usd,
            PaymentsQuestion(members[1], balances) if balances is not None else None,
            callbacks,
            rates,
        )
        if members is not None
        else None
    )
    if member_handlers is not None:
        for command, handler in (
            ("advance", member_handlers.advance),
            ("reimburse", member_handlers.reimburse),
            ("received", member_handlers.received),
            ("returned", member_handlers.returned),
            ("mybalance", member_handlers.my_balance),
            ("settings", member_handlers.settings),
        ):
            application.add_handler(CommandHandler(command, handler, filters=groups))
        # "returned 20$": a member's change given back, before the message is read as an expense.
        payments = "|".join(mode.value for mode in PaymentMode)
        application.add_handler(
            CallbackQueryHandler(member_handlers.payments_answered, pattern=rf"^{PAYMENTS}:({payments})$")
        )
        returned = filters.Regex(GIVEN_BACK) & filters.TEXT & ~filters.COMMAND & filters.UpdateType.MESSAGE
        application.add_handler(MessageHandler(returned & groups, member_handlers.returned))
    if ask is not None:
        asking = AskHandlers(
            handlers, ask, capture, settings.khr_per_usd, ZoneInfo(settings.timezone), callbacks, rates
        )
        for command, handler in (
            ("ask", asking.ask_command),
            ("recent", asking.recent),
            ("mine", asking.mine),
            ("export", asking.export),
        ):
            application.add_handler(CommandHandler(command, handler, filters=groups))
        application.add_handler(CallbackQueryHandler(asking.confirmed, pattern=rf"^({CONFIRM}|{CANCEL}):"))
        # A question that mentions the bot; a mention of anyone else is an ordinary message.
        mention = filters.Entity(MessageEntity.MENTION) & filters.TEXT & ~filters.COMMAND
        application.add_handler(
            MessageHandler(mention & groups & filters.UpdateType.MESSAGE, asking.mentioned)
        )
    if balances is not None:
        balance_command = BalanceCommand(
            balances,
            members[0] if members is not None else None,
            PaymentsQuestion(members[1], balances) if members is not None else None,
            categorising,
            month_view_offered=webapp_short_name is not None,
        )
        balance = BalanceHandlers(
            handlers, balance_command, settings.khr_per_usd, webapp_short_name, rates
        ).balance
        application.add_handler(CommandHandler("balance", balance, filters=groups))
        round_seconds = settings.reconcile_minutes * 60
        rounds = MonthlyRounds(
            balances,
            settings.khr_per_usd,
            languages,
            membership,
            round_seconds=round_seconds,
            on_moved=moved,
            reminders=members[2] if members is not None else None,
            rates=rates,
        )
        application.bot_data[MONTHLY_ROUNDS] = rounds
        if application.job_queue is not None:
            interval = min(TICK_SECONDS, round_seconds)  # each tick takes its share of the groups
            application.job_queue.run_repeating(
                rounds.tick, interval=interval, first=10, name="monthly rounds"
            )
    if changes is not None:
        _add_changes(application, ChangesHandlers(handlers, changes), DailyChanges(changes, languages))
    if rates is not None:
        _read_rates(application, rates)
    if khqr is not None:
        operators = settings.admin_user_ids
        _add_khqr(application, KhqrHandlers(handlers, *khqr, operators, languages.default, callbacks))
    if recurring is not None:
        RecurringHandlers(handlers, *recurring, confirmations, webapp_short_name).attach(application)
    application.add_handler(CommandHandler("topup", handlers.topup_command, filters=groups))
    # In a private chat too, for the operator's ADMIN_USER_IDS.
    application.add_handler(
        CommandHandler("usage", setup.usage_command, filters=groups | filters.ChatType.PRIVATE)
    )
    if photos is not None:
        attach_receipts(application, ReceiptHandlers(handlers, photos[0], callbacks, photos[1]), groups)
    deciding = ApprovalHandlers(handlers, approvals, callbacks) if approvals is not None else None
    for kind, read in (
        (
            filters.UpdateType.MESSAGE,
            deciding.reading_reasons(handlers.group_text) if deciding else handlers.group_text,
        ),
        (filters.UpdateType.EDITED_MESSAGE, handlers.group_edit),
    ):
        application.add_handler(MessageHandler(groups & text & kind, read))
    if notices is not None:
        tapping = PaymentHandlers(handlers, notices, callbacks)
        for action, tapped in ((CONFIRM_NOTICE, tapping.confirm_tapped), (NOT_OURS, tapping.not_ours_tapped)):
            application.add_handler(CallbackQueryHandler(tapped, pattern=rf"^{action}:[0-9]{{1,10}}$"))
    application.add_handler(MessageHandler(filters.StatusUpdate.MIGRATE, handlers.migrated))
    application.add_handler(
        ChatMemberHandler(
            handlers.membership_changed,
            ChatMemberHandler.MY_CHAT_MEMBER,
        )
    )
    # Button data as the bot writes it: a message id (ASCII digits a message id can have) and a choice.
    # Anything else (a forged '99999999999999999999999999999', '²') matches no handler.
    message_id = "[0-9]{1,10}"
    taps = Taps(capture, handlers.conversation, languages, categorising)
    buttons = ButtonHandlers(taps, handlers.user_is_admin, callbacks, handlers.month_link_for)
    application.add_handler(CallbackQueryHandler(buttons.undo_button, pattern=rf"^{UNDO}:{message_id}$"))
    application.add_handler(CallbackQueryHandler(buttons.switch_button, pattern=rf"^{SWITCH}:{message_id}$"))
    application.add_handler(
        CallbackQueryHandler(buttons.category_menu, pattern=rf"^{CATEGORY_MENU}:{message_id}$")
    )
    application.add_handler(
        CallbackQueryHandler(buttons.category_chosen, pattern=rf"^{CATEGORY}:{message_id}:[0-9]{{1,3}}$")
    )
    if deciding is not None:
        _add_approvals(application, deciding, message_id)
    return application


def _add_changes(application: Application, command: ChangesHandlers, daily: DailyChanges) -> None:  # type: ignore[type-arg]
    """/changes in a group, and the daily look's ticks."""
    application.add_handler(CommandHandler("changes", command.changes, filters=filters.ChatType.GROUPS))
    application.bot_data[DAILY_CHANGES] = daily
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            daily.tick, interval=TICK_SECONDS, first=30, name="changes by hand"
        )


def _add_approvals(application: Application, deciding: ApprovalHandlers, message_id: str) -> None:  # type: ignore[type-arg]
    """Approve and Reject under a confirmation, and the admins' daily reminder."""
    application.add_handler(CallbackQueryHandler(deciding.approve, pattern=rf"^{APPROVE}:{message_id}$"))
    application.add_handler(CallbackQueryHandler(deciding.reject, pattern=rf"^{REJECT}:{message_id}$"))
    application.bot_data[APPROVAL_REMINDERS] = deciding
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            deciding.remind, interval=REMINDER_SECONDS, first=30, name="approval reminders"
        )


async def _first_read(rates: RatesOfTheDay) -> None:
    await rates.refresh_if_due()


def _read_rates(application: Application, rates: RatesOfTheDay) -> None:  # type: ignore[type-arg]
    """The rate of the day, read at start (`start`), looked at hourly: read once a day, and again each
    hour while its source cannot be read (never on a message)."""

    async def tick(context: ContextTypes.DEFAULT_TYPE) -> None:
        await rates.refresh_if_due()

    application.bot_data[RATES] = rates
    if application.job_queue is not None:
        application.job_queue.run_repeating(
            tick, interval=RATE_LOOK_SECONDS, first=RATE_LOOK_SECONDS, name="rate of the day"
        )


def _add_khqr(application: Application, khqr: KhqrHandlers) -> None:  # type: ignore[type-arg]
    """/topup qr (ahead of /topup, which it would otherwise read as a top-up noted "qr"), the Received
    button, and the watch's rounds."""
    qr_command = filters.ChatType.GROUPS & filters.Regex(QR_COMMAND)
    application.add_handler(CommandHandler("topup", khqr.topup_qr, filters=qr_command))
    application.add_handler(CallbackQueryHandler(khqr.received, pattern=rf"^{RECEIVED}$"))
    application.bot_data[KHQR_ROUNDS] = khqr
    if application.job_queue is not None:
        application.job_queue.run_repeating(khqr.round, interval=ROUND_SECONDS, first=1, name="KHQR payments")


async def _set_commands(application: Application, default: Speech) -> None:  # type: ignore[type-arg]
    """The command menu in each language, by Telegram's language_code; the default for the rest."""
    for language_code, speech in [
        ("", default),
        *((language.value, Speech(language)) for language in Language),
    ]:
        commands = [BotCommand(name, about) for name, about in Replies.of(speech).commands()]
        await application.bot.set_my_commands(commands, language_code=language_code or None)


def _handle_each_update_once(application: Application, handled: SqliteHandledUpdates) -> None:  # type: ignore[type-arg]
    """Skip updates handled before a restart; remember each one once its handlers have run."""

    async def skip_if_handled(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        if await handled.seen(update.update_id):
            log.info("update %s was handled before the restart; skipped", update.update_id)
            raise ApplicationHandlerStop

    async def remember(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
        await handled.handled(update.update_id)

    application.add_handler(TypeHandler(Update, skip_if_handled), group=-1)
    application.add_handler(TypeHandler(Update, remember), group=1)
