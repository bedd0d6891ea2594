"""The team's one meal of the day: where a month's rows name one meal of the day only ('Lunch crew',
'bay thngai trang crew'), a row of the meal that says not which ('bay crew', បាយកម្មករ) is that
meal, as a bookkeeper reads it; where they name two (lunch and dinner), which one it was is unsure."""

from __future__ import annotations

from collections.abc import Iterable

from balance_bot.domain.item_words import GENERAL_OF, says, terms

_MEALS_OF_THE_DAY = frozenset(("#lunch", "#dinner", "#breakfast"))
_A_MEAL = "#cooked_rice"  # បាយ, 'bay', a meal: which one unsaid


def the_one_meal(items: Iterable[str]) -> str | None:
    """The one meal of the day the items name, if they name exactly one."""
    named = {term for item in items for term in terms(item, corrected=True) if term in _MEALS_OF_THE_DAY}
    return named.pop() if len(named) == 1 else None


def said_as_the_meal(item: str, subject: str, meal: str | None) -> bool:
    """Whether the item says the subject with its meal of the day said only as a meal ('bay crew' for
    'lunch for the crew'), that meal being the team's one: every other word of the subject said too."""
    if meal is None or GENERAL_OF.get(meal) != _A_MEAL:
        return False
    wanted = terms(subject, corrected=True)
    if meal not in wanted or _A_MEAL not in terms(item, corrected=True, apart=True):
        return False
    rest = [term.removeprefix("#").replace("_", " ") for term in wanted if term != meal]
    return all(says(item, word) for word in rest)
