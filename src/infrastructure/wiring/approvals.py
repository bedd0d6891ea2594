"""Approvals wired: the use case the buttons, the reasons and the reminders draw (capture's gate is
wired with capture, which marks the expenses)."""

from __future__ import annotations

from balance_bot.approvals.decisions import Approvals
from infrastructure.settings import Settings
from infrastructure.wiring.capture import CaptureParts
from infrastructure.wiring.time_zone import time_zone


def build_approvals(settings: Settings, parts: CaptureParts) -> Approvals:
    """Approve, Reject, the reasons and the reminders, on the capture flow's parts."""
    return Approvals(
        parts.approval_gate.store,
        parts.state,
        parts.ledgers,
        parts.group_settings,
        parts.languages,
        parts.clock,
        time_zone(settings),
        parts.delivery.settle,
        parts.conversation.buttons_for,
        parts.served.serves,
    )
