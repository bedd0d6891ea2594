"""Money coming back to the team or taken out of the box: refunds, cancellations, withdrawals,
money returned; none of it is spending."""

from __future__ import annotations

import re

from balance_bot.domain.not_spending import tells_of_money_in
from balance_bot.domain.purpose import SOURCE_OF_THE_MONEY
from balance_bot.domain.text import bare_word, normalize_message
from balance_bot.domain.vocabulary import MONEY_BACK_KHMER, MONEY_BACK_WORDS, OUT_OR_BACK_WORDS, TAKING_WORDS

_REFUND_WORDS = frozenset(("refund", "refunds", "refunded", "refunding"))
# Money paid out of the team's cash, whatever word names it ("gave the guest a refund from petty cash").
_OUT_OF_THE_BOX = re.compile(SOURCE_OF_THE_MONEY.pattern + "|ពីប្រអប់|ពីលុយប្រអប់|ពីលុយក្រុម|ពីលុយរាយ", re.IGNORECASE)
# Money a shop, a supplier or anyone else gave back to the team: it came in, none went.
_CAME_BACK_TO_US = re.compile(
    r"\b(?:refunded|returned|paid back|gave back|gave)\s+(?:us|me)\b"
    r"|\b(?:supplier|shop|store|seller|vendor|company|hotel|airline|bank|landlord|agency|school)s?\b"
    r"[^.\n]{0,30}\brefund(?:ed|s)?\b"
    r"|\brefund\w*\b[^.\n]{0,40}\b(?:came|arrived|landed)\b|\S\s+refunded\s+(?:us\s+|me\s+)?[$0-9]"
    r"|\brefund\s+(?:[$0-9.]+\s*\$?\s+)?from\b"
    r"|\b(?:got|get|received|receive)\s+(?:a\s+|the\s+|our\s+)?refund\b"
    # "got 40$ back from the printer shop": whoever gave it back, it came in. So did the amount a member
    # knew of ("got the 20$ back", "got my 10$ back"): a loan or an advance repaid; "got 5$ back" alone may
    # be a refund or change, refused with its reason (back after an amount paid is change, read before).
    r"|\b(?:got|get|received)\s+(?:the\s+|our\s+|my\s+)?[$៛]?\s*[0-9០-៩]\S*(?:\s+(?:usd|riels?|dollars?|bucks))?"
    r"\s+back\s+from\b"
    r"|\b(?:got|get|received)\s+(?:back\s+(?:the|our|my)\s+[$៛]?\s*[0-9០-៩]|(?:the|our|my)\s+[$៛]?\s*[0-9០-៩]\S*"
    r"(?:\s+(?:usd|riels?|dollars?|bucks))?\s+back\b)"
    r"|(?:ហាង|អ្នកលក់|ក្រុមហ៊ុន|ម្ចាស់ផ្ទះ)\S{0,20}(?:សងលុយ|សងប្រាក់|អោយលុយវិញ|ឲ្យលុយវិញ|សងវិញ)",
    re.IGNORECASE,
)
# The team refunding someone, told as a report: "refunded Mrs Lim 35$…", "we refunded the guest",
# "refunded 15$ to the guest"; not "refunded us", nor "refunded 15$" (by whom unsaid).
_REFUNDED_SOMEONE = re.compile(
    r"\s*(?:(?:i|we|just|already|have|has)\s+)*refunded\s+(?:(?!(?:us|me|by|from|back)\b)[^\W\d_]"
    r"|[$៛]?\s*[0-9០-៩]\S*(?:\s+(?:usd|riels?|dollars?))?\s+(?:back\s+)?to\s+(?!(?:us|me)\b))"
    # The noun, said of whom the team paid it: "refund to customer 12$", "gave a refund of 5$ to the guest".
    r"|\s*(?:(?:gave|paid|made|issued|sent)\s+(?:a\s+|the\s+)?)?refunds?\s+(?:of\s+[$៛]?\s*[0-9០-៩]\S*\s+)?"
    r"(?:back\s+)?to\s+(?!(?:us|me|my|our)\b)[^\W\d_]",
    re.IGNORECASE,
)
_CAME_BACK = re.compile(r"\b(?:got|get|came|come)\s+back\s+(?:from|to|home)\b", re.IGNORECASE)


def tells_of_money_back(text: str) -> bool:
    """Whether words with no amount ("refund", "cancelled", ប្រាក់វិញ) say the money came back:
    an answer to "what was this for?" that makes the amount no expense."""
    normalized = normalize_message(text)
    return tells_of_money_back_in(normalized, {bare_word(word) for word in normalized.split()})


def tells_of_money_back_in(text: str, words: set[str]) -> bool:
    """Whether the message (normalized, with its bare words) tells of money coming back or taken out:
    a refund, not spending."""
    if words & MONEY_BACK_WORDS or any(phrase in text for phrase in MONEY_BACK_KHMER):
        return True
    # "got back from Lucky": the member came back from a shop, no money did.
    return bool(words & TAKING_WORDS and words & OUT_OR_BACK_WORDS) and not _CAME_BACK.search(text)


def refunded_out_of_the_box(text: str, words: set[str]) -> bool:
    """A refund the team paid from its cash ("refunded the parent 10$ from the box", "refunded Mrs Lim
    35$ for the class she missed"): spending."""
    if not words & _REFUND_WORDS:
        return False
    return _OUT_OF_THE_BOX.search(text) is not None or _REFUNDED_SOMEONE.match(text) is not None


def came_back_to_the_team(text: str) -> bool:
    """Money a shop, a client or a member gave back to the team: it came in, none went ("the supplier
    refunded 15$", "the refund came in", "Dara returned the 5$")."""
    return _CAME_BACK_TO_US.search(text) is not None or tells_of_money_in(text)
