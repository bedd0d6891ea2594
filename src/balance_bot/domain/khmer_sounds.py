"""Khmer as it sounds, from its script or from the Latin letters a phone without a Khmer keyboard types
it in ('tek kork' is ទឹកកក, ice; 'tek sot' ទឹកសុទ្ធ, drinking water): the consonants said, in order."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

from balance_bot.domain.text import KHMER_SYLLABLE

# Consonants by the sound a romanisation writes for them (aspiration and register aside).
KHMER_SOUNDS = {
    **dict.fromkeys("កខគឃ", "k"), "ង": "N", **dict.fromkeys("ចឆជឈ", "c"), "ញ": "n",
    **dict.fromkeys("ដឋឌឍតថទធ", "t"), **dict.fromkeys("ណន", "n"), **dict.fromkeys("បផពភ", "p"),
    "ម": "m", "យ": "y", "រ": "r", **dict.fromkeys("លឡ", "l"), "វ": "v", "ស": "s", "ហ": "h",
}  # fmt: skip
_VOWEL_SIGN = re.compile("[\u17b6-\u17c8]")
# Latin letters, two or three of which write one Khmer consonant, then each letter alone.
_LATIN_DIGRAPHS = (
    ("chh", "c"), ("ch", "c"), ("kh", "k"), ("ck", "k"), ("ph", "p"), ("th", "t"), ("ng", "N"), ("nh", "n"),
)  # fmt: skip
_LATIN_SOUNDS = {
    **dict.fromkeys("gkcq", "k"), "j": "c", **dict.fromkeys("dt", "t"), **dict.fromkeys("bpf", "p"),
    **dict.fromkeys("vw", "v"), **dict.fromkeys("sxz", "s"), "m": "m", "n": "n", "N": "N", "r": "r",
    "l": "l", "h": "h", "y": "y",
}  # fmt: skip
_LATIN_VOWELS = frozenset("aeiou")
# A closing consonant a romanisation writes as part of the vowel, or not at all: r (កក 'kork', ពួរ
# 'puor'), y (នុយ 'nuy', ស្រី 'srey'), v or w (ៅ 'ov'), h (ះ 'teh'); Khmer's own closing យ, វ and រ.
_SAID_AS_VOWEL = frozenset("ryvh")
_SHORTEST_KEY = 3  # consonants: a shorter sound is too many words' ('tk' is ទឹក water, and ទូក a boat)
_SHORTEST_WORD_KEY = 4  # consonants of a sound one Latin word alone is read by ('sontouch', សន្ទូច)
_LONGEST_RUN = 3  # Latin words read together as one Khmer word
_LATIN_VOWEL = re.compile("[aeiouy]")


def codas(syllables: Sequence[str]) -> list[bool]:
    """Which written syllables close the one before, and are no syllable of their own: a letter with
    no vowel after one with a vowel, unless another such letter follows and closes it (ពិ-សិដ្ឋ,
    គឹម-ហេង, but ស្រី-លក្ខណ៍); a letter marked silent (៍)."""
    voweled = [bool(_VOWEL_SIGN.search(syllable)) for syllable in syllables]
    silent = ["\u17cd" in syllable for syllable in syllables]
    found: list[bool] = []
    for index in range(len(syllables)):
        last = index == len(syllables) - 1 or silent[index + 1]
        closes_vowel = index > 0 and voweled[index - 1] and (last or voweled[index + 1])
        closes_bare = index > 0 and not voweled[index - 1] and not found[index - 1] and last
        found.append(silent[index] or (not voweled[index] and (closes_vowel or closes_bare)))
    return found


def khmer_key(word: str) -> str:
    """The consonants a Khmer word says, in order: each syllable's, its closing letter's first one,
    a silent one (៍) and one said as a vowel (យ, វ, រ closing) left out; ហ្វ is an f."""
    syllables = KHMER_SYLLABLE.findall(word)
    key = ""
    for syllable, closing in zip(syllables, codas(syllables), strict=True):
        if "\u17cd" in syllable:
            continue
        if syllable.startswith("ហ្វ"):
            key += "p"
            continue
        letters = [KHMER_SOUNDS[char] for char in syllable if char in KHMER_SOUNDS]
        if syllable.startswith("ហ្") and len(letters) > 1:
            letters = letters[1:]  # ហ្គ: the sound of the letter under it
        if closing:
            letters = [letter for letter in letters[:1] if letter not in _SAID_AS_VOWEL]
        key += "".join(
            letter for at, letter in enumerate(letters) if at == 0 or letter != letters[at - 1]
        )  # ណ្ណ: one n
    return key


def latin_key(word: str) -> str:
    """The consonants a word of Khmer typed in Latin letters says, in order ('kork' k k, 'sontouch'
    s n t c): a letter said as part of the vowel before it left out, a doubled letter once."""
    said = re.sub(r"(.)\1+", r"\1", word.casefold())
    for written, sound in _LATIN_DIGRAPHS:
        said = said.replace(written, sound if sound == "N" else f"<{sound}>")
    key = ""
    after_vowel = False
    for letter in re.findall(r"<.>|.", said):
        if letter in _LATIN_VOWELS:
            after_vowel = True
            continue
        sound = letter.strip("<>") if letter.startswith("<") else _LATIN_SOUNDS.get(letter, "")
        if not sound:
            return ""  # a digit, a sign: no word of Khmer in Latin letters
        if after_vowel and letter in _SAID_AS_VOWEL:
            continue
        key += sound
        after_vowel = False
    return key


# How a romanisation most often types each consonant and vowel sign, to tell by the vowels too
# whether Latin letters write a Khmer word ('tek sot' ទឹកសុទ្ធ, 'tek saat' ទឹកស្អាត) or are English
# words of the same consonants ('pick up' is no បោកភួយ).
_TYPED = {
    **dict.fromkeys("កគ", "k"), **dict.fromkeys("ខឃ", "kh"), "ង": "ng", **dict.fromkeys("ចជ", "ch"),
    **dict.fromkeys("ឆឈ", "chh"), "ញ": "nh", **dict.fromkeys("ដឌ", "d"), **dict.fromkeys("ឋឍថធ", "th"),
    **dict.fromkeys("ណន", "n"), **dict.fromkeys("តទ", "t"), "ប": "b", **dict.fromkeys("ផភ", "ph"), "ព": "p",
    "ម": "m", "យ": "y", "រ": "r", **dict.fromkeys("លឡ", "l"), "វ": "v", "ស": "s", "ហ": "h", "អ": "",
    "\u17b6": "a", "\u17b7": "e", "\u17b8": "ei", "\u17b9": "eu", "\u17ba": "eu", "\u17bb": "o",
    "\u17bc": "ou", "\u17bd": "uo", "\u17be": "ae", "\u17bf": "oea", "\u17c0": "ie", "\u17c1": "e",
    "\u17c2": "ae", "\u17c3": "ai", "\u17c4": "ao", "\u17c5": "au", "\u17c6": "om", "\u17c7": "h",
}  # fmt: skip
_INHERENT = "o"  # a consonant with no vowel sign, said with its own vowel
# Latin letters of one sound class, and vowels by their first letter: what spellings differ in.
_SAME_SOUND = {
    **dict.fromkeys("gkcq", "k"), "j": "c", **dict.fromkeys("dt", "t"), **dict.fromkeys("bpf", "p"),
    "w": "v", **dict.fromkeys("xz", "s"),
}  # fmt: skip
_FARTHEST = 0.3  # letters apart, for each letter of the longer spelling, of a Latin run and a Khmer word


def typed(word: str) -> str:
    """The Khmer word as a romanisation most often types it ('ទឹកសុទ្ធ' teuksot)."""
    syllables = KHMER_SYLLABLE.findall(word)
    spelled = ""
    for syllable, closing in zip(syllables, codas(syllables), strict=True):
        letters = [char for char in syllable if char in KHMER_SOUNDS or char == "អ"]
        if "\u17cd" in syllable or not letters:
            continue
        if syllable.startswith("ហ្វ"):
            letters = ["f"]
        elif syllable.startswith("ហ្") and len(letters) > 1:
            letters = letters[1:]
        consonants = "".join(_TYPED.get(letter, letter) for letter in letters)
        vowels = "".join(_TYPED[char] for char in syllable if "\u17b6" <= char <= "\u17c7")
        spelled += _TYPED.get(letters[0], "") if closing else consonants + (vowels or _INHERENT)
    return spelled


def _as_said(latin: str) -> str:
    """Latin letters by sound: one letter for each consonant's spellings, a vowel run by its first."""
    said = latin.casefold()
    for written, sound in _LATIN_DIGRAPHS:
        said = said.replace(written, sound)
    said = re.sub(r"(?<=[aeiouy])[rh](?![aeiouy])", "", said)  # 'kork', 'teh': the vowel's
    said = "".join(_SAME_SOUND.get(letter, letter) for letter in said)
    said = re.sub(r"[aeiouy]+", lambda run: {"a": "a", "o": "o", "u": "o"}.get(run.group()[0], "e"), said)
    return re.sub(r"(.)\1+", r"\1", said)


def _distance(one: str, other: str) -> int:
    """Letters added, left out or changed to make one word the other."""
    row = list(range(len(other) + 1))
    for at, letter in enumerate(one, 1):
        previous, row[0] = row[0], at
        for place, their in enumerate(other, 1):
            previous, row[place] = (
                row[place],
                min(row[place] + 1, row[place - 1] + 1, previous + (letter != their)),
            )
    return row[-1]


def _closest(run: Sequence[str], heard: frozenset[str]) -> str | None:
    """Of the Khmer words the run's consonants sound like, the one its vowels are nearest too; None
    when none is near enough, or two are as near."""
    said = _as_said("".join(run))
    ranked = sorted(
        (_distance(said, spelled) / max(len(said), len(spelled)), word)
        for word in heard
        for spelled in [_as_said(typed(word))]
    )
    best = [(far, word) for far, word in ranked if far <= _FARTHEST]
    return best[0][1] if len(best) == 1 or (best and best[0][0] < best[1][0]) else None


@lru_cache(maxsize=8)
def _index(known: frozenset[str]) -> dict[str, frozenset[str]]:
    keys: dict[str, set[str]] = {}
    for word in known:
        key = khmer_key(word)
        if len(key) >= _SHORTEST_KEY:
            keys.setdefault(key, set()).add(word)
    return {key: frozenset(words) for key, words in keys.items()}


def read_as_khmer(
    words: Sequence[str],
    known: frozenset[str],
    same: Iterable[frozenset[str]] = (),
    unread: Sequence[bool] | None = None,
) -> list[tuple[int, int, str]]:
    """The runs of the Latin words (start, end, the Khmer word) that sound like one known Khmer word,
    or like several that are one thing's names (`same`); longest runs first, none overlapping. A word
    read alone (not `unread`) may only open a run: 'bay' is a meal, and 'bay thngai trong' lunch, but
    'thu fuel' is no roof."""
    unread = [True] * len(words) if unread is None else unread
    index = _index(known)
    groups = list(same)
    found: list[tuple[int, int, str]] = []
    taken: set[int] = set()
    for size in range(_LONGEST_RUN, 0, -1):
        for start in range(len(words) - size + 1):
            if taken & set(range(start, start + size)):
                continue
            run = words[start : start + size]
            if not all(unread[start + 1 : start + size]) or (size == 1 and not unread[start]):
                continue  # a known word opens the run only, as Khmer names the thing first ('bay thngai')
            keys = [latin_key(word) for word in run]
            if not all(keys) or not all(_LATIN_VOWEL.search(word) for word in run):
                continue  # 'pkt': a short form, no word said
            heard = index.get("".join(keys), frozenset())
            if not heard or (size == 1 and len(keys[0]) < _SHORTEST_WORD_KEY):
                continue  # 'smart' sounds like សម្អាត: one English word of a short sound is likelier
            word = _closest(run, heard)
            if word is None and any(heard <= group for group in groups):
                word = _closest(run, frozenset(min(heard)))  # names of one thing: near one of them
            if word is not None:
                found.append((start, start + size, word))
                taken |= set(range(start, start + size))
    return sorted(found)


def written_in_khmer(
    pieces: Sequence[str],
    may_be: Sequence[bool],
    known: frozenset[str],
    same: Iterable[frozenset[str]],
    unread: Sequence[bool] | None = None,
) -> list[str]:
    """The pieces, each run of those that `may_be` Khmer in Latin letters that sounds like a known
    Khmer word, and holds one `unread`, written as that word."""
    unread = [True] * len(pieces) if unread is None else unread
    read: list[str] = []
    at = 0
    while at < len(pieces):
        end = at
        while end < len(pieces) and may_be[end]:
            end += 1
        if end == at:
            read.append(pieces[at])
            at += 1
            continue
        run = pieces[at:end]
        runs = read_as_khmer(run, known, same, unread[at:end])
        heard = {start: (stop, word) for start, stop, word in runs}
        place = 0
        while place < len(run):
            stop, word = heard.get(place, (place + 1, run[place]))
            read.append(word)
            place = stop
        at = end
    return read
