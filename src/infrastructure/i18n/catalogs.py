"""The compiled gettext catalogs in locale/, one per language, read once."""

from __future__ import annotations

import gettext
from functools import cache
from pathlib import Path

from balance_bot.domain.language import Language

LOCALE_FOLDER = Path(__file__).resolve().parents[3] / "locale"
DOMAIN = "balance_bot"
# The texts are written in English in the code: its catalog may leave every message untranslated.
SOURCE_LANGUAGE = Language.ENGLISH


def N_(message: str) -> str:  # noqa: N802 - the name gettext tools look for
    """Mark a text for the catalogs where it is defined; it is translated where it is said."""
    return message


def Nn_(singular: str, plural: str) -> tuple[str, str]:  # noqa: N802 - `pybabel extract -k Nn_:1,2`
    """Mark a text with a count for the catalogs: its singular and plural English forms."""
    return singular, plural


@cache
def translations(language: Language, folder: Path = LOCALE_FOLDER) -> gettext.NullTranslations:
    """The language's catalog; a missing Khmer catalog is an installation fault, never English."""
    return gettext.translation(DOMAIN, folder, [language.value], fallback=language is SOURCE_LANGUAGE)
