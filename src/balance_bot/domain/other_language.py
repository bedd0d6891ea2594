"""Rows that may say, in the other language, the thing a question asks about: where the vocabulary
knows no name for it in that language, an item written only in that language, of the same category
and naming nothing the vocabulary knows, may be that very thing ('nails' asked, 'ដែកគោល' written)."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from balance_bot.domain.item_words import terms
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.text import is_khmer, is_latin_letter


def known_in_both(subject: str) -> bool:
    """Whether the vocabulary knows every word of the subject in English and in Khmer."""
    said = terms(subject, corrected=True)
    return bool(said) and all(term.startswith("#") for term in said)


def maybe_the_same(
    subject: str, category: str, rows: Iterable[SheetRow], category_of: Callable[[SheetRow], str]
) -> list[SheetRow]:
    """The rows, of the subject's category, written only in the language the subject is not, that
    name nothing the vocabulary knows: the subject may be what they say, which no word tells."""
    if known_in_both(subject):
        return []
    khmer = _scripts(subject)
    if len(khmer) != 1:
        return []  # a subject in both languages says itself in each
    other = not next(iter(khmer))
    return [
        row
        for row in rows
        if _scripts(row.item) == {other}
        and not names_a_known_thing(row.item)
        and category_of(row) == category
    ]


def names_a_known_thing(item: str) -> bool:
    """Whether the item names a thing the vocabulary knows in both languages."""
    return any(term.startswith("#") for term in terms(item, corrected=True))


def _scripts(text: str) -> set[bool]:
    """Whether the text's letters are Khmer (True), Latin (False), or both."""
    return {
        is_khmer(char) for char in text if not char.isdigit() and (is_khmer(char) or is_latin_letter(char))
    }
