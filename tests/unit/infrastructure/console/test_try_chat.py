"""Tests for how `balance-bot try` turns typed and pasted lines into a member's messages."""

from infrastructure.console.try_chat import messages


def test_each_typed_line_is_a_message_and_backslash_n_is_a_line_break():
    assert list(messages(["coffee 3$\n", "fish 2$\\noil 1$\n"])) == ["coffee 3$", "fish 2$\noil 1$"]


def test_a_line_ending_with_a_colon_gathers_the_list_below_it_until_a_blank_line():
    typed = ["Market today:\n", "- fish 20000៛\n", "- oil 2$\n", "\n", "tea 1$\n"]
    assert list(messages(typed)) == ["Market today:\n- fish 20000៛\n- oil 2$", "tea 1$"]


def test_a_list_left_open_at_the_end_of_input_is_still_sent():
    assert list(messages(["Market:\n", "- fish 2$\n"])) == ["Market:\n- fish 2$"]


def test_lines_pasted_together_are_one_message():
    pasted_lines = iter([True, True, False, False])
    typed = ["fish 20000៛\n", "rice 15000៛\n", "oil 2$\n", "tea 1$\n"]
    assert list(messages(typed, lambda: next(pasted_lines))) == ["fish 20000៛\nrice 15000៛\noil 2$", "tea 1$"]


def test_commands_are_never_gathered_into_a_message():
    assert list(messages(["/as Dara\n", "/quit\n"], lambda: True)) == ["/as Dara", "/quit"]
