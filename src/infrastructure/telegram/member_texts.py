"""Every text of the members' room: advances, reimbursements, returns, /mybalance, /settings, reminders.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by the room's replies.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_

MOVEMENT_RECORDED = {
    "Advance": N_("Advance recorded{when}: {amount} to {member}{note}. {saved_as}"),
    "Returned": N_("Returned to the box{when}: {amount} from {member}{note}. {saved_as}"),
    "Reimbursed": N_("Reimbursed{when}: {amount} to {member}{note}. {saved_as}"),
}
MOVEMENT_HOW = N_(
    "Say the member and one amount with its currency: /advance @sokha 50$ market, /reimburse @sokha "
    "15$, /received @sokha 20$; or reply to one of their messages with /advance 50$."
)
RETURNED_HOW = N_("Say the amount you gave back with its currency: returned 20$, or /returned 80000៛.")
UNKNOWN_MEMBER = N_(
    "I have not seen @{username} post in this group, so I can't tell who that is. Reply to one of "
    "their messages with the command instead, or ask them to post something first."
)
NO_MEMBER_NAMED = N_(
    "Name the member: /advance @sokha 50$ market, or reply to one of their messages with /advance 50$."
)
SEVERAL_MEMBERS_NAMED = N_(
    "That names {names}: name one member at a time (/advance @sokha 50$), and I record nothing until then."
)
MEMBERS_TITLE = N_("Members (held + / owed −):")
MEMBER_LINE = N_("• {member}: {figures}")
MEMBER_ADVANCED = N_("advanced {amount}")
MEMBER_SPENT = N_("spent {amount}")
MEMBER_RETURNED = N_("returned {amount}")
MEMBER_REIMBURSED = N_("reimbursed {amount}")
MEMBER_CARRIED = N_("carried {amount}")
MEMBER_HOLDS = N_("holds {amount}")
MEMBER_OWED = N_("is owed {amount}")
MEMBER_EVEN = N_("even")
MEMBER_NET = N_("net at {rate} a dollar: {net}")
CASH_IN_BOX = N_("Cash in the box: {amounts}")
MEMBER_BALANCE_TITLE = N_("{member} in {month}:")
MEMBER_NOTHING = N_("{member} has no advance, reimbursement or expense of their own in {month}.")
MEMBER_ROWS = N_("Rows:")
MEMBER_ROW = N_("• No {number}: {item} ({kind} {amount})")
MEMBER_KINDS = {
    "expense": N_("spent"),
    "Advance": N_("advance"),
    "Returned": N_("returned"),
    "Reimbursed": N_("reimbursed"),
}
SETTINGS_NOW = N_(
    "This group's settings:\n• payments: {payments}\n• advance reminders: {reminders}\n"
    "Admins change them with /settings payments member|box and /settings reminders on|off."
)
PAYMENTS_MEMBER = N_("from the member's advance, else the member is owed it (member)")
PAYMENTS_BOX = N_("from the member's advance, else from the box (box)")
PAYMENTS_DEFAULT = N_("{payments}: the default, no admin has chosen")
PAYMENTS_QUESTION = N_(
    "Which way does this team work? When a member pays for something and their advance (if any) is "
    "spent, either the member paid it and is owed it, or the box paid it. Admins, tap one; /settings "
    "shows the answer and changes it."
)
PAYMENTS_QUESTION_BUTTONS = {
    "member": N_("The member is owed it"),
    "box": N_("The box paid it"),
}
PAYMENTS_ANSWERED = N_("Noted: what members post is paid {payments}. /settings changes it.")
REMINDERS_ON = N_("on")
REMINDERS_OFF = N_("off")
SETTINGS_CHANGED = N_("Saved.")
SETTINGS_HOW = N_("Use /settings payments member|box or /settings reminders on|off.")
ADVANCE_REMINDER = N_(
    "{member}, you have held {amount} of the team's cash since {day}. Please post what you spent "
    "from it, or give back the change and post “returned …”."
)
