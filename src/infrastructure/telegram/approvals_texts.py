"""Every text of approvals: the confirmation's note and buttons, the decisions, the refusals to the tapper,
the reason asked and heard, the daily reminder, and /settings approve.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by approval_replies.
"""

from __future__ import annotations

from balance_bot.approvals.decisions import ApprovalRefusal
from balance_bot.capture.reply_plan import Button
from infrastructure.i18n.catalogs import N_, Nn_

AWAITING_NOTE = N_("⏳ Awaiting an admin's approval: it counts in the month's spending once approved.")
BUTTONS = {Button.APPROVE: N_("✅ Approve"), Button.REJECT: N_("✖ Reject")}
APPROVED = N_("✅ Approved by {admin}: {rows}.")
REJECTED = N_(
    "✖ Rejected by {admin}: {rows} voided. {admin}, why? Your next message here (or a reply) is kept as "
    "the reason, in one line."
)
REASON_NOTED = N_("Reason noted for {rows}: {reason}")
REASON_NOTED_NO_ROWS = N_("Reason noted: {reason}")
REFUSALS = {
    ApprovalRefusal.NOT_ADMIN: N_("Only the group's admins approve or reject expenses."),
    ApprovalRefusal.OWN_EXPENSE: N_("You posted this expense: another admin approves or rejects it."),
    ApprovalRefusal.DECIDED: N_("Already decided by {admin}."),
    ApprovalRefusal.NOT_WRITTEN_YET: N_("Its row is not in the sheet yet: try again once it is confirmed."),
    ApprovalRefusal.UNKNOWN: N_("Nothing awaits approval under this button any more."),
}
REMINDER = Nn_(
    "Admins: {count} expense awaits your approval ({total}): {rows}. Tap Approve or Reject under it.",
    "Admins: {count} expenses await your approval ({total}): {rows}. Tap Approve or Reject under each.",
)
AWAITING_LINE = N_("{amounts} awaiting approval")
SETTING_OFF = N_("off: no expense waits for approval")
SETTING_OVER = N_("expenses over {threshold} wait for an admin; reminder at {hour}:00")
SETTING_DEFAULT = N_("{approvals} (the default, no admin has chosen)")
SETTINGS_LINE = N_("• approvals: {approvals}")
SETTINGS_HOW = N_(
    "Use /settings approve over 100$, /settings approve off, or /settings approve at 9 (the reminder's hour)."
)
