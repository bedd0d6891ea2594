"""Which month an admin means: "November", "2026-10", "last month", "វិច្ឆិកា", "ខែមុន"."""

from __future__ import annotations

import re
from datetime import date

from balance_bot.domain.dates import read_with_dateparser
from balance_bot.domain.ledger import Period

# dateparser knows Khmer month names but not "ខែ" ("month") before them, nor these phrases.
_KHMER_PHRASES = {
    "ខែនេះ": "this month",
    "ខែមុន": "last month",
    "ខែក្រោយ": "next month",
}
_KHMER_MONTH_WORD = re.compile(r"^ខែ\s*")


def month_named(text: str, today: date) -> Period | None:
    """The month the words name, seen from today; a bare month name is the latest one not ahead.

    None when the words name no month.
    """
    words = " ".join(text.split()).strip()
    if not words:
        return Period.of(today)
    words = _KHMER_PHRASES.get(words, words)
    words = _KHMER_MONTH_WORD.sub("", words)
    if words.isdigit():  # "12" alone is a day to dateparser, and nothing clear to a person
        return None
    found = read_with_dateparser(words, today, {"PREFER_DAY_OF_MONTH": "first"})
    return Period.of(found) if found is not None else None
