"""A KHQR read as a bank app reads it (EMVCo's tag, length, value), written here from the standard so
that it checks the bot's QRs rather than repeating the library that makes them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal

# EMVCo's numeric currency codes (ISO 4217) as KHQR writes them.
CURRENCY_CODES = {"840": "USD", "116": "KHR"}


@dataclass(frozen=True)
class ReadKhqr:
    """What a payer's app shows and pays: into which account, how much, for whom, until when."""

    dynamic: bool  # a QR of one payment (12), not a shop's standing QR (11)
    account_id: str
    currency: str
    amount: Decimal
    merchant_name: str
    merchant_city: str
    country: str
    created_at: datetime
    expires_at: datetime | None


class NotAKhqr(ValueError):
    """The text is no KHQR: its tags do not parse, or its checksum does not match."""


def tags(text: str) -> dict[str, str]:
    """Each tag's value, in a run of tag (2 digits), length (2 digits), value."""
    found, at = {}, 0
    while at < len(text):
        tag, length = text[at : at + 2], text[at + 2 : at + 4]
        if not (tag.isdigit() and length.isdigit()) or at + 4 + int(length) > len(text):
            raise NotAKhqr(f"no tag at {at}: {text[at:]!r}")
        found[tag] = text[at + 4 : at + 4 + int(length)]
        at += 4 + int(length)
    return found


def crc16(data: str) -> str:
    """CRC-16/CCITT-FALSE over the text up to and including the CRC's own tag and length ('6304')."""
    crc = 0xFFFF
    for byte in data.encode():
        crc ^= byte << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) if crc & 0x8000 else crc << 1
            crc &= 0xFFFF
    return f"{crc:04X}"


def read_khqr(text: str) -> ReadKhqr:
    """The KHQR's fields; NotAKhqr when a bank app would refuse it."""
    if text[-8:-4] != "6304" or crc16(text[:-4]) != text[-4:]:
        raise NotAKhqr("its CRC does not match")
    found = tags(text)
    if found.get("00") != "01":
        raise NotAKhqr("no payload format indicator 01")
    account = tags(found["29"])  # an individual's Bakong account
    stamps = tags(found["99"])
    return ReadKhqr(
        dynamic=found["01"] == "12",
        account_id=account["00"],
        currency=CURRENCY_CODES[found["53"]],
        amount=Decimal(found["54"]),
        merchant_name=found["59"],
        merchant_city=found["60"],
        country=found["58"],
        created_at=datetime.fromtimestamp(int(stamps["00"]) / 1000, UTC),
        expires_at=datetime.fromtimestamp(int(stamps["01"]) / 1000, UTC) if "01" in stamps else None,
    )
