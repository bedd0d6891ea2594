"""Members' names as they sound: 'Vanna' and វណ្ណា, 'Piseth' and ពិសិដ្ឋ are one name, so a Khmer
question can name a member who posts under a Latin name."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterator, Sequence
from dataclasses import dataclass

from balance_bot.domain.item_words import KNOWN_KHMER, khmer_words
from balance_bot.domain.khmer_sounds import KHMER_SOUNDS as _KHMER_SOUNDS
from balance_bot.domain.khmer_sounds import codas as _codas
from balance_bot.domain.text import KHMER_SYLLABLE

_LATIN_DIGRAPHS = (("chh", "C"), ("ch", "C"), ("kh", "k"), ("ph", "p"), ("th", "t"), ("ng", "N"), ("nh", "n"))
_LATIN_SOUNDS = {
    **dict.fromkeys("gkcq", "k"), "j": "c", **dict.fromkeys("dt", "t"), **dict.fromkeys("bpf", "p"),
    **dict.fromkeys("vw", "v"), **dict.fromkeys("sxz", "s"), "m": "m", "n": "n", "N": "N", "r": "r",
    "l": "l", "h": "h", "y": "y", "C": "c",
}  # fmt: skip
_VOWELS = re.compile(r"[aeiouy]+")
_SHORTEST = 2  # letters of a Latin name worth looking for in Khmer


@dataclass(frozen=True, slots=True)
class Sound:
    """A name's consonants by sound, repeats merged, and how many syllables it has."""

    consonants: str
    syllables: int
    opens_on_vowel: bool = False  # 'Ivan', ឥវ៉ាន់: a name that starts on a vowel is no 'Vanna'


def latin_sound(name: str) -> Sound:
    """'Chenda' -> cnt in 2 syllables; 'Srey Mom' -> srm in 2."""
    consonants, syllables = "", 0
    for word in name.casefold().split():
        if not word.isascii() or not word.isalpha():
            return Sound("", 0)
        syllables += len(_VOWELS.findall(word[1:] if word[0] == "y" else word))
        for written, said in _LATIN_DIGRAPHS:
            word = word.replace(written, said)
        for index, letter in enumerate(word):
            if letter == "y" and index > 0:
                continue  # 'Srey': a vowel
            if letter in "vw" and index == len(word) - 1 and word[index - 1] in "aeiou":
                continue  # 'Sreypov': the vowel ៅ
            consonants += _LATIN_SOUNDS.get(letter, "")
    first = name.strip()[:1].casefold()
    return Sound(_merged(consonants), syllables, first in "aeiou" and first != "")


def khmer_sound(syllables: Sequence[str]) -> Sound:
    """The sound of written Khmer syllables: a closing consonant is no syllable of its own, and
    the letters written under it are not said (វិចិត្រ: vi-chet)."""
    codas = _codas(syllables)
    consonants = ""
    for syllable, coda in zip(syllables, codas, strict=True):
        letters = [char for char in syllable if char in _KHMER_SOUNDS or char == "អ"]
        if syllable.startswith("ហ្") and len(letters) > 1:
            letters = letters[1:]  # ហ្គ, ហ្វ: the sound of the letter under it
        if "\u17cd" in syllable:
            letters = []  # ៍: not said
        elif coda:
            letters = letters[:1]
        consonants += "".join(_KHMER_SOUNDS.get(letter, "") for letter in letters)
    opens_on_vowel = bool(syllables) and (syllables[0][0] == "អ" or "\u17a3" <= syllables[0][0] <= "\u17b3")
    return Sound(_merged(consonants), len(syllables) - sum(codas), opens_on_vowel)


def _merged(consonants: str) -> str:
    return re.sub(r"(.)\1+", r"\1", consonants)


def khmer_pieces(run: str, known: Collection[str] = ()) -> Iterator[tuple[str, Sound]]:
    """Every piece of a Khmer run that starts and ends on a spoken syllable's edge (never inside
    ជួស, whose ស closes ជួ), with its sound; none made of known words only (ខែនេះ is no name)."""
    syllables = KHMER_SYLLABLE.findall(run)
    unknown = _unknown_letters(run, known)
    edges = [0]
    for syllable in syllables:
        edges.append(edges[-1] + len(syllable))
    # a known word's first letter is a syllable's edge, never a coda: ដារ៉ា|បញ្ចូល, no ដារ៉ាប
    words = [0]
    # a known thing's letters after its first (អង្ករ, rice): no name starts or ends inside one; a word
    # of address may run into a name (បងស្រី|លី, Srey Li)
    inside: set[int] = set()
    for word in khmer_words(run, known):
        if word in KNOWN_KHMER:
            inside |= set(range(words[-1] + 1, words[-1] + len(word)))
        words.append(words[-1] + len(word))
    coda = [
        (closes and edge not in words) or edge in inside
        for closes, edge in zip(_codas(syllables), edges, strict=False)
    ]
    for start in range(len(syllables)):
        if coda[start]:
            continue
        for end in range(start + 1, min(start + 5, len(syllables)) + 1):
            if (end == len(syllables) or not coda[end]) and any(unknown[edges[start] : edges[end]]):
                yield "".join(syllables[start:end]), khmer_sound(syllables[start:end])


def _unknown_letters(run: str, known: Collection[str]) -> list[bool]:
    """For each letter of the run, whether it is outside every known word the run splits into."""
    letters: list[bool] = []
    for word in khmer_words(run, known):
        letters += [word not in known and word not in KNOWN_KHMER] * len(word)
    return letters


def named_in_khmer(
    runs: Sequence[str], members: Sequence[str], known: Collection[str] = ()
) -> tuple[str, str] | None:
    """The one member a Khmer spelling in the runs sounds like, and that spelling; None when none
    does or several do (a wrong member is worse than no member). Known words are no names."""
    sounds = {member: latin_sound(member) for member in members}
    firsts = {member: latin_sound(member.split()[0]) for member in members if len(member.split()) > 1}
    found: dict[str, str] = {}
    for run in runs:
        for piece, sound in khmer_pieces(run, known):
            for member in members:
                candidates = [sounds[member]] + ([firsts[member]] if member in firsts else [])
                heard = any(_same(sound, candidate) for candidate in candidates)
                if heard and len(piece) > len(found.get(member, "")):
                    found[member] = piece
    return next(iter(found.items())) if len(found) == 1 else None


def _same(khmer: Sound, latin: Sound) -> bool:
    """One name: the same consonants, in as many syllables (one more or less in a long name, where
    how a romanisation splits them varies: Sokunthea, សុគន្ធា)."""
    if not latin.consonants or (len(latin.consonants) < _SHORTEST and latin.syllables < 2):
        return False
    slack = 1 if len(latin.consonants) >= 3 else 0
    return khmer.consonants == latin.consonants and abs(khmer.syllables - latin.syllables) <= slack
