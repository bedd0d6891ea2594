"""Tests for whether an item says what a question asks about: whole words and their forms, the same
thing in English and Khmer, a typo in a long word, never a word inside another word."""

import pytest

from balance_bot.domain.item_words import khmer_words, maybe_says, says


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
        ("ម្សៅស្រូវសាលី", "flour"),
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


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("cemnt 5 bags", "cement"),  # a letter left out of a word of six
        ("diesel generator", "disel"),
        ("ស៊ីម៉ង់ត៍ ៥បាវ", "cemnt"),
    ],
)
def test_a_letter_left_out_of_a_known_word_of_six_letters_is_read_as_that_word(item, subject):
    assert says(item, subject)


def test_a_word_of_five_letters_with_a_letter_changed_is_another_word_not_a_slip():
    assert not says("paint white", "plant")
    assert not says("pipes", "pips")


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ម៉ាស៊ូត", "ម៉ាសូត"),  # ៊ left out
        ("ម៉ាសូត ២០លីត្រ", "diesel"),
        ("ស៊ីម៉ងត៍", "cement"),  # ់ left out
    ],
)
def test_a_sign_slipped_in_a_long_khmer_word_is_read_as_the_known_word(item, subject):
    assert says(item, subject)


def test_a_khmer_letter_or_vowel_that_differs_is_another_word_not_a_slip():
    assert not says("ម៉ាស៊ីន", "diesel")  # machine: a vowel and a letter differ
    assert not says("ការ៉េម", "ការ៉ូ")  # ice cream is no tile


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ដែកគោល", "nails"),
        ("nail", "ដែកគោល"),
        ("ដែក ១២ ២០ដើម", "rebar"),
        ("ឈើក្តារ ២០សន្លឹក", "wood"),
        ("tiles kitchen", "ការ៉ូ"),
        ("lunch workers", "បាយថ្ងៃត្រង់កម្មករ"),  # lunch as members say it, and the workers'
        ("electric wire 50m", "ខ្សែភ្លើង"),
        ("safety helmets 6", "helmet"),
    ],
)
def test_what_a_building_site_buys_is_the_same_thing_in_english_and_khmer(item, subject):
    assert says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ដែកគោល", "ដែក"),  # nails are no steel bars, though their word starts with steel's
        ("ក្តារខៀន", "plank"),  # a blackboard
        ("ទឹកលាងឥដ្ឋ", "brick"),  # floor cleaner
        ("sandpaper", "sand"),
        ("toilet paper", "toilet"),
    ],
)
def test_a_site_word_inside_another_thing_is_not_that_thing(item, subject):
    assert not says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("sand 1 truck", "truck"),  # a truckload of sand
        ("flour 25kg bag", "bag"),
        ("ខ្សាច់ ១ឡាន", "car"),
        ("paint white 2 buckets", "bucket"),
    ],
)
def test_the_unit_a_count_came_in_is_not_the_thing_bought(item, subject):
    assert not says(item, subject)


def test_a_thing_counted_is_still_the_thing_bought_and_a_unit_alone_is_a_thing():
    assert says("moto 2 tires", "tire")
    assert says("truck rent 1 day", "truck")
    assert says("ខ្សាច់ ១ឡាន", "sand")
    assert says("2 coffees", "coffee")


@pytest.mark.parametrize(
    ("item", "subject"), [("engine oil truck", "oil"), ("toilet paper", "paper"), ("trash bags", "bags")]
)
def test_a_thing_whose_name_ends_in_the_word_asked_may_be_it_but_is_not_said(item, subject):
    assert not says(item, subject)
    assert maybe_says(item, subject)


def test_a_thing_named_by_another_head_or_said_outright_is_no_maybe():
    assert not maybe_says("water bill", "water")  # a bill
    assert not maybe_says("paper", "paper")  # said
    assert not maybe_says("ice cream", "ice")


def test_khmer_is_split_so_the_fewest_letters_are_left_outside_a_known_word():
    assert khmer_words("ថ្លៃទឹកកក", ["ថ្លៃ"]) == ["ថ្លៃ", "ទឹកកក"]  # the cost of ice, not a water bill and កក
    assert khmer_words("ឈើក្តារ") == ["ឈើ", "ក្តារ"]
    assert khmer_words("ការ៉ូ", ["ការ"]) == ["ការ៉ូ"]  # no word ends before its sign


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("បោកភួយ ខ្នើយ", "laundry"),  # blankets and pillows washed
        ("laundry 12kg sheets towels", "បោកខោអាវ"),
        ("washing 5kg", "laundry"),
        ("landry", "បោកខោអាវ"),  # a letter left out of the English word
        ("staff dinner", "បាយបុគ្គលិក"),  # the team's meals, whichever of the day
        ("lunch for staff", "staff meal"),
        ("staff lunch", "meals staff"),  # "meals for staff" as a question is read, without its "for"
        ("អាហារបុគ្គលិក", "staff lunch"),
        ("តុកតុក ភ្ញៀវ ទៅព្រលានយន្តហោះ", "tuk tuk airport"),
        ("tuk tuk guest to market", "តុកតុក ផ្សារ"),
        ("ពងមាន់ ២ថាស", "eggs"),  # two trays of eggs
        ("ជាងជួសជុល ម៉ាស៊ីនទឹកក្តៅ បន្ទប់៣", "water heater"),
        ("fix aircon room 3", "បន្ទប់"),
        ("car wash", "car"),  # what the car cost, washed
        ("hand soap", "soap"),
        ("នំប៉័ង", "bread"),  # the spelling most write
    ],
)
def test_what_a_guesthouse_writes_is_the_same_thing_in_english_and_khmer(item, subject):
    assert says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("washing powder", "laundry"),  # what washes, not the washing
        ("laundry detergent 3kg", "laundry"),
        ("washing liquid", "បោកខោអាវ"),
        ("wash car", "laundry"),
        ("car wash", "laundry"),
        ("hand wash", "laundry"),
        ("electric fan", "electricity"),  # a fan that runs on it, no bill
        ("ម៉ាស៊ីនបោកខោអាវ", "បោកខោអាវ"),  # a washing machine
        ("ទឹកសុទ្ធ ៥ធុង", "water heater"),
        ("staff dinner", "dinner for guests"),
    ],
)
def test_what_washes_or_is_washed_elsewhere_is_no_laundry_and_a_meal_for_others_no_staff_meal(item, subject):
    assert not says(item, subject)


def test_a_place_written_after_the_khmer_word_for_to_is_that_place():
    assert says("តុកតុក ទៅសំឡូត", "សំឡូត")
    assert says("ទៅសំឡូត", "សំឡូត")
    assert not says("ពីរ", "រ")  # a word starting as a joiner does keeps its letters


@pytest.mark.parametrize(
    ("item", "subject"), [("staff lunch", "staff"), ("staff dinner", "staff"), ("oil filter", "oil")]
)
def test_a_word_that_names_no_thing_may_be_any_word_of_a_things_name(item, subject):
    assert not says(item, subject)
    assert maybe_says(item, subject)  # the team's meals may be what "staff" asks about


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        # a chemical: គីមី, no word the vocabulary knows, holds មី, noodles (ជីគីមី, chemical fertiliser,
        # is now a word of its own)
        ("សារធាតុគីមី", "មី"),
        ("ទិញសារធាតុគីមី", "មី"),
    ],
)
def test_a_khmer_word_found_only_at_the_end_of_a_longer_word_is_at_most_maybe_said(item, subject):
    assert not says(item, subject)
    assert maybe_says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ទឹកកកដាក់ធុងវ៉ាក់សាំង", "ទឹកកក"),  # the ice, before what it was put in
        ("ស្ករស ២គីឡូ", "ស្ករ"),  # white sugar: what tells a thing apart comes after it
        ("ចាក់សាំងម៉ូតូ", "សាំង"),
    ],
)
def test_a_khmer_word_before_other_letters_or_after_a_known_word_is_said(item, subject):
    assert says(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("Gasoline for outreach trip", "moto fuel"),  # the fuel may be the moto's, unsaid
        ("Gasoline for outreach trip", "ចាក់សាំងម៉ូតូ"),
    ],
)
def test_an_item_saying_one_of_the_things_asked_and_no_other_may_be_it(item, subject):
    assert not says(item, subject)
    assert maybe_says(item, subject)


def test_an_item_saying_one_of_the_things_asked_beside_another_thing_is_not_it():
    assert not maybe_says("Ceiling fan repair", "moto repair")
    assert not maybe_says("Cooking gas refill", "moto fuel")


def test_an_item_saying_only_what_tells_the_thing_asked_apart_is_not_it():
    assert not maybe_says("extra cleaner 4 rooms", "ជួសជុលបន្ទប់")  # a room cleaned, not repaired
    assert not maybe_says("Moto tire", "moto fuel")


@pytest.mark.parametrize(
    ("item", "subject", "said"),
    [
        ("Face masks 2 boxes", "ម៉ាស់", True),  # a clinic's masks, in either language
        ("Masking tape 3 rolls", "mask", False),
        ("Water filter cartridge", "តម្រងទឹក", True),
        ("Water filter cartridge", "ទឹកសុទ្ធ", False),  # a filter is no drinking water
        ("ទឹកកកដាក់ធុងវ៉ាក់សាំង", "vaccine", True),
        ("ទឹកកកដាក់ធុងវ៉ាក់សាំង", "សាំង", False),
    ],
)
def test_what_a_clinic_buys_is_the_same_thing_in_english_and_khmer_and_no_near_word(item, subject, said):
    assert says(item, subject) is said


@pytest.mark.parametrize(
    ("item", "subject", "said"),
    [
        ("ទឹកស៊ីអ៊ីវ 4 ដប", "drinking water", False),  # soy sauce: water before a word is a liquid of its own
        ("ទឹកដោះគោខាប់ 1 កេស", "ទឹក", False),  # condensed milk
        ("ទឹកត្រី 6 ដប", "water", False),  # fish sauce
        ("ទឹកម្ទេស", "drinking water", False),  # chili sauce
        ("ទឹក ១០ដប", "water", True),  # water in ten bottles: a unit is no liquid
        ("ទឹកដប", "drinking water", True),
        ("ជួសជុលទូទឹកកក", "ice", False),  # the fridge repaired, no ice
        ("ទឹកកក ២ បាវ", "ice", True),
    ],
)
def test_water_written_before_another_word_is_a_liquid_of_its_own_never_water(item, subject, said):
    assert says(item, subject) is said


def test_a_known_thing_after_water_is_its_liquid_which_says_the_thing_at_most_maybe():
    assert not says("ទឹកស្វាយ", "mango")
    assert maybe_says("ទឹកស្វាយ", "mango")  # mango juice


@pytest.mark.parametrize(
    ("item", "subject", "said"),
    [
        ("សាំងម៉ូតូ", "moto gas", True),  # gas beside a vehicle is its fuel
        ("Gas for moto (delivery)", "ចាក់សាំងម៉ូតូ", True),
        ("Gas for moto (delivery)", "ហ្គាស", False),  # no cooking gas
        ("Gas refill (kitchen)", "ហ្គាស", True),  # beside the kitchen, the stove's gas
        ("Gas refill (kitchen)", "fuel", False),
        ("gas for generator", "petrol", True),
    ],
)
def test_gas_is_a_vehicles_fuel_beside_one_and_the_cooking_gas_beside_the_kitchen(item, subject, said):
    assert says(item, subject) is said


def test_gas_alone_is_neither_fuel_nor_cooking_gas_for_sure():
    assert not says("gas", "fuel")
    assert not says("gas", "ហ្គាស")


@pytest.mark.parametrize(
    ("item", "subject", "said"),
    [
        ("សាច់ជ្រូក 4kg", "meat", True),  # a general word covers its kinds
        ("Pork bones for soup", "សាច់", True),
        ("chiken 4kg", "meat", True),
        ("សាច់មាន់ 3kg", "meat", True),
        ("ពងមាន់ 1 ក្តារ", "meat", False),  # eggs are no chicken
        ("fish 5kg fresh", "meat", False),
        ("fish 5kg fresh", "seafood", True),
        ("ប្រេងខ្យង 3 ដប", "sauces", True),  # oyster sauce
        ("pork 2kg", "chicken", False),  # a kind covers no other kind
        ("chicken 3kg", "pork", False),
        ("ពោះវៀនកង់ ២", "inner tubes", True),  # a garage's tube, in either language
        ("អាគុយឡាន", "battery", True),
    ],
)
def test_a_general_word_covers_its_kinds_and_no_kind_covers_another(item, subject, said):
    assert says(item, subject) is said


def test_a_row_saying_the_general_word_may_be_the_kind_asked_and_a_kind_may_be_the_things_part():
    assert not says("meat 2kg", "pork")
    assert maybe_says("meat 2kg", "pork")  # which meat, unsaid
    assert says("brake pads honda dream", "spare parts")
    assert maybe_says("inner tube x3", "moto parts")  # a garage's parts may all be the motos'
    assert says("battery 12V", "អាគុយ")  # English says battery for a cell and a moto's accumulator


def test_water_and_power_written_together_stay_each_itself_and_a_word_near_a_new_one_is_not_it():
    assert says("ទឹកភ្លើង ខែ5", "electricity")  # the pair of bills, not a liquid of power
    assert not says("bridge toll", "fridge")  # a word of its own, not a fridge a letter off
    assert not says("toilet cleaner duck", "meat")
