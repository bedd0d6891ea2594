"""Answers set aside, and list, the rows they cannot be sure of: a category guessed between two, and
an item in the other language that may be the very thing asked about."""

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime
from decimal import Decimal

from bench.questions import DefaultCategories, SeededMonth

from balance_bot.domain.categories import Category, default_category_book
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.roster import Roster
from balance_bot.questions.ask import Answered, AskLedger, AskPolicy, MembersMay, NotSure
from tests.fakes.clock import FakeClock

TODAY = date(2027, 5, 19)


class Tab:
    """A Categories tab of the given categories, and Other."""

    def __init__(self, *categories):
        self._book = default_category_book(categories)

    async def book(self, chat_id):
        return self._book


def answer_to(rows, question, categories=None):
    month = SeededMonth(rows, Roster.of([(7, "Rithy")]))
    policy = AskPolicy(MembersMay.ALL, "[void] ", lambda: TODAY)
    clock = FakeClock(datetime(2027, 5, 19, tzinfo=UTC))
    ask = AskLedger(month, clock, policy, categories or DefaultCategories())

    async def admin():
        return True

    return asyncio.run(ask.ask(-1, 7, "Rithy", admin, question))


def asked(rows, question, categories=None):
    answer = answer_to(rows, question, categories)
    assert isinstance(answer, Answered)
    counted = [entry.row.item for entry in answer.found.entries]
    return counted, [entry.row.item for entry in answer.found.doubtful]


def row(number, item, khr):
    return SheetRow(number, date(2027, 5, number), item, None, Decimal(khr), "Rithy", f"tg:-1:{number}:0:u7")


def test_an_item_in_the_other_language_of_the_things_category_is_set_aside_where_no_word_tells():
    rows = [row(1, "ប៉ះកង់", 5000), row(2, "puncture", 8000), row(3, "ice", 4000), row(4, "tyre", 90000)]
    # ប៉ះកង់ (a tyre patched) and 'puncture' are both Repairs, and no word says they are one thing
    assert asked(rows, "ប៉ះកង់ ខែនេះអស់ប៉ុន្មាន") == (["ប៉ះកង់"], ["puncture"])
    # a tyre is a thing the vocabulary knows: it says what it is, and it is no patch
    assert asked(rows, "how much on puncture this month") == (["puncture"], ["ប៉ះកង់"])


def test_a_thing_known_in_both_languages_is_counted_in_both_and_doubts_nothing():
    rows = [row(1, "ទឹកកក", 5000), row(2, "ice", 4000), row(3, "ប៉ះកង់", 5000)]
    assert asked(rows, "ទឹកកក ខែនេះអស់ប៉ុន្មាន") == (["ទឹកកក", "ice"], [])


def test_a_row_whose_category_was_guessed_between_two_is_set_aside_from_either():
    rows = [row(1, "tuk tuk to the hardware store", 10000), row(2, "engine oil truck", 45000)]
    assert asked(rows, "how much on transport this month") == (
        ["tuk tuk to the hardware store"],
        ["engine oil truck"],
    )
    assert asked(rows, "ជួសជុល និងថែទាំ ខែនេះអស់ប៉ុន្មាន") == ([], ["engine oil truck"])


def test_a_row_saying_part_of_what_was_asked_with_a_word_of_the_other_language_no_word_reads_is_set_aside():
    rows = [
        row(1, "tuk tuk guest to the pier", 8000),
        row(2, "តុកតុក ភ្ញៀវ ទៅកំពង់ផែ", 10000),  # the pier, in a word the vocabulary does not know
        row(3, "tuk tuk guest to market", 6000),  # the market: known, so no pier
        row(4, "tuk tuk guest to the bank", 6000),  # English, read as it is: no pier
    ]
    assert asked(rows, "tuk tuk to the pier for guests, how much") == (
        ["tuk tuk guest to the pier"],
        ["តុកតុក ភ្ញៀវ ទៅកំពង់ផែ"],
    )


def test_a_row_written_as_a_thing_whose_name_ends_in_the_word_asked_is_set_aside_not_left_out_unsaid():
    rows = [row(1, "paper A4 5 reams", 60000), row(2, "toilet paper", 45000)]
    # toilet paper is a thing of its own, yet paper
    assert asked(rows, "how much on paper this month") == (["paper A4 5 reams"], ["toilet paper"])


def test_the_teams_meal_written_with_the_meal_of_the_day_is_that_meal_whichever_way_round():
    meals = ("dinner for guests", "staff dinner", "lunch staff", "បាយថ្ងៃត្រង់បុគ្គលិក")
    rows = [row(number, item, 20000) for number, item in enumerate(meals, start=1)]
    assert asked(rows, "how much on dinner this month") == (["dinner for guests", "staff dinner"], [])
    assert asked(rows, "how much on lunch this month") == (["lunch staff", "បាយថ្ងៃត្រង់បុគ្គលិក"], [])
    assert asked(rows, "បាយថ្ងៃត្រង់ ខែនេះអស់ប៉ុន្មាន") == (["lunch staff", "បាយថ្ងៃត្រង់បុគ្គលិក"], [])


def test_a_row_in_the_other_language_that_no_known_word_reads_is_set_aside_even_for_a_thing_known_in_both():
    rows = [row(1, "laundry 10kg", 30000), row(2, "អ៊ុតខោអាវ", 20000), row(3, "ទឹកកក", 4000)]
    # អ៊ុតខោអាវ (clothes ironed) names nothing the vocabulary knows: it may be the laundry
    assert asked(rows, "how much on laundry this month") == (["laundry 10kg"], ["អ៊ុតខោអាវ"])
    assert asked(rows, "ទឹកកក ខែនេះអស់ប៉ុន្មាន") == (["ទឹកកក"], [])  # a row in its own language is read


def test_a_short_word_with_a_doubled_letter_left_out_is_read_so_its_row_is_no_doubt():
    rows = [row(1, "ទឹកកក", 4000), row(2, "egs 30", 15000), row(3, "cofee 1kg", 36000)]
    assert asked(rows, "ទឹកកក ខែនេះអស់ប៉ុន្មាន") == (["ទឹកកក"], [])
    assert asked(rows, "ពងមាន់ ខែនេះអស់ប៉ុន្មាន") == (["egs 30"], [])


def test_a_row_in_other_whose_known_words_name_the_category_asked_is_set_aside_from_it():
    tab = Tab(
        Category("Repairs & maintenance", "ជួសជុល", ("repair", "spark plug")), Category("Fuel", "", ("fuel",))
    )
    plug, petrol = (
        replace(row(number, item, khr), category="Other")
        for number, item, khr in ((2, "ប៊ូហ្ស៊ី", 18000), (3, "សាំង", 30000))
    )
    rows = [row(1, "spark plug", 20000), plug, petrol, row(4, "ពូក", 90000)]
    # the sheet has ប៊ូហ្ស៊ី and សាំង in Other (saved before the tab's words knew their Khmer), which the
    # vocabulary reads as a spark plug and fuel
    assert asked(rows, "how much on repairs this month", tab) == (["spark plug"], ["ប៊ូហ្ស៊ី"])
    assert asked(rows, "how much on fuel this month", tab) == ([], ["សាំង"])  # ពូក, a mattress, is neither


def test_rows_of_the_category_one_word_asked_names_saying_the_other_words_are_set_aside():
    tab = Tab(
        Category("Repairs & maintenance", "ជួសជុល និងថែទាំ", ("plumber", "aircon service", "ជួសជុល")),
        Category("Cleaning", "អនាម័យ និងសម្អាត", ("cleaner",)),
    )
    rows = [
        row(1, "ជាងជួសជុល ម៉ាស៊ីនទឹកក្តៅ បន្ទប់៣", 140000),
        row(2, "plumber toilet room 5", 100000),  # a repair in a room, though its words say no repair
        row(3, "extra cleaner 4 rooms", 48000),  # rooms cleaned: no repair
    ]
    assert asked(rows, "ជួសជុលបន្ទប់ អស់ប៉ុន្មាន", tab) == (
        ["ជាងជួសជុល ម៉ាស៊ីនទឹកក្តៅ បន្ទប់៣"],
        ["plumber toilet room 5"],
    )


def test_a_delivery_asked_about_as_a_ride_and_a_thing_for_someone_else_are_set_aside_and_listed():
    rows = [
        row(1, "tuk tuk to bank", 8000),
        row(2, "tuk tuk for piano delivery", 60000),
        row(3, "snacks for parents meeting", 72000),
        row(4, "snacks for concert guests", 120000),
    ]
    assert asked(rows, "how many tuk tuk rides this month?") == (
        ["tuk tuk to bank"],
        ["tuk tuk for piano delivery"],
    )
    assert asked(rows, "how much did tuk tuks cost this month?") == (
        ["tuk tuk to bank", "tuk tuk for piano delivery"],
        [],
    )
    assert asked(rows, "how much were the snacks for guests?") == (
        ["snacks for concert guests"],
        ["snacks for parents meeting"],
    )


def test_a_known_thing_no_row_of_the_days_names_is_answered_nothing_where_every_row_is_read():
    rows = [row(1, "tuk tuk to bank", 8000), row(2, "repair broken chair", 26000), row(3, "ជួសជុលកង្ហារ", 32000)]
    # ចាក់សាំង is fuel: the Fuel category holds no row, so no row can be it
    assert asked(rows, "ខែនេះចាក់សាំងអស់ប៉ុន្មាន?") == ([], [])
    # an aircon repair: every row names what it paid for in words the bot reads, none of them an aircon
    assert asked(rows, "how much did the aircon repair cost this month?") == ([], [])
    # ...but a row of words no one reads may be it
    unread = [*rows, row(4, "Daikin 2HP", 45000)]
    assert isinstance(answer_to(unread, "how much did the aircon repair cost this month?"), NotSure)
    assert asked(rows, "ខែនេះបង់ថ្លៃជួលផ្ទះប៉ុន្មាន?") == ([], [])
    assert isinstance(answer_to(unread, "ខែនេះបង់ថ្លៃជួលផ្ទះប៉ុន្មាន?"), NotSure)
    # a word the vocabulary does not know: no row can be told from it
    assert isinstance(answer_to(rows, "how much on scaffolding this month?"), NotSure)


def test_a_word_no_row_says_beside_words_rows_say_is_said_unsure_not_answered_nothing():
    rows = [row(1, "tuk tuk to bank", 8000), row(2, "ថ្លៃតុកតុក ទៅផ្សារ", 6000), row(3, "tuk tuk to bank", 8000)]
    # 'hop' names nothing and no row says it: the bot cannot tell a purpose from a way of speaking
    unsure = answer_to(rows, "how many times did we hop in a tuk tuk to the bank?")
    assert isinstance(unsure, NotSure)
    assert unsure.unknown == ("hop",)
    counted, _ = asked(rows, "how many tuk tuk to bank this month?")
    assert counted == ["tuk tuk to bank", "tuk tuk to bank"]


def test_a_row_of_the_things_category_naming_nothing_known_is_set_aside_in_the_same_language_too():
    rows = [row(1, "beer 2 cases", 40000), row(2, "soda 2 cases", 30000), row(3, "ice", 4000)]
    # soda is Food & drinks by the tab's words, and no known word says it is no beer
    assert asked(rows, "how much on beer this month") == (["beer 2 cases"], ["soda 2 cases"])
    # ice is a thing the vocabulary knows: it says what it is, and it is no beer
    assert asked(rows, "how much on ice this month") == (["ice"], ["soda 2 cases"])


def test_a_row_of_the_subjects_category_saying_it_in_part_is_set_aside_where_the_missing_word_names_nothing():
    rows = [row(1, "tuk tuk bank", 8000), row(2, "tuk tuk", 8000), row(3, "tuk tuk for piano delivery", 9000)]
    # 'bank' names no thing: a bare tuk tuk may be that ride, unsaid; a delivery's is not
    assert asked(rows, "how many times did we take a tuk tuk to the bank") == (["tuk tuk bank"], ["tuk tuk"])
