"""Questions of a machine's fuel where the team runs one machine on it, things asked together for one
purpose, a compound verb before a thing ('ប្តូរប្រេងម៉ាស៊ីន'), and 'nothing' where a row names a member
only beside what it bought."""

from datetime import date

from balance_bot.domain.question_subjects import alternatives, heads
from balance_bot.domain.questions import read_question
from balance_bot.questions.ask import Answered, NotSure
from tests.unit.test_ask_doubts import answer_to, asked, row


def test_a_fuel_row_naming_no_machine_is_the_machine_every_row_of_that_fuel_names():
    rows = [row(1, "diesel Ranger", 160000), row(2, "ម៉ាស៊ូត", 150000), row(3, "sang moto", 15000)]
    assert asked(rows, "how much diesel for the car this month") == (["diesel Ranger", "ម៉ាស៊ូត"], [])
    # the moto's petrol is no diesel, and its own fuel rows are the moto's
    assert asked(rows, "moto petrol this month how much")[0] == ["sang moto"]


def test_a_fuel_row_naming_no_machine_stays_unsure_where_the_fuel_runs_two_machines():
    rows = [row(1, "diesel Ranger", 160000), row(2, "ម៉ាស៊ូត", 150000), row(3, "diesel generator", 90000)]
    counted, doubtful = asked(rows, "how much diesel for the car this month")
    assert counted == ["diesel Ranger"]
    assert "ម៉ាស៊ូត" in doubtful


def test_a_fuel_row_with_a_word_no_one_reads_before_its_purpose_may_name_another_machine():
    rows = [
        row(1, "gasoline moto", 20000),
        row(2, "gasoline Dream", 18000),
        row(3, "gasoline for market run", 9000),
    ]
    counted, doubtful = asked(rows, "how much moto fuel this month")
    assert counted == ["gasoline moto", "gasoline for market run"]  # what it was for is no machine
    assert doubtful == ["gasoline Dream"]  # 'Dream' may be a machine's name


def test_the_gas_beside_an_oven_is_its_cooking_gas_and_the_teams_one_oven_has_the_rest():
    rows = [row(1, "ហ្គាស ១ធុង ឡអាំង", 64000), row(2, "gas tank", 60000), row(3, "gas moto", 15000)]
    assert asked(rows, "oven gas this month?") == (["ហ្គាស ១ធុង ឡអាំង", "gas tank"], [])


def test_things_asked_together_for_one_purpose_are_each_for_it():
    assert alternatives("the banner and flowers for the opening") == ("banner opening", "flower opening")
    assert heads("the banner and flowers for the opening") == ("banner", "flower")
    assert alternatives("coffee for the guests and water") == ("coffee guest", "water")  # said of one


def test_a_thing_asked_for_an_occasion_with_another_leaves_its_row_for_another_occasion_aside():
    rows = [row(1, "តង់ + កៅអី វេទិកា", 140000), row(2, "ជួលតង់ មង្គលការ", 80000), row(3, "ice", 4000)]
    counted, doubtful = asked(rows, "how much were the tent and chairs for the forum")
    assert counted == ["តង់ + កៅអី វេទិកា"]
    assert doubtful == ["ជួលតង់ មង្គលការ"]


def test_changing_a_thing_said_before_it_is_no_word_of_the_thing():
    reading = read_question("ខែមុនប្ដូរប្រេងម៉ាស៊ីនឡានអស់ប៉ុន្មាន", date(2027, 5, 19), items=["ជួសម៉ាស៊ីនបូមទឹក"])
    assert reading is not None
    assert reading.words == ("ប្រេងម៉ាស៊ីន ឡាន",)
    tyre = read_question("ប្តូរសំបកកង់ម៉ូតូ ខែនេះអស់ប៉ុន្មាន", date(2027, 5, 19))
    assert tyre is not None
    assert tyre.words == ("សំបកកង់ ម៉ូតូ",)


def test_nothing_is_answered_where_a_row_names_a_member_beside_what_it_bought():
    rows = [row(1, "phone card + Rithy", 20000), row(2, "ice", 4000), row(3, "nails", 16000)]
    assert asked(rows, "how much on the hotel this month") == ([], [])
    assert asked(rows, "ខែនេះចាយលើសណ្ឋាគារប៉ុន្មាន") == ([], [])
    # a row naming only someone no member is may be anything
    unread = [*rows, row(4, "Mr Heng", 50000)]
    assert isinstance(answer_to(unread, "how much on the hotel this month"), NotSure)


def test_the_largest_riel_payment_is_the_largest_of_the_riel_rows():
    rows = [row(1, "ice", 4000), row(2, "gravel 1 truck", 200000)]
    answer = answer_to(rows, "ខែនេះ បង់ជាលុយរៀល លើកណាច្រើនជាងគេ?")
    assert isinstance(answer, Answered)
    assert answer.found.largest(4000, 1)[0].row.item == "gravel 1 truck"


def test_who_bought_the_most_office_supplies_counts_a_print_shops_binding_rings_and_film():
    rows = [row(1, "binding rings 50pcs", 18000), row(2, "laminating film", 36000), row(3, "ice", 4000)]
    assert asked(rows, "who bought the most office supplies this month")[0] == [
        "binding rings 50pcs",
        "laminating film",
    ]
