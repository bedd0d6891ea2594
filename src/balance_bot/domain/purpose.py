"""The purpose of an expense as a short phrase: greetings, mentions, emoji, filler and dates out."""

from __future__ import annotations

import re

from balance_bot.domain.dates import without_dates
from balance_bot.domain.text import EMOJI
from balance_bot.domain.vocabulary import (
    FILLER,
    GREETED,
    GREETINGS,
    SPENDING_LAST,
    TIMES_OF_DAY,
    TRAILING_FILLER,
)

MAX_PURPOSE_LENGTH = 120

_MENTION_OR_LINK = re.compile(r"@\w+|https?://\S+|www\.\S+", re.IGNORECASE)
# Where the money came from is no purpose: "paid 5$ from the box for ice", "took 40$ from petty cash".
SOURCE_OF_THE_MONEY = re.compile(
    r"\b(?:from|out of)\s+(?:the\s+|our\s+)?(?:petty\s+cash|cash\s*box|box|drawer|float|kitty)"
    r"(?![^\W_])",
    re.IGNORECASE,
)
_STRAY_CURRENCY = re.compile(r"[$៛¢]|(?<![^\W\d_])(?i:usd|khr|riels?|dollars?)(?![^\W\d_])|រៀល|ដុល្លារ|ដុល្លា")
_EDGE_PUNCTUATION = " \t-–—_:;,.!?/\\|*•·=+~'\"`()[]{}<>«»“”‘’…&@#"
_SPACE_BEFORE_PUNCTUATION = re.compile(r"\s+([,:;.!?)])")
_SPACES = re.compile(r"\s+")
# "rent 250$/month": the amount's period, left behind when the amount is taken out, reads as "per month".
_PERIODS = {"mo": "month", "yr": "year", "wk": "week", "hr": "hour"} | {
    word: word for word in ("month", "year", "week", "day", "night", "hour")
}
_A_TIME = rf"(?:{'|'.join(TIMES_OF_DAY)})(?![^\W_])"
_ONLY_TIMES = re.compile(rf"(?:{_A_TIME}[\s,]*)+")  # for lower-case text
# "bought tomatoes just now": when, closing what was bought.
_TIME_CLOSING = re.compile(
    r"(?<=\S)[\s,]+(?:(?:just|right)\s+)?now$"
    r"|(?<=\S)[\s,]+(?:a|[0-9]+)\s*(?:few\s+)?(?:minutes?|mins?|moments?)\s+ago$",
    re.IGNORECASE,
)
_LONGEST_TIME = 30  # characters: a longer purpose names more than when
# The letters a time of day can open on, looked at before the pattern: most purposes open on none of them.
_TIME_STARTS = frozenset("tlyeijapnmrfs0123456789០១២៣៤៥៦៧៨៩ពលយរអម")
_KHMER_SPENDING_LAST = tuple(word for word in SPENDING_LAST if not word.isascii())
_SUBSCRIPTS = tuple("្" + word for word in _KHMER_SPENDING_LAST)  # ខ្ចាយ, to scatter
# Khmer glues its auxiliaries to the verb after them: បានចាយ (did spend), ទើបតែទិញ (just bought) are the
# filler verb they open.
_KHMER_AUXILIARIES = ("ទើបតែ", "ទើប", "បាន")
_PERIOD_LEFT_BEHIND = re.compile(
    r"(?<!\S)/[ ]?(month|mo|year|yr|week|wk|day|night|hour|hr)(?![^\W_])", re.IGNORECASE
)


def clean_purpose(raw: str) -> str:
    """What was bought, as the member said it, without the words around it; '' if nothing left."""
    text = without_dates(raw)  # first, while "May 5$" still has the $ that makes it no date
    text = SOURCE_OF_THE_MONEY.sub(" ", _MENTION_OR_LINK.sub(" ", text))
    text = EMOJI.sub(" ", text)
    text = _STRAY_CURRENCY.sub(" ", text)
    text = _PERIOD_LEFT_BEHIND.sub(lambda match: "per " + _PERIODS[match.group(1).lower()], text)
    words = _drop_leading_filler(text.split())
    words = _drop_trailing_filler(words)
    purpose = _SPACE_BEFORE_PUNCTUATION.sub(r"\1", " ".join(words)).strip(_EDGE_PUNCTUATION)
    purpose = _SPACES.sub(" ", purpose)
    if purpose.count("(") > purpose.count(")"):
        purpose += ")"  # the edge strip took the closing bracket of "(team of 5)"
    if not any(char.isalpha() for char in purpose):  # Khmer consonants are letters; digits are not
        return ""
    if (
        len(purpose) <= _LONGEST_TIME
        and purpose[0].lower() in _TIME_STARTS
        and _ONLY_TIMES.fullmatch(purpose.lower())
    ):
        return ""  # "spent 45k riel this morning": when, not what
    return _shorten(_TIME_CLOSING.sub("", purpose))


_PAYING = frozenset(("paid", "pay", "bought", "got", "spent", "settled", "transferred"))
_WHAT_WAS_SAID = frozenset(("it", "them", "that", "this"))  # lower case: "paid IT 20$" is for IT
# A greeting's word that opens the name of a thing: "morning glory 2000" (ត្រកួន) is no "good morning".
_NOT_GREETED = frozenset(("glory",))


def _bare(word: str) -> str:
    return word.strip(_EDGE_PUNCTUATION).lower()


def _drop_leading_filler(words: list[str]) -> list[str]:
    index = 0
    while index < len(words):
        bare = _bare(words[index])
        if bare in GREETINGS and not _NOT_GREETED.intersection(map(_bare, words[index + 1 : index + 2])):
            index += 1
            if index < len(words) and _bare(words[index]) in GREETED:
                index += 1
        elif bare in FILLER or not bare or _an_auxiliary_and_filler(bare):
            index += 1
            if (
                bare in _PAYING
                and index < len(words)
                and words[index].strip(_EDGE_PUNCTUATION) in _WHAT_WAS_SAID
            ):
                index += 1  # "paid it, 12$": "it" names nothing new
        else:
            break
    return words[index:]


def _an_auxiliary_and_filler(word: str) -> bool:
    """'បានចាយ', 'ទើបតែបង់', 'បាន': a Khmer auxiliary, alone or glued to a verb of paying; neither
    names anything bought."""
    for auxiliary in _KHMER_AUXILIARIES:
        if word.startswith(auxiliary):
            return word == auxiliary or word[len(auxiliary) :] in FILLER
    return False


def _drop_trailing_filler(words: list[str]) -> list[str]:
    """The words without the filler closing them; none when a verb of spending closes them ("Sophal ចាយ",
    "Dara spent", គាត់ចាយ; not ខ្ចាយ): the words before it said who spent, not on what."""
    end = len(words)
    while end > 0:
        bare = _bare(words[end - 1])
        if bare and bare not in TRAILING_FILLER:
            if bare in SPENDING_LAST or (
                bare.endswith(_KHMER_SPENDING_LAST) and not bare.endswith(_SUBSCRIPTS)
            ):
                return []
            return words[:end]
        end -= 1
    return []


def _shorten(purpose: str) -> str:
    if len(purpose) <= MAX_PURPOSE_LENGTH:
        return purpose
    cut = purpose[:MAX_PURPOSE_LENGTH].rsplit(" ", 1)[0]
    return cut.rstrip(_EDGE_PUNCTUATION) + "…"
