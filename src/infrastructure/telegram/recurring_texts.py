"""Every text of recurring costs: /recurring's answers, the schedules in words, the line said over a cost's
row on its day, and the word its rows' Items carry.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by recurring_replies.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_

HOW = N_(
    "Say what it is, how much and when, e.g.:\n"
    "/recurring rent 300$ monthly on 1\n"
    "/recurring cleaning 20$ weekly on Monday\n"
    "/recurring water 15$ every 2 weeks\n"
    "/recurring alone lists them; /recurring stop 2 ends No 2."
)
ADDED = N_(
    "Recurring cost #{number}: {item}, {amount} {schedule}. I write it in the sheet on its day; "
    "the first is {day}."
)
LIST_HEADER = N_("Recurring costs (I write each in the sheet on its day):")
LIST_LINE = N_("#{number} {item}: {amount} {schedule}; next {day}")
LIST_FOOTER = N_("To end one: /recurring stop {number}")
NONE_YET = N_("No recurring costs yet. Add one, e.g. /recurring rent 300$ monthly on 1")
STOPPED = N_(
    "Recurring cost #{number} ({item}) stopped: I write nothing more for it. Its rows stay in the sheet."
)
NO_SUCH = N_("There is no recurring cost #{number} here; /recurring lists them.")
POSTED = N_("Recurring cost #{number}: {item}, {amount} {schedule}.")
# The schedules: a day of the month is an ordinal in English ("1st"), a number in Khmer.
MONTHLY = N_("every month on the {day}")
EVERY_MONTHS = N_("every {count} months on the {day}")
WEEKLY = N_("every {weekday}")
EVERY_WEEKS = N_("every {count} weeks on {weekday}")
WEEKDAYS = (
    N_("Monday"),
    N_("Tuesday"),
    N_("Wednesday"),
    N_("Thursday"),
    N_("Friday"),
    N_("Saturday"),
    N_("Sunday"),
)
# Written in each of its rows' Item, before its number and day: "rent (recurring #2, 2026-12-01)".
ROW_MARKER = N_("recurring")
HELP = N_(
    "Admins: /recurring rent 300$ monthly on 1 writes a cost in the sheet on its day (also weekly on "
    "Monday, every 2 weeks), with Undo; /recurring lists them, /recurring stop 2 ends one."
)
