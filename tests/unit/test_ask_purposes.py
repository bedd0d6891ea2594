"""A thing asked about that a row names only as what another thing was for, or as what tells another
thing apart, is no sure part of the answer: the row is set aside as doubtful, never counted and never
left out unsaid; a row naming the thing as what was bought is counted, in English, Khmer and Khmer
typed in Latin letters."""

import pytest

from balance_bot.domain.item_heads import Role, for_another_thing, role
from balance_bot.domain.item_words import says
from tests.unit.test_ask_heads import asked, row


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("sand 2 trucks", "sand"),
        ("ខ្សាច់ ១ឡាន", "ខ្សាច់"),
        ("ខ្សាច់សំណង់", "ខ្សាច់"),  # construction sand: the sand, told apart
        ("ទិញខ្សាច់", "sand"),  # buying is no other thing
        ("paid for sand", "sand"),
        ("payment for sand 3 trucks", "sand"),
        ("bag of cement", "cement"),  # the bag is how the cement came
        ("cement 10 bags", "cement"),
        ("ស៊ីម៉ងត៍ ១០បាវ", "cement"),
        ("ទិញ ស៊ីម៉ងត៍ ១០បាវ", "cement"),  # buying, written first, is no other thing
        ("ទឹកកក ដាក់ធុងវ៉ាក់សាំង", "ទឹកកក វ៉ាក់សាំង"),  # the ice for the vaccine box, asked so
        ("ស៊ីម៉ងត៍ សម្រាប់ចាក់ជញ្ជាំង", "cement"),  # cement for the wall: what it was for comes after
        ("cement and sand for the wall", "sand"),
        ("ice for cooler", "ice"),
        ("ទឹកកក ដាក់ធុងវ៉ាក់សាំង", "ទឹកកក"),  # the ice, put in the vaccine box
        ("vaccine 20 doses", "vaccine"),
        ("វ៉ាក់សាំង ២០ដូស", "vaccine"),
        ("rice for workers", "rice"),
        ("rice for the tuk tuk driver", "rice"),
        ("preng cha", "cooking oil"),
        ("diesel for tractor 15L", "tractor"),  # a machine's fuel is its upkeep
        ("gas for generator", "generator"),
        ("lunch for workers", "worker"),  # who it was for is asked as such
        ("tuk tuk to the market", "market"),
        ("bus to Kampot", "kampot"),  # where the ride went
        ("ice for concert", "concert"),  # what is bought for an occasion is the occasion's
        ("ឡានដឹកកៅអីសម្រាប់ concert", "concert"),
        ("moto for delivery", "delivery"),  # a service asked is what was paid for
        ("brake pads for the moto", "moto"),  # a part for a machine is the machine's own
        ("ប៊ូហ្ស៊ីសម្រាប់ម៉ូតូ", "moto"),
        ("tire for moto", "tire"),
    ],
)
def test_a_row_naming_the_thing_asked_as_what_was_bought_says_it_as_its_head(item, subject):
    assert says(item, subject)
    assert role(item, subject) is Role.HEAD


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("sand paper", "sand"),  # English names the thing last: paper
        ("ក្រដាសខ្សាច់", "ខ្សាច់"),  # Khmer names it first: paper (ក្រដាស)
        ("ក្រដាសខ្សាច់ ៥សន្លឹក", "sand"),
        ("ក្រដាស ខ្សាច់", "ខ្សាច់"),
        ("ទឹកកក ដាក់ធុងវ៉ាក់សាំង", "វ៉ាក់សាំង"),  # ice put in the vaccine box
        ("ទឹកកក ដាក់ធុងវ៉ាក់សាំង", "vaccine"),
        ("ទឹកកកសម្រាប់វ៉ាក់សាំង", "vaccine"),
        ("tek kork dak thung vaccine", "vaccine"),
        ("tek kork samrab vaccine", "vaccine"),
        ("cement mixer rental", "cement"),  # the mixer was hired
        ("rent cement mixer", "cement"),
        ("ជួល ម៉ាស៊ីនលាយ ស៊ីម៉ងត៍", "cement"),  # a cement mixer hired: Khmer names the mixer first
        ("nails for the roof", "roof"),
        ("flour for bread", "bread"),
        ("eggs to make bread", "bread"),
        ("milk for the cake", "cake"),
        ("sugar for coffee", "coffee"),
        ("cups for coffee", "coffee"),
        ("box for cakes", "cake"),
        ("ប្រអប់ដាក់នំ", "នំ"),  # a box for cakes
        ("ស្បោងដាក់អង្ករ", "អង្ករ"),  # a sack for rice
        ("ថង់ដាក់សំរាម", "សំរាម"),  # bags for the garbage, no garbage fee
        ("brush for paint", "paint"),
        ("paint brush", "paint"),
        ("paint for the boat", "boat"),
        ("rope to tie the boat", "boat"),
        ("ថ្នាំលាបទូក", "ទូក"),  # paint for the boat
        ("water for the plants", "plant"),
        ("charger for phone", "phone"),
        ("oil for the sewing machine", "sewing machine"),
        ("sand for the fish tank", "fish tank"),
        ("tuk tuk for the rice", "rice"),  # the ride, or the rice it fetched
    ],
)
def test_a_row_naming_the_thing_asked_only_beside_or_after_another_thing_says_it_as_a_modifier(item, subject):
    assert says(item, subject)
    assert role(item, subject) is Role.MODIFIER


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("ice for the vaccine cooler", "vaccine"),
        ("ice for vaccine box", "vaccines"),
        ("ជីដាក់ស្រែ", "ស្រែ"),  # fertilizer put on the rice field
        ("ស្ករ ធ្វើកាហ្វេ", "កាហ្វេ"),  # sugar to make coffee
        ("ស៊ុតធ្វើនំប៉័ង", "នំប៉័ង"),  # eggs to make bread
    ],
)
def test_a_thing_said_only_as_what_another_thing_was_for_is_read_so(item, subject):
    assert for_another_thing(item, subject)


@pytest.mark.parametrize(
    ("item", "subject"),
    [
        ("paid for sand", "sand"),
        ("ice for cooler", "ice"),
        ("lunch for workers", "worker"),
        ("fuel for generator", "generator"),
        ("paid Dara for sand", "sand"),  # whom the money went to is no thing bought
        ("transfer to Sokha for cement", "cement"),
        ("ផ្ទេរលុយសម្រាប់ស៊ីម៉ង់ត៍", "cement"),
        ("truck to carry fertilizer from Takeo", "fertilizer"),  # the carrying was paid: cargo
    ],
)
def test_a_thing_after_a_payment_a_service_or_as_who_it_was_for_is_not_another_things_purpose(item, subject):
    assert not for_another_thing(item, subject) or role(item, subject) is Role.CARGO


def test_sand_asked_counts_the_sand_and_sets_aside_the_sandpaper_in_either_language():
    rows = [row(1, "sand 2 trucks", 400000), row(2, "sand paper", 8000), row(3, "ក្រដាសខ្សាច់", 6000)]
    rows.append(row(4, "ខ្សាច់ ១ឡាន", 350000))
    expected = (["sand 2 trucks", "ខ្សាច់ ១ឡាន"], ["sand paper", "ក្រដាសខ្សាច់"])
    assert asked(rows, "how much did we spend on sand this month?") == expected
    assert asked(rows, "ខ្សាច់ខែនេះអស់ប៉ុន្មាន?") == expected


def test_vaccines_asked_set_aside_the_ice_for_the_vaccine_box_and_ice_asked_counts_it():
    ice = ["ទឹកកក ដាក់ធុងវ៉ាក់សាំង", "ice for the vaccine cooler", "tek kork"]
    rows = [row(at, item, 8000) for at, item in enumerate(ice, start=1)]
    rows.append(row(4, "vaccine 20 doses", 200000))
    for question in ("how much did we spend on vaccines this month?", "ខែនេះ ចាយលើវ៉ាក់សាំងអស់ប៉ុន្មាន?"):
        assert asked(rows, question) == (["vaccine 20 doses"], ice[:2])
    assert asked(rows, "how much ice this month?") == (ice, [])


def test_cooking_oil_and_engine_oil_are_told_apart_by_what_names_the_oil():
    rows = [row(1, "ប្រេងឆា", 9000), row(2, "ប្រេងម៉ាស៊ីន", 30000), row(3, "engine oil", 28000)]
    rows.append(row(4, "cooking oil 5L", 40000))
    assert asked(rows, "ខែនេះចាយលើប្រេងឆាប៉ុន្មាន?") == (["ប្រេងឆា", "cooking oil 5L"], [])
    assert asked(rows, "how much engine oil this month?") == (["ប្រេងម៉ាស៊ីន", "engine oil"], [])


def test_cement_asked_counts_the_bags_and_sets_aside_the_mixers_hire():
    rows = [
        row(1, "bag of cement", 30000),
        row(2, "cement mixer rental", 80000),
        row(3, "ស៊ីម៉ងត៍ ១០បាវ", 300000),
    ]
    assert asked(rows, "how much on cement this month?") == (
        ["bag of cement", "ស៊ីម៉ងត៍ ១០បាវ"],
        ["cement mixer rental"],
    )


def test_whats_bought_for_an_occasion_is_counted_when_the_occasion_is_asked():
    rows = [row(1, "ice for concert", 8000), row(2, "flowers for concert", 20000), row(3, "ice", 4000)]
    assert asked(rows, "how much was spent on the concert?") == (
        ["ice for concert", "flowers for concert"],
        [],
    )
