"""The names a category goes by as members type them, and a purpose's words as corrections are
learned: lower case and singular."""

from __future__ import annotations

import re

from balance_bot.domain.text import KHMER_SYLLABLE, normalize_message

_KHMER_RUN = re.compile(f"(?:{KHMER_SYLLABLE.pattern})+")
_LATIN_WORD = re.compile(r"[a-z0-9&]+")


def name_forms(name: str, name_km: str) -> set[str]:
    """A category's names as members type or say them: whole ('food & drinks', 'food and drinks',
    'food drink'), and the first part of a name of two ('food', 'អាហារ'), in both languages."""
    names = {name.casefold(), name_km.casefold()} - {""}
    english = name.casefold()
    spoken = {
        english.replace(" & ", " and "),
        " ".join(singular(word) for word in english.replace(" & ", " ").split()),
        name_km.replace(" និង", " "),
    }
    parts = {part.strip() for part in re.split(r"និង|\s", name_km.casefold()) if len(part.strip()) > 1}
    khmer = parts | {part.removeprefix("ការ") for part in parts | {name_km.casefold()}}  # ការធ្វើដំណើរ
    firsts = {whole.split(" & ")[0].split(" និង")[0] for whole in names}
    firsts |= {english.split()[0]} if len(english.split()) == 2 else set()  # 'office' for Office supplies
    return names | spoken | firsts | (khmer - {""})


def purpose_key(purpose: str) -> str:
    """A purpose's words as corrections are learned and looked up: lower case, singular, in order."""
    text = normalize_message(purpose).lower()
    words = [*_KHMER_RUN.findall(text), *(singular(word) for word in _LATIN_WORD.findall(text))]
    return " ".join(word for word in words if not word.isdigit())


def singular(word: str) -> str:
    """'taxis' -> 'taxi', 'batteries' -> 'battery', 'boxes' -> 'box'; 'gas', 'bus' and 'this' stay."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith(("ches", "shes", "xes", "sses")):
        return word[:-2]
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word
