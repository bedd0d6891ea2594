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
# No expense has more digits than these; anything longer is read as OVERSIZED or not as a number,
# so every later sum, multiplier and quantize stays exact within Decimal's 28 digits.
MAX_WHOLE_DIGITS = 15
MAX_FRACTION_DIGITS = 12
OVERSIZED = Decimal(10) ** MAX_WHOLE_DIGITS  # over every amount limit, yet safe to compute with


def next_unit_below(multiplier: Decimal) -> Decimal:
    """The unit a lone trailing digit counts in: ២ម៉ឺន៥ is two ten-thousands and five thousands."""
    return max(multiplier / 10, Decimal(1))


def read_number(written: str) -> tuple[Decimal, int] | None:
    """The value of an ASCII-digit number as written ('1,250.00', '12 500', '3,5') and the digits
    written after its decimal point; None when it is not a number.

    A number of more than MAX_WHOLE_DIGITS digits is OVERSIZED (an amount over any limit); one
    with more than MAX_FRACTION_DIGITS decimals is no amount anyone paid.
    """
    compact = written.replace(" ", "")
    whole, comma, fraction = compact.partition(",")
    if comma and "." not in compact and "," not in fraction and len(fraction) < 3:
        compact = f"{whole}.{fraction}"  # a decimal comma: 3,5
    elif compact.count(".") > 1:
        compact = compact.replace(".", "")  # dots as thousands separators: 1.250.000
    compact = compact.replace(",", "")
    whole_digits, _, fraction_digits = compact.partition(".")
    if len(fraction_digits) > MAX_FRACTION_DIGITS:
        return None
    if len(whole_digits.lstrip("0")) > MAX_WHOLE_DIGITS:
        return OVERSIZED, 0
    try:
        value = Decimal(compact)
    except InvalidOperation:
        return None
    if not value.is_finite():
        return None
    decimals = len(compact.partition(".")[2])
    return value, decimals
