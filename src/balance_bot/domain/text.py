"""Message text made safe to read: invisible characters out, digits comparable, emoji recognised."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# Invisible formatting (zero-width spaces and joiners, bidi marks and isolates, BOM, soft hyphen,
# tag characters) and C0/C1 controls other than the newline. Khmer keyboards insert zero-width
# spaces between words; dropping them leaves the visible text unchanged.
_INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u206f\ufe00-\ufe0d\ufeff\ufff9-\ufffb\U000e0000-\U000e0fff"
    "\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]"
)
_LINE_BREAKS = re.compile("\r\n|[\r\u2028\u2029\x85]")
_ODD_SPACES = re.compile("[\t\u00a0\u1680\u2000-\u200a\u202f\u205f\u3000]")

# Khmer and full-width digits become ASCII one for one, so positions in the scanned text are
# positions in the member's text and a purpose can be cut from the original, Khmer intact.
DIGITS_TO_ASCII = str.maketrans(
    "០១២៣៤៥៦៧៨៩０１２３４５６７８９＄",
    "01234567890123456789$",
)

# Emoji, pictographs, dingbats, arrows, keycaps, variation selectors and skin tones.
EMOJI = re.compile(
    "(?:[0-9#*]\ufe0f?\u20e3)|"
    "[\U0001f000-\U0001faff\u2190-\u21ff\u2300-\u23ff\u2460-\u24ff\u25a0-\u27bf"
    "\u2900-\u297f\u2b00-\u2bff\u3030\u303d\u3297\u3299\u00a9\u00ae\u2122\u2139"
    "\ufe0e\ufe0f\u20e3\u200d]"
)

# Consonants and independent vowels, which start a written syllable.
KHMER_BASE_LETTERS = "\u1780-\u17b3"
# Vowel signs, diacritics and the subscript mark: written on or under the letter before them, so
# a Khmer word (written without spaces) never starts with one, nor right after the subscript mark.
KHMER_SIGNS = "\u17b6-\u17d3\u17dd"
KHMER_SUBSCRIPT = "\u17d2"
KHMER_LETTERS = f"{KHMER_BASE_LETTERS}{KHMER_SIGNS}\u19e0-\u19ff"
# A written Khmer syllable: a letter, then its subscript consonants and its signs.
KHMER_SYLLABLE = re.compile(
    f"[{KHMER_BASE_LETTERS}](?:{KHMER_SUBSCRIPT}[{KHMER_BASE_LETTERS}]|[{KHMER_SIGNS}])*"
)


def either(words: Iterable[str]) -> str:
    """A regex alternation of the words, longest first, so that a longer word wins over its start."""
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


def normalize_message(text: str) -> str:
    """The member's text with invisible characters removed and line breaks and spaces unified."""
    text = unicodedata.normalize("NFC", text)
    text = _LINE_BREAKS.sub("\n", text)
    text = _INVISIBLE.sub("", text)
    return _ODD_SPACES.sub(" ", text)


# Punctuation around a word that is no part of it: "coffee," "(ice)" "pls!".
WORD_EDGES = " -–—_:;,.!?/\\|*•·=+~'\"`()[]{}<>«»“”‘’…&@#"


def bare_word(word: str) -> str:
    """The word in lower case without the punctuation around it."""
    return word.strip(WORD_EDGES).lower()


def is_khmer(char: str) -> bool:
    """Whether a character is part of Khmer script (letters, vowels, signs, digits)."""
    return "\u1780" <= char <= "\u17ff" or "\u19e0" <= char <= "\u19ff"


def is_latin_letter(char: str) -> bool:
    """Whether a character is a letter outside Khmer script (Latin and the like)."""
    return char.isalpha() and not is_khmer(char)
