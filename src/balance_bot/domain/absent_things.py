"""Whether a thing asked about was surely not bought in the days asked about: the vocabulary knows it
in both languages, and every row of those days names what it bought by things the vocabulary knows
too, none of which is it. A bookkeeper reading the rows says "nothing" then; where a row names a
thing in words no one knows ('plank + nails' when planks were unknown), nothing is sure."""

from __future__ import annotations

import re
from collections.abc import Iterable

from balance_bot.domain.item_words import terms
from balance_bot.domain.text import is_khmer

# Things listed side by side in one row ('sand paper + masking tape'): each names a purchase of its own.
_SEVERAL = re.compile(r",|;|&|\+|\band\b|និង")
# Words that name no one thing: what any purchase may be ('supplies', ឥវ៉ាន់ goods). A word of a kind
# ('meat' for pork) is one the item may say the thing asked about by, which the caller has seen to.
_ANY_THING = frozenset(("#goods", "#supplies"))
# What a team owns and runs, and its people's pay: a machine's spending is its upkeep too, which rows
# write without its name ('fuel', 'oil change', 'spark plug'); a machine or a salary may be paid from
# outside the cash box. The sheet showing none of them is no "nothing".
_NOT_ONLY_THE_CASH = frozenset((
    "#salary", "#computer", "#printer", "#piano", "#fridge", "#aircon", "#generator", "#sewing_machine",
    "#motorbike", "#car", "#truck", "#boat", "#tuk_tuk",
))  # fmt: skip
_LETTER = re.compile(r"[\u1780-\u17dd]|[a-z]")


def surely_not_bought(subject: str, items: Iterable[str], names: Iterable[str] = ()) -> bool:
    """Whether the subject's thing is no row's, where no item says it, nor may say it (the caller
    knows): its thing (the last named in English, the first in Khmer, which names the thing first)
    is one the vocabulary knows, and each thing every item lists names a known thing of its own
    ('PVC pipe 6 dam' is a pipe; 'zinc roof sheets' asked is roof sheets, whatever the zinc); a thing
    listed that is only one of the `names` (the members') is whom the row's thing was for."""
    head = _head(subject)
    if head is None or head in _ANY_THING or head in _NOT_ONLY_THE_CASH:
        return False
    whom = frozenset(word for name in names for word in name.casefold().split())
    return all(_accounted_for(item, whom) for item in items)


def _head(subject: str) -> str | None:
    named = terms(subject, corrected=True)
    first = _LETTER.search(subject.casefold())
    if not named or first is None:
        return None
    head = named[0] if is_khmer(first.group()) else named[-1]
    return head if head.startswith("#") else None


def _accounted_for(item: str, whom: frozenset[str]) -> bool:
    """Whether each thing the item lists names a known thing, not only a word any purchase may be;
    one naming only members ('phone card Dara + Sokha') is whom the others were for."""
    parts = [part for part in _SEVERAL.split(item.casefold()) if _LETTER.search(part)]
    things = [part for part in parts if not set(part.split()) <= whom]
    return bool(things) and all(
        any(term.startswith("#") and term not in _ANY_THING for term in terms(part, corrected=True))
        for part in things
    )
