"""Where the receipt is, said after the money: an aside that names nothing bought ("paid 12.50, receipt in
the box", "taxi 8000 - bill attached", វិក្កយបត្រនៅក្នុងប្រអប់). The parser reads the message without it."""

from __future__ import annotations

import re

# The receipt and where it is, closing a line: after a break, or after the amount with no break at all.
# Each alternative starts where a run of spaces starts ((?<!\s)): tried inside the run as well, its
# spaces would be matched in every way at every position, a long run of them taking minutes.
_RECEIPT_ASIDE = re.compile(
    r"(?<!\s)(?:\s*[,;.!–—-]\s*|\s+)(?:the\s+|my\s+|a\s+)?(?:receipts?|bills?|invoices?|slips?)\s+(?:is\s+|are\s+|was\s+|"
    r"put\s+|left\s+|kept\s+)?(?:in|on|inside|at|with|under|attached|above|below|here|there)\b[^\n]*$"
    r"|(?<!\s)(?:\s*[,;.!–—-])?\s*(?:វិក្កយបត្រ|បង្កាន់ដៃ|វិក័យប័ត្រ)\s*(?:ដាក់\s*|ទុក\s*)?(?:នៅ\s*)?(?:ក្នុង|លើ|ជាមួយ)[^\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
_DIGIT = re.compile(r"[0-9០-៩]")


def without_receipt_aside(text: str) -> str:
    """The message without a closing aside telling where its receipt is; an aside with a number in it
    ("receipt in the box says 12$") may tell the amount, and stays."""
    return _RECEIPT_ASIDE.sub(lambda aside: "" if not _DIGIT.search(aside[0]) else aside[0], text)
