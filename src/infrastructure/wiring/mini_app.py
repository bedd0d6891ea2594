"""The Mini App's server (the month's view in Telegram), when WEBAPP_URL is set."""

from __future__ import annotations

from datetime import timedelta
from typing import TYPE_CHECKING

from balance_bot.balances.month_view import MonthView
from balance_bot.questions.ask import MembersMay
from infrastructure.settings import Settings
from infrastructure.sheets.template import load_template
from infrastructure.sqlite.capture_state import SqliteCaptureState
from infrastructure.sqlite.members import SqliteMemberDirectory
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.time_zone import time_zone

if TYPE_CHECKING:
    from infrastructure.webapp.runner import MiniAppServer


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
        time_zone(settings),
        settings.khr_per_usd,
        settings.admin_user_ids,
        settings.webapp_url,
        parts.served.serves,
        SqliteMemberDirectory(parts.database).groups_of,
        rates=parts.rates.rates.of_month,
    )
