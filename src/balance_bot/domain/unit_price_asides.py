"""A unit price said in brackets after what was paid ("ice 2 bags 4000 (or 2000 each)"): no second amount."""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from balance_bot.domain.text import DIGITS_TO_ASCII

_NUMBER = r"\d+(?:\.\d+)?"
_CURRENCY = r"(?:\s?(?:\$|៛|usd|khr|riels?|dollars?|r\b|k\b|ពាន់|រៀល|ដុល្លារ))?"
# "(or 2000 each)", "(2000/bag)", "(= 1.5$ per bottle)", "(@2000)", "(ម្នាក់ ២ពាន់)": the price of one.
# Looked for only where a run of spaces starts: tried inside it, each position would read the whole run.
_ASIDE = re.compile(
    rf"(?<!\s)\s*\(\s*(?:or|i\.?e\.?|that'?s|so|=|ie|ឬ)?\s*(?:@\s*)?(?:\$\s?)?({_NUMBER}){_CURRENCY}\s*"
    r"(?:each|ea|apiece|a\s+piece|per\s+\w+|/\s*\w+|a\s+\w+|មួយ\S*|ក្នុងមួយ\S*)\s*\)",
    re.IGNORECASE,
)
_PRICE_BEFORE = re.compile(rf"(?:\$\s?)?({_NUMBER}){_CURRENCY}\s*$", re.IGNORECASE)
_COUNT = re.compile(r"(?<![\d.,])(\d{1,2})(?=\s*[^\W\d_]+)")


def without_unit_price_aside(text: str) -> str:
    """The message without a bracketed unit price closing what was paid, when the count bought times
    that price is what was paid ("2 bags 4000 (2000 each)"), or no count is said ("ice 4000 (2000 each)");
    otherwise as it was, for the parser to ask."""
    scan = text.translate(DIGITS_TO_ASCII)
    for aside in _ASIDE.finditer(scan):
        paid = _PRICE_BEFORE.search(scan, 0, aside.start())
        if paid is None:
            continue
        counts = [_number(count) for count in _COUNT.findall(scan, 0, paid.start())]
        unit, total = _number(aside.group(1)), _number(paid.group(1))
        if not counts or any(count * unit == total for count in counts):
            return text[: aside.start()] + text[aside.end() :]
    return text


def _number(written: str) -> Decimal:
    try:
        return Decimal(written)
    except InvalidOperation:  # pragma: no cover - the patterns only find digits
        return Decimal(0)
