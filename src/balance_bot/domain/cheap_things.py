"""Things a go of which costs riel, well under a dollar: "ice 5" is 5,000 riel written short, or 5$ for
a lot of ice, and the bot asks which rather than save a guess."""

from __future__ import annotations

import re

from balance_bot.domain.bare_amounts import is_a_measure
from balance_bot.domain.text import bare_word


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Ice, parking, drinking water, bread, photocopies, plastic bags: in English, Khmer and romanised Khmer.
CHEAP_THINGS = _words(
    """ice tek kok kork teuk tuk parking park chhat chot water bread nompang pang copy copies photocopy
    photocopies printout bags bag plastic
    ទឹកកក ចំណត ផ្ញើម៉ូតូ ថ្លៃចត ចតម៉ូតូ ទឹកសុទ្ធ ទឹកបរិសុទ្ធ នំបុ័ង នំប៉័ង ថតចម្លង ថតឯកសារ ថង់"""
)
# Words of a purpose that only count, join or tell the buying: "ice 2 bags", "water for the office",
# "bought ice".
_GLUE = _words("for the a of and big small bought buy got paid ទិញ បានទិញ")
# A count, with its measure glued on or not: "2", "២ការុង" (two sacks), "3bags".
_COUNT = re.compile(r"[0-9០-៩]+(?P<measure>\S*)")
# Khmer glues the verb to the thing bought: ទិញទឹកកក is "bought ice".
_KHMER_BUYING = ("បានទិញ", "ទិញ")
_MOST_WORDS = 3  # a longer purpose names more than the cheap thing
# "5" or "15" for 5,000 or 15,000 riel: under a hundred, a bare number for ice is dollars as often as
# thousands of riel written short.
_BIGGEST_SHORTHAND = 100


def may_be_riel_written_short(purpose: str, amount_written: int) -> bool:
    """Whether a bare whole number, with no currency, paid for a cheap thing alone ("ice 5", "ទឹកកក ៥",
    "parking 2") may be thousands of riel written short as well as dollars."""
    words = [_without_buying(bare_word(word)) for word in purpose.split()]
    things = [word for word in words if word and word not in _GLUE and not _is_a_count(word)]
    return (
        0 < amount_written < _BIGGEST_SHORTHAND
        and 0 < len(things) <= _MOST_WORDS
        and all(word in CHEAP_THINGS for word in things)
    )


def _without_buying(word: str) -> str:
    for verb in _KHMER_BUYING:
        if word.startswith(verb) and len(word) > len(verb):
            return word.removeprefix(verb)
    return word


def _is_a_count(word: str) -> bool:
    """'2', '២ការុង', 'bags': a number of things or the measure they come in, naming no thing."""
    if is_a_measure(word) or is_a_measure(word.removesuffix("s")):
        return True
    count = _COUNT.fullmatch(word)
    return count is not None and (not count["measure"] or is_a_measure(count["measure"]))
