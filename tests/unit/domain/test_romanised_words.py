"""Khmer typed in Latin letters, known by how its words sound rather than by lists of spellings."""

from __future__ import annotations

from collections import defaultdict

import pytest

from balance_bot.domain import romanised_words
from balance_bot.domain.question_romanised import in_khmer_script
from balance_bot.domain.romanised_sounds import sound_key


@pytest.mark.parametrize(
    "spellings",
    [
        ("khe", "khae", "kher", "khai", "khea"),  # ខែ
        ("tinh", "tenh", "ting", "tign", "tinhh"),  # ទិញ
        ("os", "oss", "awh", "orh"),  # អស់
        ("jeang", "jieng", "jiang", "cheang", "chiang"),  # ជាង
        ("thngai", "tngai", "thgnai", "tngay", "tgai"),  # ថ្ងៃ
        ("ponman", "ponnman", "ponmann"),  # ប៉ុន្មាន
        ("luy", "loy", "lui", "louy", "luey", "luoy"),  # លុយ
        ("chuol", "juol", "chual", "jual", "chool", "jul"),  # ជួល
        ("knhom", "khnhom", "knyom", "kgnom", "k'nhom"),  # ខ្ញុំ
        ("mathyum", "matyum", "matthyum"),  # មធ្យម
    ],
)
def test_the_spellings_people_type_for_one_word_share_its_sound(spellings):
    assert len({sound_key(spelling) for spelling in spellings}) == 1


def test_no_two_everyday_words_of_the_dictionary_sound_alike():
    khmer_of = defaultdict(set)
    for khmer, spellings in romanised_words._ALL.items():
        for spelling in spellings:
            khmer_of[romanised_words.key_of(spelling)].add(khmer)
    # a spelling the key does not place ('hz', 'phnhiev') is read as typed, by no sound
    assert {key: words for key, words in khmer_of.items() if len(words) > 1 and all(key)} == {}


@pytest.mark.parametrize(
    ("typed", "khmer"),
    [
        ("tek", "ទឹក"),
        ("teuk", "ទឹក"),
        ("phnhiev", "ភ្ញៀវ"),
        ("sombut", "សំបុត្រ"),
        ("bong", "បង"),
        ("keyboard", None),
    ],
)
def test_a_word_is_known_by_its_own_spelling_or_its_sound(typed, khmer):
    assert romanised_words.one_word(typed) == khmer


@pytest.mark.parametrize(
    ("one", "other"),
    [("bong", "pong"), ("dek", "tek"), ("ban", "bang"), ("teang", "tinh"), ("te", "ti"), ("dak", "dok")],
)
def test_words_that_differ_in_a_sound_khmer_tells_apart_do_not_share_it(one, other):
    assert sound_key(one) != sound_key(other)


def test_a_question_in_spellings_no_list_holds_is_read_as_its_khmer():
    assert in_khmer_script("khai nih oss ponnman") == "ខែនេះអស់ប៉ុន្មាន"
    assert in_khmer_script("kher mun ting teuk ass bonman") == "ខែមុនទិញ teuk អស់ប៉ុន្មាន"
    assert in_khmer_script("ath nis chay touch jieng ke ponman") == "អាទិត្យនេះចាយតូចជាងគេប៉ុន្មាន"
    assert in_khmer_script("tek kork mdong2 ot ponma") == "ទឹកកកម្ដងៗអត់ប៉ុន្មាន"
    assert in_khmer_script("thngai ti 8 tinh avey klah") == "ថ្ងៃទី 8 ទិញអីខ្លះ"


def test_a_word_that_sounds_like_no_everyday_word_stays_as_typed_and_so_unknown():
    assert in_khmer_script("bal tinh ass ponman") == "bal ទិញអស់ប៉ុន្មាន"
    assert in_khmer_script("tinh keyboard ban ponman khe mun") == "ទិញ keyboard បានប៉ុន្មានខែមុន"


def test_a_phrase_is_read_before_its_words_and_only_as_a_whole():
    assert in_khmer_script("khe nis chay teang os ponman") == "ខែនេះចាយទាំងអស់ប៉ុន្មាន"
    assert in_khmer_script("khe nis tinh os ponman") == "ខែនេះទិញអស់ប៉ុន្មាន"
    assert in_khmer_script("sach mon khe mon ponman") == "សាច់មាន់ខែមុនប៉ុន្មាន"  # chicken, last month


def test_english_words_are_read_as_khmer_only_in_a_question_typed_in_romanised_khmer():
    assert in_khmer_script("how much on tuk tuk this month") == "how much on tuk tuk this month"
    assert in_khmer_script("ខែនេះ ចាយលើ tuk tuk អស់ប៉ុន្មាន") == "ខែនេះ ចាយលើ tuk tuk អស់ប៉ុន្មាន"
    assert in_khmer_script("total khe nis how much") == "total ខែនេះ how much"  # the English stays


def test_a_word_typed_in_two_syllables_is_read_whole_but_shortened_words_are_not_joined():
    assert in_khmer_script("khe nih chai leu tek kork ors pon mann") == "ខែនេះចាយលើទឹកកកអស់ប៉ុន្មាន"
    assert in_khmer_script("tngai ns tnh ey kla") == "ថ្ងៃនេះទិញអីខ្លះ"  # "tnh ey" is no ថ្ងៃ
