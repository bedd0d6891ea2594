"""The languages the bot speaks, and how a group wants its numbers written."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Language(Enum):
    """A language the bot's replies are written in, by its ISO 639-1 code."""

    ENGLISH = "en"
    KHMER = "km"


@dataclass(frozen=True, slots=True)
class Speech:
    """How the bot talks in a chat: its language, and whether numbers are written in Khmer digits."""

    language: Language
    khmer_digits: bool = False
