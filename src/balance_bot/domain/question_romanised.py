"""Questions typed in Khmer with Latin letters ("khe nis chay sang os ponman", "neak na chay chraen jeang
ke"): their words written in Khmer script by how they sound (romanised_words), so the reader reads them
as it reads Khmer. A word no Khmer word sounds like stays as typed: the vocabulary may know it ('tek
kork', 'keyboard'), else the reader is not sure of it."""

from __future__ import annotations

import re

from balance_bot.domain import romanised_words
from balance_bot.domain.item_words import KNOWN_LATIN
from balance_bot.domain.question_words import STOP

# Words only a romanised Khmer question holds, once read (how much, this month, today, yesterday, who,
# the most, what, an average...): without one, no Latin word is read as Khmer ('os' or 'ey' may be a
# typo of English).
_MARKERS = re.compile(r"ប៉ុន្មាន|អ្នកណា|(?:ខែ|ថ្ងៃ|អាទិត្យ|សប្តាហ៍|ឆ្នាំ)(?:នេះ|មុន)|ម្សិលមិញ|ជាងគេ|អីខ្លះ|មធ្យម|ថ្ងៃទី")
_PIECE = re.compile(r"(?P<word>[a-z][a-z']*)(?P<again>2(?![0-9]))?|(?P<number>[0-9]+)|(?P<other>[^a-z0-9]+)")
_BETWEEN_KHMER = re.compile(r"(?<=[\u1780-\u17ff])\s+(?=[\u1780-\u17ff])")
_AGAIN = "ៗ"  # '2' after a word says it twice: 'mdong2', each time


def in_khmer_script(said: str) -> str:
    """The lower-case question with its romanised Khmer words in Khmer script, when it is written so;
    else as it was."""
    pieces = list(_PIECE.finditer(said))
    spots = [at for at, piece in enumerate(pieces) if piece["word"] or piece["number"]]
    words = [pieces[at].group("word") or pieces[at].group("number") for at in spots]
    # an English word of the questions or the vocabulary is read only as one of a Khmer word's spellings
    leave = [word in STOP or word in KNOWN_LATIN for word in words]
    runs = romanised_words.read(words, leave)
    if not _MARKERS.search("".join(khmer for _, _, khmer in runs)):
        return said  # no question typed in Latin letters: the Khmer script's words are read as they are
    written = [piece.group() for piece in pieces]
    for start, end, khmer in runs:
        first, last = spots[start], spots[end - 1]
        number = pieces[last]["number"] if khmer.endswith("ទី") or words[end - 1].isdigit() else None
        again = _AGAIN if pieces[last]["again"] else ""
        written[first] = f" {khmer}{again} " + (number or "")
        for at in range(first + 1, last + 1):
            written[at] = ""
    return " ".join(_BETWEEN_KHMER.sub("", "".join(written)).split())  # written together, as Khmer is
