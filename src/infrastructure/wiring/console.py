"""The terminal commands: `try` (the bot in a terminal chat), `parse`, `status` and `health`."""

from __future__ import annotations

import asyncio
import contextlib
import sys
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from balance_bot.cli import parse_stream
from balance_bot.domain.categories import default_category_book
from balance_bot.domain.ledger import local_day
from balance_bot.ports import Clock
from balance_bot.receipts.photos import PhotoExpenses
from infrastructure.categories.tab import load_categories_csv
from infrastructure.clock import SystemClock
from infrastructure.health import why_unhealthy
from infrastructure.logging_setup import configure_logging
from infrastructure.project_files import check_writable
from infrastructure.settings import Settings, SettingsError
from infrastructure.sqlite.database import Database, hold_database
from infrastructure.wiring.capture import build_capture
from infrastructure.wiring.changes import build_changes
from infrastructure.wiring.interpreter import build_interpreter
from infrastructure.wiring.llm import build_llm
from infrastructure.wiring.receipts import ReceiptParts, build_receipts, local_text_reader
from infrastructure.wiring.recurring import build_recurring
from infrastructure.wiring.time_zone import time_zone

if TYPE_CHECKING:
    from infrastructure.console.try_services import TryServices


def try_chat(settings: Settings, folder: Path, *, paid: bool = False) -> int:
    """`balance-bot try`: the bot in the terminal, on its own workbook and database; a paid model only
    with `--paid`."""
    # The terminal chat renders through the Telegram replies: imported here, so `parse` starts without them.
    from infrastructure.console.try_chat import run_try_chat
    from infrastructure.console.try_settings import local_model_answers, models_line, try_settings

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
    from infrastructure.console.try_services import TryServices

    parts = build_capture(tried, clock)
    recurring = build_recurring(tried, parts)
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
        time_zone(tried),
        tried.workbook_path.parent,
        parts.conversation,
        parts.notices,
        build_changes(tried, parts.balances, parts.ledgers, parts.database, parts.clock),
        _photos(build_receipts(tried, parts, local_text_reader(tried), vision=False)),
        (recurring.commands, recurring.rounds),
        parts.rates.rates,
    )


def _photos(built: ReceiptParts | None) -> PhotoExpenses | None:
    """The terminal reads photos on this computer alone: no vision model is asked (nor closed)."""
    return built.photos if built is not None else None


def print_health(settings: Settings) -> int:
    """`balance-bot health`: 0 when the running bot touched its heartbeat lately, else why not."""
    problem = why_unhealthy(settings.database_path.parent / "heartbeat")
    if problem is not None:
        print(f"balance-bot: unhealthy: {problem}", file=sys.stderr)
        return 1
    print("healthy: the bot touched its heartbeat lately")
    return 0


async def parse_messages(settings: Settings, categories_file: Path | None = None) -> None:
    """`balance-bot parse`: the bot's own interpreter, LLMs included, over stdin.

    Messages are not counted for /usage (they are not the group's), but LLM calls are logged
    and paid ones count against the budget, as in the bot.
    """
    database = Database(settings.database_path)
    clock, timezone = SystemClock(), time_zone(settings)
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

    from_source = settings.rate_source != "fixed"
    accounts: list[tuple[str, str]] = []
    if settings.sheet_backend == "google":
        from infrastructure.wiring.ledgers import key_files, read_keys

        with contextlib.suppress(SettingsError):  # `check` names an unreadable key; the outbox comes first
            keys = read_keys(key_files(settings))
            accounts = [(credentials.service_account_email, project) for credentials, project in keys]
    return await print_outbox(settings.database_path, clock.now(), time_zone(settings), from_source, accounts)


def _write_and_flush(line: str) -> None:
    sys.stdout.write(line)
    sys.stdout.flush()
