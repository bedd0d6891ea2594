"""The languages the bot speaks, and how a group wants its numbers written."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from balance_bot.domain.text import is_khmer


class Language(Enum):
    """A language the bot's replies are written in, by its ISO 639-1 code."""

    ENGLISH = "en"
    KHMER = "km"


@dataclass(frozen=True, slots=True)
class Speech:
    """How the bot talks in a chat: its language, and whether numbers are written in Khmer digits."""

    language: Language
    khmer_digits: bool = False


def language_of(text: str) -> Language | None:
    """The language a message is written in, by its letters: Khmer when most of its letters are
    Khmer, English when it has Latin letters and no more Khmer than Latin; None for digits alone."""
    khmer = sum(1 for character in text if is_khmer(character) and character.isalpha())
    latin = sum(1 for character in text if character.isascii() and character.isalpha())
    if khmer == latin == 0:
        return None
    return Language.KHMER if khmer > latin else Language.ENGLISH


def answering(speech: Speech, asked: str) -> Speech:
    """How to answer a question: in the language it was asked in, with the chat's digits."""
    language = language_of(asked)
    return speech if language is None else Speech(language, speech.khmer_digits)
