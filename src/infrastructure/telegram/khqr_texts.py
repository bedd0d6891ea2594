"""Every text of KHQR top-ups: the QR's caption as it waits, is paid or expires; the Received button; the
refusals; the operators' notice when Bakong refuses the bot.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by khqr_handlers.
"""

from __future__ import annotations

from balance_bot.payments.qr_ports import BakongRefusal
from balance_bot.payments.qr_top_ups import TapRefusal
from infrastructure.i18n.catalogs import N_

CAPTION = N_("KHQR top-up: {amount} to {merchant}.\nScan it with any bank app before {time}.")
WATCHED = N_("I write it in the sheet as soon as Bakong sees the payment.")
BY_HAND = {
    BakongRefusal.NO_TOKEN: N_("Once the money is in the account, an admin taps Received."),
    BakongRefusal.TOKEN: N_(
        "Bakong refuses the bot's token, so I cannot see the payment myself: once the money is in "
        "the account, an admin taps Received."
    ),
    BakongRefusal.OUTSIDE_CAMBODIA: N_(
        "Bakong answers only addresses in Cambodia, so I cannot see the payment myself: once the "
        "money is in the account, an admin taps Received."
    ),
}
RECEIVED_BUTTON = N_("Received")
PAID = N_("Paid: {amount}, No {number} ({month})")
PAID_NOT_IN_SHEET_YET = N_("Paid: {amount}. It goes into the sheet as soon as the sheet answers.")
EXPIRED = N_(
    "Not paid by {time}: this QR has expired. Do not pay it any more; ask for a new one with /topup qr."
)
HOW = N_("Say one amount with its currency: /topup qr 50$ or /topup qr 200000៛.")
NOT_SET_UP = N_(
    "KHQR top-ups need the team's Bakong account in the bot's settings (BAKONG_ACCOUNT_ID and "
    "BAKONG_MERCHANT_NAME): ask the bot's operator."
)
NOT_KEPT = N_("I could not keep this QR (the bot's storage is failing): do not pay it; ask again later.")
TAP_REFUSED = {
    TapRefusal.NOT_ADMIN: N_("Only the group's admins can confirm a payment."),
    TapRefusal.SETTLED: N_("This QR is settled already."),
    TapRefusal.WATCHED: N_("Bakong confirms this QR by itself; nothing to tap."),
}
OPERATORS = {
    BakongRefusal.TOKEN: N_(
        "Bakong refused BAKONG_TOKEN (it expires after 90 days, or it was copied wrong). Renew it on "
        "Bakong's Open API site, put it in .env and restart the bot. Until then, admins confirm KHQR "
        "top-ups with the Received button."
    ),
    BakongRefusal.OUTSIDE_CAMBODIA: N_(
        "Bakong answered 403: its API takes requests only from addresses in Cambodia, and this "
        "server's is not. Run the bot from Cambodia, or leave BAKONG_TOKEN empty. Until then, admins "
        "confirm KHQR top-ups with the Received button."
    ),
}
