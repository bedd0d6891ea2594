"""Rows that may say, in other words, the thing a question asks about: an item written only in the other
language, of the same category or of none its words decide, or in the same language and of the same
category, naming nothing the vocabulary knows, may be that very thing ('nails' asked, 'ដែកគោល' written;
'laundry' asked, 'អ៊ុតខោអាវ' written): the vocabulary's names of a thing are never all the ways members
write it."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from balance_bot.domain.category_evidence import ROMANISED_SHAPE
from balance_bot.domain.item_words import KNOWN_LATIN, terms
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.question_words import STOP
from balance_bot.domain.text import is_khmer, is_latin_letter


def maybe_the_same(
    subject: str,
    rows: Iterable[SheetRow],
    of_its_kind: Callable[[SheetRow], bool],
    of_its_category: Callable[[SheetRow], bool] = lambda row: False,
) -> list[SheetRow]:
    """The rows of the subject's kind (its category, or none decided), written only in the language
    the subject is not, that name nothing the vocabulary knows: the subject may be what they say,
    which no word tells; and those `of_its_category` in the subject's own language naming nothing
    known ('soda 2 cases' in Food & drinks, for beer), which the vocabulary may not know either."""
    khmer = _scripts(subject)
    if len(khmer) != 1:
        return []  # a subject in both languages says itself in each
    other = not next(iter(khmer))
    return [
        row
        for row in rows
        if not names_a_known_thing(row.item)
        and (
            (_scripts(row.item) == {other} and of_its_kind(row))
            or (_scripts(row.item) == khmer and of_its_category(row))
            or (
                other  # a subject in English: a row in Latin letters may be Khmer
                and _scripts(row.item) == {False}
                and of_its_kind(row)
                and may_be_romanised(row.item)
            )
        )
    ]


def may_be_romanised(item: str) -> bool:
    """Whether the item's words, none of which the vocabulary reads, may all be Khmer typed in Latin
    letters ('bay kamkor 7 nak', 'chak masut kor yun'): each made of a syllable or three as Khmer's
    are written in Latin letters, beside joiners and counts; an English word of other shape ('pump',
    'rings') says the row is English."""
    words = [word for word in terms(item, corrected=True) if word.isalpha() and word not in _JOINERS]
    return bool(words) and all(
        ROMANISED_SHAPE.fullmatch(word) and word not in KNOWN_LATIN and word not in STOP for word in words
    )


_JOINERS = frozenset(("for", "to", "the", "of", "and", "at", "in", "on", "with", "from", "by"))


def names_a_known_thing(item: str) -> bool:
    """Whether the item names a thing the vocabulary knows in both languages."""
    return any(term.startswith("#") for term in terms(item, corrected=True))


def _scripts(text: str) -> set[bool]:
    """Whether the text's letters are Khmer (True), Latin (False), or both."""
    return {
        is_khmer(char) for char in text if not char.isdigit() and (is_khmer(char) or is_latin_letter(char))
    }
