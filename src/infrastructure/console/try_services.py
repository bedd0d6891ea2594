"""The bot's use cases the terminal chat talks to, wired by bootstrap as the bot's are."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import tzinfo
from decimal import Decimal
from pathlib import Path

from balance_bot.balances.service import BalanceService
from balance_bot.capture.conversation import Conversation
from balance_bot.capture.service import CaptureService
from balance_bot.categories.categorising import Categorising
from balance_bot.domain.day_rates import Rates
from balance_bot.groups.group_settings import GroupSettings
from balance_bot.groups.languages import ChatLanguages
from balance_bot.groups.usage import UsageReport
from balance_bot.ledger_changes.hand_changes import HandChanges
from balance_bot.members.movements import CashMovements
from balance_bot.payments.recorded_once import RecordedOnce
from balance_bot.ports import Clock
from balance_bot.questions.ask import AskLedger
from balance_bot.rates.rates_of_days import RatesOfTheDay
from balance_bot.receipts.photos import PhotoExpenses
from balance_bot.recurring.commands import RecurringCommands
from balance_bot.recurring.posting import RecurringRounds


@dataclass(frozen=True)
class TryServices:
    """The bot's use cases `try` talks to, and how to start and stop them."""

    capture: CaptureService
    balances: BalanceService
    usage: UsageReport
    set_quiet: Callable[[int, bool], Awaitable[None]]
    languages: ChatLanguages
    categorising: Categorising
    clock: Clock
    khr_per_usd: Decimal
    start: Callable[[], Awaitable[None]]
    close: Callable[[], Awaitable[None]]
    movements: CashMovements
    group_settings: GroupSettings
    ask: AskLedger
    timezone: tzinfo
    export_folder: Path
    conversation: Conversation
    notices: RecordedOnce
    changes: HandChanges | None = None
    photos: PhotoExpenses | None = None  # None: no OCR on this computer
    recurring: tuple[RecurringCommands, RecurringRounds] | None = None
    rates: RatesOfTheDay | None = None  # the rate of the day, as the bot's; None: KHR_PER_USD

    async def rate_today(self) -> Decimal:
        """A member's net is told at today's rate, as the bot's /mybalance tells it."""
        return (await self.rates.rate_today()).khr_per_usd if self.rates is not None else self.khr_per_usd

    async def rates_of_questions(self) -> Rates:
        """Each row a question counts at its day's rate, as the bot's /ask counts it."""
        return await self.rates.of_questions() if self.rates is not None else self.khr_per_usd
