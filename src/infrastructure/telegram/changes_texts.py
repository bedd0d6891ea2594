"""Every text of /changes and its daily note: what a person changed in the sheet by hand, as a record.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by changes_replies.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_, Nn_

HELP_CHANGES = N_(
    "Bookkeepers may correct the sheet by hand: admins see what changed since I last said with /changes "
    "(an amount, a date or an item changed, a row deleted or added), and I note it once a day when "
    "something did."
)
CHANGES_TITLE = N_("Changes made by hand in the sheet ({months}), for the record:")
AMOUNT_CHANGED = N_("No {number}: {before} → {after}")
DAY_CHANGED = N_("No {number}: date {before} → {after}")
ITEM_CHANGED = N_("No {number}: “{before}” → “{after}”")
ROW_DELETED = N_("No {number} deleted ({item}, {amount})")
ROW_ADDED = N_("No {number} added by hand: {row}")
ROW_ADDED_WITHOUT_NUMBER = N_("A row without a No added by hand: {row}")
EMPTY = N_("empty")
MORE_CHANGES = Nn_("… and {count} more change", "… and {count} more changes")
NO_CHANGES = N_("No changes by hand since {day}.")
CHANGES_UNREADABLE = N_(
    "Google Sheets is not answering right now, so I cannot compare the sheet with what I wrote. "
    "Please ask /changes again in a few minutes."
)
