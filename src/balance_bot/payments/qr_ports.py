"""What KHQR top-ups need from adapters: the QR made, Bakong asked about it, the QRs waiting kept."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Protocol

from balance_bot.domain.money import Money


@dataclass(frozen=True, slots=True)
class BakongMerchant:
    """The team's Bakong account a QR pays into, and the name and city a payer's bank app shows."""

    account_id: str
    name: str
    city: str


@dataclass(frozen=True, slots=True)
class Khqr:
    """A KHQR as a bank app scans it (the EMVCo text), and its md5, which Bakong knows the payment by."""

    text: str
    md5: str


class MakesKhqr(Protocol):
    """The port to the KHQR standard: a dynamic QR for the merchant, of one amount."""

    def __call__(self, merchant: BakongMerchant, money: Money) -> Khqr:
        """The QR for `money` into the merchant's account."""
        ...


@dataclass(frozen=True, slots=True)
class BakongPayment:
    """A payment Bakong holds for a QR: its hash (the 'short hash' a bank app shows is its first 8
    characters), who paid, how much, and when Bakong acknowledged it."""

    hash: str
    from_account: str
    to_account: str
    money: Money
    description: str
    paid_at: datetime | None  # None when Bakong's answer gives no time: it was paid by now


class BakongRefusal(StrEnum):
    """Why Bakong cannot be asked: a token it refuses (expired, wrong), or an address outside Cambodia;
    or no token at all."""

    TOKEN = "token"
    OUTSIDE_CAMBODIA = "outside_cambodia"
    NO_TOKEN = "no_token"


class BakongError(Exception):
    """Bakong could not say whether a QR was paid."""


class BakongRefused(BakongError):
    """Bakong refuses to answer this bot (`refusal` says why); asking again will not help."""

    def __init__(self, refusal: BakongRefusal, detail: str) -> None:
        super().__init__(detail)
        self.refusal = refusal


class BakongUnavailable(BakongError):
    """Bakong did not answer usefully this time (no network, a time-out, its own error): ask again later."""


class ChecksBakong(Protocol):
    """The port to Bakong's check_transaction_by_md5."""

    async def paid(self, md5: str) -> BakongPayment | None:
        """The payment of the QR with this md5; None while there is none. Raises BakongRefused or
        BakongUnavailable."""
        ...


@dataclass(frozen=True, slots=True)
class PendingQr:
    """A QR the group was shown and that is not settled yet: paid, expired, or recorded by hand."""

    chat_id: int
    message_id: int  # the QR's own message, whose caption tells what became of it
    md5: str
    text: str  # the KHQR as shown, which a payer's app scans
    money: Money
    requested_by: int
    asked_at: datetime
    expires_at: datetime
    by_hand: bool  # an admin taps Received: Bakong is not asked about it


class PendingQrs(Protocol):
    """The QRs waiting, kept across a restart."""

    async def keep(self, qr: PendingQr) -> None:
        """Keep a QR shown to the group."""
        ...

    async def waiting(self) -> list[PendingQr]:
        """Every QR not settled yet, oldest first."""
        ...

    async def find(self, chat_id: int, message_id: int) -> PendingQr | None:
        """The QR of that message, while it waits."""
        ...

    async def by_hand(self, chat_id: int, message_id: int) -> None:
        """From now on an admin confirms the QR: Bakong is not asked about it any more."""
        ...

    async def settle(self, chat_id: int, message_id: int, how: str) -> None:
        """The QR is paid or expired (`how`): it waits no more."""
        ...
