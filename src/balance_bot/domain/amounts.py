"""Finding the numbers in one line of a message, with their multipliers and currency markers."""

from __future__ import annotations

import re
from collections import deque
from dataclasses import dataclass
from decimal import Decimal

from balance_bot.domain.money import Currency
from balance_bot.domain.numerals import (
    KHMER_MULTIPLIERS,
    OVERSIZED,
    THOUSAND,
    next_unit_below,
    read_number,
)
from balance_bot.domain.text import DIGITS_TO_ASCII, KHMER_SIGNS, either, is_khmer, is_latin_letter
from balance_bot.domain.vocabulary import KHMER_LABEL_ENDINGS

_CURRENCY_AHEAD = r"(?=[ ]?(?:\$|៛|រៀល|ដុល្លា|លាន|សែន|ម៉ឺន|ពាន់|[kK]\b|(?i:usd|khr|riels?|dollars?|bucks?|r\b)))"
# A number glued to a Khmer label (ខែ១២, លេខ៥) is the label's: "ខែ១២ ៤០០ដុល្លារ" is December, then 400$.
_NOT_AFTER_A_LABEL = "".join(f"(?<!{label})" for label in KHMER_LABEL_ENDINGS)
_NUMBER = re.compile(
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?"  # 1,000  1,250.00
    r"|\d{1,3}(?:\.\d{3}){2,}(?![\d.])"  # 1.250.000
    r"|"
    + _NOT_AFTER_A_LABEL
    + r"\d{1,3}(?:[ ]\d{3})+(?!\d)"
    + _CURRENCY_AHEAD  # 12 500 riel
    + r"|\d+,\d{1,2}(?!\d)"
    + _CURRENCY_AHEAD  # 3,5$
    + r"|(?<=\$)\d+,\d{2}(?![\d,])|(?<=\$ )\d+,\d{2}(?![\d,])"  # $4,50
    + r"|\d*\.\d+"
    r"|\d+"
)
_NOT_A_LETTER = r"(?![^\W\d_])"
_SUFFIX = re.compile(
    r"[ ]{0,2}(?:"
    r"(?P<usd>US\$|\$|(?i:us[ ]?dollars?|usd|dollars?|dolla|bucks?)" + _NOT_A_LETTER + r"|ដុល្លារ|ដុល្លា|ដុលា)"
    r"|(?P<khr>៛|(?i:riels?|khr)" + _NOT_A_LETTER + r"|រៀល)"
    r"|(?P<cents>¢|(?i:cents?)" + _NOT_A_LETTER + r"|សេន)"
    r")"
)
# A bare 'r' means riel only when glued to the number: 5000r, ៥០០០រ.
_GLUED_RIEL = re.compile(r"(?i:r)" + _NOT_A_LETTER + r"|រ(?![\u1780-\u17ff])")
_PREFIX = re.compile(
    r"(?:(?P<usd>(?i:us)?\$|(?<![^\W\d_])(?i:usd))|(?P<khr>៛|(?<![^\W\d_])(?i:khr)))[ ]{0,2}$"
)
# A currency sign after a space and glued to the next number is that number's: "ខែ៥ $១២".
_SIGN_OF_THE_NEXT = re.compile(r"[ ]{1,2}(?:US\$|\$|៛)\d")
_THOUSANDS_SUFFIX = re.compile(r"[kK]" + _NOT_A_LETTER)
_KHMER_MULTIPLIER_WORDS = either(KHMER_MULTIPLIERS)
# A multiplier word ends a syllable; a Khmer vowel sign after it means the word was longer (រយៈ).
_KHMER_MULTIPLIER = re.compile(r"[ ]?(" + _KHMER_MULTIPLIER_WORDS + rf")(?![{KHMER_SIGNS}])")
# The next, smaller link may stand after one space: "១ម៉ឺន ៥ពាន់" is 15,000 as "១ម៉ឺន៥ពាន់" is.
_KHMER_CHAIN_LINK = re.compile(
    r"[ ]?(\d+(?:\.\d+)?)[ ]?(" + _KHMER_MULTIPLIER_WORDS + rf")(?![{KHMER_SIGNS}])"
)
_KHMER_TRAILING_DIGIT = re.compile(r"\d(?![\d.,])")
# A minus glued to a number (or to its currency sign) after a space or at the start: "-5$", "−5$",
# "-$5". "3-4$" is a range and "012-345" a phone: a digit or a letter before the minus is not a sign.
_MINUS = "-−–"
_PHONE = re.compile(r"(?:\+[ ]?855|(?<![\d.,])0)(?:[ -]?\d){7,9}(?!\d)")


@dataclass(frozen=True, slots=True)
class Mention:
    """A number in a line: where it stands (markers included), its value and any currency said."""

    start: int
    end: int
    number_start: int
    value: Decimal
    currency: Currency | None
    decimals: int
    scaled: bool
    negative: bool = False  # written with a minus: "-5$"

    @property
    def marked(self) -> bool:
        """Whether a currency marker or a Khmer multiplier word says this is money."""
        return self.currency is not None

    @property
    def money_like(self) -> bool:
        """Whether the number reads as money even without a currency: marked, or '10k'."""
        return self.currency is not None or self.scaled


def scan_line(line: str, most_money: int | None = None) -> list[Mention]:
    """Every number in the line that could be an amount; times, dates, codes and phones left out.

    With `most_money`, the scan stops at the first money-like number over that many: a message
    with more amounts than anyone may save is refused without reading the rest.
    """
    scan = line.translate(DIGITS_TO_ASCII)
    phones = deque(match.span() for match in _PHONE.finditer(scan))
    mentions: list[Mention] = []
    taken_until, money = 0, 0
    for match in _NUMBER.finditer(scan):
        start, end = match.span()
        while phones and phones[0][1] <= start:
            phones.popleft()
        if start < taken_until or (phones and phones[0][0] <= start):
            continue
        mention = _read_mention(scan, start, end, taken_until)
        if mention is not None:
            mentions.append(mention)
            taken_until = mention.end
            money += mention.money_like
            if most_money is not None and money > most_money:
                break
    return mentions


def _read_mention(scan: str, start: int, end: int, taken_until: int) -> Mention | None:
    written = scan[start:end]
    before = scan[start - 1] if start > 0 else ""
    before_that = scan[start - 2] if start > 1 else ""
    after = scan[end] if end < len(scan) else ""
    after_that = scan[end + 1] if end + 1 < len(scan) else ""

    if before.isdigit() or (before and before in ".,:/" and before_that.isdigit()) or before in ("#", "№"):
        return None  # the tail of a time (8:30), a date (12/12) or a longer number
    if after and after in ":/.," and after_that.isdigit():
        return None  # the head of a time, a date or a dotted code (12.12.2026)
    if after == "%":
        return None

    prefix = _PREFIX.search(scan, max(taken_until, start - 8), start)
    multiplied = before in "xX×" and before_that.isdigit()  # "2x1.5$": read, then asked about
    if is_latin_letter(before) and prefix is None and not multiplied:
        return None  # a code or model glued to letters: Q3, A4, v2, 1e9

    number = read_number(written)
    if number is None:
        return None
    value, decimals = number
    position, scaled, currency = end, False, None

    thousands = _THOUSANDS_SUFFIX.match(scan, position)
    khmer = _KHMER_MULTIPLIER.match(scan, position)
    if thousands:
        value, position, scaled, decimals = value * THOUSAND, thousands.end(), True, 0
    elif khmer:
        value, position = _read_khmer_multipliers(scan, value, khmer)
        scaled, decimals, currency = True, 0, Currency.KHR

    suffix = _SUFFIX.match(scan, position)
    if suffix and suffix.group(0)[:1] == " " and _SIGN_OF_THE_NEXT.match(scan, suffix.start()):
        suffix = None  # "ខែ៥ $១២": the sign opens the next number, 12$, and 5 is the month
    glued_riel = _GLUED_RIEL.match(scan, position) if position == end or scaled else None
    if suffix:
        position = suffix.end()
        if suffix.group("usd"):
            currency = Currency.USD
        elif suffix.group("khr"):
            currency = Currency.KHR
        else:
            value, decimals, currency = value / 100, decimals + 2, Currency.USD
    elif glued_riel:
        position, currency = glued_riel.end(), Currency.KHR

    start_of_mention = start
    if prefix is not None:
        prefix_currency = Currency.USD if prefix.group("usd") else Currency.KHR
        if currency is None or (currency is prefix_currency and not scaled):
            currency = prefix_currency
            start_of_mention = prefix.start()

    next_char = scan[position] if position < len(scan) else ""
    if currency is None and not scaled and (is_latin_letter(next_char) or is_khmer(next_char)):
        return None  # a unit or classifier glued on: 7up, 3pm, 30th, ២០នាក់
    if currency is None and not scaled and value >= OVERSIZED:
        return None  # an account or card number: money only when a currency says so

    return Mention(
        start=start_of_mention,
        end=position,
        number_start=start,
        value=value,
        currency=currency,
        decimals=decimals,
        scaled=scaled,
        negative=_minus_before(scan, start_of_mention) or _minus_before(scan, start),
    )


def _minus_before(scan: str, position: int) -> bool:
    """Whether a minus sign stands glued before the position, and is not a dash between two words."""
    before = scan[position - 1] if position > 0 else ""
    before_that = scan[position - 2] if position > 1 else ""
    if not before or before not in _MINUS:
        return False
    return not before_that or not (before_that.isalnum() or before_that in _MINUS)


def _read_khmer_multipliers(scan: str, value: Decimal, first: re.Match[str]) -> tuple[Decimal, int]:
    """២ម៉ឺន៥ពាន់ = 25,000; ១លាន២សែន = 1,200,000; ២ម៉ឺន៥ = 25,000."""
    unit = KHMER_MULTIPLIERS[first.group(1)]
    total, position = value * unit, first.end()
    while link := _KHMER_CHAIN_LINK.match(scan, position):
        smaller = KHMER_MULTIPLIERS[link.group(2)]
        amount = read_number(link.group(1))
        if smaller >= unit or amount is None:
            break
        total, unit, position = total + amount[0] * smaller, smaller, link.end()
    if trailing := _KHMER_TRAILING_DIGIT.match(scan, position):
        total, position = total + int(trailing.group()) * next_unit_below(unit), trailing.end()
    return total, position
