"""Questions as members ask them, answered from the month's rows: romanised Khmer however its words are
spelled, the team's own words for things, paying said as paying out, two things asked together, a part
of a month said loosely, the team's one meal, a thing named only inside another, and 'nothing' of a
known thing where every row is read."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.question_days import Span, days_named
from balance_bot.domain.question_subjects import words_of_items
from balance_bot.domain.questions import Measure, read_question
from balance_bot.questions.ask import Answered, NotSure
from tests.unit.test_ask_doubts import answer_to, asked, row

TODAY = date(2027, 5, 19)


def numbers(rows, question):
    """The numbers of the rows counted, and of those set aside as maybe."""
    answer = answer_to(rows, question)
    assert isinstance(answer, Answered)
    return [entry.row.number for entry in answer.found.entries], [e.row.number for e in answer.found.doubtful]


def on(number, day, item, khr):
    return SheetRow(number, day, item, None, Decimal(khr), "Rithy", f"tg:-1:{number}:0:u7")


def test_a_question_in_romanised_khmer_is_read_however_its_words_are_spelled():
    rows = [
        row(1, "ទឹកកក", 4000),
        row(2, "tek kork", 5000),
        row(3, "sang moto", 15000),
        row(4, "tuk tuk to market", 7000),
    ]
    for question in (
        "khe nih chai leu tek kork ors pon mann?",
        "khae nis chaiy ler ice oss bonmaan",
        "tek kork khea ni ob ponmaan?",
    ):
        assert asked(rows, question) == (["ទឹកកក", "tek kork"], []), question
    assert asked(rows, "tlay tuk tuk khe nis ob ponman") == (["tuk tuk to market"], [])
    # a member's spending by name, the rest of the words all question words
    everything = answer_to(rows, "Rithy chaiy oss bonmaan khae ni")
    assert isinstance(everything, Answered)
    assert everything.member == "Rithy"
    assert everything.found.count == 4


def test_a_word_the_team_spells_its_own_way_is_read_whole_not_as_the_question_words_inside_it():
    # ម៉ាស៊ីនកិន (a grinder) holds ស៊ី, a question word: the row's own word keeps it whole
    assert read_question("ខែនេះ ម៉ាស៊ីនកិនអស់ប៉ុន្មាន", TODAY, items=["ជួសជុលម៉ាស៊ីនកិន"]).words == ("ម៉ាស៊ីនកិន",)
    rows = [row(1, "ម៉ាស៊ីនកិន ជួសជុល", 40000), row(2, "ទឹកកក", 4000)]
    assert asked(rows, "ខែនេះ ម៉ាស៊ីនកិនអស់ប៉ុន្មាន") == (["ម៉ាស៊ីនកិន ជួសជុល"], [])


def test_the_words_of_the_items_are_their_own_words_without_question_words_units_or_counts():
    found = words_of_items(["ចាយលើ ១០០០", "ទិញឫស្សី ២០ដើម", "ម៉ាស៊ីនកិន", "ice 2 bags"])
    assert "ឫស្សី" in found
    assert "ម៉ាស៊ីនកិន" in found
    assert not {"ចាយលើ", "ទិញឫស្សី", "២០ដើម", "ដើម"} & found


def test_paying_out_wages_is_a_way_of_paying_not_a_thing_asked_about():
    assert read_question("ថ្ងៃនេះបើកលុយឲ្យកម្មករប៉ុន្មាន", TODAY).words == ("កម្មករ",)
    rows = [row(1, "ឈ្នួលកម្មករ ២នាក់", 80000), row(2, "ទឹកកក", 4000), row(3, "ឈ្នួលកម្មករ ៣នាក់", 120000)]
    assert numbers(rows, "ខែនេះបើកឈ្នួលកម្មករប៉ុន្មានដង") == ([1, 3], [])
    assert numbers(rows, "ទូទាត់ឈ្នួលកម្មករខែនេះអស់ប៉ុន្មាន") == ([1, 3], [])


def test_two_things_asked_together_are_answered_with_the_rows_of_both():
    rows = [row(1, "ទឹកកក", 4000), row(2, "ទឹកសុទ្ធ ២កេស", 9000), row(3, "coffee", 3000), row(4, "ice", 5000)]
    assert numbers(rows, "ខែនេះទិញទឹកកក និងទឹកសុទ្ធអស់ប៉ុន្មាន") == ([1, 2, 4], [])
    fuel = [row(1, "gasoline moto", 15000), row(2, "ម៉ាស៊ូត ឡានដឹក", 90000), row(3, "engine oil", 20000)]
    fuel.append(row(4, "sang pickup", 30000))
    assert numbers(fuel, "how much on petrol and diesel this month") == ([1, 2, 4], [])


def test_the_start_middle_or_end_of_a_month_said_loosely_is_its_third_of_the_days():
    assert days_named("ចុងខែមុន", TODAY)[0] == Span(
        date(2027, 4, 21), date(2027, 4, 30), (date(2027, 4, 16), date(2027, 4, 30))
    )
    assert days_named("early this month", TODAY)[0] == Span(
        date(2027, 5, 1), date(2027, 5, 10), (date(2027, 5, 1), date(2027, 5, 15))
    )
    assert days_named("mid april", TODAY)[0] == Span(
        date(2027, 4, 11), date(2027, 4, 20), (date(2027, 4, 6), date(2027, 4, 25))
    )
    # 'since the start of the month' is the month so far, as before
    assert days_named("since the start of the month", TODAY)[0] == Span(date(2027, 5, 1), date(2027, 5, 31))


def test_rows_just_beyond_a_part_of_a_month_said_loosely_are_set_aside_as_maybe_meant():
    rows = [row(3, "ice", 4000), row(12, "ice", 5000), row(18, "ice", 5000)]
    assert numbers(rows, "how much ice at the beginning of the month") == ([3], [12])
    april = [on(1, date(2027, 4, 5), "ស៊ីម៉ង់ ១០បាវ", 240000), on(2, date(2027, 4, 27), "ស៊ីម៉ង់ ៥បាវ", 120000)]
    may = [on(3, date(2027, 5, 6), "ស៊ីម៉ង់ ៥បាវ", 120000), on(4, date(2027, 5, 7), "ice", 4000)]
    assert numbers(april + may, "how much on cement this month and at the end of last month") == ([2, 3], [])


def test_a_meal_that_says_not_which_is_the_teams_one_meal_where_the_rows_name_no_other():
    rows = [row(1, "lunch workers", 30000), row(2, "bay kamkor", 28000), row(3, "ice", 4000)]
    average = answer_to(rows, "on average how much does one lunch for the workers cost?")
    assert isinstance(average, Answered)
    assert average.question.measure is Measure.AVERAGE_EACH
    assert [entry.row.number for entry in average.found.entries] == [1, 2]
    # a dinner too: which meal 'bay kamkor' was is no longer sure
    rows.append(row(4, "dinner workers", 32000))
    assert numbers(rows, "how much on lunch for the workers this month") == ([1], [2])


def test_a_thing_named_only_as_part_of_another_in_a_list_is_set_aside_not_counted():
    rows = [row(1, "rice 25kg", 60000), row(2, "rice paper + noodles", 12000), row(3, "sand 1 truck", 180000)]
    rows.append(row(4, "sand bags + cement", 70000))
    assert numbers(rows, "how much on rice this month") == ([1], [2])
    assert numbers(rows, "ខ្សាច់ខែនេះអស់ប៉ុន្មាន") == ([3], [4])
    # a meal before the food it was is the meal
    meals = [row(1, "lunch rice + fish x4", 24000), row(2, "ice", 4000)]
    assert numbers(meals, "how much on lunch this month") == ([1], [])


def test_nothing_is_answered_of_a_known_thing_no_row_names_where_every_row_is_read():
    rows = [row(1, "ice", 4000), row(2, "gravel 1 truck", 200000), row(3, "nails + screws", 16000)]
    assert asked(rows, "how much on glass this month") == ([], [])
    assert asked(rows, "ខែនេះទិញកញ្ចក់អស់ប៉ុន្មាន") == ([], [])
    # a row of words no one reads may be it
    unread = [*rows, row(4, "ឫស្សី ១០ដើម", 50000)]
    assert isinstance(answer_to(unread, "how much on glass this month"), NotSure)
    # a machine may be paid from outside the cash box, and its upkeep is written without its name
    assert isinstance(answer_to(rows, "how much did we spend on the generator this month"), NotSure)


def test_no_member_is_heard_inside_a_known_things_word():
    # អង្ករ|ដាំ (rice to cook) sounds r-t across the words: no Rithy
    reading = read_question("ខែនេះ ទិញអង្ករដាំបាយអស់ប៉ុន្មាន?", TODAY, ["Rithy", "Bopha"])
    assert reading.member is None
