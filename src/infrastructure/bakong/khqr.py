"""MakesKhqr with the bakong-khqr package: the KHQR text and its md5, made offline."""

from __future__ import annotations

from decimal import Decimal

from bakong_khqr import KHQR
from bakong_khqr.sdk.emv_parser import EMVParser

from balance_bot.domain.money import Money
from balance_bot.payments.qr_ports import BakongMerchant, Khqr

_AMOUNT_TAG = "54"  # EMVCo's transaction amount


class KhqrNotMade(ValueError):
    """The package could not make a KHQR of these values (a name too long, an amount it cannot write)."""


class BakongKhqrMaker:
    """A dynamic KHQR (one amount, one payment) for the team's account.

    Made without a token, the package never calls the network: Bakong is asked by the bot's own
    client (infrastructure.bakong.client), which does not block the event loop as the package's does.
    """

    def __init__(self) -> None:
        self._khqr = KHQR()

    def __call__(self, merchant: BakongMerchant, money: Money) -> Khqr:
        """The QR text for `money` into the merchant's account, and its md5."""
        try:
            made = self._khqr.create_qr(
                # The package takes a float; the amount written is checked against the Decimal below.
                amount=float(money.amount),
                currency=money.currency.value,
                account_id=merchant.account_id,
                merchant_name=merchant.name,
                merchant_city=merchant.city,
            )
        except (ValueError, TypeError) as exc:
            raise KhqrNotMade(f"no KHQR of {money} for {merchant.account_id}: {exc}") from exc
        text = str(made)
        written = EMVParser(text).get(_AMOUNT_TAG)
        if written is None or Decimal(written) != money.amount:
            raise KhqrNotMade(f"the KHQR of {money} says {written!r}")
        return Khqr(text, str(self._khqr.generate_md5(text)))
