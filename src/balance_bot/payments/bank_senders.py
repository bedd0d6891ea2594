"""Who may vouch for a notice: the Telegram bot each bank sends its payment notices from.

A notice forwarded from its bank's own bot is the bank's word; the same text typed, pasted, or forwarded
from a person or another account is only a member's, and an admin checks it before it counts.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

# The usernames the banks' notification bots go by in Telegram, by the bank a notice's format names
# (BankNotice.bank). QRPay's bot is not known: its notices always wait for an admin.
BANK_BOTS: dict[str, frozenset[str]] = {
    bank: frozenset(username.casefold() for username in usernames)
    for bank, usernames in {
        "ABA": ("PayWayByABA_bot",),
        "ACLEDA": ("ACLEDABankBot",),
        "Canadia": ("CanadiaMerchant_bot",),
        "Hong Leong": ("HLBCAM_Bot",),
        "Vattanac": ("vattanac_bank_merchant_prod_bot",),
        "CP Bank": ("CPBankBot",),
        "Sathapana": ("SathapanaBank_bot",),
        "Chip Mong": ("chipmongbankpaymentbot",),
        "PRASAC": ("prasac_merchant_payment_bot",),
        "AMK": ("AMKPlc_bot",),
        "Prince": ("prince_pay_bot",),
        "CCU": ("ccu_bank_bot",),
        "PLB": ("PLBITBot",),
    }.items()
}


class SenderKind(Enum):
    """What kind of account a forwarded message was first sent by, as the chat tells it."""

    BOT = "bot"
    PERSON = "person"
    HIDDEN = "hidden"  # a person whose privacy settings hide their account: a name, no username
    CHAT = "chat"  # a group or a channel


@dataclass(frozen=True, slots=True)
class ForwardedFrom:
    """The account a forwarded message was first sent by: its kind and its @username (None if it has none)."""

    kind: SenderKind
    username: str | None = None


def sent_by_its_bank(sender: ForwardedFrom | None, bank: str) -> bool:
    """Whether a notice of the bank was forwarded from the bank's own bot (a typed or pasted one never is)."""
    if sender is None or sender.kind is not SenderKind.BOT or sender.username is None:
        return False
    return sender.username.casefold() in BANK_BOTS.get(bank, frozenset())
