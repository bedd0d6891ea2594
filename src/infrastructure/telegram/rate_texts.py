"""Every text of the rate of the day: the rate a sum was added at, with its source and day.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by the replies that add
dollars and riel together.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_

TOGETHER_AT_RATE_OF_DAY = N_("Together at {rate} a dollar (NBC, {day}): {together} left")
TOGETHER_AT_RATE_OF_DAY_CLOSED = N_("Together at {rate} a dollar (NBC, {day}): {together} closing")
# The Mini App's small line under its chart and totals: the rate riel were counted at there.
RATE_USED = N_("at {rate} a dollar (NBC, {day})")
RATE_USED_FIXED = N_("at {rate} a dollar (fixed)")
