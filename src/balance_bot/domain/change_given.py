"""Change given back on a purchase: "gave 50000 for petrol, got back 5000 change", "lunch 20$ change 3$",
"ចាក់សាំង ៥ម៉ឺន អាប់ ៥ពាន់". What was spent is what was handed over less the change: the parser saves that
for a check, or asks when the two do not plainly subtract (two currencies, change as big as the sum)."""

from __future__ import annotations

import re
from dataclasses import replace

from balance_bot.domain.amounts import scan_line
from balance_bot.domain.bare_amounts import currency_by_size
from balance_bot.domain.expenses import ParseResult, ParseStatus, Problem, khr_from_dotted_thousands
from balance_bot.domain.money import Currency, Money

_AMOUNT = r"(?:[$៛]\s*)?[0-9០-៩](?:[0-9០-៩.,]*[0-9០-៩])?\s*(?:k\b|\$|usd\b|riels?\b|៛|ពាន់|ម៉ឺន|រៀល|ដុល្លារ)?"
# Change named after a break or right after the amount paid ("lunch 20$ change 3$"): "oil change 12$" is
# a thing done to the van, not money handed back.
_AFTER_A_BREAK_OR_AN_AMOUNT = (
    r"(?<!\s)(?:\s*[,;.–-]\s*"
    r"|(?:(?<=[0-9០-៩$៛])|(?<=[0-9]k)|(?<=usd)|(?<=riel)|(?<=riels)|(?<=រៀល)|(?<=ដុល្លារ))\s+)"
)
# The change and its amount, to the end of its clause ("change 2$ put back in the box" is all of it). Each
# branch opens where a run of spaces does, so a line of spaces is read in linear time.
_CHANGE = re.compile(
    r"(?<!\s)(?:\s*[,;.]\s*|\s+)(?:and\s+)?(?:(?:got|get|received|took|(?:(?:he|she|they|shop|seller)\s+)?gave(?:\s+(?:me|us))?)"
    rf"\s+(?:back\s+)?|back\s+){_AMOUNT}\s+(?:back\s+)?(?:in\s+)?change\b[^\n.;]*"
    # Back after an amount paid, with no word of change: "paid 20000 for ice, got 5000 back"; not money
    # got back from someone ("…, got 5$ back from Dara"), which is no change.
    rf"|(?<!\s)(?:\s*[,;.]\s*|\s+)(?:and\s+)?(?:got|get|received)\s+(?:back\s+{_AMOUNT}|{_AMOUNT}\s+back)\b"
    r"(?!\s+from)[^\n.;]*"
    rf"|{_AFTER_A_BREAK_OR_AN_AMOUNT}(?:and\s+)?(?:the\s+)?change(?:\s*(?:back|given|was|is|of|returned)\b)?(?:\s*[:=])?\s*"
    rf"{_AMOUNT}(?![0-9០-៩])[^\n.;]*"
    rf"|(?<!\s)(?:\s*[,;.]\s*|\s*)(?:លុយ|ប្រាក់)?អាប់\s*(?:មក\s*)?(?:វិញ\s*)?{_AMOUNT}[^\n]*",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"[0-9០-៩]")
_SAVED = (ParseStatus.EXPENSE, ParseStatus.PURPOSE_MISSING)


def change_given(text: str) -> tuple[str, str] | None:
    """The message without the change it tells of, and the words telling it; None when it tells of none
    after an amount paid ("got 5000 change" alone, "oil change 15$"), or of change more than once."""
    change = _CHANGE.search(text)
    if change is None or not _DIGIT.search(text, 0, change.start()):
        return None
    rest = text[: change.start()] + text[change.end() :]
    return None if _CHANGE.search(rest) else (rest, change[0])


def net_of_change(result: ParseResult, change: str) -> ParseResult:
    """The purchase read from the rest of the message, less the change: saved for a check when one amount
    less change of its currency leaves something; asked about otherwise. Chatter stays chatter."""
    if result.status not in _SAVED:
        return result
    mentions = scan_line(change)
    currency = (mentions[0].currency or currency_by_size(mentions[0])) if mentions else None
    if len(result.entries) != 1 or currency is None:
        return ParseResult.unclear(Problem.AMBIGUOUS, result.entries)
    mention, entry = mentions[0], result.entries[0]
    amount = mention.value
    if currency is Currency.KHR and not mention.scaled:
        amount = khr_from_dotted_thousands(amount, mention.decimals)
    if currency is not entry.money.currency or amount >= entry.money.amount:
        return ParseResult.unclear(Problem.AMBIGUOUS, result.entries)
    spent = replace(entry, money=Money(entry.money.amount - amount, currency))
    return replace(result, entries=(spent,), certain=False)
