"""The team's own meal written with which of the day it was ('lunch staff', 'បាយថ្ងៃត្រង់បុគ្គលិក'):
the vocabulary reads it as the staff meal, whichever meal it was; its words still say the meal asked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from balance_bot.domain.categories import singular
from balance_bot.domain.same_things import KINDS, SAME_THING

_TEAM_MEAL = "#staff_meal"
# Each meal of the day (lunch, dinner, breakfast), with the ways it is written.
_MEALS = {
    "#" + same[0]: same for same in SAME_THING if same[0] in KINDS["cooked rice"] and same[0] != "staff meal"
}
_LATIN_WORD = re.compile(r"[a-z]+")


def says_the_meal(term: str, held: Iterable[str], item: str) -> bool:
    """Whether the item, read as the team's meal, writes the meal of the day the term names."""
    spellings = _MEALS.get(term)
    if spellings is None or _TEAM_MEAL not in held:
        return False
    written = f" {' '.join(singular(word) for word in _LATIN_WORD.findall(item.casefold()))} "
    return any(f" {spelled} " in written if spelled.isascii() else spelled in item for spelled in spellings)
