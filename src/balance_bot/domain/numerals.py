"""Written numbers as members type them: grouping, 'k', Khmer digits and Khmer multiplier words."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

# ម៉ឺន is typed with its signs in more than one order; all spellings mean ten thousand.
KHMER_MULTIPLIERS: dict[str, Decimal] = {
    "លាន": Decimal(1_000_000),
    "សែន": Decimal(100_000),
    "ម៉ឺន": Decimal(10_000),
    "មុឺន": Decimal(10_000),
    "មឺុន": Decimal(10_000),
    "ម៉ុឺន": Decimal(10_000),
    "ពាន់": Decimal(1_000),
    "រយ": Decimal(100),
}
THOUSAND = Decimal(1000)


def next_unit_below(multiplier: Decimal) -> Decimal:
    """The unit a lone trailing digit counts in: ២ម៉ឺន៥ is two ten-thousands and five thousands."""
    return max(multiplier / 10, Decimal(1))


def decimal_of(written: str) -> Decimal | None:
    """The value of an ASCII-digit number as written ('1,250.00', '12 500', '3,5'), if any."""
    compact = written.replace(" ", "")
    if compact.count(",") == 1 and compact.count(".") == 0 and len(compact.split(",")[1]) < 3:
        compact = compact.replace(",", ".")  # a decimal comma: 3,5
    elif compact.count(".") > 1:
        compact = compact.replace(".", "")  # dots as thousands separators: 1.250.000
    compact = compact.replace(",", "")
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def decimals_written(written: str) -> int:
    """How many digits follow the decimal point as the member wrote the number."""
    if "." in written and written.count(".") == 1:
        return len(written.rsplit(".", 1)[1])
    if written.count(",") == 1 and "." not in written and len(written.split(",")[1]) < 3:
        return len(written.split(",")[1])
    return 0
