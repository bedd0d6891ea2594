"""Numbers written without a currency in a line of a message: a price in a terse note or a list, what was
paid to someone, or a label, a count or a code; and the found amounts the parser gathers."""

from __future__ import annotations

import re
from dataclasses import dataclass

from balance_bot.domain.amounts import Mention
from balance_bot.domain.money import Currency
from balance_bot.domain.purpose import clean_purpose
from balance_bot.domain.text import bare_word, is_khmer
from balance_bot.domain.vocabulary import (
    CONNECTIVES,
    DAY_NAMES,
    KHMER_LABEL_ENDINGS,
    LABELS,
    MEASURE_WORDS,
    SENTENCE_WORDS,
    TRAILING_FILLER,
)

_LAST_DAY_OF_A_MONTH = 31
# A whole number below this, before a price in a list, counts the things bought: "eggs 10 5000".
_MOST_COUNTED = 100

# A bare number is taken for a price only in a terse note: "coffee 3", not a sentence.
MAX_WORDS_BEFORE_BARE_AMOUNT = 5
# A number shaped like money (7000, 23.40) may follow a longer note: "water for the site 2 cases 7000".
MAX_WORDS_BEFORE_MONEY_SHAPED = 8

# "paid 15 to the driver", "spent 20 on the taxi": a paying word, the number, whom or what for.
PAYING = frozenset(("paid", "pay", "spent", "gave", "reimbursed", "settled", "បង់", "ចាយ", "ឲ្យ", "អោយ"))
# What may stand between the things bought and their one bare amount: "bleach, soap = 11.50".
_SUM_SIGNS = frozenset(("=", ":", "-", "–", "—", "=>", "->", "→"))
_PAID_WHOM = frozenset(("him", "her", "them", "he", "she", "គាត់", "គេ"))
_PAID_TO = re.compile(r"\s+(?:to|for|on|ឲ្យ|អោយ|ទៅ)\s+(\S.*)$", re.IGNORECASE)
# Laughter or a groan right after an amount opens a comment on it, not its purpose.
_LAUGH_AFTER = re.compile(
    r"[\s,.!]*(?:lol|lmao|rofl|ha(?:ha)+h?|he(?:he)+|hi(?:hi)+|5{3,}|omg|ugh|oops|rip|ouch|ហា(?:ហា)+|ហិ(?:ហិ)+|"
    r"ហេ(?:ហេ)+)(?![^\W_])",
    re.IGNORECASE,
)

# Where it was bought, after an amount shaped like money: "pa kong moto 5000 nov mot phlov" (at the
# roadside), "tyre patch 5000 at the market", "ទឹកកក ៥០០០ នៅផ្សារ"; part of what it paid for. The buying
# may be told with it: "… ១៦០០០ ទិញនៅផ្សារ", "… 7000 bought at Lucky", "… 5000 tinh nov psar", "… ទិញពីហាង", and
# a shop it came from: "… 28000 from the market".
_PLACE_AFTER = re.compile(
    r"\s*(?:(?:bought|tinh|tenh|ting)\s+(?:(?:at|near|from|in|nov|nou|nouv|pi)\s+)?|ទិញ(?:\s*(?:នៅ|ពី))?\s*"
    r"|(?:at|near|nov|nou|nouv)\s+|នៅ\s*"
    r"|from\s+(?:the\s+)?(?:[^\W\d_]+\s+)?(?=(?:market|shop|store|mart|supermarket|pharmacy|bakery|stall|psar|"
    r"phsar)\b))[^\W\d_]",
    re.IGNORECASE,
)

_KHMER_MEASURES = tuple(word for word in MEASURE_WORDS if is_khmer(word[0]))

# How many, written as times: "x2", "2x", "×3", "x 2".
_TIMES = frozenset(("x", "×", "*"))
_TIMES_GLUED = re.compile(r"^[x×*](?=[0-9០-៩]+$)|(?<=[0-9០-៩])[x×*]$")

# What a thing was bought for follows these: "for the meeting", "សម្រាប់សិស្ស".
_FOR = frozenset(("for", "សម្រាប់", "samrab", "somrab"))
_ARTICLES = frozenset(("the", "a", "an", "our", "this", "that", "tomorrow's", "today's"))

# Words beside a number are looked for this far from it, so a long line is read in linear time.
NEARBY = 64


@dataclass(frozen=True, slots=True)
class Found:
    """An amount found in a line, with the purpose the line gives it."""

    mention: Mention
    currency: Currency
    guessed: bool
    purpose: str
    is_total: bool = False
    day_words: str = ""  # the day the line names, or the one a line above it named
    sure: bool = True  # False: a reading a model, when there is one, should confirm
    clause: str = ""  # the part of its line between sentence breaks, when the line holds several amounts


def is_a_measure(word: str) -> bool:
    """Whether the word is a measure a price is counted in; Khmer glues the next word to it (បាវហើយ)."""
    if word in MEASURE_WORDS:
        return True
    return bool(word) and is_khmer(word[0]) and any(word.startswith(m) for m in _KHMER_MEASURES)


def bare_amount(line: str, mentions: list[Mention]) -> Found | None:
    """A number with no currency taken for a price: last in a terse note ('ice 5000'), or alone."""
    if not mentions:
        return None
    last = mentions[-1]
    after = line[last.end :]
    words_before = line[: last.start].split()
    if words_before and words_before[-1] in _SUM_SIGNS:  # "bleach, soap, mop = 11.50"
        words_before = words_before[:-1]
    if (
        words_before[-2:-1]
        and bare_word(words_before[-2]) in PAYING
        and bare_word(words_before[-1]) in _PAID_WHOM
    ):
        words_before = words_before[:-1]  # "paid him 20 for the sink": whom is no purpose
    if (paid_to := _paid_to(line, last, words_before, after)) is not None:
        return paid_to
    sure = not _LAUGH_AFTER.match(after)
    if not sure:
        after = ""  # "snacks for movie nite 23.40 lol broke now": a comment on the money, not a purpose
    place = after if plausible_alone(last) and _PLACE_AFTER.match(after) else ""
    if "?" in after or (clean_purpose(after) and not place) or starts_with_zero(line, last):
        return None
    if not plausible_alone(last) and any(_labels(line, mention) for mention in mentions[:-1]):
        return None  # "house 24 street 136", "room 3 at 5": beside a label, a small number labels too
    purpose = clean_purpose(" ".join(words_before))
    if not purpose:
        paid = bool(words_before) and bare_word(words_before[-1]) in PAYING  # "paid 15": money
        currency = currency_by_size(last) if paid or plausible_alone(last) else None
        return Found(last, currency, True, "", sure=not paid) if currency else None
    if not is_purpose_word(words_before[-1], last) and not _a_count_after_a_thing(words_before, last):
        return None
    if _reads_as_a_sentence(words_before):
        return None
    words = sum(any(char.isalpha() for char in word) for word in purpose.split())
    if words > (MAX_WORDS_BEFORE_MONEY_SHAPED if plausible_alone(last) else MAX_WORDS_BEFORE_BARE_AMOUNT):
        return None
    currency = currency_by_size(last)
    sure = sure and not place and words <= MAX_WORDS_BEFORE_BARE_AMOUNT  # a model, if any, confirms
    if place:
        purpose = clean_purpose(f"{purpose} {place}")
    return Found(last, currency, True, purpose, sure=sure) if currency else None


def _reads_as_a_sentence(words: list[str]) -> bool:
    """Whether words before a bare number are a sentence's ("see you at 3", "we were 12"), not a note's.
    What a thing was for is no sentence: "coffee for meeting 14000", "snacks for the students 20000"."""
    after_for = False
    for word in words:
        bare = bare_word(word)
        if bare in SENTENCE_WORDS and not after_for:
            return True
        after_for = bare in _FOR or (after_for and bare in _ARTICLES)
    return False


def _labels(line: str, mention: Mention) -> bool:
    """Whether the number labels a room, a house, a street or a time: a label word before it."""
    before = word_before(line, mention.number_start)
    return bool(before) and not is_purpose_word(before, mention)


def _a_count(line: str, mention: Mention, price: Mention | None) -> bool:
    """'6 bottles 3000', 'trey ngiet 2 8000': a small whole number before a price shaped like money, at
    most a word or two between them, or a measure after it, counts what the price paid for."""
    if is_a_measure(bare_word(word_after(line, mention.end))):
        return True
    return (
        price is not None
        and mention.decimals == 0
        and not mention.scaled
        and mention.value < _MOST_COUNTED
        and plausible_alone(price)
        and len(line[mention.end : price.start].split()) <= 2
    )


def _a_count_after_a_thing(words_before: list[str], last: Mention) -> bool:
    """'trey ngiet 2 8000', 'eggs 10 5000', 'bleach x2 7000': a thing, how many (its times sign too),
    then a price shaped like money."""
    if len(words_before) >= 3 and bare_word(words_before[-2]) in _TIMES:
        words_before = [*words_before[:-2], words_before[-1]]  # "bleach x 2 7000"
    count = _TIMES_GLUED.sub("", bare_word(words_before[-1]))
    return (
        len(words_before) >= 2
        and count.isdigit()
        and len(count) <= 2
        and plausible_alone(last)
        and is_purpose_word(words_before[-2])
    )


def _paid_to(line: str, last: Mention, words_before: list[str], after: str) -> Found | None:
    """'paid 15 to the driver', 'paid the cook 40 for the week': a paying word, the number, whom or what
    for. The number is what was paid, its currency guessed from its size, for a check."""
    paid_to = _PAID_TO.match(after)
    if paid_to is None or not words_before:
        return None
    if bare_word(words_before[-1]) in PAYING:
        said_before = words_before[:-1]  # who "him" is: "the plumber came, paid him 20 for the sink"
    elif bare_word(words_before[0]) in PAYING and len(words_before) <= MAX_WORDS_BEFORE_BARE_AMOUNT:
        said_before = words_before[1:]  # whom, then what for
    else:
        return None
    purpose = clean_purpose(" ".join(said_before) + paid_to.group(0))
    currency = currency_by_size(last)
    if purpose and currency and "?" not in after and not starts_with_zero(line, last):
        return Found(last, currency, True, purpose, sure=False)
    return None


def bare_list(line: str, mentions: list[Mention]) -> list[Found]:
    """'ice 3000 coffee 2500 bread 4000': several things each followed by a number shaped like money of
    one currency; each is an expense (only the last would be a price, and the rest its purpose). A count
    before a price is part of what it bought: "tek sot 1 kes 4500 + tek kork 2000" is two entries."""
    if len(mentions) < 2 or is_a_measure(bare_word(word_after(line, mentions[-1].end))):
        return []
    # 'water 6 bottles 3000 ice 2 bags 4000': a count, then the price; the count stays in the purpose.
    mentions = [
        mention
        for mention, after in zip(mentions, [*mentions[1:], None], strict=True)
        if not _a_count(line, mention, after)
    ]
    if len(mentions) < 2:
        return []
    currencies = {currency_by_size(mention) for mention in mentions}
    if len(currencies) != 1 or None in currencies or clean_purpose(line[mentions[-1].end :]):
        return []
    listed: list[Found] = []
    start = 0
    for mention in mentions:
        words = line[start : mention.start].split()
        purpose = clean_purpose(" ".join(words))
        if (
            not purpose
            or not is_purpose_word(words[-1], mention)
            or _reads_as_a_sentence(words)
            or len(purpose.split()) > MAX_WORDS_BEFORE_BARE_AMOUNT
            or starts_with_zero(line, mention)
        ):
            return []
        currency = currency_by_size(mention) or Currency.KHR
        listed.append(Found(mention, currency, True, purpose, sure=plausible_alone(mention)))
        start = mention.end
    return listed


def is_not_money(line: str, mention: Mention) -> bool:
    """A number that labels, counts or codes: 'room 204', '25 students', '3pm', 'is 88321', '0123'."""
    if currency_by_size(mention) is None or starts_with_zero(line, mention):
        return True
    before = word_before(line, mention.number_start)
    if before and not is_purpose_word(before, mention) and bare_word(before) not in CONNECTIVES:
        return True
    word = bare_word(word_after(line, mention.end))
    return bool(word) and word[0].isalpha() and word not in CONNECTIVES and word not in TRAILING_FILLER


def is_purpose_word(word: str, number: Mention | None = None) -> bool:
    """Whether the word before a bare number can name what was bought, not label the number. A day's
    name labels only a number that may be a day of the month: "pong mon 5000" (romanised eggs, ពងមាន់)
    is what was bought, "Mon 5" a day."""
    bare = bare_word(word)
    if bare.endswith(KHMER_LABEL_ENDINGS):  # Khmer writes no spaces: ...ម៉ោង ៣ is 'at 3 o'clock'
        return False
    if bare in DAY_NAMES and number is not None and number.value > _LAST_DAY_OF_A_MONTH:
        return True
    if not bare or bare in LABELS:
        return False
    # "A12", "B2", "204" label the number after them; a model name ("HP305", "iPhone15") names a thing.
    return not bare[-1].isdigit() or sum(char.isalpha() for char in bare) >= 2


def starts_with_zero(line: str, mention: Mention) -> bool:
    """'007', '0123': written with a leading zero, a code rather than an amount."""
    head = line[mention.number_start : mention.number_start + 2]
    return len(head) == 2 and head[0] in "0០" and head[1].isdigit()


def plausible_alone(mention: Mention) -> bool:
    """An amount posted on its own reads as money only when its shape says so: 5000, 10k, 12.50."""
    if mention.scaled:
        return True
    if mention.decimals == 2:
        return True
    return mention.decimals == 0 and mention.value >= 1000 and mention.value % 100 == 0


def currency_by_size(mention: Mention) -> Currency | None:
    """Riel come in hundreds and thousands, dollars in units and cents; odd big ones are neither."""
    value = mention.value
    if mention.scaled:
        return Currency.KHR
    if mention.decimals:
        return Currency.USD if mention.decimals <= 2 else None
    if value % 100 == 0 and value >= 100:
        return Currency.KHR
    if value < 1000:
        return Currency.USD
    return None


def word_before(line: str, position: int) -> str:
    """The last word before the position (within NEARBY characters), or ''."""
    words = line[max(0, position - NEARBY) : position].split()
    return words[-1] if words else ""


def word_after(line: str, position: int) -> str:
    """The first word after the position (within NEARBY characters), or ''."""
    words = line[position : position + NEARBY].split(maxsplit=1)
    return words[0] if words else ""
