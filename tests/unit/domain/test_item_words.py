"""Tests for whether an item says what a question asks about: whole words and their forms, the same
thing in English and Khmer, a typo in a long word, never a word inside another word."""

import pytest

from balance_bot.domain.item_words import khmer_words, says


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ice", "ice"),
        ("ទឹកកក", "ice"),
        ("ice 2 bags", "ICE"),
        ("coffees for guests", "coffee"),
        ("tuk tuks to the bank", "tuk tuk"),
        ("តុកតុក ទៅផ្សារ", "tuk tuk"),
        ("generator service", "genarator"),  # a typo in a long word of the question
        ("សាំងម៉ាស៊ីនភ្លើង", "generator"),
        ("electricity bill", "electricty bill"),
        ("guitar strngs", "guitar strings"),  # a typo beside the words it shares
        ("ខ្សែហ្គីតា", "guitar string"),
        ("fan repair", "ជួសកង្ហារ"),
        ("អង្ករ ១០គីឡូ", "rice"),
    ],
)
def test_an_item_says_the_subject_in_either_language_and_its_forms(item, subject):
    assert says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("rice 25kg", "ice"),
        ("ice cream", "ice"),
        ("ការ៉េម", "ice"),
        ("office chair", "ice"),
        ("price tags stickers", "ice"),
        ("service", "ice"),
        ("ស្ករគ្រាប់", "sugar"),  # candy, though its word starts with sugar's
        ("water bill", "drinking water"),
        ("violin strings", "guitar strings"),
        ("tea", "teacher"),
        ("pens", "pencil"),
    ],
)
def test_an_item_never_says_a_word_hidden_inside_another_or_another_thing(item, subject):
    assert not says(item, subject)


def test_khmer_is_split_into_known_words_without_cutting_a_letter_from_its_signs():
    assert khmer_words("ទិញទឹកកកនិងស្ករ", ["ទិញ"]) == ["ទិញ", "ទឹកកក", "និង", "ស្ករ"]
