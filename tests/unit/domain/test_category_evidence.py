"""Tests for what makes a purpose's words thin evidence of a named category: the head a modifier is no
name of, people hosted beside food, a stock bought in bulk or to sell, things listed beside an unknown one."""

import pytest

from balance_bot.domain.categories import OTHER, Category, default_category_book
from balance_bot.domain.category_evidence import bulk_stock, hosted, names_in
from infrastructure.categories.tab import load_categories_csv

DEFAULTS = default_category_book(load_categories_csv())


@pytest.mark.parametrize(
    "purpose",
    [
        "raincoats for the drivers",  # the drivers only say for whom: Transport is no name of raincoats
        "helmet for the moto driver",
        "rope for the delivery",
        "ទិញ SSD ដូរឲ្យភ្ញៀវ",  # a part bought for a customer: the guest says for whom
        "អាវភ្លៀងសម្រាប់អ្នកបើកបរ",
        "tinh SSD samrab phnhiev",
    ],
)
def test_a_thing_the_tab_has_no_word_for_is_other_whatever_its_modifier_names(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


def test_a_thing_for_an_occasion_is_the_occasions_though_the_tab_has_no_word_for_it():
    assert DEFAULTS.categorise("tent hire for the wedding").name == "Guests & events"
    assert DEFAULTS.categorise("ជួលតង់សម្រាប់ពិធី").name == "Guests & events"


def test_paying_words_before_a_joiner_leave_the_rest_to_decide():
    assert DEFAULTS.categorise("to the market by tuk tuk").name == "Transport"
    assert DEFAULTS.categorise("paid for diesel").name == "Fuel"


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("battery for the tuk tuk", OTHER),  # a part of the tuk tuk, or a battery of the office: either
        ("car battery", OTHER),
        ("tyre moto", "Repairs & maintenance"),  # the moto says whose tyre
        ("new tyre for the moto", "Repairs & maintenance"),
        ("diesel for the truck", "Fuel"),
        ("documents by bus", "Delivery & postage"),  # sent by the bus, no part of it
    ],
)
def test_a_thing_for_a_vehicle_is_its_repair_or_fuel_and_a_thing_filed_elsewhere_competes(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


def test_the_vehicle_beside_its_repair_is_still_said_as_the_other_guess():
    oil = DEFAULTS.categorise("engine oil truck")
    assert (oil.name, oil.also) == ("Repairs & maintenance", ("Transport",))


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("ប្តូរប្រេងម៉ាស៊ីនឡានដឹក", "Repairs & maintenance"),  # the oil change of a truck, no delivery
        ("ចាក់សាំងឡានដឹក", "Fuel"),
        ("ជួសជុលឡានដឹក", "Repairs & maintenance"),
        ("ឡានដឹកឥវ៉ាន់", "Delivery & postage"),  # a truck carrying goods: the goods' delivery
        ("sang lan deuk", "Fuel"),
    ],
)
def test_khmer_names_what_was_paid_for_first_and_a_truck_carrying_nothing_said_is_no_delivery(
    purpose, category
):
    assert DEFAULTS.categorise(purpose).name == category


@pytest.mark.parametrize(
    "purpose",
    [
        "coffee for the guests",
        "water for the visitors from the ministry",
        "lunch with the client",
        "fruit for the monks",
        "client visit dinner",
        "ទឹកសុទ្ធសម្រាប់ភ្ញៀវ",
        "កាហ្វេឲ្យភ្ញៀវ",
        "នំសម្រាប់ពិធីបុណ្យ",
        "kafe samrab phnhiev",
        "tek sot samrab bon",
        "bay jamuoy mekhum",
    ],
)
def test_food_for_people_hosted_is_food_to_one_reader_and_hosting_to_another_so_other(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


@pytest.mark.parametrize("purpose", ["lunch for the driver", "water for the workers", "tea for the staff"])
def test_food_for_the_teams_own_people_is_food(purpose):
    assert DEFAULTS.categorise(purpose).name == "Food & drinks"


def test_a_thing_of_hosting_for_an_occasion_keeps_the_occasions_category():
    assert DEFAULTS.categorise("banner for the ceremony").name == "Guests & events"


@pytest.mark.parametrize(
    "purpose",
    [
        "rice 2 sacks",
        "eggs 5 trays",
        "pong tea 2 tray",
        "អង្ករ ៣បាវ",
        "កូនមាន់ ៥០ក្បាល",
        "ជ្រូក ៣ក្បាល",
        "cakes for sale",
        "នំសម្រាប់លក់",
        "ផ្កាឈូក ៣០០ទង",
        "ផ្កាកុលាប ៥០០ទង",
    ],
)
def test_a_stock_bought_in_bulk_or_to_sell_is_other(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("rice 5kg for staff", "Food & drinks"),
        ("ស្ករ ២គីឡូ", "Food & drinks"),
        ("send 2 sacks rice to customer by moto", "Delivery & postage"),  # a service over the stock
        ("pens 10 pcs", "Office supplies"),
        ("binding rings 100pcs", "Office supplies"),  # office things come by the hundred too
    ],
)
def test_what_a_team_uses_by_the_kilo_or_a_few_pieces_keeps_its_category(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


@pytest.mark.parametrize("purpose", ["gloves + boots", "glue + sandpaper", "ក្រដាសជូតអេក្រង់ និងអាល់កុល"])
def test_things_listed_beside_one_the_tab_has_no_word_for_are_other(purpose):
    assert DEFAULTS.categorise(purpose).name == OTHER


@pytest.mark.parametrize(
    ("purpose", "category"),
    [
        ("lunch Visal + Nak", "Food & drinks"),  # members' names list no thing
        ("trey 1kg + bonle", "Food & drinks"),  # Khmer typed in Latin letters, which the tab reads in part
        ("J&T parcel to Kampot", "Delivery & postage"),  # '&' in a name lists nothing
    ],
)
def test_names_and_romanised_khmer_listed_beside_a_thing_leave_it_its_category(purpose, category):
    assert DEFAULTS.categorise(purpose).name == category


def test_a_bookkeepers_own_tab_is_read_by_the_same_rules():
    book = default_category_book([
        Category("Meals", words=("food", "lunch", "coffee")),  # the tab's word for food names its food
        Category("Car", words=("truck", "tyre")),
    ])  # fmt: skip
    assert book.categorise("coffee for the guests").name == OTHER
    assert book.categorise("tyre truck").name == "Car"
    assert book.categorise("raincoats for the truck").name == OTHER


def test_the_evidence_words_are_read_whole_and_names_only_after_the_first_word():
    assert hosted("snacks for the buyers")
    assert hosted("ភ្ញៀវមកលេង")
    assert not hosted("lunch for the bonus team")
    assert bulk_stock("flour 2 sacks")
    assert not bulk_stock("rice 50kg")
    assert not bulk_stock("toner canon 2900")
    assert names_in("Lunch Visal and Nak") == frozenset({"visal", "nak"})
