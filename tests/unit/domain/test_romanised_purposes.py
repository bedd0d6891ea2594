"""Tests for purposes typed in Latin letters, Khmer with units, occasions, services and couriers."""

import pytest

from balance_bot.domain.categories import OTHER, default_category_book
from balance_bot.domain.romanised_purposes import in_khmer_script, may_be_typed
from infrastructure.categories.tab import load_categories_csv

DEFAULTS = default_category_book(load_categories_csv())


@pytest.mark.parametrize(
    ("typed", "khmer"),
    [
        ("thlay pleung", "ថ្លៃភ្លើង"),
        ("louy teuk rorth", "លុយទឹករដ្ឋ"),
        ("sambot laan krung tou kep", "សំបុត្រឡានក្រុងទៅ kep"),
        ("derk eyvan 2", "ដឹកឥវ៉ាន់ 2"),
    ],
)
def test_romanised_khmer_words_in_any_of_their_spellings_are_written_together_in_khmer_script(typed, khmer):
    assert in_khmer_script(typed) == khmer


def test_words_the_tab_reads_as_they_are_stay_in_latin_letters():
    assert in_khmer_script("tlai tuk tuk", kept={1, 2}) == "ថ្លៃ tuk tuk"


@pytest.mark.parametrize("text", ["lan party", "bong dara", "tam and rot"])
def test_spellings_that_are_english_words_too_are_not_read_as_khmer_alone(text):
    assert not may_be_typed(text)
    assert in_khmer_script(text) is None


def test_a_word_nothing_reads_before_a_romanised_word_leaves_the_purpose_unread():
    assert in_khmer_script("kangkear pleung") is None  # the thing named first is unknown


def test_water_before_a_word_left_in_latin_letters_is_left_in_latin_letters_too():
    assert in_khmer_script("tinh tek kmao") == "ទិញ tek kmao"


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("luey pleung khae 7", "Utilities & phone"),
        ("borng luoy teuk rath", "Utilities & phone"),
        ("sombut laan krung tou Kep", "Transport"),
        ("thlei derk eyvann tow Kandal", "Delivery & postage"),
        ("phnhoe eivan tam lan krong tov Pursat", "Delivery & postage"),
        ("tlai deuk sand", "Delivery & postage"),  # carrying sand, not the sand
        ("tinh ampul 2", "Repairs & maintenance"),
        ("prak khae chhmam", OTHER),  # a guard's salary
    ],
)
def test_romanised_khmer_purposes_name_their_category(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


@pytest.mark.parametrize(
    "purpose",
    [
        "ampoul pleung moto",  # a moto's light, not electricity
        "tek lang samlei",  # a liquid nothing reads, not water
        "LAN port",
        "luy tuk tuk",  # the tuk tuk's money stays the tuk tuk's
    ],
)
def test_romanised_words_never_name_a_category_the_purpose_is_not(purpose):
    assert DEFAULTS.categorise(purpose).name not in ("Utilities & phone", "Food & drinks")


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("ក្រដាស A3 ៣កញ្ចប់", "Office supplies"),  # a pack, no parcel
        ("ប៊ិច ១០ កញ្ចប់", "Office supplies"),
        ("ស្ករ ២ថង់", "Food & drinks"),
        ("សាប៊ូដុំ ៦កញ្ចប់", "Cleaning"),
    ],
)
def test_a_khmer_unit_after_a_count_measures_the_thing_and_names_no_category(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


def test_a_package_sent_is_still_a_delivery_without_a_count():
    assert DEFAULTS.categorise("ផ្ញើកញ្ចប់ទៅបាត់ដំបង").name == "Delivery & postage"


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("meeting room aircon repair", "Repairs & maintenance"),
        ("cleaning after the party", "Cleaning"),
        ("សម្អាតបន្ទប់ប្រជុំ", "Cleaning"),
        ("taxi workshop", "Transport"),
    ],
)
def test_a_service_done_at_an_occasion_is_the_service(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


@pytest.mark.parametrize(
    "purpose",
    ["water for visitors from the province", "lunch for guests from the embassy", "នំសម្រាប់ភ្ញៀវមកពីក្រសួង"],
)
def test_food_for_visitors_of_an_organisation_is_food_or_hosting_so_other(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


def test_food_for_guests_is_hosting_as_much_as_food_and_goes_to_other():
    assert DEFAULTS.categorise("tea for guests").name == OTHER
    assert DEFAULTS.categorise("tea for the staff").name == "Food & drinks"


@pytest.mark.parametrize(
    "purpose",
    [
        "kerry documents to Kampot",
        "printer paper by Sorya to Battambang",
        "spare tyre via Mekong Express",
        "EMS docs",
    ],
)
def test_a_thing_sent_with_a_courier_or_a_bus_company_is_a_delivery(purpose):
    assert DEFAULTS.categorise(purpose).name == "Delivery & postage"


@pytest.mark.parametrize("purpose", ["Sorya to Battambang", "went by Capitol"])
def test_a_bus_company_alone_names_no_category(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


def test_a_bus_ticket_by_a_bus_company_is_transport():
    assert DEFAULTS.categorise("bus ticket by Giant Ibis").name == "Transport"


@pytest.mark.parametrize(
    ("purpose", "khmer"),
    [("luy toeuk rath", "លុយទឹករដ្ឋ"), ("sombott lan krong", "សំបុត្រឡានក្រុង")],
)
def test_a_spelling_of_a_purpose_word_is_known_by_its_sound(purpose, khmer):
    assert in_khmer_script(purpose) == khmer


def test_a_short_word_is_read_only_as_one_of_its_own_spellings():
    assert in_khmer_script("dek koul") is None  # ដែក, iron: no 'deuk' (ដឹក, carrying)
