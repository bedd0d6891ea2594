"""Every text the bot says, in one place, as the English message ids of its gettext catalogs.

Marked with N_ (and Nn_ where a count decides the form) for `make catalogs`; rendered in a chat's
language by replies.Replies. The words of `balance-bot try`'s terminal and of the operator's log
are for the operator and stay English.
"""

from __future__ import annotations

from balance_bot.capture.outcomes import ActionRefusal, DateRefusal, Refusal
from infrastructure.i18n.catalogs import N_, Nn_

# The help's examples are tried by a test, as written: a command's example is the command and its words
# up to the first , ; : ( ) or the end of a sentence; a message's, a bullet's or a “quoted” one's.
HELP = N_(
    "I log this group's petty cash in the monthly sheet.\n\n"
    "Post an expense the way you usually write it:\n"
    "• coffee 3$\n"
    "• ទឹកកក ៥០០០៛\n"
    "• taxi 15000 riel\n"
    "• a list, one expense per line\n"
    "• posted late? say the day: yesterday taxi 5$, Dec 3 printer ink 12$, ម្សិលមិញ ទឹកកក ៥០០០៛\n\n"
    "If you post only an amount, I ask what it was for; just answer in your next message.\n"
    "Tap Undo under my confirmation (or reply /undo to your message) to take it back.\n"
    "Edit your message to correct it; I update the sheet.\n"
    "Forward a bank's payment notice from its bot (ABA, ACLEDA and others): I record it as a top-up, "
    "once; pasted by hand, an admin confirms it.\n\n"
    "Admins:\n"
    "• /balance: where the cash stands (/balance November, /balance last month)\n"
    "• /topup 200$ from the office: records money put in\n"
    "• /topup qr 50$: a KHQR to pay into the team's Bakong account, recorded once paid\n"
    "• /quiet on: I confirm with a 👍 instead of a message (/quiet off: with a message again)\n"
    "• /usage: this month's model calls and cost\n"
    "• /connect <link>: connects the group to its Google Sheet\n"
    "• /language km or /language en: the language of my replies (/language km digits: numbers in "
    "Khmer digits)\n"
    "/id: this group's chat id and your user id, for the bot's settings."
)
COMMANDS = (
    ("help", N_("How to post expenses")),
    ("connect", N_("Admins: connect this group to its Google Sheet (/connect <link>)")),
    ("undo", N_("Reply to your expense message to take it back")),
    ("quiet", N_("Admins: confirm with a reaction instead of a message (on/off)")),
    ("usage", N_("Admins: this month's LLM calls, fallbacks and cost")),
    ("balance", N_("Admins: where the cash stands this month, or /balance November, /balance last month")),
    ("topup", N_("Admins: record money put in, e.g. /topup 200$ from the office")),
    ("language", N_("Admins: the language of my replies: /language km or /language en")),
    ("cat", N_("Reply to an expense to change its category, e.g. /cat Fuel")),
    ("advance", N_("Admins: cash given to a member, e.g. /advance @sokha 50$ market")),
    ("reimburse", N_("Admins: the box pays a member back, e.g. /reimburse @sokha 15$")),
    ("received", N_("Admins: change a member gave back, e.g. /received @sokha 20$")),
    ("returned", N_("Change you gave back to the box, e.g. /returned 20$")),
    ("mybalance", N_("What you hold of the team's cash, or what you are owed")),
    ("settings", N_("This group's settings: who pays, advance reminders")),
    ("ask", N_("Ask the ledger, e.g. /ask how much on fuel this month?")),
    ("recent", N_("The last 10 entries")),
    ("mine", N_("Your entries this month, with your total")),
    ("export", N_("Admins: the month as .xlsx and .csv files, e.g. /export October")),
    ("changes", N_("Admins: what was changed in the sheet by hand since I last said")),
    ("recurring", N_("Admins: costs written on their day, e.g. /recurring rent 300$ monthly on 1")),
    ("id", N_("This group's chat id and your user id, for the bot's settings")),
)
HELP_CATEGORIES = N_(
    "Each expense gets a category from its words (the sheet's Categories tab lists them and their "
    "words). To change it, reply to the expense message with /cat Fuel (or another category), or give "
    "its No: /cat 12 Fuel; I remember it for such expenses. Admins: /cat learned: what I remember; "
    "/cat forget: I forget it."
)
HELP_MEMBERS = N_(
    "Cash in members' hands: admins record /advance @member 50$ market (cash given), /reimburse "
    "@member 15$ (paid back) and /received @member 20$ (change given back); a member posts "
    "“returned 20$” (or /returned 20$). What a member posts is spent from their advance while it "
    "lasts; past it, the member is owed it (/settings payments member), or the box pays (/settings "
    "payments box). /settings: the group's choices. /mybalance: what you hold or are owed; admins see "
    "one member's (/balance @member, /balance Dara) and every member's (/balance)."
)
THIS_MONTH_BUTTON = N_("📊 This month")
# The Mini App's API, shown on its page.
WEBAPP_REFUSED = {
    "missing": N_("no signed launch data"),
    "forged": N_("the launch data's signature does not match"),
    "no_user": N_("the launch data names no user"),
    "too_old": N_("the launch data is too old: open the Mini App again"),
}
# The Mini App page's words, sent with each month in the viewer's group's language.
WEBAPP_PAGE = {
    "search": N_("Search"),
    "allMembers": N_("Everyone"),
    "allCategories": N_("All categories"),
    "allCurrencies": N_("Both currencies"),
    "spent": N_("Spent"),
    "undo": N_("Undo"),
    "noEntries": N_("No entries."),
    "cash": N_("Cash"),
    "members": N_("Members"),
    "usage": N_("LLM use"),
    "opening": N_("opening"),
    "topups": N_("top-ups"),
    "left": N_("left"),
    "box": N_("in the box"),
    "calls": N_("calls"),
    "holds": N_("holds"),
    "owed": N_("is owed"),
    "even": N_("even"),
    "failed": N_("Could not load the month"),
    "noCategory": N_("(no category)"),
    "showAll": N_("Show all"),
    "awaiting": N_("awaiting approval"),
}
WEBAPP_TOO_MANY = N_("too many requests: wait a minute")
WEBAPP_NO_GROUP = N_("open the Mini App from your group's link")
WEBAPP_NOT_A_MEMBER = N_("you are not a member of this group")
WEBAPP_NOT_SERVED = N_("this bot does not keep this group's money")
WEBAPP_WHICH_ENTRY = N_("which entry?")
WEBAPP_NO_UNDO = N_("this entry can no longer be undone here")
HELP_ASK = N_(
    "Ask me: /ask how much did we spend on fuel this month?, /ask who spent the most last week?, "
    "/ask how much of the fuel budget is left? (or mention me with the question; Khmer too: /ask "
    "ខែនេះចំណាយអស់ប៉ុន្មាន?). /recent shows the last 10 entries, /mine yours this month; admins "
    "get the month as files with /export October."
)
ASK_PURPOSE = N_("I saw an amount of {amount}. What is this for?")
REPHRASE = N_("I'm not sure about this expense. Please rephrase with amount + purpose.")
FORWARDED = N_(
    "This was forwarded from a message of {day}, so I did not save it: a forward may be someone "
    "else's expense or an old one. If it is yours to log, post it yourself with its day, "
    "e.g. “{example}”."
)
TOO_MANY_ENTRIES = Nn_(
    "That message lists more than {count} expense, so I saved none of them. "
    "Please post them in messages of at most {count}.",
    "That message lists more than {count} expenses, so I saved none of them. "
    "Please post them in messages of at most {count}.",
)
REFUSALS = {
    Refusal.OVER_LIMIT: N_(
        "{amount} is more than the {limit} allowed for one expense, so I did not save it. "
        "If it is right, ask a bookkeeper to add it to the sheet."
    ),
    Refusal.NOT_POSITIVE: N_("An expense needs an amount above zero; I did not save {amount}."),
    Refusal.TOO_PRECISE: N_(
        "{amount} has more decimals than its currency has (dollars have cents, riel are "
        "whole), so I did not save it. Please post it again."
    ),
    Refusal.PURPOSE_TOO_SHORT: N_(
        "What was the {amount} for? Please post it again with a few words, e.g. “coffee 3$”."
    ),
    Refusal.NEGATIVE: N_(
        "I did not save −{amount}: I record money spent and money put in, never a negative "
        "amount. To take back an entry, tap Undo under its confirmation (or reply /undo to your "
        "message); to correct an older one, ask an admin or the bookkeeper."
    ),
    Refusal.MONEY_BACK: N_(
        "That reads as money coming back or taken out of the box ({amount}), not money "
        "spent, so I did not save it. If an expense was cancelled, tap Undo under its confirmation (or "
        "reply /undo to your message); otherwise an admin or the bookkeeper corrects the sheet."
    ),
}
THAT_AMOUNT = N_("That amount")  # a number longer than any expense, never repeated back in full
DATE_REFUSALS = {
    DateRefusal.FUTURE: N_("{day} is still ahead, so I did not save that. Post it on the day it is paid."),
    DateRefusal.TOO_OLD: N_(
        "{day} is more than {limit} days ago, so I did not save that. "
        "Please ask a bookkeeper to add it to the sheet."
    ),
    DateRefusal.NO_SUCH_DAY: N_(
        "There is no {words}, so I did not save that. "
        "Please post it again with the right day, e.g. “Dec 3 taxi 5$” or “3/12 taxi 5$”."
    ),
    DateRefusal.MONTHS_MIXED: N_(
        "These expenses are in different months, so I did not save them. "
        "Please post each month's expenses in a message of their own."
    ),
}
CLOSED_MONTH = N_("{closed} is closed, so this went into {month}'s sheet with its own date.")
HELD = N_(
    "Saved: {items}{guess}. You posted more than {expenses} in a minute, so it goes to the sheet "
    "in about {seconds}."
)
EXPENSES = Nn_("{count} expense", "{count} expenses")
SECONDS = Nn_("{count} second", "{count} seconds")
REPEATED_TOO_OFTEN = Nn_(
    "You posted the same expense again within a minute, after {count} other, so I did not save this "
    "copy. If you really paid it again, post it with a word more (e.g. “2nd coffee 3$”) in a minute.",
    "You posted the same expense again within a minute, after {count} others, so I did not save this "
    "copy. If you really paid it again, post it with a word more (e.g. “2nd coffee 3$”) in a minute.",
)
ACTION_REFUSALS = {
    ActionRefusal.NOT_ALLOWED: N_("Only the person who posted it or an admin can change this."),
    ActionRefusal.TOO_LATE: N_(
        "It is too late to change this here; please ask a bookkeeper to fix the sheet."
    ),
    ActionRefusal.UNKNOWN: N_("I have nothing to change for that message."),
}
NOT_CONNECTED = N_(
    "This group has no sheet yet, so I did not save that. "
    "An admin can connect one with /connect followed by the link to the Google Sheet."
)
NO_ACCESS = N_("I cannot write to the sheet, so I did not save that. Share the sheet with {email} as Editor.")
NOT_FOUND = N_(
    "I cannot find this group's sheet any more, so I did not save that. "
    "An admin can connect one with /connect followed by the link to the Google Sheet."
)
STORAGE_PROBLEM = N_(
    "I could not save that: the bot cannot write its own records right now (its server's disk may be "
    "full). Nothing was saved; please post it again later. An admin can tell the bot's operator."
)
UNAVAILABLE = N_(
    "Google Sheets is not answering right now, so I did not save that. Please post it again in a few minutes."
)
WORKBOOK_NOT_SAVED = N_(
    "The workbook on the bot's server cannot be saved right now (its disk may be full). Nothing is lost: "
    "what was posted waits and is saved as soon as it can be. An admin can tell the bot's operator."
)
PLEASE_CHECK = N_("I was not sure I read this right: please check, and edit your message or tap Undo if not.")
UNDO_HOW = N_("Reply /undo to the expense message you want to take back.")
IDS_IN_A_GROUP = N_(
    "This group's chat id is {chat_id} (for ALLOWED_CHAT_IDS and BALANCE_SHEET_BY_CHAT); "
    "your user id is {user_id} (for ADMIN_USER_IDS)."
)
IDS_IN_A_GROUP_ANONYMOUS = N_(
    "This group's chat id is {chat_id} (for ALLOWED_CHAT_IDS and BALANCE_SHEET_BY_CHAT); "
    "your user id is hidden, since you post as the group."
)
IDS_IN_PRIVATE = N_("Your user id is {user_id} (for ADMIN_USER_IDS).")
UNDO_BUTTON = N_("Undo")
UNDO_BUTTON_NUMBERED = N_("Undo (No {numbers})")
SWITCH_BUTTON = N_("Switch to {currency}")
CATEGORY_BUTTON = N_("Category: {category}")
QUIET_ON = N_("I will confirm expenses with a 👍 reaction from now on, and write only when I need to ask.")
QUIET_OFF = N_("I will confirm every expense with a message again.")
QUIET_HOW = N_("Use /quiet on or /quiet off.")
ADMINS_ONLY = N_("Only the group's admins can do that.")
OPERATORS_ONLY = N_("Send /usage in your group (admins), or ask the bot's operator.")
USAGE_OFF = N_("No LLM is configured (PARSER_LLM=none): I read every message with my own rules.")
GREETING = N_(
    "Hello! I log this group's petty cash in the monthly sheet: post expenses as you write them, "
    "e.g. “coffee 3$” or “ទឹកកក ៥០០០៛”, one per line for a list.\n"
    "An amount alone gets a question, Undo is under each confirmation, and /help shows the rest."
)
CANNOT_READ = N_(
    "I cannot read ordinary messages here yet, so I would see no expenses: an admin can make me a "
    "group admin, or turn my privacy mode off in @BotFather (/setprivacy → Disable) and add me again."
)
LANGUAGE_CHOSEN = {
    (False, False): N_("I will reply in English from now on."),
    (True, False): N_("I will reply in Khmer from now on."),
    (True, True): N_("I will reply in Khmer, with Khmer digits, from now on."),
}
LANGUAGE_HOW = N_(
    "Use /language km for Khmer or /language en for English; /language km digits also writes "
    "numbers in Khmer digits."
)

TOPUP_HOW = N_(
    "Say one amount with its currency: /topup 200$ from the office, or /topup 800000៛ for November."
)

LOGGED_NOTHING = N_("Logged.")
ASSUMED_CURRENCY = N_(" (assumed {currency})")
FOR_DAY = N_(" for {day}")
TOPUP_RECORDED = N_("Top-up recorded{when}: {recorded}. {saved_as}")
LOGGED_ONE = N_("Logged{when}: {entry}{guess}. {saved_as}")
LOGGED_MANY = Nn_(
    "Logged {count} expense{when}{guess} ({worksheet}):\n{items}",
    "Logged {count} expenses{when}{guess} ({worksheet}):\n{items}",
)
LOGGED_MANY_IN_SHORT = Nn_(
    "Logged {count} expense{when}{guess} ({worksheet}), {numbers}: {totals} in all.",
    "Logged {count} expenses{when}{guess} ({worksheet}), {numbers}: {totals} in all.",
)
SAVED_AS = N_("Saved as {number} ({worksheet}).")
SAVED_AS_IN = N_("Saved as {number} ({worksheet}), {category}.")
NUMBER_AND_CATEGORY = N_("{number}, {category}")
RECATEGORISED = N_("{rows}: now {category}. Expenses with the same words get it from now on.")
NO_SUCH_CATEGORY = N_("There is no category “{name}”. Reply /cat with one of: {names}.")
LEARNED_NONE = N_("Nothing learned in this sheet yet: the Categories tab's words decide.")
LEARNED = N_(
    "Learned in this sheet ({count}), from /cat and the bookkeeper's changes; "
    "/cat forget drops them:\n{lines}"
)
FORGOTTEN = Nn_(
    "Forgot {count} learned category; the Categories tab's words decide again.",
    "Forgot {count} learned categories; the Categories tab's words decide again.",
)
CAT_HOW = N_(
    "Reply /cat CATEGORY to an expense message (yours, or anyone's as an admin), e.g. /cat Fuel; "
    "or name the row by its No, with or without a reply: /cat 12 Fuel. The categories: {names}."
)
ENTRY_NUMBER = N_("No {number}")
SHEET_ROW = N_("sheet row {row}")
NUMBER_SPAN = N_("Nos {first}–{last}")
NUMBER_LIST = N_("Nos {numbers}")
TWO_TOTALS = N_("{first} and {second}")
QUEUED = N_("Saved: {items}{guess}. It will be added to the sheet shortly{why}.")
QUEUED_IN_SHORT = Nn_("{count} expense, {totals} in all", "{count} expenses, {totals} in all")
QUEUED_BECAUSE_NO_ACCESS = N_(", once the sheet is shared with the bot again")
QUEUED_BECAUSE_NOT_FOUND = N_(", once an admin reconnects the sheet with /connect")
QUEUED_BECAUSE_UNAVAILABLE = N_(" (Google Sheets is not answering right now)")
QUEUED_WORKBOOK_NOT_SAVED = N_(
    " (the workbook on the bot's server cannot be saved right now, its disk may be full: it is kept, and "
    "saved as soon as it can be)"
)
QUEUED_KEY_REFUSED = N_(", once the bot's operator gives it a new Google key (the old one was refused)")
QUEUED_API_DISABLED = N_(", once the Google Sheets API is enabled for the bot: {link}")
EDITED = N_("Updated: {rows}.")
VOIDED = N_("Undone by {by}: {rows}.")
SWITCHED = N_("Switched: {rows}.")
SWITCHED_ROW = N_("{number} is now {entry}")
KEY_REFUSED = N_(
    "Google refused the bot's key (it was deleted or revoked), so I cannot write to the sheet. "
    "Nothing is lost: the expenses wait and go to the sheet once the bot's operator gives it a new key."
)
API_DISABLED = N_(
    "The Google Sheets API is turned off for the bot's Google project, so I cannot write to the sheet. "
    "The bot's operator can enable it here: {link}"
)

CONNECT_HOW = N_(
    "Send /connect followed by the link to the Google Sheet. "
    "Share the sheet with the bot's service account as Editor first."
)
CONNECT_HOW_ACCOUNT = N_(
    "Share the Google Sheet with {email} as Editor, then send /connect followed by the sheet's link."
)
CONNECTED = N_("Connected: this group's expenses now go to “{title}”.\n{link}")
NOT_A_SHEET = N_("That does not look like a Google Sheet link. Copy the link from the browser's address bar.")
NO_SHEETS = N_("This bot keeps its ledger in a local workbook; the operator can switch it to Google Sheets.")
CONNECT_NO_ACCESS = N_(
    "I cannot write to that sheet yet. Share it with {email} as Editor, then send /connect again."
)
CONNECT_NOT_FOUND = N_("I cannot find a sheet at that link. Check the link and send /connect again.")

# Not translated: a reaction, and the name written in the sheet for an anonymous admin's rows.
CONFIRM_REACTION = "👍"
GROUP_ADMINS = "Group admins"
# Drawn in the monthly chart, whose built-in font has Latin letters only: English in every group.
CHART_NO_CATEGORY = "(no category)"
# For the operator's log.
PRIVACY_WARNING = (
    "The bot cannot read ordinary group messages (privacy mode is on), so it will see no expenses. "
    "In @BotFather: /setprivacy → choose the bot → Disable; then remove and re-add the bot to each "
    "group. Making the bot a group admin also works."
)

# `balance-bot try`: the terminal's own words around the bot's replies, for the operator.
TRY_INTRO = (
    "balance-bot try: a group chat in your terminal, on the same use cases as the bot.\n"
    "Type expenses as a member would (coffee 3$, ទឹកកក ៥០០០៛). For a list on several lines, end its\n"
    "first line with ':' (Market today:) and finish with a blank line, or paste it at once.\n"
    "/as NAME switches member · /admin makes them an admin · /undo · /switch · /edit TEXT edits your\n"
    "last message · /photo FILE reads a receipt or a bank screen · every command of /help works ·\n"
    "/quit leaves."
)
TRY_WHERE = "Trying it never touches your team's sheet: rows go to {where}."
TRY_BUTTONS = "     buttons: {buttons}"
TRY_BUTTON = "[{label}] → {command}"
TRY_FILES = "     files: {files}"
TRY_NO_GOOGLE = "In the terminal there is no Google Sheet to connect: {why}"
TRY_NO_KHQR = (
    "In the terminal there is no Bakong account to pay into: in the group, /topup qr shows the KHQR "
    "for BAKONG_ACCOUNT_ID and records the top-up once it is paid."
)
# What reads the messages while trying, and how to let a paid model read them too.
PAID_HOW = "`balance-bot try --paid` (or `make run PAID=1`)"
MODELS_LOCAL = "Messages are read by the local model {model} at {host} and by my own rules."
MODELS_NO_LOCAL = "No local model answers at {host} ({model}): my own rules read the messages."
MODELS_NONE = "PARSER_LLM=none: my own rules read every message."
MODELS_NOT_PAID = "No paid model is called while trying; {how} lets it use ANTHROPIC_API_KEY's {model} too."
MODELS_PAID = "Paid model: {model} with ANTHROPIC_API_KEY, as PARSER_LLM says (--paid)."
TRY_NO_SUCH_COMMAND = "There is no {command} here; /help lists the commands."


def try_admin(member: str, *, now: bool) -> str:
    """'Dara is now an admin.' after /admin in the terminal chat."""
    who = "You are" if member == "You" else f"{member} is"
    return f"{who} {'now' if now else 'no longer'} an admin."
