"""The words of a purpose members type in Latin letters for want of a Khmer keyboard ('luy tek rodth',
'sombot lan krong tov Siem Reap', 'tlai doek eivan'), written back in Khmer script, so the tab's Khmer
words read them. Spelling varies from writer to writer: each word is given in the spellings people use."""

from __future__ import annotations

import re
from collections.abc import Collection

# Each Khmer word, with the Latin spellings members type it in. Only whole words are read.
_SPELLINGS = {
    "ថ្លៃ": ("tlai", "thlai", "tlay", "thlay", "tlei", "thlei", "tley", "thley", "tlae", "thlae"),  # cost
    "លុយ": ("luy", "lui", "loy", "louy", "luey", "luoy", "luoi"),  # money
    "ប្រាក់": ("prak", "brak", "praak"),  # money
    "ទឹក": ("tek", "teuk", "toek", "tuek", "tik", "dteuk", "tuk"),  # water
    "ភ្លើង": ("pleung", "phleung", "pleng", "plerng", "pleurng", "plueng", "phlerng", "pleong", "ploeng"),
    "រដ្ឋ": ("rodth", "roth", "rath", "rorth", "rodt", "roat", "rot"),  # the state's (mains water, power)
    "ដឹក": ("deuk", "doek", "derk", "doeuk", "duek", "deurk"),  # carrying
    "ឥវ៉ាន់": ("eivan", "eivann", "eyvan", "eyvann", "eiwan", "eywan", "aivan", "eivorn"),  # goods
    "ផ្ញើ": ("phnheu", "phnhae", "phnhoe", "phnher", "pheu", "phnhaeu", "pnheu", "phnhoeu", "pnhae"),  # send
    "សំបុត្រ": ("sombot", "sombuot", "sambot", "sombut", "sambuot", "sombort", "sambort", "sombuth"),  # ticket
    "ឡាន": ("lan", "laan", "larn"),  # car
    "ក្រុង": ("krong", "krung", "kroung"),  # city: ឡានក្រុង, a bus
    "ខែ": ("khe", "khae"),  # month
    "នេះ": ("nis", "nih", "neh"),  # this
    "ទៅ": ("tov", "tow", "tou", "dtov", "teuv"),  # to
    "ផ្ទះ": ("ptes", "pteah", "phteah", "ptas", "phtes", "pteas"),  # house
    "ភ្ញៀវ": ("phnhiev", "pnhiev", "phnhieu", "pnhieu", "phnheav", "phnhiv", "pnhiv", "phnhiew", "pnhiew"),
    "បង់": ("bong", "borng"),  # to pay
    "ទិញ": ("tinh", "tenh"),  # to buy
    "ជួល": ("jul", "juol", "chuol", "chhuol", "joul"),  # to hire, to rent
    "តាម": ("tam", "taam", "tarm"),  # by, via
    "កញ្ចប់": ("kanhchab", "kanhchob", "kanchab", "kanhjob", "kanhchorb"),  # a pack
    "ក្រដាស": ("kradas", "krodas", "kdas"),  # paper
    "ឯកសារ": ("eksar", "ekasar", "aeksar", "eksa"),  # documents
    "ប្រជុំ": ("prochum", "brochum"),  # a meeting
    "សំរាម": ("somram", "samram", "somrom"),  # garbage
    "ទូរស័ព្ទ": ("turosap", "toursab", "tursap", "tourasap", "turasap"),  # a phone
    "អគ្គិសនី": ("akisany", "akkisanei", "akisanei", "akkisany"),  # electricity
    "អំពូល": ("ampoul", "ampul", "ampol", "ompoul", "ampaul", "ampoule"),  # a light bulb
}
# Spellings that are English words or names too ('lan', 'tuk', 'bong', 'tam', 'rot'): read as Khmer only
# beside a spelling that is not.
_ALSO_ENGLISH = frozenset(("lan", "tuk", "bong", "tam", "rot", "tow", "tou", "pleng", "tik"))
_KHMER_OF = {spelling: khmer for khmer, spellings in _SPELLINGS.items() for spelling in spellings}
_KHMER = frozenset(_SPELLINGS)
_LIQUID_OF = "ទឹក"
_WORD = re.compile(r"[a-z0-9&]+|[^a-z0-9&]+")  # words as the category book reads them, and what is between
_LETTERS = re.compile(r"[a-z]+")
_JOINERS = frozenset(
    ("a", "an", "the", "and", "or", "of", "for", "to", "at", "by", "via", "with", "in", "on")
)


def may_be_typed(text: str) -> bool:
    """Whether a word of the (lower-case) text is surely Khmer typed in Latin letters: cheap, before
    the tab's words are looked for."""
    return any(word in _KHMER_OF and word not in _ALSO_ENGLISH for word in _LETTERS.findall(text))


def in_khmer_script(text: str, kept: Collection[int] = ()) -> str | None:
    """The (lower-case) purpose with its romanised Khmer words in Khmer script, written together as Khmer
    is ('luy tek rodth' -> 'លុយទឹករដ្ឋ'), but the words at `kept` (their places among the words: those the
    tab reads as they are, 'tuk tuk'); None when no word of it is surely Khmer typed in Latin letters, or
    a word nothing reads comes before one read: Khmer names the thing first, and that one is unknown
    ('ampoul pleung' is a light bulb, no electricity)."""
    pieces = _WORD.findall(text.replace("-", " "))
    words = [piece for piece in pieces if piece[0].isalnum()]
    khmer = [None if at in kept else _KHMER_OF.get(word) for at, word in enumerate(words)]
    for at, word in enumerate(khmer[:-1]):
        if word == _LIQUID_OF and khmer[at + 1] is None and words[at + 1].isalpha():
            khmer[at] = None  # water before a word in Latin letters is a liquid of its own ('tek lang ean')
    if not any(
        said is not None and word not in _ALSO_ENGLISH for word, said in zip(words, khmer, strict=True)
    ):
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
