"""How a word of Khmer typed in Latin letters sounds ('khae', 'kher', 'khai' are all ខែ): one key for the
spellings people use for one word, so a word is known by its sound rather than by a list of spellings."""

from __future__ import annotations

import re
from functools import lru_cache

# Letters that write one sound, longest first: aspiration is rarely typed the same way twice (ខ 'kh' or
# 'k', ថ 'th' or 't', ផ 'ph' or 'p', ច 'ch', 'j' or 'chh'), and ញ is 'nh', 'gn' or 'ny'. ប ('b') and ដ ('d')
# stay their own: 'bong' (to pay) is no 'pong' (an egg), 'dek' (iron) no 'tek' (water). A closing ង or ញ
# is 'ng', 'nh' or 'gn' ('tinh', 'ting', 'tign'), and no 'n' ('ban' បាន, 'bang').
_CONSONANTS = (
    ("chh", "c"), ("ch", "c"), ("tch", "c"), ("j", "c"), ("kh", "k"), ("ck", "k"), ("gh", "k"), ("ph", "p"),
    ("th", "t"), ("ng", "N"), ("nh", "N"), ("gn", "N"), ("c", "k"), ("g", "k"), ("q", "k"),
    ("f", "p"), ("w", "v"), ("x", "s"), ("z", "s"),
)  # fmt: skip
_CONSONANT = re.compile("|".join(written for written, _ in _CONSONANTS))
_SOUND_OF = dict(_CONSONANTS)
# A syllable's vowel, as the letters between its consonants are typed: in a closed syllable the many
# spellings of one short vowel (ទឹក 'tek', 'tik', 'teuk', 'toek'; ជាង 'jeang', 'jeng', 'jieng', 'jiang')
# are one sound, but for ា after a voiced letter, 'ea', 'ie' or 'ia' ('teang' ទាំង is no 'tinh' ទិញ); at a
# word's end more stay apart ('ni' នេះ, 'ne'; 'te' ទេ, 'ti' ទី).
_CLOSED = {
    **dict.fromkeys(("a", "aa", "oa"), "a"),
    **dict.fromkeys(("ea", "ie", "ia", "iea", "eaa"), "q"),
    **dict.fromkeys(("e", "ae", "i", "ei"), "e"),
    **dict.fromkeys(("eu", "oe", "ue", "eo", "aeu", "oeu"), "e"),
    **dict.fromkeys(("o", "aw", "ao"), "o"),
    **dict.fromkeys(("u", "ou", "uo", "ua"), "u"),
}
_OPEN = {
    **dict.fromkeys(("a", "aa"), "a"),
    **dict.fromkeys(("e", "ae", "ea", "ie", "ia", "ai", "ay", "ei", "ey", "aey", "eai", "aei", "eay"), "e"),
    **dict.fromkeys(("euy", "aeuy", "aiy", "eu", "oe", "aeu"), "e"),  # 'leu', 'ler' លើ
    **dict.fromkeys(("i", "y", "iy"), "i"),
    **dict.fromkeys(("o", "aw"), "o"),
    **dict.fromkeys(("u", "ou", "uo", "ua"), "u"),
    **dict.fromkeys(("ao", "au", "aV", "oV", "oW", "aoV", "aoW", "eaV", "auV"), "w"),
    "aW": "o",
    **dict.fromkeys(("uy", "ui", "uey", "uoy", "ouy", "oy", "oi", "oui", "uoi"), "y"),
}
# Letters typed after a vowel for its length or its breath, and not said as a consonant: 'kher', 'nih',
# 'os' (អស់), 'klah', 'kork'.
_SILENT_AFTER_A_VOWEL = re.compile(r"(?<=[aeiouy])(?:r(?=[^aeiou]|$)|[hs]$)|(?<=w)[hs]$")
_VOWEL_RUN = re.compile(r"[aeiouy]+[VW]?|[^aeiouy]")
_LETTERS = re.compile("[a-z]+")


@lru_cache(maxsize=4096)  # a chat's words come again and again; each message's are keyed
def sound_key(word: str) -> str:
    """The sound of a Latin word of Khmer, as a key shared by its usual spellings ('khae' and 'kher' are
    'ke'); empty for a word with no vowel or a letter no Khmer word is typed with."""
    said = word.casefold().replace("'", "").replace("-", "")
    if not _LETTERS.fullmatch(said) or not re.search("[aeiouy]", said):
        return ""
    said = said.replace("oo", "u").replace("ee", "i")  # 'kroo' គ្រូ, 'tee' ទី
    said = re.sub(r"(.)\1+", r"\1", said)  # doubled for length or a slip: 'oss', 'ponnman'
    said = _SILENT_AFTER_A_VOWEL.sub("", _SILENT_AFTER_A_VOWEL.sub("", said))  # 'orh': both
    # ៅ as 'ov', 'av' or 'ow' ('nov', 'khmav'); 'aw' is the short o ('aws', អស់)
    said = re.sub(r"(?<=[aeiou])([vw])(?![aeiouy])", lambda found: found.group().upper(), said)
    said = said.replace("ny", "nh")
    said = re.sub(r"^t(h?)g(?=[aeiou])", r"t\1ng", said)  # ថ្ងៃ as 'tgai'
    said = re.sub(r"(?<![aeiou])y(?=[aeiou])", "Y", said)  # a 'y' before a vowel is the consonant យ
    said = _CONSONANT.sub(lambda found: _SOUND_OF[found.group()], said)
    pieces = _VOWEL_RUN.findall(said)
    key = ""
    for at, piece in enumerate(pieces):
        if piece[0] not in "aeiouy":
            key += piece.lower() if piece == "Y" else piece
            continue
        closed = at + 1 < len(pieces) and piece[-1] not in "VW"
        sound = (_CLOSED if closed else _OPEN).get(piece)
        if sound is None:
            return ""  # a run of vowels no Khmer vowel is typed as: an English word, or a slip
        key += sound.upper()
    return key
