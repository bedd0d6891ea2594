"""Which month an admin means: "November", "2026-10", "last month", "វិច្ឆិកា", "ខែមុន"."""

from __future__ import annotations

import re
from datetime import date, datetime

from balance_bot.domain.ledger import Period

# dateparser knows Khmer month names but not "ខែ" ("month") before them, nor these phrases.
_KHMER_PHRASES = {
    "ខែនេះ": "this month",
    "ខែមុន": "last month",
    "ខែក្រោយ": "next month",
}
_KHMER_MONTH_WORD = re.compile(r"^ខែ\s*")
_SETTINGS = {"PREFER_DATES_FROM": "past", "PREFER_DAY_OF_MONTH": "first", "RETURN_AS_TIMEZONE_AWARE": False}


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
    import dateparser  # here, not at the top: its 70 ms would slow every `balance-bot parse` start

    base = datetime(today.year, today.month, today.day, 12)
    found = dateparser.parse(words, languages=["en", "km"], settings={**_SETTINGS, "RELATIVE_BASE": base})
    return Period.of(found.date()) if found is not None else None
