"""Every text of the receipts' room: photos of receipts and bank screens, proposed, saved or refused.

Marked for `make catalogs` like texts.py's; rendered in a chat's language by receipt_handlers.py.
"""

from __future__ import annotations

from infrastructure.i18n.catalogs import N_

PROPOSED_RECEIPT = N_("Receipt: {amount} – {purpose}, {day}. Save?")
PROPOSED_TRANSFER = N_("Transfer: {amount} – {purpose}, {day}. Save?")
SAVE_BUTTON = N_("✅ Save")
EDIT_BUTTON = N_("✏️ Edit")
NOT_YOURS = N_("Only the member who posted this photo or an admin can save it.")
SAVED_ALREADY = N_("This photo's expense was dealt with already.")
AMOUNT_ASKED = N_("What is the right amount? Send it in one line, for example: 12.50$")
UNREADABLE = N_("I cannot open this file as an image. Send the receipt as a photo.")
NO_AMOUNT = N_("I cannot read the amount on this photo. Type it, for example: 12.50$ lunch")
TOO_BIG = N_("This file is over 20 MB: Telegram does not let me download it. Send it as a photo instead.")
SEND_AS_PHOTO = N_("I cannot read HEIC files. Please send it as a photo.")
NOT_DOWNLOADED = N_("I could not download this photo from Telegram. Please send it again.")

# `balance-bot try`: the terminal's own words around the bot's replies, for the operator (not translated).
TRY_NO_PHOTO_FILE = "There is no image at {path}."
TRY_NO_OCR = (
    "Photos are not read here: Tesseract is not installed (apt install tesseract-ocr tesseract-ocr-khm)."
)
TRY_NOTHING_READ = "(no amount on this image: in the group the bot stays silent)"
