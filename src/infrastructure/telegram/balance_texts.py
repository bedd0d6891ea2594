"""Every text of the balances' room: /balance, categories and budgets, the month's summary, /usage.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by the room's replies.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_, Nn_

BALANCE_UNKNOWN_MONTH = N_(
    "I don't know which month “{words}” is. Try /balance, /balance November, /balance 2026-10 "
    "or /balance last month."
)
BALANCE_FUTURE = N_("{month} has not started yet.")
BALANCE_NO_SHEET = N_(
    "This group has no sheet I can read. An admin can connect one with /connect followed by the link "
    "to the Google Sheet."
)
BALANCE_NO_ACCESS = N_("I cannot read the sheet: share it with {email} as Editor.")
BALANCE_UNAVAILABLE = N_(
    "Google Sheets is not answering right now, so I cannot tell the balance. "
    "Please ask again in a few minutes."
)
STILL_OPEN = N_("{month} still takes expenses posted late until {day}, then it closes.")
OPENING_PROVISIONAL = N_(
    "The opening may still change: {month} takes expenses posted late until {day}, then it closes."
)
BALANCE_TITLE = N_("Balance for {month}")
BALANCE_TITLE_SO_FAR = N_("Balance for {month} (as the sheet stands now)")
BALANCE_CURRENCY = N_("{currency}: opening {opening} · top-ups {topups} · spent {spent} · left {left}")
BALANCE_CURRENCY_CLOSED = N_(
    "{currency}: opening {opening} · top-ups {topups} · spent {spent} · closing {left}"
)
BALANCE_TOGETHER = N_("Together at {rate} a dollar: {together} left")
BALANCE_TOGETHER_CLOSED = N_("Together at {rate} a dollar: {together} closing")
BALANCE_COUNTS = N_("{expenses}, {topups}")
TOPUPS = Nn_("{count} top-up", "{count} top-ups")
SPENT_BY_MEMBER = N_("Spent by member:")
MORE_MEMBERS = N_("• and {count} more")
UNDATED_ROWS = Nn_(
    "Row {rows} has no date I can read: it counts in the month's totals, but in no day's or week's.",
    "Rows {rows} have no date I can read: they count in the month's totals, but in no day's or week's.",
)
UNDATED_MORE = N_("{rows} and {count} more")
MONTH_CLOSED = N_("{month} is closed.")
BY_CATEGORY = N_("By category:")
CATEGORY_SPENT = N_("• {category}: {spent}")
CATEGORY_OF_BUDGET = N_("• {category}: {spent} of {budget} ({percent}%)")
NO_CATEGORY = N_("(no category)")
ALL_SPENDING = N_("All spending")
BUDGET_NEARLY_USED = N_("{category}: {spent} of this month's {budget} budget used ({percent}%); {left} left.")
BUDGET_USED_UP = N_("{category}: this month's {budget} budget is used up: {spent} spent.")
CHART_TITLE = N_("Spent per day, {month} (USD; riel at {rate} a dollar)")

BUDGET_REACHED = N_(
    "The LLM budget for {month} is spent: {spent} of {budget}. Until next month I read unclear "
    "messages with the local model and my own rules only. /usage shows the details; "
    "LLM_MONTHLY_BUDGET_USD sets the budget."
)
USAGE_TITLE_GROUP = N_("LLM use in {month}, this group")
USAGE_TITLE_ALL = N_("LLM use in {month}, all groups")
USAGE_MESSAGES = N_("Messages read: {messages}; decided without an LLM: {without} ({share}%)")
USAGE_NO_MESSAGES = N_("Messages read: none counted yet")
USAGE_CALLS = Nn_("{count} call", "{count} calls")
USAGE_FAILED = N_("{count} failed")
USAGE_AS_FALLBACK = N_("{count} as fallback")
USAGE_MEDIAN = N_("median {milliseconds} ms")
USAGE_TOKENS = N_("{count} tokens")
USAGE_FALLBACK_RATE = N_("Fallback rate: {fallbacks} of {calls} calls ({share}%)")
USAGE_NO_CALLS = N_("No LLM calls this month.")
USAGE_CATEGORY_CALLS = Nn_(
    "Of these, {count} call chose categories that no word of the tab decided",
    "Of these, {count} calls chose categories that no word of the tab decided",
)
USAGE_PAID_ALL = N_("Paid calls: {paid} of the {budget} monthly budget")
USAGE_PAID_GROUP = N_("Paid calls: {paid} (the monthly budget of {budget} is shared by all groups)")
