"""The rows an answer about words sets aside as not counted, because they may be what was asked: an
item of the subject's category (or of none) no known word reads, in either language, and a row of the
category one word asked names that says the other words ('ជួសជុល បន្ទប់', room repairs: 'plumber
toilet room 5')."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace

from balance_bot.domain.categories import CategoryBook, DecidedBy
from balance_bot.domain.category_names import name_forms
from balance_bot.domain.item_words import GENERAL_OF, says, terms, unnamed_words
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.ledger_answers import Found
from balance_bot.domain.other_language import maybe_the_same, names_a_known_thing
from balance_bot.domain.text import is_khmer

_SHORTEST_STEM = 3  # 'zip' in 'zipper': a shorter word starts too many others
# The kinds the vocabulary knows things of ('#spare_part' of brake pads, '#meat' of pork).
_KINDS = frozenset(GENERAL_OF.values())
_UNDOUBLED = re.compile(r"(.)\1")
_CLOSED_COMPOUND = 3  # letters before a word, in one word ending in it, that may tell a kind of it apart


def with_doubts(
    found: Found,
    subjects: tuple[str, ...],
    spent: Found,
    book: CategoryBook,
    category_of: Callable[[SheetRow], str],
) -> Found:
    """The entries found, with those of the spending that may be a subject set aside."""
    seen = {id(entry.row) for entry in (*found.entries, *found.doubtful)}
    rows = [entry.row for entry in spent.entries if id(entry.row) not in seen]
    maybe: set[int] = set()
    for subject in subjects:
        maybe |= {id(row) for row in _unnamed_of_its_kind(subject, rows, book, category_of)}
        maybe |= {id(row) for row in _of_the_category_named(subject, rows, book, category_of)}
        maybe |= {id(row) for row in _said_in_part(subject, rows, book, category_of)}
        maybe |= {id(row) for row in _unplaced_of_a_kind(subject, rows)}
        maybe |= {id(row) for row in _one_word_compounds(subject, rows)}
    doubtful = [entry for entry in spent.entries if id(entry.row) in maybe]
    return replace(found, doubtful=(*found.doubtful, *doubtful)) if doubtful else found


def _unnamed_of_its_kind(
    subject: str, rows: list[SheetRow], book: CategoryBook, category_of: Callable[[SheetRow], str]
) -> list[SheetRow]:
    """The rows no known word reads of the subject's category, in either language ('soda 2 cases'
    for beer, which the vocabulary may not know either); and those of no category decided in the
    other language."""
    guess = book.categorise(subject)
    if not names_a_known_thing(subject):
        # a word the vocabulary does not know ('អំបោះ' on a team of a new kind, 'pump'): a row whose
        # words none reads are in the other language may be it, whatever else it names ('thread black
        # 12 rolls', 'ម៉ាស៊ូត ម៉ាស៊ីនបូមទឹក', the pump's diesel)
        return [row for row in rows if _unknown_alike(subject, row.item)]
    if guess.decided_by is not DecidedBy.WORDS:
        return []

    # 'fill up moto' is the moto's (Transport) or its fuel's: a row of either may be it
    categories = {guess.name, *guess.also}

    def of_its_category(row: SheetRow) -> bool:
        return category_of(row) in categories

    def of_its_kind(row: SheetRow) -> bool:
        if of_its_category(row):
            return True
        return not row.category and book.categorise(row.item).decided_by is DecidedBy.NOTHING

    return maybe_the_same(subject, rows, of_its_kind, of_its_category)


def _unplaced_of_a_kind(subject: str, rows: list[SheetRow]) -> list[SheetRow]:
    """Where the subject names a kind ('spare parts', គ្រឿងបន្លាស់, 'meat'), the rows naming no
    thing the vocabulary knows: a team's own things of that kind ('iPhone 13 screen OLED', a part in
    a phone shop) are written by names no word places, and the largest of the kind may be one."""
    if _KINDS.isdisjoint(terms(subject, corrected=True)):
        return []
    return [row for row in rows if not any(term.startswith("#") for term in terms(row.item, corrected=True))]


def _one_word_compounds(subject: str, rows: list[SheetRow]) -> list[SheetRow]:
    """The rows writing, as one English word, a compound ending in the subject's one English word
    ('footballs' for balls, 'notebooks' for books): a kind of the thing, or another thing it tells
    apart ('pineapple'), which no word tells."""
    asked = [term.removeprefix("#") for term in terms(subject, corrected=True)]
    if len(asked) != 1 or not asked[0].isascii() or not asked[0].isalpha():
        return []
    word = _UNDOUBLED.sub(r"\1", asked[0])  # 'bal' as typed for ball: a doubled letter is one slip
    return [
        row
        for row in rows
        if any(
            len(own) >= len(word) + _CLOSED_COMPOUND and own.endswith(word)
            for own in (_UNDOUBLED.sub(r"\1", term) for term in terms(row.item, corrected=True))
        )
    ]


def _unknown_alike(subject: str, item: str) -> bool:
    """Whether the item's words no known word reads may say the subject's, which none reads either:
    they are all in the other language ('ក្រណាត់អាវសិស្ស' for 'fabric'), or one is the subject's word
    made longer or shorter ('zipper' for 'zips')."""
    asked = unnamed_words(subject)
    own = unnamed_words(item)
    if not asked or not own:
        return False
    khmer = {is_khmer(word[0]) for word in asked}
    if len(khmer) == 1 and all(is_khmer(word[0]) not in khmer for word in own):
        return True
    return any(
        min(len(one), len(other)) >= _SHORTEST_STEM and (one.startswith(other) or other.startswith(one))
        for one in asked
        for other in own
    )


def _said_in_part(
    subject: str, rows: list[SheetRow], book: CategoryBook, category_of: Callable[[SheetRow], str]
) -> list[SheetRow]:
    """The rows of the subject's category that say some of its words, where those they miss name no
    thing the vocabulary knows and the things the row names beside them are of that category ('moto
    gas' asked, 'សាំងម៉ូតូ' written; 'tuk tuk to the bank', 'tuk tuk'): the missing word may be
    another name of what the row says instead, or left unsaid."""
    guess = book.categorise(subject)
    wanted = [term for term in terms(subject, corrected=True) if not term.startswith("~")]
    if guess.decided_by is not DecidedBy.WORDS or len(wanted) < 2:
        return []
    named = [term[1:].replace("_", " ") if term.startswith("#") else term for term in wanted]
    found = []
    for row in rows:
        if category_of(row) != guess.name:
            continue
        missing = [term for term, name in zip(wanted, named, strict=True) if not says(row.item, name)]
        if not missing or len(missing) == len(wanted) or any(term.startswith("#") for term in missing):
            continue
        scripts = {is_khmer(term[0]) for term in missing}
        if any(is_khmer(word[0]) in scripts for word in unnamed_words(row.item)):
            continue  # a word of its own where the missing one would be: 'tuk tuk to the bank', no pier
        # what the row names beside the subject's things is of the subject's kind: it may be the word
        # missing ('#fuel' for 'gas'), where a delivery beside a tuk tuk is not the bank
        others = {term for term in terms(row.item, corrected=True) if term.startswith("#")} - set(wanted)
        if all(book.categorise(term[1:].replace("_", " ")).name == guess.name for term in others):
            found.append(row)
    return found


def _of_the_category_named(
    subject: str, rows: list[SheetRow], book: CategoryBook, category_of: Callable[[SheetRow], str]
) -> list[SheetRow]:
    """The rows of the category a word of the subject names ('repairs', 'ជួសជុល') that say the
    subject's other words: what a member calls a repair of a room may say only the plumber."""
    words = subject.split()
    found: list[SheetRow] = []
    for at, word in enumerate(words):
        rest = " ".join((*words[:at], *words[at + 1 :]))
        named = [
            category.name
            for category in book.choices
            if word.removesuffix("s")
            in {form.removesuffix("s") for form in name_forms(category.name, category.name_km)}
        ]
        if rest and len(named) == 1:
            found += [row for row in rows if category_of(row) == named[0] and says(row.item, rest)]
    return found


def _names(word: str, name: str, name_km: str) -> bool:
    """Whether the word is one of a category's names, or the head of one ('repair', 'ជួសជុល')."""
    return word.removesuffix("s") in {form.removesuffix("s") for form in name_forms(name, name_km)}
