"""Whether a member says they are not sure of an amount: the bot asks again rather than save a guess."""

from __future__ import annotations

import re
from decimal import Decimal

from balance_bot.domain.bare_amounts import NEARBY
from balance_bot.domain.money_back import tells_of_money_back_in
from balance_bot.domain.not_spending import tells_of_money_not_spent
from balance_bot.domain.text import DIGITS_TO_ASCII, bare_word
from balance_bot.domain.vocabulary import LABELS, SENTENCE_WORDS

# What a number is written with, when it is money: a currency, a multiplier (២ម៉ឺន, 10k), or the
# romanised ten-thousands glued between digits ("1m2", 12,000).
_CURRENCY = (
    r"\$|៛|usd|khr|us\s?dollars?|dollars?|dolla|bucks?|riels?|rean|r\b|k\b|cents?|"
    r"ដុល្លារ|ដុល្លា|ដុលា|រៀល|សេន|ម៉ឺន|មុឺន|មឺុន|ម៉ុឺន|ពាន់|សែន|លាន"
)
_NUMBER = r"(?:\$\s?)?\d+(?:[.,]\d+)?(?:m\d+\b)?"
_MARKED = re.compile(rf"\$|\d\s?(?:{_CURRENCY})|\dm\d")
_KHMER_NUMBER_WORDS = r"មួយ|ពីរ|បី|បួន|ប្រាំមួយ|ប្រាំពីរ|ប្រាំបី|ប្រាំបួន|ប្រាំ|ដប់"
_AMOUNT = rf"(?:{_NUMBER}|{_KHMER_NUMBER_WORDS})(?:\s?(?:{_CURRENCY}))*"
# "35 or 36", "២ ឬ ៣ ម៉ឺន", "1m2 rii 1m6" (romanised ឬ), "1.5 or maybe 2$": two amounts, either of which.
_OR = r"(?:or(?:\s+maybe)?|maybe|ឬ(?:ក៏)?|ឬក៏|rii?|ry|reu|rue|ruu|rur)"
_ALTERNATIVES = re.compile(rf"(?<![0-9a-z.,])({_AMOUNT})\s*{_OR}\s*({_AMOUNT})(?![0-9a-z])")
# "10-12$", "10 to 12$", "ពី ១ម៉ឺន ដល់ ១ម៉ឺន៥": a range.
_RANGE = re.compile(rf"(?<![0-9a-z.,:/-])({_AMOUNT})\s*(?:-|–|~|to|ដល់|dol|del)\s*({_AMOUNT})(?![0-9a-z:/-])")

# Words just before an amount that make it a guess: "about 10$", "ជិត ៥ម៉ឺន", "អស់ជាង២ម៉ឺន" (more than).
_GUESS_BEFORE = re.compile(
    r"(?:\b(?:about|abt|around|arnd|approx|approximately|roughly|almost|nearly|like|maybe|probably|"
    r"perhaps|estimated|est|more\s+than|less\s+than|at\s+least|at\s+most|close\s+to|"
    r"(?<!hand )(?<!handed )(?<!gave )(?<!give )(?<!passed )over|"  # "handed over 20$" is all of it
    r"i\s+think|i\s+guess|brohel|prohel|brohal|prohal|pro\s?hel|bro\s?hel|pramarn|bramarn|pramean|"
    r"jit|jeang|jieng|chieng|cheang|lers|leus)|~|≈|ប្រហែល(?:ជា)?|ប្រមាណ|ជិត|ស្ទើរតែ|ស្ទើរ|"
    r"យ៉ាងតិច|អាចជា|(?:អស់|ចាយ|ចំណាយ|លើស|^|\s)ជាង)[\s.:]*$"
)
# Words just after it: "35 something", "20$ or so", "2 mern jeang", "២ម៉ឺនជាង", "10$ i think".
_GUESS_AFTER = re.compile(
    r"\s*(?:-?ish\b|\+(?!\s*\w)|(?:something|smth|sth|odd|or\s+so|or\s+more|or\s+less|more\s+or\s+less|"
    r"give\s+or\s+take|plus\s+minus|\+/?-|i\s+think|i\s+guess|maybe|probably|approx|roughly|"
    r"jeang|jieng|chieng|cheang|brohel|prohel)\b|ជាង(?![\u1780-\u17ff])|ប្រហែល|ប្រមាណ|\+/?-)",
)
# An amount's end: a number and what marks it as money.
_AMOUNT_FOUND = re.compile(rf"(?<![0-9a-z.,:/])({_NUMBER}(?:\s?(?:{_CURRENCY}))*)(?!(?!ish)[0-9a-z:/])")

# What a member says of an amount they do not know: they forgot it, do not remember it, are not sure,
# will check. Said of something else ("forgot to post", "not sure which category", ភ្លេចប្រាប់) it is
# no doubt of the amount, so the words after them must be about the amount ("how much", taken with
# them: a question there is the member's own), or none.
_HOW_MUCH = (
    r"(?:\s*(?:how\s+much|what\s+(?:it|the\s+\w+)\s+(?:was|cost)|the\s+(?:exact\s+)?"
    r"(?:amount|price|cost|total|figure|number)|(?:tha\s+)?(?:ponman|bonman|tlai)|(?:ថា)?\s*(?:ប៉ុន្មាន|តម្លៃ|ចំនួន)))"
)
_OF_THE_AMOUNT = (
    # "not sure if 12 or 15$ …": whether it was this amount or that.
    _HOW_MUCH + r"|\s*(?:if|whether)(?=\s+\$?\d)"
    r"|(?=\s*(?:$|[^\w\s]|exact|lol|haha|sorry|already|te\b|tae\b|der\b|hz\b|hoy\b|"
    r"ហើយ|បាត់|អស់|ច្បាស់|ទេ|ណា|[\U0001f000-\U0001faff]))"
)
_FORGOT = (
    r"(?<!almost )(?<!nearly )(?<!kom )(?<!kum )(?<!n't )(?<!dont )"  # "don't forget": a reminder
    r"\b(?:forg[eo]t(?:ten)?|4got|frgot|(?:(?:do|did|does|could|ca)(?:\s+not|n['’]?t)|dont|cant|cannot|can\s+not|not)\s+"
    r"(?:remember|recall|sure)|unsure|not\s+(?:100%?\s+)?(?:sure|certain)|"
    r"(?:ot|ort|aot|min|mun)\s+(?:jam|cham|chaam|jaam)(?:\s+(?:chbas|chbah|chhbas))?|"
    r"(?:ot|ort|min)\s+(?:chbas|chbah|chhbas)|pl[ei]ch|phl[ei]ch|bhl[ei]ch|plij|plej)|"
    r"(?<!កុំ)(?<!កុំ )ភ្លេច|(?:មិន|អត់|មិនសូវ)(?:ចាំ|ប្រាកដ|ច្បាស់)"
)
_CHECKING = (
    r"\b(?:(?:will|gonna|to|need\s+to|must|let\s+me|i'?ll)\s+(?:check|confirm|verify|update)"
    r"(?:\s+(?:the|my|on))?(?:\s+(?:receipt|bill|invoice|amount|price|total))?(?:\s+(?:again|later|tomorrow))?|"
    r"(?:will|gonna|to|need\s+to|must|let\s+me|i'?ll)\s+(?:ask|check\s+with|confirm\s+with)\s+(?:the\s+)?"
    r"(?:shop|seller|store|vendor|supplier|shopkeeper|cashier)(?=\s*(?:$|[.,!;?)]|again|later|tomorrow))|"
    r"to\s+be\s+confirmed|tbc|tbd|(?:check|confirm)\s+(?:again|later)|idk|dunno|no\s+idea)\b|"
    r"(?:មិន|អត់|មិនសូវ)ដឹង(?:ថា)?(?:ប៉ុន្មាន|ច្បាស់|តម្លៃ)|"
    r"ចាំ(?:មិន|អត់)ច្បាស់|(?:នឹង|ចាំ|សុំ)?(?:ឆែក|ពិនិត្យ|មើល)(?:វិក្កយបត្រ|បង្កាន់ដៃ|វិក័យប័ត្រ|ម្តងទៀត|ឡើងវិញ)"
)
# The paper the amount is read from cannot be read: "receipt is smudged", "can't read the bill",
# "វិក្កយបត្រមើលមិនច្បាស់". No doubt by itself ("ink 7$, receipt faded" gives the amount), but no talk of a
# price either: its "is" is taken out before the rules of not spending read the rest.
_PAPER = (
    r"(?:receipt|reciept|recipt|bill|invoice|slip|paper|ink|numbers?|writing|handwriting|វិក្កយបត្រ|"
    r"វិក័យប័ត្រ|បង្កាន់ដៃ|vikayabat|bangkandai)"
)
_UNREADABLE = re.compile(
    # Each run of spaces read once: "receipt" then 4,000 spaces costs a pass, not one per space.
    rf"{_PAPER}(?:'s|\s+(?:is|was|got|looks|are|were))?\s*(?:(?:all|so|too|a\s+bit|kinda)\s+)?"
    r"(?:smudged|smeared|faded|blurr?y|blurred|illegible|unreadable|hard\s+to\s+read|rubbed\s+off|"
    r"washed\s+out)\b"
    r"|\b(?:can'?t|cannot|can\s+not|couldn'?t|could\s+not|hard\s+to|unable\s+to)\s+(?:read|make\s+out)\b"
    r"|(?:មើល|អាន)\s*(?:មិន|អត់)\s*(?:ច្បាស់|ចេញ)|ព្រិល|រលុប",
    re.IGNORECASE,
)
_UNSURE = re.compile(rf"(?:{_FORGOT})(?:{_OF_THE_AMOUNT})|{_CHECKING}", re.IGNORECASE)
# Forgetting how much, said outright: "ink cartridge, forgot how much", "ភ្លេចប៉ុន្មាន", "ot jam tlai".
_FORGOT_HOW_MUCH = re.compile(rf"(?:{_FORGOT}){_HOW_MUCH}", re.IGNORECASE)
# Words of doubt the rules of not spending take for a plan: "15ish", and "maybe" between two amounts
# ("6$ maybe 7$"), are a guess at an amount; "maybe 60-70$" alone may be a quote.
_DOUBT = re.compile(r"(?<=\d)\$?-?ish\b|(?<=[\d$៛])\s+maybe(?=\s*\$?\d)")
# A receipt to come is no doubt, nor a plan: "lunch 35 something, will send receipt later".
_RECEIPT_TO_COME = re.compile(
    r"\b(?:(?:will|i'?ll|gonna)\s+)?(?:send|post|share|upload)\s+(?:the\s+|a\s+)?"
    r"(?:receipt|bill|invoice|photo|pic|picture)s?(?:\s+(?:later|tomorrow|soon))?\b|"
    r"\b(?:receipt|bill|invoice|photo|pic)s?\s+(?:later|tomorrow|to\s+follow|soon)\b",
    re.IGNORECASE,
)
_WORD_AFTER = re.compile(r"\s*[^\W\d_]")
_DIGIT = re.compile(r"\d")
_NUMBER_NEXT = re.compile(r"\s*\$?\d")


def says_the_amount_is_unsure(text: str) -> bool:
    """Whether the message (normalized, numbers spelled out) gives an amount the member is not sure of:
    two amounts either of which ("35 or 36", "10-12$"), a guess ("about 10$", "ជិត ៥ម៉ឺន", "35 something"),
    or words saying they forgot or will check ("ot jam te", "ភ្លេចថាប៉ុន្មាន"). A plan, a request or money
    coming in said with a guess is left to the rules of not spending; forgetting the amount outweighs a
    'will' ("will check the receipt")."""
    scan = _UNREADABLE.sub(" ", text.translate(DIGITS_TO_ASCII).lower())
    if not any(char.isdigit() for char in scan):
        return False
    rest = _UNSURE.sub(" ", scan)
    unsure = rest != scan
    said = _DOUBT.sub(" ", _RECEIPT_TO_COME.sub(" ", rest))
    words = {bare_word(word) for word in said.split()}
    if tells_of_money_back_in(said, words) or tells_of_money_not_spent(said, words):
        return False
    return unsure or any(_guessed(line) for line in rest.split("\n"))


def forgets_how_much(text: str) -> bool:
    """Whether the member says outright they forgot how much, or are not sure of it: an amount there was."""
    return _FORGOT_HOW_MUCH.search(text) is not None


def without_doubts_of_the_amount(text: str) -> str:
    """The (normalized) text with the words saying the amount is forgotten or to be checked blanked out;
    the text itself when it has none."""
    scan = text.translate(DIGITS_TO_ASCII).lower()
    rest = _UNSURE.sub(" ", scan)
    return text if rest == scan else rest


def _guessed(line: str) -> bool:
    """Whether the line gives its amount as alternatives, a range or a guess."""
    if any(_are_amounts(line, match) for match in _ALTERNATIVES.finditer(line)):
        return True
    if any(_is_a_range(match) for match in _RANGE.finditer(line)):
        return True
    for match in _AMOUNT_FOUND.finditer(line):
        if _is_money(line, match) and (
            _GUESS_BEFORE.search(line, max(0, match.start() - 24), match.start())
            or _GUESS_AFTER.match(line, match.end())
        ):
            return True
    return False


def _are_amounts(line: str, match: re.Match[str]) -> bool:
    """Whether two numbers joined by 'or' are two amounts: either is marked as money, or, bare, they
    end a terse note ("ink 35 or 36", "kafe 35 or 36 something"), not count ("2 or 3 people lunch 12$")."""
    if _MARKED.search(match.group(1)) or _MARKED.search(match.group(2)):
        return True
    end = match.end()
    if _WORD_AFTER.match(line, end) and not _GUESS_AFTER.match(line, end):
        return False  # a word after the numbers: what they count or label
    if _DIGIT.search(line, end):
        return False  # the amount comes after the count
    before = [bare_word(word) for word in line[max(0, match.start() - NEARBY) : match.start()].split()]
    if before and (before[-1] in LABELS or before[-1] in ("x", "×")):
        return False
    return not any(word in SENTENCE_WORDS for word in before)


def _is_a_range(match: re.Match[str]) -> bool:
    """Whether 'a-b' is a range of money: marked as money ("10-12$", "pages 10-12" is not), and rising
    ("3-1$" is no range)."""
    low, high = match.group(1), match.group(2)
    return bool(_MARKED.search(low) or _MARKED.search(high)) and _leading(low) < _leading(high)


def _leading(amount: str) -> Decimal:
    """The first number written in an amount, for telling a range from a score."""
    number = re.search(r"\d+(?:\.\d+)?", amount)
    return Decimal(number.group()) if number else Decimal(0)


def _is_money(line: str, match: re.Match[str]) -> bool:
    """Whether a number is an amount: marked as money, or bare with no word after it but a guess
    ("35 something"): "around 20 pens", "about 2 hours" count, and "coffee x2 or so" too."""
    if _MARKED.search(match.group(1)):
        return True
    if line[max(0, match.start() - 2) : match.start()].rstrip().endswith(("x", "×", "*")):
        return False
    end = match.end()
    if _NUMBER_NEXT.match(line, end):
        return False  # "around 12 8$": a time or a count, the amount after it
    return not _WORD_AFTER.match(line, end) or _GUESS_AFTER.match(line, end) is not None
