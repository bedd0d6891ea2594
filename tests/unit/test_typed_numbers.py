"""Property tests: numbers typed or sent by anyone (Unicode digits, huge ones, Infinity, NaN) are read
within what the bot can use, or not read at all; never an error."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from balance_bot.domain.ledger import row_number
from balance_bot.domain.questions import UndoRequest, read_question
from infrastructure.webapp.links import chat_of

DIGITS = st.text(alphabet=st.characters(categories=["Nd", "No"]), min_size=1, max_size=40)
NUMBERS = st.one_of(
    DIGITS,
    st.integers(min_value=-(10**60), max_value=10**60).map(str),
    st.floats().map(str),  # inf, nan, 1e+40
    st.sampled_from(["Infinity", "-Infinity", "NaN", "1e40", "²", "0x10", "1_000"]),
)


@given(NUMBERS)
def test_a_row_number_typed_is_a_no_a_month_can_have_or_none(typed):
    number = row_number(typed)
    assert number is None or 0 <= number <= 999_999


@given(NUMBERS)
def test_an_undo_asked_with_any_number_reads_a_no_a_month_can_have_or_something_else(typed):
    reading = read_question(f"undo No {typed}", date(2026, 11, 18), ["Sokha"], [])
    if isinstance(reading, UndoRequest):
        assert 0 <= reading.number <= 999_999


@given(NUMBERS)
def test_a_start_parameter_with_any_number_names_a_group_id_telegram_could_have_or_none(typed):
    chat = chat_of(f"g{typed}")
    assert chat is None or -(10**16) < chat < 0
