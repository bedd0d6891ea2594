"""Words that tell which of a thing was bought, and name no thing (white, navy, ស, ខ្មៅ): a question's
'white fabric' or 'ក្រណាត់ស' asks about fewer rows than its thing, and a quality said alone beside a
thing ('fabric, white and navy') tells which of it, never another thing of its own."""

from __future__ import annotations

from collections.abc import Iterable

# Each colour as members write it in either language; Khmer writes it after the thing (ក្រណាត់ស,
# white fabric), English before. Navy is written as dark blue (ខៀវចាស់) and told apart from blue.
_COLOURS = (
    ("white", "ស", "ពណ៌ស"),
    ("black", "ខ្មៅ", "ពណ៌ខ្មៅ"),
    ("red", "ក្រហម", "ពណ៌ក្រហម"),
    ("navy", "ខៀវចាស់", "ខៀវទឹកប៊ិច"),
    ("blue", "ខៀវ", "ពណ៌ខៀវ"),
    ("green", "បៃតង", "ពណ៌បៃតង"),
    ("yellow", "លឿង", "ពណ៌លឿង"),
    ("grey", "gray", "ប្រផេះ", "ពណ៌ប្រផេះ"),
    ("brown", "ត្នោត", "ពណ៌ត្នោត"),
    ("pink", "ផ្កាឈូក", "ពណ៌ផ្កាឈូក"),
    ("purple", "violet", "ពណ៌ស្វាយ"),  # ស្វាយ alone is a mango
    ("beige", "cream"),
)
_QUALITY_OF = {said: names[0] for names in _COLOURS for said in names}


def quality(word: str) -> str | None:
    """The colour the word names, by its English name; None for a word that names none."""
    return _QUALITY_OF.get(word)


def same_quality(one: str, other: str) -> bool:
    """Whether two words name the same colour, in either language ('white' and 'ស')."""
    named = _QUALITY_OF.get(one)
    return named is not None and named == _QUALITY_OF.get(other)


def only_qualities(words: Iterable[str]) -> bool:
    """Whether the words name colours only, and some: which of a thing, not a thing."""
    said = list(words)
    return bool(said) and all(word in _QUALITY_OF for word in said)
