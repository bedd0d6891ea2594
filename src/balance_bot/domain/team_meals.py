"""The team's own meal written with which of the day it was ('lunch staff', 'បាយថ្ងៃត្រង់បុគ្គលិក'):
the vocabulary reads it as the staff meal, whichever meal it was; its words still say the meal asked."""

from __future__ import annotations

import re
from collections.abc import Iterable

from balance_bot.domain.category_names import singular
from balance_bot.domain.same_things import KINDS, SAME_THING

_TEAM_MEAL = "#staff_meal"
# Each meal of the day (lunch, dinner, breakfast), with the ways it is written.
_MEALS = {
    "#" + same[0]: same for same in SAME_THING if same[0] in KINDS["cooked rice"] and same[0] != "staff meal"
}
_LATIN_WORD = re.compile(r"[a-z]+")
_ANY_MEAL = frozenset((*_MEALS, "#cooked_rice"))  # a meal of the day, or a meal (បាយ) of none said


def says_the_meal(term: str, held: Iterable[str], item: str) -> bool:
    """Whether the item, read as the team's meal, writes the meal of the day the term names."""
    spellings = _MEALS.get(term)
    if spellings is None or _TEAM_MEAL not in held:
        return False
    written = f" {' '.join(singular(word) for word in _LATIN_WORD.findall(item.casefold()))} "
    return any(f" {spelled} " in written if spelled.isascii() else spelled in item for spelled in spellings)


def may_be_the_team_meal(wanted: Iterable[str], held: Iterable[str]) -> bool:
    """Whether the team's meal is asked ('បាយថ្ងៃត្រង់បុគ្គលិក', the staff's lunch) and the item names a
    meal without saying whose ('bay thngai trang 5 nak'): it may be the team's, or a guest's or a
    hired hand's, so it is neither counted nor left out unsaid."""
    have = set(held)
    return _TEAM_MEAL in set(wanted) and _TEAM_MEAL not in have and not have.isdisjoint(_ANY_MEAL)
