"""Tests for cleaning a purpose down to what was bought."""

import pytest

from balance_bot.domain.purpose import MAX_PURPOSE_LENGTH, clean_purpose


@pytest.mark.parametrize(
    ("raw", "purpose"),
    [
        ("Hi all, bought coffee for the team", "coffee for the team"),
        ("Good morning! printer paper", "printer paper"),
        ("thanks! paid parking 🙏", "parking"),
        ("FYI: printer paper", "printer paper"),
        ("@manager taxi to the bank", "taxi to the bank"),
        ("Paid for the cleaning lady", "cleaning lady"),
        ("yesterday taxi", "taxi"),
        ("taxi yesterday", "taxi"),
        ("last night dinner with donors", "dinner with donors"),
        ("☕ coffee", "coffee"),
        ("Staff lunch at the noodle shop -", "Staff lunch at the noodle shop"),
        ("Coffee:", "Coffee"),
        ("coffee thanks", "coffee"),
    ],
)
def test_greetings_mentions_emoji_filler_and_date_words_are_stripped(raw, purpose):
    assert clean_purpose(raw) == purpose


@pytest.mark.parametrize(
    ("raw", "purpose"),
    [
        ("សួស្តី! កាហ្វេ", "កាហ្វេ"),
        ("ម្សិលមិញ ទឹកកក", "ទឹកកក"),
        ("ទិញ កាហ្វេ", "កាហ្វេ"),
        ("បាយថ្ងៃត្រង់", "បាយថ្ងៃត្រង់"),
        ("ថ្លៃភ្លើង", "ថ្លៃភ្លើង"),
    ],
)
def test_khmer_text_is_kept_intact_while_khmer_filler_goes(raw, purpose):
    assert clean_purpose(raw) == purpose


def test_counts_models_and_years_stay_in_the_purpose():
    assert clean_purpose("A4 paper 2 boxes") == "A4 paper 2 boxes"
    assert clean_purpose("2027 calendar") == "2027 calendar"


def test_no_currency_word_or_sign_is_left_in_a_purpose():
    assert clean_purpose("coffee usd $ riel ៛ dollars") == "coffee"


@pytest.mark.parametrize("raw", ["", "   ", "👍", "thanks 🙏", "@boss", "paid", "៥", "-- :"])
def test_nothing_but_noise_leaves_no_purpose(raw):
    assert clean_purpose(raw) == ""


def test_a_long_purpose_is_cut_at_a_word_with_an_ellipsis():
    purpose = clean_purpose("notebook " * 40)
    assert len(purpose) <= MAX_PURPOSE_LENGTH + 1
    assert purpose.endswith("notebook…")


def test_a_formula_sign_never_opens_a_purpose():
    assert clean_purpose("=SUM(A1:A9) cake") == "SUM(A1:A9) cake"
    assert clean_purpose("+coffee") == "coffee"


def test_a_period_left_behind_by_the_amount_reads_as_per():
    assert clean_purpose("rent /mo") == "rent per month"
    assert clean_purpose("gym /month") == "gym per month"


@pytest.mark.parametrize(
    "raw", ["Vanna spent", "បងស្រី ចាយ ហើយ", "គាត់ចាយ", "Chea jay", "os luy", "yesterday afternoon", "ល្ងាចមិញ"]
)
def test_who_spent_or_when_is_no_purpose(raw):
    assert clean_purpose(raw) == ""


@pytest.mark.parametrize(
    ("raw", "purpose"),
    [
        ("cake this afternoon", "cake this afternoon"),
        ("បាយល្ងាច", "បាយល្ងាច"),
        ("ចាយលើទឹកកក", "ចាយលើទឹកកក"),
        ("kitchen paid", "kitchen"),
        ("hotel 1 night", "hotel 1 night"),
    ],
)
def test_a_time_or_a_verb_of_spending_beside_what_was_bought_leaves_the_purpose_whole(raw, purpose):
    assert clean_purpose(raw) == purpose
