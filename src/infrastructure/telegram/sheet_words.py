"""The words the bot writes into a group's sheet, the Items of top-ups and movements, in the group's
language; and those Items read back in whichever language the bot wrote them, now or before."""

from __future__ import annotations

import re
from functools import cache

from balance_bot.domain.language import Language
from balance_bot.domain.members import MovementKind
from balance_bot.domain.row_labels import RowLabels
from balance_bot.groups.languages import ChatLanguages
from infrastructure.i18n.catalogs import N_, translations

# The Items' words (a label, then ': ' and the member's note). English ones must stay as they are:
# rows every earlier version wrote hold them (domain.row_labels.ENGLISH_ROW_LABELS).
TOP_UP_LABEL = N_("Top-up")
ADVANCE_LABEL = N_("Advance to {name}")
RETURNED_LABEL = N_("Returned by {name}")
REIMBURSED_LABEL = N_("Reimbursed to {name}")
_NOTE = ": "


@cache
def row_labels(language: Language) -> RowLabels:
    """The Items' words in the language's catalog."""
    catalog = translations(language)
    words = (TOP_UP_LABEL, ADVANCE_LABEL, RETURNED_LABEL, REIMBURSED_LABEL)
    return RowLabels(*(catalog.gettext(text) for text in words))


class CatalogRowLabels:
    """RowLabelBook: a group's words are its chosen language's (the operator's default until it chooses)."""

    def __init__(self, languages: ChatLanguages) -> None:
        self._languages = languages

    async def labels(self, chat_id: int) -> RowLabels:
        """The words of the group's language."""
        return row_labels((await self._languages.for_group(chat_id)).language)


def top_up_note(item: str) -> str:
    """The member's words of a top-up's Item, whichever language labelled it; the Item when none did."""
    for language in Language:
        label = row_labels(language).top_up
        if item == label or item.startswith(label + _NOTE):
            return item.removeprefix(label).removeprefix(_NOTE)
    return item


@cache
def _movement_patterns(kind: MovementKind) -> tuple[re.Pattern[str], ...]:
    """A movement's Item in each language: the member's name where the label names it, then the note."""
    patterns = []
    for language in Language:
        before, _, after = row_labels(language).movement(kind, "\0").partition("\0")
        name = rf"{re.escape(before)}(?P<name>.+?){re.escape(after)}"
        patterns.append(re.compile(rf"{name}(?:{re.escape(_NOTE)}(?P<note>.*))?", re.DOTALL))
    return tuple(patterns)


def movement_read(item: str, kind: MovementKind) -> tuple[str, str] | None:
    """(the member's name, the note) of a movement's Item in any language the bot writes; None for an
    Item a bookkeeper wrote in words of their own."""
    for pattern in _movement_patterns(kind):
        found = pattern.fullmatch(item.strip())
        if found is not None:
            return found.group("name"), found.group("note") or ""
    return None


def movement_note(item: str, kind: MovementKind, member: str) -> str:
    """The note of a movement's Item for the member, whichever language labelled it; the Item otherwise."""
    for language in Language:
        label = row_labels(language).movement(kind, member)
        if item == label or item.startswith(label + _NOTE):
            return item.removeprefix(label).removeprefix(_NOTE)
    read = movement_read(item, kind)
    return read[1] if read is not None else item


def movement_item_in(language: Language, item: str, kind: MovementKind) -> str:
    """A movement's Item as a chat in the language reads it: the label in its words, the note as written;
    an Item of a bookkeeper's own words as it is."""
    read = movement_read(item, kind)
    if read is None:
        return item
    name, note = read
    return RowLabels.with_note(row_labels(language).movement(kind, name), note)
