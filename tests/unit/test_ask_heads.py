"""Answers on teams of a new kind: a row says a thing as its head, as what tells another thing apart,
or as a carrier's cargo; a row that may be the thing is named as doubtful, never left out of a sure
figure; and the question's frame is read as members say it."""

import asyncio
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from bench.questions import DefaultCategories, SeededMonth

from balance_bot.domain.item_heads import Role, role
from balance_bot.domain.item_words import maybe_says, says, terms
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.roster import Roster
from balance_bot.questions.ask import Answered, AskLedger, AskPolicy, CashAnswer, MembersMay
from tests.fakes.clock import FakeClock

TODAY = date(2027, 5, 19)


def answer_to(rows, question):
    month = SeededMonth(rows, Roster.of([(7, "Rithy")]))
    policy = AskPolicy(MembersMay.ALL, "[void] ", lambda: TODAY)
    ask = AskLedger(month, FakeClock(datetime(2027, 5, 19, tzinfo=UTC)), policy, DefaultCategories())

    async def admin():
        return True

    return asyncio.run(ask.ask(-1, 7, "Rithy", admin, question))


def asked(rows, question):
    answer = answer_to(rows, question)
    assert isinstance(answer, Answered)
    return [entry.row.item for entry in answer.found.entries], [
        entry.row.item for entry in answer.found.doubtful
    ]


def row(number, item, khr, month=5):
    day = date(2027, month, number)
    return SheetRow(number, day, item, None, Decimal(khr), "Rithy", f"tg:-1:{number}:{month}:u7")


@pytest.mark.parametrize(
    ("item", "subject", "said"),
    [
        ("rice 25kg", "rice", Role.HEAD),
        ("rice noodle 5kg", "rice", Role.MODIFIER),  # the noodle was bought; rice only tells which
        ("មីអង្ករ", "អង្ករ", Role.MODIFIER),  # Khmer names the thing first
        ("tuk tuk bring rice", "rice", Role.CARGO),  # the ride was paid for
        ("ដឹកក្រណាត់ពីផ្សារ", "fabric", Role.CARGO),
        ("water delivery 20L", "water", Role.MODIFIER),  # the water bought and brought, or its bringing
        ("truck sand", "sand", Role.MODIFIER),  # sand bought by the truckload, or the truck's hire
        ("iced tea workers", "tea", Role.HEAD),  # who it was for is no other thing
        ("tea & coffee", "tea", Role.HEAD),  # listed side by side
        ("moto tire repair", "moto", Role.HEAD),  # a part of the moto is the moto's
        ("សាំងម៉ាស៊ីនភ្លើង", "generator", Role.HEAD),  # its fuel is the generator's upkeep
        ("rice for the tuk tuk driver", "rice", Role.HEAD),  # what it was for comes after 'for'
    ],
)
def test_a_row_says_a_thing_as_its_head_as_what_tells_another_apart_or_as_a_carriers_cargo(
    item, subject, said
):
    assert says(item, subject)
    assert role(item, subject) is said


def test_rice_bought_is_counted_rice_noodle_set_aside_and_rice_a_tuk_tuk_carried_left_out():
    rows = [row(1, "អង្ករ 50kg", 120000), row(2, "rice noodle 5kg", 30000), row(3, "tuk tuk bring rice", 8000)]
    assert asked(rows, "how much rice this month") == (["អង្ករ 50kg"], ["rice noodle 5kg"])


@pytest.mark.parametrize(
    ("item", "maybe"),
    [
        ("សាំង", True),  # the fuel, whose moto is not said
        ("fuel deliver to the shop", True),  # a delivery beside it is what the fuel was for
        ("gasoline for pickup parts", True),  # what follows 'for' tells no fuel apart
        ("generator fuel", False),  # another thing's fuel
    ],
)
def test_a_row_with_the_thing_a_subjects_service_heads_and_nothing_of_its_own_beside_it_may_be_it(
    item, maybe
):
    assert maybe_says(item, "moto fuel") is maybe
    assert maybe_says(item, "fill up moto") is maybe  # 'fill up' pays for the fuel, the head here


def test_a_vehicles_fuel_in_romanised_khmer_is_fuel_and_sang_alone_is_not():
    assert says("sang moto", "moto fuel")
    assert not says("sang luy Dara", "fuel")  # paying Dara back


def test_a_word_no_one_knows_sets_aside_the_rows_in_the_other_language_no_word_reads_or_decides():
    rows = [row(1, "eyelets 200", 9000), row(2, "ភ្នែកខោ ២០០", 8000), row(3, "ice", 4000)]
    assert asked(rows, "how much on eyelets this month") == (["eyelets 200"], ["ភ្នែកខោ ២០០"])


def test_a_word_no_one_knows_sets_aside_a_row_saying_it_longer():
    rows = [row(1, "rivets 500", 9000), row(2, "riveter", 8000), row(3, "ice", 4000)]
    assert asked(rows, "how much on rivets this month") == (["rivets 500"], ["riveter"])


def test_how_much_money_after_a_purpose_is_its_total_not_the_cash_held():
    rows = [row(1, "ធ្យូង 2 បាវ", 20000), row(2, "ice", 4000)]
    assert asked(rows, "ធ្យូង ខែនេះ ប៉ុន្មានលុយ?") == (["ធ្យូង 2 បាវ"], [])


def test_what_customers_owe_is_no_cash_balance():
    rows = [row(1, "ice", 4000)]
    assert not isinstance(answer_to(rows, "អតិថិជនជំពាក់យើងប៉ុន្មានលុយ?"), CashAnswer)


def test_a_purpose_the_team_paid_the_month_before_has_a_sure_nothing_this_month():
    rows = [row(30, "ប្រាក់ឈ្នួលចុងភៅ ខែ៤", 800000, month=4), row(2, "ice", 4000)]
    assert asked(rows, "ប្រាក់ឈ្នួលចុងភៅខែនេះប៉ុន្មាន?") == ([], [])


def test_a_drink_drunk_and_that_at_the_questions_end_leave_the_thing_asked():
    rows = [row(1, "កាហ្វេ", 10000), row(2, "coffee x5", 12500), row(3, "tea", 3000)]
    assert asked(rows, "ខែនេះផឹកកាហ្វេអស់ប៉ុន្មានហ្នឹង") == (["កាហ្វេ", "coffee x5"], [])


def test_a_row_in_other_naming_a_thing_of_the_category_asked_is_set_aside_not_left_out():
    rows = [row(1, "taxi to the bank", 20000), row(2, "truck carry fertilizer", 60000), row(3, "ice", 4000)]
    # no word of the tab decides 'truck carry fertilizer'; its truck is Transport's
    assert asked(rows, "how much on transport this month") == (
        ["taxi to the bank"],
        ["truck carry fertilizer"],
    )


def test_a_thing_written_after_for_before_another_thing_only_tells_apart_what_it_was_for():
    assert role("oil for paper cutter blade", "paper") is Role.MODIFIER
    assert role("A4 paper 10 reams", "paper") is Role.HEAD
    assert role("cake & drinks for customer visit", "drinks") is Role.HEAD


def test_a_carrier_paid_to_carry_a_thing_after_a_joining_word_was_paid_for_the_carrying():
    assert role("truck to carry fertilizer from Takeo", "fertilizer") is Role.CARGO
    assert role("tuk tuk to the market", "market") is Role.HEAD


def test_a_meal_said_twice_or_a_machines_upkeep_beside_it_tells_nothing_apart():
    assert role("lunch bay sach moan x4", "lunch") is Role.HEAD  # បាយ, the meal, is the lunch
    assert role("Moto oil change", "moto") is Role.HEAD  # the moto's upkeep


def test_litres_after_a_holder_measure_what_was_poured_not_the_holder():
    assert says("diesel pump 5L", "diesel")
    assert not says("water pump", "water")


def test_a_row_whose_words_may_all_be_khmer_in_latin_letters_is_not_left_out_of_an_english_answer():
    rows = [
        row(1, "diesel for tractor 15L", 65000),
        row(2, "tinh roboh bonlek", 40000),
        row(3, "coffee", 5000),
    ]
    counted, doubtful = asked(rows, "how much diesel this month?")
    assert counted == ["diesel for tractor 15L"]
    assert "#diesel" in terms("chak masot kor yun", corrected=True)  # a letter off 'masut', ម៉ាស៊ូត
    assert doubtful == ["tinh roboh bonlek"]  # words no word of the vocabulary reads: maybe the diesel


def test_a_meal_for_the_workers_is_counted_and_a_lunch_whose_eaters_are_unsaid_is_set_aside():
    rows = [row(1, "lunch kamkor 5 nak", 25000), row(2, "bay thngai trong 6 nak", 30000)]
    counted, doubtful = asked(rows, "total paid for the workers' lunches this month?")
    assert counted == ["lunch kamkor 5 nak"]
    assert doubtful == ["bay thngai trong 6 nak"]


def test_khmer_typed_in_latin_letters_names_the_thing_first_as_khmer_does():
    assert role("tek khmao printer 2 dob", "ink") is Role.HEAD  # ទឹកខ្មៅ ព្រីន, printer ink
    assert role("ink printer", "ink") is Role.MODIFIER


def test_goods_asked_about_are_any_thing_carried_but_a_vehicle_a_service_or_a_person():
    assert says("grab deliver banner to customer Tuol Kork", "ថ្លៃដឹក ឥវ៉ាន់ ភ្ញៀវ")
    assert not says("sang moto deliver wedding cards", "ថ្លៃដឹក ឥវ៉ាន់")  # the moto is no goods


def test_a_machines_upkeep_asked_about_is_what_was_bought_beside_the_machine():
    assert role("oil change kor yun", "ប្រេងម៉ាស៊ីន") is Role.HEAD  # the tractor's oil change
