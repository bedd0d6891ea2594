"""What the words on a photo say: a transfer or a receipt, its amount, purpose and day, and how sure."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum

from balance_bot.domain.money import Money


class ImageKind(StrEnum):
    """What a photo shows."""

    TRANSFER = "transfer"  # a bank app's screen of a payment made (or received)
    RECEIPT = "receipt"  # a shop's printed receipt or invoice
    NOTHING = "nothing"  # no money on it: a selfie, a meme, a page of text


class Sureness(StrEnum):
    """How far a reading may be trusted: saved at once, proposed to the member, or nothing to say."""

    SURE = "sure"  # a transfer with its ID and one amount; a receipt with one unambiguous total line
    UNSURE = "unsure"  # money on it, but no total line, two candidates, or a currency it cannot tell
    NONE = "none"  # no money on it


class Doubt(StrEnum):
    """Why a reading is unsure."""

    NO_TOTAL = "no_total"
    CANDIDATES = "candidates"  # two totals that disagree
    CURRENCY = "currency"
    NO_ID = "no_id"  # a transfer screen without its transaction ID
    AMOUNT = "amount"  # an amount that does not look as the document writes its others


@dataclass(frozen=True, slots=True)
class ImageReading:
    """A photo's reading: `money` is None only when nothing was found; `bank` and `transaction_id` for a
    transfer that shows them; `received`, money that came in rather than went out."""

    kind: ImageKind
    sureness: Sureness
    money: Money | None = None
    purpose: str = ""
    day: date | None = None
    when: datetime | None = None
    bank: str = ""
    transaction_id: str = ""
    received: bool = False
    doubt: Doubt | None = None

    @property
    def sure(self) -> bool:
        """Whether the reading may be saved without asking."""
        return self.sureness is Sureness.SURE and self.money is not None


NOTHING_READ = ImageReading(ImageKind.NOTHING, Sureness.NONE)
