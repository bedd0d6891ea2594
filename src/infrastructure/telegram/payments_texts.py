"""Every text of the payments' room: bank notices recorded once, or waiting for an admin's Confirm.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by payment_replies.py.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_

ALREADY_RECORDED = N_("This payment is already recorded as {number} ({month}): I added nothing.")
ALREADY_ON_ITS_WAY = N_(
    "This payment is already recorded; its row is on its way to the sheet ({month}). I added nothing."
)
ALREADY_UNNUMBERED = N_(
    "This payment is already in the sheet ({month}), on a row without a No: I added nothing."
)
TO_CONFIRM = N_(
    "A bank notice: {amount} from {payer} ({bank}, {when}, Trx {reference}). It was not forwarded from "
    "{bank}'s own bot, so an admin checks it: Confirm records it as a top-up."
)
WITHOUT_ID_TO_CONFIRM = N_(
    "A {bank} notice: {amount} from {payer} ({when}). {bank}'s notices carry no transaction ID, so an admin "
    "checks it is not recorded already: Confirm records it as a top-up."
)
SEVERAL_NOTICES = N_(
    "I see {count} bank notices in one message. Forward or paste each one on its own, and I record each once."
)
CONFIRM_BUTTON = N_("✅ Confirm")
NOT_OURS_BUTTON = N_("Not ours")
DEALT_WITH = N_("This notice was dealt with already.")
LEFT_OUT = N_("Not recorded: not ours.")
