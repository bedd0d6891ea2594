"""Money in Decimal: US dollars with cents, Cambodian riel in whole numbers."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Context, Decimal
from enum import StrEnum


class Currency(StrEnum):
    """The currencies a petty-cash ledger holds, and the honest 'not said'."""

    USD = "USD"
    KHR = "KHR"
    UNKNOWN = "UNKNOWN"


# The currencies a balance is kept in, and nothing of them.
CURRENCIES = (Currency.USD, Currency.KHR)
ZERO = Decimal(0)
CENT = Decimal("0.01")
WHOLE = Decimal("1")


def exponent_of(currency: Currency) -> Decimal:
    """How finely the currency is counted: cents for dollars, whole riel."""
    return WHOLE if currency is Currency.KHR else CENT


@dataclass(frozen=True, slots=True)
class Money:
    """An amount in one currency; construction never rounds silently."""

    amount: Decimal
    currency: Currency

    def __post_init__(self) -> None:
        if not self.amount.is_finite():
            raise ValueError(f"amount must be finite, got {self.amount}")

    @property
    def is_whole_in_its_currency(self) -> bool:
        """Whether the amount needs no rounding: at most cents, or whole riel."""
        return self.amount == self._quantized()

    def canonical(self) -> str:
        """The amount as the ledger writes it: '3.00' for dollars, '5000' for riel; any size."""
        if self.currency is Currency.UNKNOWN:
            return format(self.amount.normalize(_wide_enough_for(self.amount)), "f")
        return format(self._quantized(), "f")

    def _quantized(self) -> Decimal:
        # The default 28 digits raise for a 27-digit amount in cents; a model may answer anything.
        return self.amount.quantize(exponent_of(self.currency), context=_wide_enough_for(self.amount))

    def __str__(self) -> str:
        return f"{self.canonical()} {self.currency.value}"


def _wide_enough_for(amount: Decimal) -> Context:
    """A context with room for every digit of the amount and its cents."""
    return Context(prec=max(28, amount.adjusted() + 4, len(amount.as_tuple().digits) + 4))


@dataclass(frozen=True, slots=True)
class AmountLimits:
    """The largest single expense accepted per currency; anything above is refused."""

    max_usd: Decimal = Decimal("10000")
    max_khr: Decimal = Decimal("40000000")

    def maximum_for(self, currency: Currency) -> Decimal:
        """The ceiling for one currency; an unknown currency gets the dollar one."""
        return self.max_khr if currency is Currency.KHR else self.max_usd
