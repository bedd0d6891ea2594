"""Tests for text normalisation: invisible characters, line breaks, digits and emoji."""

from balance_bot.domain.text import (
    DIGITS_TO_ASCII,
    EMOJI,
    is_khmer,
    is_latin_letter,
    normalize_message,
)


def test_zero_width_spaces_and_bidi_marks_disappear():
    assert normalize_message("cof\u200bfee\u200f 3\u202e$\ufeff") == "coffee 3$"


def test_control_characters_disappear_but_newlines_stay():
    assert normalize_message("ice\x00 5000៛\r\nwater\x07 1$\rtea 1$") == "ice 5000៛\nwater 1$\ntea 1$"


def test_unusual_spaces_become_plain_spaces():
    assert normalize_message("12\u00a0500\u202friel\tice") == "12 500 riel ice"


def test_khmer_and_full_width_digits_become_ascii_one_for_one():
    text = "ទឹកកក ៥០០០៛ ３$"
    translated = text.translate(DIGITS_TO_ASCII)
    assert translated == "ទឹកកក 5000៛ 3$"
    assert len(translated) == len(text)


def test_emoji_and_keycaps_are_recognised():
    assert EMOJI.sub("", "☕ coffee 🙏🏽 3️⃣") == " coffee  "


def test_khmer_script_is_told_apart_from_latin_letters():
    assert is_khmer("ក")
    assert is_khmer("៥")
    assert not is_khmer("k")
    assert is_latin_letter("k")
    assert not is_latin_letter("ក")
    assert not is_latin_letter("5")
