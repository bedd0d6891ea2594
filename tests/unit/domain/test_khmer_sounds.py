"""Khmer typed in Latin letters is read as the known Khmer word it sounds like, and English words of
the same consonants are not."""

from balance_bot.domain.item_words import says, terms
from balance_bot.domain.khmer_sounds import khmer_key, latin_key


def test_a_word_typed_in_latin_letters_says_the_consonants_its_khmer_spelling_says():
    assert latin_key("tek") + latin_key("kork") == khmer_key("ទឹកកក")
    assert latin_key("sontouch") == khmer_key("សន្ទូច")


def test_ice_written_in_latin_letters_however_the_vowels_are_spelled_is_ice():
    for written in ("tek kork 4 dom", "teuk kok", "tuk kork 2 bav"):
        assert "#ice" in terms(written, corrected=True), written
    assert says("tek kork 3 dom", "ice")


def test_the_vowels_tell_drinking_water_from_the_water_bill_when_the_consonants_are_the_same():
    assert "#drinking_water" in terms("tek sot 2 kes")
    assert "#water_bill" in terms("tinh teuk sart 2 tung")


def test_a_meal_and_meat_typed_in_latin_letters_are_read_in_several_words():
    assert "#lunch" in terms("bay thngai trong 5 nak")
    assert "#pork" in terms("bai sach chrouk for the crew")


def test_english_words_whose_consonants_sound_like_a_khmer_word_stay_english():
    assert "#laundry" not in terms("pick up ice on the way back")  # not បោកភួយ
    assert "#cleaning" not in terms("top up smart 3$")  # not សម្អាត
    assert "#cooking_gas" not in terms("avg cost per ice purchase")


def test_a_short_form_with_no_vowel_is_no_khmer_word():
    assert terms("sontouch 2 pkt") == ("#fish_hook", "2", "pkt")


def test_a_name_of_several_english_words_holding_a_question_word_is_read_whole():
    assert terms("top up metfone")[0] == "#phone_top_up"


def test_a_word_of_the_vocabulary_may_open_a_khmer_run_but_never_close_one():
    assert "#lunch" in terms("bay thngai trong 4 nak")  # 'bay', a meal, opens បាយថ្ងៃត្រង់
    assert "#fuel" in terms("Thu: fuel 10$")  # not 'thu fuel' read as a roof
