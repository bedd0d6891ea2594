"""Numbers written in words, English and Khmer, rewritten as digits where they name money.

A number in words counts as an amount only where a digit amount would: next to a currency
word, or joined to a multiplier ("twenty thousand", ប្រាំពាន់). Everywhere else ("one of us",
"two days ago", យើងមកពីរនាក់) the words are left as they are, and the parser's rules for
digits then decide the rest. Khmer is written without spaces between words, so a Khmer number
word is one only where the next character starts a new word: never a vowel sign or a subscript,
which would make it part of a longer word.
"""

from __future__ import annotations

import re
from decimal import Decimal

from balance_bot.domain.numerals import KHMER_MULTIPLIERS
from balance_bot.domain.text import KHMER_SIGNS, KHMER_SUBSCRIPT, either

_UNIT_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
ENGLISH_UNITS = {word: value for value, word in enumerate(_UNIT_WORDS.split(" "))}
_TENS_WORDS = "twenty thirty forty fifty sixty seventy eighty ninety"
_ENGLISH_TENS = {word: 10 * value for value, word in enumerate(_TENS_WORDS.split(" "), start=2)}
_ENGLISH_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000}
_ENGLISH_NUMBER_WORDS = either([*ENGLISH_UNITS, *_ENGLISH_TENS, *_ENGLISH_SCALES])
_WORD = rf"(?:{_ENGLISH_NUMBER_WORDS})"
# "twenty-five", "two hundred and fifty thousand", "one and a half", "a hundred"
_RUN = rf"\b(?:a|{_WORD})(?:(?:[ -]+|[ ]+and[ ]+){_WORD})*(?:[ ]+and[ ]+a[ ]+half)?\b"
_DOLLAR_WORDS = r"(?:dollars?|bucks?|usd|us[ ]dollars?)"
_CURRENCY_WORDS = rf"(?:{_DOLLAR_WORDS}|riels?|khr|cents?|រៀល|ដុល្លារ)"
_ENGLISH = re.compile(
    # A sign glued to digits is theirs: "aaa six $0.05" is six of something, for five cents.
    rf"(?P<run>{_RUN})(?:(?P<space>[ ]?)(?P<currency>(?:{_CURRENCY_WORDS})\b|[$៛¢](?=[^\W\d_]))"
    rf"(?:[ ]+and[ ]+a[ ]+(?P<half>half)\b|[ ]+(?P<cents>{_RUN})(?![ ]*{_CURRENCY_WORDS}))?)?",
    re.IGNORECASE,
)
# A quick test that spares most messages the full pattern: some English number word is there.
_ENGLISH_TRIGGER = re.compile(rf"\b(?:{_ENGLISH_NUMBER_WORDS}|half)\b", re.IGNORECASE)
_ENGLISH_A_MONEY = re.compile(rf"\ba[ ]+{_DOLLAR_WORDS}\b", re.IGNORECASE)
_HALF_A_DOLLAR = re.compile(rf"\bhalf[ ]+an?[ ]+(?P<currency>{_DOLLAR_WORDS})\b", re.IGNORECASE)

KHMER_UNITS = {
    "សូន្យ": 0,
    "មួយ": 1,
    "ពីរ": 2,
    "បី": 3,
    "បួន": 4,
    "ប្រាំ": 5,
    "ប្រាំមួយ": 6,
    "ប្រាំពីរ": 7,
    "ប្រាំបី": 8,
    "ប្រាំបួន": 9,
}
_KHMER_TENS = {
    "ដប់": 10,
    "ម្ភៃ": 20,
    "សាមសិប": 30,
    "សែសិប": 40,
    "ហាសិប": 50,
    "ហុកសិប": 60,
    "ចិតសិប": 70,
    "ប៉ែតសិប": 80,
    "កៅសិប": 90,
}
_HALF = "កន្លះ"
_KHMER_MULTIPLIER_WORDS = either(KHMER_MULTIPLIERS)
_KHMER_CURRENCY = ("ដុល្លារ", "ដុល្លា", "រៀល", "$", "៛")


# A number word ends a Khmer word only where no sign follows it (see KHMER_SIGNS).
_KHMER_BOUND_AFTER = rf"(?![{KHMER_SIGNS}])"
_KHMER_NUMBER = rf"(?<!{KHMER_SUBSCRIPT})(?P<tens>{either(_KHMER_TENS)})?(?P<unit>{either(KHMER_UNITS)})?"
_KHMER_NEXT = rf"(?:{_KHMER_MULTIPLIER_WORDS}|{either(_KHMER_CURRENCY)}|{_HALF})"
_KHMER = re.compile(_KHMER_NUMBER + rf"(?=[ ]?{_KHMER_NEXT}{_KHMER_BOUND_AFTER})")
_KHMER_TRIGGER = re.compile(either([*KHMER_UNITS, *_KHMER_TENS]))
# "3ដុល្លារកន្លះ" is three and a half dollars; "1ម៉ឺនកន្លះ" one and a half ten-thousands. A half typed
# twice is one half: read once, none may be left to be read again (spelling out is stable).
_KHMER_HALF_DOLLAR = re.compile(rf"(\d+)([ ]?(?:ដុល្លារ|ដុល្លា))(?:{_HALF})+")
_KHMER_HALF_MULTIPLIER = re.compile(rf"(\d+)[ ]?({_KHMER_MULTIPLIER_WORDS})(?:{_HALF})+")
_HALF_OF = {
    Decimal(1_000_000): "5សែន",
    Decimal(100_000): "5ម៉ឺន",
    Decimal(10_000): "5ពាន់",
    Decimal(1_000): "5រយ",
    Decimal(100): "50",
}

# "1ម៉ឺនប្រាំ" is fifteen thousand, "ពាន់ប្រាំ" fifteen hundred: a lone digit right after a multiplier,
# with nothing smaller after it, counts in the next smaller unit, as "one and a half" would.
_ONE_TO_NINE = {word: value for word, value in KHMER_UNITS.items() if value}
_KHMER_TRAILING_DIGIT = re.compile(
    rf"(\d*)({_KHMER_MULTIPLIER_WORDS})({either(_ONE_TO_NINE)}|[1-9])"
    rf"(?![\d.,]|[ ]?(?:{_KHMER_MULTIPLIER_WORDS}|{_HALF}|{either(_KHMER_CURRENCY)})|[{KHMER_SIGNS}]"
    rf"|{either([*KHMER_UNITS, *_KHMER_TENS])})"
)
_NEXT_SMALLER = {
    Decimal(1_000_000): "សែន",
    Decimal(100_000): "ម៉ឺន",
    Decimal(10_000): "ពាន់",
    Decimal(1_000): "រយ",
}


# Khmer multipliers written in Latin letters, as members type them on an English keyboard ("sang moto
# 2meun", "5 pean", "3roi"): after a digit only, where nothing else could be meant.
_ROMANIZED_MULTIPLIERS = {
    "ម៉ឺន": ("meun", "mern", "muen", "moeun", "mun"),
    "ពាន់": ("pean", "poan", "porn"),  # not "pan": "2 pan" may be two pans
    "រយ": ("roi", "roy", "rouy"),
    "សែន": ("saen", "sein"),
}
_MULTIPLIER_OF_ROMANIZED = {word: khmer for khmer, words in _ROMANIZED_MULTIPLIERS.items() for word in words}
_ROMANIZED_MULTIPLIER = re.compile(
    rf"(?<![\w.,])(\d+(?:\.\d+)?)[ ]?({either(_MULTIPLIER_OF_ROMANIZED)})"
    r"(?![^\W\d_])",
    re.IGNORECASE,
)

# "five dollars fifty" is 5.50; no cents follow riel or cents.
_NO_CENTS_AFTER = frozenset({"cents", "cent", "¢", "riel", "riels", "khr", "រៀល", "៛"})


def spell_out_numbers(text: str) -> str:
    """The text with each number in words that names money written in digits; the rest as it was."""
    text = _ROMANIZED_MULTIPLIER.sub(
        lambda match: match.group(1) + _MULTIPLIER_OF_ROMANIZED[match.group(2).lower()], text
    )
    if _KHMER_TRIGGER.search(text) or _HALF in text:
        text = _khmer_in_digits(text)
    if _ENGLISH_TRIGGER.search(text) or _ENGLISH_A_MONEY.search(text):
        text = _HALF_A_DOLLAR.sub(lambda match: f"0.5 {match.group('currency')}", text)
        text = _ENGLISH.sub(_english_in_digits, text)
    return text


def _khmer_in_digits(text: str) -> str:
    def digits(match: re.Match[str]) -> str:
        if not match.group(0):
            return ""
        tens, unit = match.group("tens"), match.group("unit")
        return str(_KHMER_TENS.get(tens or "", 0) + KHMER_UNITS.get(unit or "", 0))

    text = _KHMER.sub(digits, text)
    text = _KHMER_TRAILING_DIGIT.sub(_trailing_digit, text)
    text = _KHMER_HALF_DOLLAR.sub(lambda m: f"{m.group(1)}.5{m.group(2)}", text)
    return _KHMER_HALF_MULTIPLIER.sub(
        lambda m: f"{m.group(1)}{m.group(2)}{_HALF_OF[KHMER_MULTIPLIERS[m.group(2)]]}", text
    )


def _trailing_digit(match: re.Match[str]) -> str:
    count, multiplier, digit = match.groups()
    value = KHMER_UNITS.get(digit) or int(digit)
    smaller = _NEXT_SMALLER.get(KHMER_MULTIPLIERS[multiplier])
    lower = f"{value}{smaller}" if smaller else f"{value}0"
    return f"{count or 1}{multiplier}{lower}"


def _english_in_digits(match: re.Match[str]) -> str:
    """The run of number words as digits, if it names money; the words unchanged if not."""
    run, currency = match.group("run"), match.group("currency")
    value = english_number(run)
    if value is None:
        return match.group(0)
    if currency is None:
        words = run.lower().split()
        if not any(scale in words for scale in _ENGLISH_SCALES) or words[-1] in ("a", "and"):
            return match.group(0)  # "one of us", "two days ago": words, not money
        return _plain(value)
    if match.group("half"):
        value += Decimal("0.5")
    cents = english_number(match.group("cents")) if match.group("cents") else None
    if cents is not None and 0 < cents < 100 and currency.lower() not in _NO_CENTS_AFTER:
        value += cents / 100
    elif match.group("cents"):
        return f"{_plain(value)}{match.group('space')}{currency} {match.group('cents')}"
    return f"{_plain(value)}{match.group('space') or ' '}{currency}"


def english_number(words: str) -> Decimal | None:
    """'two hundred and fifty thousand' = 250,000; 'one and a half' = 1.5; None when not a number."""
    total, current, half = Decimal(0), Decimal(0), False
    tokens = [token for token in re.split(r"[ -]+", words.lower()) if token and token != "and"]
    if tokens[-2:] == ["a", "half"]:
        tokens, half = tokens[:-2], True
    if not tokens:
        return None
    for token in tokens:
        if token == "a":
            current += 1
        elif token in ENGLISH_UNITS:
            current += ENGLISH_UNITS[token]
        elif token in _ENGLISH_TENS:
            current += _ENGLISH_TENS[token]
        elif token == "hundred":
            current = max(current, Decimal(1)) * 100
        elif token in _ENGLISH_SCALES:
            total += max(current, Decimal(1)) * _ENGLISH_SCALES[token]
            current = Decimal(0)
        else:
            return None
    return total + current + (Decimal("0.5") if half else 0)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f")
