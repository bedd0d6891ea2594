"""What marking an expense's lines for approval needs: the groups' thresholds, the store of what awaits
a decision, and each day's rate for an amount in the other currency than the threshold's. The capture
use case reads them as it accepts an expense, so that its rows are written with their Status at once."""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from balance_bot.ports import ApprovalStore, ApprovalThresholds, Clock

# The KHR per USD rate of a row's day, for an amount in the other currency than the threshold's.
RateOf = Callable[[date], Awaitable[Decimal]]  # the rate of a line's day (RatesOfTheDay's)


@dataclass(frozen=True, slots=True)
class ApprovalGate:
    """The approvals' side of capture: which expenses wait for an admin, and where they wait."""

    thresholds: ApprovalThresholds
    store: ApprovalStore
    rate_of: RateOf
    clock: Clock
