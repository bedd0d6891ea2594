"""Things a go of which costs riel, well under a dollar: "ice 5" is 5,000 riel written short, or 5$ for
a lot of ice, and the bot asks which rather than save a guess."""

from __future__ import annotations

from balance_bot.domain.text import bare_word


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Ice, parking, drinking water, bread, photocopies, plastic bags: in English, Khmer and romanised Khmer.
CHEAP_THINGS = _words(
    """ice tek kok kork teuk tuk parking park chhat chot water bread nompang pang copy copies photocopy
    photocopies printout bags bag plastic
    ទឹកកក ចំណត ផ្ញើម៉ូតូ ថ្លៃចត ចតម៉ូតូ ទឹកសុទ្ធ ទឹកបរិសុទ្ធ នំបុ័ង នំប៉័ង ថតចម្លង ថតឯកសារ ថង់"""
)
# Words of a purpose that only count or join: "ice 2 bags", "water for the office".
_GLUE = _words("for the a of and 1 2 3 4 5 6 7 8 9 10 big small")
_MOST_WORDS = 3  # a longer purpose names more than the cheap thing
_BIGGEST_SHORTHAND = 10  # "5" for 5,000 riel; two digits are dollars as often as thousands


def may_be_riel_written_short(purpose: str, amount_written: int) -> bool:
    """Whether a bare whole number, with no currency, paid for a cheap thing alone ("ice 5", "ទឹកកក ៥",
    "parking 2") may be thousands of riel written short as well as dollars."""
    words = [bare_word(word) for word in purpose.split()]
    things = [word for word in words if word not in _GLUE]
    return (
        0 < amount_written < _BIGGEST_SHORTHAND
        and 0 < len(things) <= _MOST_WORDS
        and all(word in CHEAP_THINGS for word in things)
    )
