"""Many regex branches as one fast pattern: it finds exactly what any of its branches finds."""

import re

import pytest

from balance_bot.domain.alternation import any_of

BRANCHES = (
    r"\b(?:due|owe)\b",
    r"\b(?<!for )(?<!to )(?:client|parent)s?\b[^.\n]{0,20}?\bpaid\b",
    r"\b\$?[0-9]+ish\b",
    r"(?<!្)ថា(?!ស)",
    r"ជំពាក់|ត្រូវបង់",
    r"(?:ឈ្នួល|ប្រាក់ខែ)[^\n]*ក្នុងម្នាក់",
    r"^\s*(?:តើ|អ្នកណា)",
    r"(?<![0-9.,])1\s*\$\s*=\s*[0-9]",
    r"[0-9]\$?ish\b",
    r"💀",
)


@pytest.mark.parametrize(
    "text",
    [
        "rent due friday 300$",
        "the client paid 300$",
        "lunch for the client, paid 12$",
        "about 20ish",
        "ជាងថាជួសជុល ៤០$",
        "ស្ថានីយ ៥០០០៛",
        "យើងនៅជំពាក់ហាង ២០$",
        "ប្រាក់ខែកម្មករ ២៥០០០៛ ក្នុងម្នាក់",
        "តើទិញនេះល្អទេ ២៥$",
        "ទិញតើ ២៥$",
        "1$ = 4100៛",
        "coffee 3$",
        "lunch 20$ish",
        "lol 💀 5$",
        "",
    ],
)
def test_a_combined_pattern_finds_what_any_of_its_branches_finds(text):
    plain = re.compile("|".join(BRANCHES))
    assert (any_of(*BRANCHES).search(text) is not None) == (plain.search(text) is not None)


def test_no_branches_match_nothing():
    assert any_of().search("anything") is None


@pytest.mark.parametrize("text", ["xa", "b", "abc", "ថ្ងៃ", "ស្ថានីយ"])
def test_an_optional_or_repeated_opening_group_is_never_taken_for_a_first_character(text):
    branches = (r"(?:a|b)?c", r"(?:ថ|ស){0,2}ន", r"(?:x)*a")
    plain = re.compile("|".join(branches))
    assert (any_of(*branches).search(text) is not None) == (plain.search(text) is not None)
