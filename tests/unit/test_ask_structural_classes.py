"""Classes of questions fresh sets answered confidently wrong or not at all: a member's or a thing's
spending with no days said in a month's first half, an English compound whose last word is the thing
bought, subjects joined by '+', an average of one delivery, which spare part cost the most. Each
example here is new, written for its class, never a set's own words."""

from datetime import date

from balance_bot.domain.item_heads import Role, role
from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import Measure, read_question
from tests.unit.test_ask_doubts import asked, row

MID_MONTH = date(2027, 5, 12)


def test_a_members_total_with_no_days_said_in_a_months_first_half_reaches_back_to_last_month():
    read = read_question("how much has Sokha spent altogether", MID_MONTH, ["Sokha", "Dara"])
    assert read.member == "Sokha"
    assert read.span == Span(date(2027, 4, 1), MID_MONTH)
    own = read_question("how much have i spent", MID_MONTH)
    assert own.about_me
    assert own.span == Span(date(2027, 4, 1), MID_MONTH)


def test_a_things_average_with_no_days_said_in_a_months_first_half_reaches_back_to_last_month():
    read = read_question("ទិញស្ករម្តងៗ ជាមធ្យមអស់ប៉ុន្មាន", MID_MONTH)
    assert read.span == Span(date(2027, 4, 1), MID_MONTH)


def test_the_teams_own_total_and_any_question_late_in_a_month_stay_the_month():
    assert read_question("how much did we spend", MID_MONTH).span == Span(date(2027, 5, 1), date(2027, 5, 31))
    late = date(2027, 5, 20)
    assert read_question("how much has Sokha spent", late, ["Sokha"]).span == Span(
        date(2027, 5, 1), date(2027, 5, 31)
    )


def test_a_thing_before_a_tool_word_in_english_tells_the_tool_apart_and_is_not_the_thing_bought():
    assert role("lens protector film 5pcs", "lens") is Role.MODIFIER
    assert role("tyre inflator 12V", "tyre") is Role.MODIFIER
    # a brand, a count or nothing after it leaves the thing bought
    assert role("lens Canon 50mm", "lens") is Role.HEAD
    assert role("lens x2", "lens") is Role.HEAD
    # asked as the tool itself, the tool was bought
    assert role("lens protector film 5pcs", "lens protector") is Role.HEAD


def test_a_tool_named_after_the_thing_asked_is_left_out_of_the_things_total():
    rows = [
        row(1, "keyboard cover silicone", 12000),
        row(2, "keyboard Logitech K120", 40000),
        row(3, "keyboard x2 for counter", 70000),
    ]
    counted, _ = asked(rows, "how much did we spend on keyboards this month")
    assert counted == ["keyboard Logitech K120", "keyboard x2 for counter"]


def test_an_ampersand_between_letters_is_part_of_a_name_and_a_plus_joins_two_subjects():
    read = read_question("courier cost this month? kerry + dhl", MID_MONTH)
    assert read.words == ("courier kerry", "courier dhl")
    assert read_question("how much on at&t and wifi this month", MID_MONTH).words == ("at&t", "wifi")


def test_how_much_one_purchase_costs_on_average_is_an_average_of_each_not_of_a_day():
    read = read_question("on average how much is one taxi", MID_MONTH)
    assert read.measure is Measure.AVERAGE_EACH


def test_the_dearest_of_a_kind_sets_aside_rows_naming_no_known_thing_which_may_be_of_that_kind():
    rows = [row(1, "brake pads Honda", 30000), row(2, "carburetor Dream kit", 95000), row(3, "ice", 4000)]
    counted, doubtful = asked(rows, "which spare part was the most expensive this month")
    assert counted == ["brake pads Honda"]
    assert "carburetor Dream kit" in doubtful
    assert "ice" not in doubtful


def test_fuel_written_alone_in_romanised_khmer_is_doubted_when_asked_as_filling_up_a_moto():
    rows = [row(1, "chak sang moto", 20000), row(2, "sang", 15000), row(3, "ice", 4000)]
    counted, doubtful = asked(rows, "how many times did we fill up the moto this month")
    assert counted == ["chak sang moto"]
    assert doubtful == ["sang"]


def test_romanised_khmer_naming_the_thing_asked_after_a_word_of_its_own_is_no_sure_part_of_it():
    # Khmer names the thing first: 'trey bal' reads as something of the ball's, not the ball
    assert role("khnat bal 2", "ball") is Role.MODIFIER
    assert role("bal 3", "ball") is Role.HEAD


def test_a_compound_written_as_one_word_ending_in_the_thing_asked_is_doubted_never_left_out_unsaid():
    rows = [row(1, "basketballs x2", 60000), row(2, "ball pump", 9000), row(3, "ball", 20000)]
    counted, doubtful = asked(rows, "how much for balls this month")
    assert "ball" in counted
    assert "basketballs x2" in doubtful


def test_romanised_question_words_in_more_spellings_read_as_their_khmer():
    # 'ass' for អស់, 'jeng ke' for ជាងគេ, 'sabda mun' for last week, 'jis' for a ride
    own = read_question("khe nis knhom tinh ass ponman", MID_MONTH)
    assert own.about_me
    assert own.span == Span(date(2027, 5, 1), date(2027, 5, 31))
    who = read_question("sabda mun neak na chay chreun jeng ke", MID_MONTH)
    assert who.measure is Measure.BY_MEMBER
    assert who.span == Span(date(2027, 5, 3), date(2027, 5, 9))
    rides = read_question("moto dop jis ponman dong khe mun", MID_MONTH)
    assert rides.measure is Measure.COUNT
    assert rides.rides


def test_a_thing_asked_in_its_romanised_spelling_doubts_a_one_word_compound_of_it():
    rows = [row(1, "volleyballs x2", 60000), row(2, "snab bom bal", 9000)]
    counted, doubtful = asked(rows, "bal tinh ass ponman khe nis")
    assert counted == []
    assert doubtful == ["snab bom bal", "volleyballs x2"]
