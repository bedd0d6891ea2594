"""Tests for the language use case: what /language understands, and which chat hears which language."""

import pytest

from balance_bot.domain.language import Language, Speech
from balance_bot.groups.languages import ChatLanguages, LanguageChosen, LanguageUnclear
from tests.fakes.chat_languages import InMemoryChatLanguageStore

KHMER, ENGLISH = Speech(Language.KHMER), Speech(Language.ENGLISH)


@pytest.mark.parametrize(
    ("words", "speech"),
    [
        ("km", KHMER),
        ("Khmer", KHMER),
        ("ខ្មែរ", KHMER),
        ("km digits", Speech(Language.KHMER, khmer_digits=True)),
        ("ខ្មែរ លេខខ្មែរ", Speech(Language.KHMER, khmer_digits=True)),
        ("en", ENGLISH),
        ("English", ENGLISH),
        ("អង់គ្លេស", ENGLISH),
        ("en digits", ENGLISH),  # Khmer digits belong to Khmer replies
    ],
)
async def test_an_admin_names_a_language_by_code_or_name_in_either_language(words, speech):
    languages = ChatLanguages(InMemoryChatLanguageStore(), Language.ENGLISH)
    assert await languages.choose(-1, words) == LanguageChosen(speech)
    assert await languages.for_group(-1) == speech


@pytest.mark.parametrize("words", ["", "fr", "km please", "digits"])
async def test_words_naming_no_language_change_nothing_and_say_what_the_group_has(words):
    store = InMemoryChatLanguageStore()
    languages = ChatLanguages(store, Language.KHMER)
    assert await languages.choose(-1, words) == LanguageUnclear(KHMER)
    assert store.chosen == {}


async def test_a_group_that_has_not_chosen_hears_the_default_and_its_choice_is_read_once():
    store = InMemoryChatLanguageStore()
    store.chosen[-2] = KHMER
    languages = ChatLanguages(store, Language.ENGLISH)
    assert await languages.for_group(-1) == ENGLISH
    assert await languages.for_group(-2) == KHMER
    store.chosen[-2] = ENGLISH  # changed behind its back: the kept answer stands until forgotten
    assert await languages.for_group(-2) == KHMER
    languages.forget(-2)
    assert await languages.for_group(-2) == ENGLISH


@pytest.mark.parametrize(
    ("language_code", "speech"),
    [("km", KHMER), ("km-KH", KHMER), ("en", ENGLISH), ("ru", ENGLISH), (None, ENGLISH)],
)
def test_a_private_chat_follows_the_members_app_only_when_it_is_in_khmer(language_code, speech):
    assert ChatLanguages(InMemoryChatLanguageStore(), Language.ENGLISH).for_private(language_code) == speech


def test_a_question_is_answered_in_the_language_it_is_asked_in_with_the_chats_digits():
    from balance_bot.domain.language import Language, Speech, answering, language_of

    assert language_of("ខែនេះចាយអស់ប៉ុន្មាន?") is Language.KHMER
    assert language_of("Dara ចាយប៉ុន្មានខែនេះ") is Language.KHMER  # a name in Latin letters
    assert language_of("how much on សាំង this month") is Language.ENGLISH
    assert language_of("12/3 ?") is None
    english_group = Speech(Language.ENGLISH, khmer_digits=True)
    assert answering(english_group, "ខែនេះចាយអស់ប៉ុន្មាន") == Speech(Language.KHMER, khmer_digits=True)
    assert answering(Speech(Language.KHMER), "how much this week?") == Speech(Language.ENGLISH)
    assert answering(english_group, "?") == english_group
