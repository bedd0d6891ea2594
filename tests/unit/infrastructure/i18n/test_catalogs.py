"""Tests for the message catalogs: every text translated, placeholders kept, compiled files current."""

import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_file
from babel.messages.mofile import read_mo, write_mo
from babel.messages.pofile import read_po

from balance_bot.domain.language import Language
from balance_bot.domain.row_labels import ENGLISH_ROW_LABELS
from infrastructure.i18n.catalogs import DOMAIN, LOCALE_FOLDER
from infrastructure.telegram import (
    approvals_texts,
    ask_texts,
    balance_texts,
    changes_texts,
    group_access,
    khqr_texts,
    ledger_problems,
    member_texts,
    payments_texts,
    rate_texts,
    receipts_texts,
    recurring_texts,
    sheet_words,
    texts,
)

TEXT_MODULES = (
    texts,
    ask_texts,
    balance_texts,
    member_texts,
    payments_texts,
    khqr_texts,
    changes_texts,
    receipts_texts,
    recurring_texts,
    rate_texts,
    ledger_problems,
    sheet_words,
    group_access,
    approvals_texts,
)
PROJECT = LOCALE_FOLDER.parent
TRANSLATED = [language for language in Language if language is not Language.ENGLISH]


def marked_messages():
    """What `make catalogs` extracts (babel.cfg: texts.py, ask_texts.py, balance_texts.py,
    member_texts.py, payments_texts.py, khqr_texts.py, rate_texts.py, ledger_problems.py, sheet_words.py and
    group_access.py): a text,
    or a pair."""
    keywords = {"N_": None, "Nn_": (1, 2)}
    return [
        message
        for module in TEXT_MODULES
        for _, message, _, _ in extract_from_file("python", module.__file__, keywords=keywords)
    ]


def catalog(language, suffix="po"):
    path = LOCALE_FOLDER / language.value / "LC_MESSAGES" / f"{DOMAIN}.{suffix}"
    with path.open("rb") as file:
        return read_po(file) if suffix == "po" else read_mo(file)


def placeholders(text):
    return {name for _, name, _, _ in string.Formatter().parse(text) if name is not None}


def test_the_template_holds_exactly_the_texts_marked_in_the_code():
    with (LOCALE_FOLDER / f"{DOMAIN}.pot").open("rb") as file:
        template = read_po(file)
    in_template = {message.id for message in template if message.id}
    assert in_template == set(marked_messages()), "run `make catalogs` after changing texts.py"


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda language: language.value)
def test_every_text_has_a_translation_with_the_same_placeholders(language):
    translations = catalog(language)
    for message in marked_messages():
        entry = translations.get(message[0] if isinstance(message, tuple) else message)
        assert entry is not None, f"{language.value} catalog lacks {message!r}: run `make catalogs`"
        sources = message if isinstance(message, tuple) else (message,)
        translated = entry.string if isinstance(entry.string, tuple) else (entry.string,)
        assert all(translated), f"no {language.value} translation of {message!r}"
        expected = set().union(*(placeholders(source) for source in sources))
        for text in translated:
            assert placeholders(text) == expected, (message, text)


@pytest.mark.parametrize("language", TRANSLATED, ids=lambda language: language.value)
def test_a_translation_says_something_other_than_the_english(language):
    for message in catalog(language):
        if message.id and not isinstance(message.id, tuple):
            assert message.string != message.id, message.id


@pytest.mark.parametrize("language", list(Language), ids=lambda language: language.value)
def test_the_compiled_catalog_is_the_po_file_compiled(language):
    source = catalog(language)
    source.fuzzy = False  # `make catalogs` compiles with --use-fuzzy: texts to review are used meanwhile
    for message in source:
        message.flags.discard("fuzzy")
    compiled = io.BytesIO()
    write_mo(compiled, source, use_fuzzy=True)
    compiled.seek(0)
    expected = _messages(read_mo(compiled))
    shipped = _messages(catalog(language, "mo"))
    assert shipped == expected, "run `make catalogs`: the .mo file is older than its .po"


def _messages(compiled):
    """Each message of a compiled catalog, plural ones (lists in babel's reading) as tuples."""

    def hashable(value):
        return tuple(value) if isinstance(value, list) else value

    return {hashable(message.id): hashable(message.string) for message in compiled if message.id}


def test_every_khmer_text_to_review_is_listed_in_the_readme_for_a_native_speaker():
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    to_review = [message for message in catalog(Language.KHMER) if message.id and message.fuzzy]
    assert to_review, "none marked: then say so in the README"
    for message in to_review:
        english = message.id[0] if isinstance(message.id, tuple) else message.id
        assert f"“{english[:40]}" in readme, english


def test_khmer_sentences_end_with_the_khan_not_a_latin_full_stop():
    for message in catalog(Language.KHMER):
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            # "ឧ." (for example) is an abbreviation, not a sentence's end
            assert not re.search("[\u1780-\u17ff](?<!ឧ)[.] ", text + " "), text


def test_the_catalogs_folder_ships_with_the_docker_image():
    assert "COPY locale ./locale" in (PROJECT / "deploy" / "Dockerfile").read_text(encoding="utf-8")
    assert Path(LOCALE_FOLDER, "km", "LC_MESSAGES", f"{DOMAIN}.mo").is_file()


# English words a Khmer reply must not carry: month names, and the labels of the rows the bot writes.
ENGLISH_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)  # fmt: skip
ENGLISH_ROW_WORDS = ("Top-up", "Advance to", "Returned by", "Reimbursed to")
ENGLISH_IN_KHMER = re.compile(rf"\b(?:{'|'.join(ENGLISH_MONTHS + ENGLISH_ROW_WORDS)})\b")


def test_no_khmer_text_names_a_month_or_a_rows_label_in_english():
    for message in catalog(Language.KHMER):
        for text in message.string if isinstance(message.string, tuple) else (message.string,):
            assert not ENGLISH_IN_KHMER.search(text), text


def test_the_sheets_words_are_the_groups_language_and_english_stays_as_rows_already_hold_it():
    assert sheet_words.row_labels(Language.ENGLISH) == ENGLISH_ROW_LABELS
    khmer = sheet_words.row_labels(Language.KHMER)
    for label in (khmer.top_up, khmer.advance, khmer.returned, khmer.reimbursed):
        assert re.search("[\u1780-\u17ff]", label), label
        assert not ENGLISH_IN_KHMER.search(label), label
