"""Every text of the questions' room: answers to /ask and mentions, /recent, /mine, /export.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by the room's replies.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_, Nn_

ASK_TOTAL = N_("{subject}{span}: {amounts} in {count}.")
ASK_COUNT = N_("{subject}{span}: {count}.")
ASK_LIST = N_("{subject}{span}: {amounts} in {count}:")
ASK_LARGEST = N_("The largest{subject_lower}{span}:")
ASK_SMALLEST = N_("The smallest{subject_lower}{span}:")
ASK_EACH = N_("{subject}{span}: {amounts} in {count}, {average} each on average.")
ASK_SHARE = N_("{subject}{span}: {amounts} in {count}, {percent}% (of all spending: {whole}).")
ASK_SHARE_OF_EVERYONES = N_("{subject}{span}: {amounts} in {count}, {percent}% (of everyone's: {whole}).")
ASK_NOT_SURE = N_(
    "I'm not sure: no expense here says “{words}”, so I can't tell you a figure for it. I understood: "
    "{understood}. Try: “how much on ice this month?” or “who spent the most this week?”."
)
ASK_NOT_COUNTED = N_(
    "Not counted, as I'm not sure they are {category} (their words name another category too):"
)
ASK_NOT_COUNTED_WORDS = N_("Not counted, as I'm not sure they are “{words}”:")
ASK_NOTHING_SURE = N_("{subject}{span}: nothing I'm sure of.")
ASK_LATEST = N_("The last expense{subject_lower}{span}:")
ASK_BY_MEMBER = N_("{subject}{span}, by member: {amounts} in {count}:")
ASK_BY_CATEGORY = N_("{subject}{span}, by category: {amounts} in {count}:")
ASK_GROUP = N_("• {name}: {amounts} ({count})")
ASK_NO_CATEGORY = N_("No category")
ASK_AVERAGE = Nn_(
    "{subject}{span}: {amounts} in {expenses}, {average} a day on average over {count} day.",
    "{subject}{span}: {amounts} in {expenses}, {average} a day on average over {count} days.",
)
ASK_BUDGETS = N_("Budgets in {month}:")
ASK_BUDGET_LEFT = N_("• {category}: {spent} of {budget} ({percent}%); {left} left")
ASK_BUDGET_OVER = N_("• {category}: {spent} of {budget} ({percent}%); {over} over")
ASK_NO_BUDGETS = N_(
    "No category has a budget yet. A bookkeeper sets them in the spreadsheet's Categories tab, in the "
    "Budget (USD) or Budget (KHR) column."
)
ASK_NO_BUDGET_FOR = N_(
    "{category} has no budget. A bookkeeper sets one in the spreadsheet's Categories tab, in the Budget "
    "(USD) or Budget (KHR) column. Spent on it in {month}: {spent}."
)
ASK_NOTHING = N_("{subject}{span}: nothing.")
ASK_SUBJECT_ALL = N_("Spent")
ASK_SUBJECT_MEMBER = N_("Spent by {member}")
ASK_ABOUT = N_(" on “{words}”")
ASK_IN_CATEGORY = N_(" on {category}")
ASK_IN_RIEL = N_(" in riel")  # of the riel entries only: 'the biggest riel payment'
ASK_IN_DOLLARS = N_(" in dollars")
ASK_SPAN_DAY = N_(" on {day}")
ASK_SPAN_DAYS = N_(" from {first} to {last}")
ASK_SPAN_MONTH = N_(" in {month}")
ASK_SPAN_YEAR = N_(" in {year}")
ASK_ENTRY = N_("• No {number}, {day}: {item} – {amount} ({member})")
ASK_MORE = N_("… and {count} more: /export for all of them.")
ASK_CANNOT = N_(
    "I'm not sure what you are asking. I can answer, for example: “how much did we spend this month?” "
    "or “who spent the most this week?”."
)
ASK_NO_MONEY_IN = N_(
    "The sheet records no money put into the cash (no opening balance, no top-up), so I can't tell "
    "what is left in it. Spent in {month}: {spent}. An admin records money put in with /topup."
)
ASK_HOW = N_("Ask a question after /ask, e.g. /ask how much on taxi last week?")
ASK_REFUSED = {
    "other_member": N_("Only admins can see another member's entries; ask about your own, or the group's."),
    "balance": N_("Only admins can see the cash balance."),
    "write": N_("Only admins can change the ledger."),
    "members_may_not": N_("In this group, questions are for admins."),
}
CONFIRM_TOPUP = N_("Record a top-up: {text}?")
CONFIRM_UNDO = N_("Undo No {number}?")
CONFIRM_BUTTON = N_("Confirm")
CANCEL_BUTTON = N_("Cancel")
CONFIRM_GONE = N_("That request has expired or is not yours: ask again.")
CANCELLED = N_("Cancelled: nothing changed.")
NO_SUCH_NUMBER = N_("There is no No {number} in this month's sheet.")
RECENT_TITLE = N_("The last entries:")
RECENT_NONE = N_("No entries yet this month.")
MINE_TITLE = N_("Your entries in {month}: {amounts} in {count}")
MINE_NONE = N_("You have no entries in {month}.")
EXPORT_CAPTION = N_("{month} as the sheet has it now: {count}.")
EXPORT_UNKNOWN_MONTH = N_("Which month? /export, /export October or /export last month.")
ROWS = Nn_("{count} row", "{count} rows")
