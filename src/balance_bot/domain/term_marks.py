"""Marks on the words an item or a subject is matched by: a word written onto a count, which is the
count's unit; a subject's word that only repeats part of a thing's name it says too."""

from __future__ import annotations

import re

# A Khmer word written onto a count, after the thing counted, is what it is counted in (ពងមាន់ ២ទឹក,
# eggs by the ទឹក; ទឹកកក ២ការុង): marked so, no thing of its own. The count is marked (with ') where
# it is written onto Khmer letters, so the word after it is known to be.
COUNTED = "%"
COUNT_JOINED = re.compile(r"(?<=[0-9])(?=[\u1780-\u17dd])")


def unit_of(found: list[str], known: frozenset[str]) -> list[str]:
    """The Khmer words written onto a count after a thing, the first a known word marked as the
    count's unit."""
    return [COUNTED + found[0], *found[1:]] if found and found[0] in known else found


def unrepeated(wanted: tuple[str, ...]) -> tuple[str, ...]:
    """The subject's terms without a word that is part of the name of a thing it names too: 'top up
    the phone' is the phone's top up, its name said in another order, no phone bought beside it."""
    named = {part for term in wanted if term.startswith("#") for part in term[1:].split("_")}
    return tuple(term for term in wanted if term.startswith("#") or term not in named)
