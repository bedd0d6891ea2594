"""The words of a purpose members type in Latin letters for want of a Khmer keyboard ('luy tek rodth',
'sombot lan krong tov Siem Reap', 'tlai doek eivan'), written back in Khmer script, so the tab's Khmer
words read them. Each word is known as the questions' reader knows it (romanised_words: one dictionary,
matched by sound), so a new spelling people type is read here and there at once."""

from __future__ import annotations

import re
from collections.abc import Collection

from balance_bot.domain.romanised_words import one_word

# The Khmer words a purpose is read in: cost, money, water, power, the state's (mains water and power),
# carrying, goods, sending, a ticket, a car, a city (a bus), this month, to, a house, guests, paying,
# buying, hiring, by, a pack, paper, documents, a meeting, garbage, a phone, electricity, a light bulb.
_KHMER = frozenset((
    "ថ្លៃ", "លុយ", "ប្រាក់", "ទឹក", "ភ្លើង", "រដ្ឋ", "ដឹក", "ឥវ៉ាន់", "ផ្ញើ", "សំបុត្រ", "ឡាន", "ក្រុង", "ខែ", "នេះ",
    "ទៅ", "ផ្ទះ", "ភ្ញៀវ", "បង់", "ទិញ", "ជួល", "តាម", "កញ្ចប់", "ក្រដាស", "ឯកសារ", "ប្រជុំ", "សំរាម", "ទូរស័ព្ទ",
    "អគ្គិសនី", "អំពូល",
))  # fmt: skip
_PAYING = {"បង": "បង់"}
_SHORT = 3  # letters  # in a purpose 'bong' pays; the elder addressed is no purpose
# Spellings that are English words or names too ('lan', 'tuk', 'bong', 'tam', 'rot'): read as Khmer only
# beside a spelling that is not.
_ALSO_ENGLISH = frozenset(("lan", "tuk", "bong", "tam", "rot", "tow", "tou", "pleng", "tik"))
_LIQUID_OF = "ទឹក"
_WORD = re.compile(r"[a-z0-9&]+|[^a-z0-9&]+")  # words as the category book reads them, and what is between
_LETTERS = re.compile(r"[a-z]+")
_JOINERS = frozenset(
    ("a", "an", "the", "and", "or", "of", "for", "to", "at", "by", "via", "with", "in", "on")
)


def may_be_typed(text: str) -> bool:
    """Whether a word of the (lower-case) text is surely Khmer typed in Latin letters: cheap, before
    the tab's words are looked for."""
    return _surely_khmer(_LETTERS.findall(text))


def _surely_khmer(words: list[str]) -> bool:
    """Whether the words are Khmer typed in Latin letters: one of them is one of a Khmer word's own
    spellings, or two are Khmer words by their sound, and no English word. A word read by its sound
    alone may be English ('carry' sounds as ខែ does)."""
    typed = [word for word in words if word not in _ALSO_ENGLISH]
    return (
        any(_khmer_of(word, by_sound=False) for word in typed) or sum(map(bool, map(_khmer_of, typed))) >= 2
    )


def _khmer_of(word: str, *, by_sound: bool = True) -> str | None:
    """The Khmer word of a purpose a Latin word is, if any."""
    # a short word ('dek' ដែក, iron, is no 'deuk' ដឹក; 'kes', a case) only as one of the word's own spellings
    khmer = one_word(word, by_sound=by_sound and len(word) > _SHORT) if word.isalpha() else None
    khmer = _PAYING.get(khmer or "", khmer)
    return khmer if khmer in _KHMER else None


def in_khmer_script(text: str, kept: Collection[int] = ()) -> str | None:
    """The (lower-case) purpose with its romanised Khmer words in Khmer script, written together as Khmer
    is ('luy tek rodth' -> 'លុយទឹករដ្ឋ'), but the words at `kept` (their places among the words: those the
    tab reads as they are, 'tuk tuk'); None when no word of it is surely Khmer typed in Latin letters, or
    a word nothing reads comes before one read: Khmer names the thing first, and that one is unknown
    ('ampoul pleung' is a light bulb, no electricity)."""
    pieces = _WORD.findall(text.replace("-", " "))
    words = [piece for piece in pieces if piece[0].isalnum()]
    khmer = [None if at in kept else _khmer_of(word) for at, word in enumerate(words)]
    for at, word in enumerate(khmer[:-1]):
        if word == _LIQUID_OF and khmer[at + 1] is None and words[at + 1].isalpha():
            khmer[at] = None  # water before a word in Latin letters is a liquid of its own ('tek lang ean')
    if not _surely_khmer([word for word, said in zip(words, khmer, strict=True) if said is not None]):
        return None
    for at in range(len(words) - 1):
        unread = khmer[at] is None and at not in kept and words[at].isalpha() and words[at] not in _JOINERS
        if unread and khmer[at + 1] is not None:
            return None
    written: list[str] = []
    read = iter(khmer)
    for piece in pieces:
        said = next(read) if piece[0].isalnum() else None
        if said is None:
            written.append(piece)
        elif len(written) >= 2 and written[-1].isspace() and written[-2] in _KHMER:
            written[-1:] = [said]  # Khmer is written without spaces between its words
        else:
            written.append(said)
    return "".join(written)
