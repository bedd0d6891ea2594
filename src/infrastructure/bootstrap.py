"""The composition root: reads the settings, composes the capabilities' wirings (infrastructure.wiring);
nothing else wires the core to its adapters.

Adapters are imported by the command that needs them: `parse` starts without loading
python-telegram-bot or openpyxl, since other tools call it (tests/integration/test_bootstrap.py).
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from balance_bot.cli import parse_command_line
from balance_bot.groups.membership import GroupMembership
from balance_bot.ports import Clock, ImageTextReader, StorageUnavailable
from infrastructure.clock import SystemClock
from infrastructure.listening import CannotListen
from infrastructure.logging_setup import configure_logging
from infrastructure.project_files import FilesUnusable, check_writable, project_folder, read_dotenv
from infrastructure.settings import Settings, SettingsError
from infrastructure.sqlite.database import (
    DatabaseDamaged,
    DatabaseInUse,
    FolderUnusable,
    hold_database,
    hold_file,
)
from infrastructure.sqlite.memberships import SqliteMemberships
from infrastructure.sqlite.update_inbox import SqliteUpdateInbox
from infrastructure.wiring.approvals import build_approvals
from infrastructure.wiring.capture import build_capture
from infrastructure.wiring.changes import build_changes
from infrastructure.wiring.console import parse_messages, print_health, print_status, try_chat, try_services
from infrastructure.wiring.interpreter import build_interpreter
from infrastructure.wiring.khqr import build_khqr
from infrastructure.wiring.mini_app import build_mini_app
from infrastructure.wiring.receipts import build_receipts, local_text_reader
from infrastructure.wiring.recurring import build_recurring
from infrastructure.wiring.webhook import serve_webhook, webhook_options

if TYPE_CHECKING:
    from telegram.ext import Application

# What other modules, the tests and the `balance-bot` entry point import from here, wherever it is made.
__all__ = [
    "build_bot",
    "build_capture",
    "build_interpreter",
    "load_settings",
    "main",
    "print_status",
    "try_services",
    "webhook_options",
]

# The exit status when running would harm the ledger (another bot on the token or the database,
# a damaged database): the systemd unit does not restart on it (RestartPreventExitStatus).
CANNOT_RUN_STATUS = 3


class CannotRun(Exception):
    """The bot must not start or go on: the message says why and what the operator can do."""


class CannotStartYet(Exception):
    """The bot could not start now (no network): starting again later may work."""


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


def build_bot(
    settings: Settings, clock: Clock | None = None, text_reader: ImageTextReader | None = None
) -> Application:  # type: ignore[type-arg]
    """The Telegram bot wired to the capture flow; resources close when the bot stops. `text_reader` reads
    photos' words (default: the OCR on this machine, if installed)."""
    from infrastructure.telegram.app import build_application
    from infrastructure.telegram.notices import BudgetNotices
    from infrastructure.telegram.polling import UPDATE_INBOX

    budget_notices = BudgetNotices(settings.admin_user_ids)
    parts = build_capture(settings, clock, budget_notices.budget_reached)
    parts.delivery.on_refused(budget_notices.sheet_refused)  # told once, by the bot, once it runs
    mini_app = build_mini_app(settings, parts)
    khqr = build_khqr(settings, parts)
    membership = GroupMembership(SqliteMemberships(parts.database))
    receipts = build_receipts(settings, parts, text_reader or local_text_reader(settings))
    recurring = build_recurring(settings, parts)
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
        cleanups=[
            *([mini_app.stop] if mini_app else []),
            khqr.close,
            *([receipts.close] if receipts else []),
            parts.close,
        ],
        usage=parts.usage,
        budget_notices=budget_notices,
        balances=parts.balances,
        prove_storage=parts.database.prove_writable,
        membership=membership,
        moves=parts.moves,
        categorising=parts.categorising,
        conversation=parts.conversation,
        members=(parts.movements, parts.group_settings, parts.reminders),
        ask=parts.ask,
        served=parts.served,
        notices=parts.notices,
        khqr=(khqr.top_ups, khqr.watch),
        changes=build_changes(
            settings, parts.balances, parts.ledgers, parts.database, parts.clock, membership
        ),
        approvals=build_approvals(settings, parts),
        photos=(receipts.photos, receipts.at_once) if receipts else None,
        recurring=(recurring.commands, recurring.rounds),
        rates=parts.rates.rates,
    )
    application.bot_data[UPDATE_INBOX] = SqliteUpdateInbox(parts.database)
    built.append(application)
    return application


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
    secrets_to_hide = [
        settings.telegram_bot_token,
        settings.anthropic_api_key,
        settings.webhook_secret,
        settings.bakong_token,
    ]
    if webhook:
        options = webhook_options(settings)
        configure_logging([*secrets_to_hide, options.secret_token])
        serve_webhook(build_bot(settings), options)
        return
    from infrastructure.telegram.polling import PollingConflict, run_polling

    configure_logging(secrets_to_hide)
    try:
        run_polling(build_bot(settings))
    except PollingConflict as exc:
        raise CannotRun(str(exc)) from exc
