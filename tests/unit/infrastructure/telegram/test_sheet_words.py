"""Tests for the sheet's words: the Items of top-ups and movements, written in the group's language and
read back in whichever language wrote them."""

from balance_bot.domain.language import Language
from balance_bot.domain.members import MovementKind
from infrastructure.telegram.sheet_words import movement_item_in, movement_note, movement_read, top_up_note


def test_a_movements_item_is_read_back_whichever_language_labelled_it():
    assert movement_read("Advance to Dara: market", MovementKind.ADVANCE) == ("Dara", "market")
    assert movement_read("លុយបុរេប្រទានឱ្យ Dara kim: ផ្សារ", MovementKind.ADVANCE) == ("Dara kim", "ផ្សារ")
    assert movement_read("Returned by Dara", MovementKind.RETURNED) == ("Dara", "")
    assert movement_read("ប្រគល់លុយវិញពី Dara", MovementKind.RETURNED) == ("Dara", "")


def test_an_item_in_a_bookkeepers_own_words_is_left_as_they_wrote_it():
    assert movement_read("cash to Dara for the market", MovementKind.ADVANCE) is None
    assert movement_item_in(Language.KHMER, "cash to Dara", MovementKind.ADVANCE) == "cash to Dara"
    assert movement_note("cash to Dara", MovementKind.ADVANCE, "Dara") == "cash to Dara"


def test_a_movement_is_shown_in_the_chats_words_with_the_members_note_as_written():
    shown = movement_item_in(Language.KHMER, "Advance to Dara: market", MovementKind.ADVANCE)
    assert shown == "លុយបុរេប្រទានឱ្យ Dara: market"
    back = movement_item_in(Language.ENGLISH, "សងវិញឱ្យ Dara", MovementKind.REIMBURSED)
    assert back == "Reimbursed to Dara"


def test_a_top_ups_note_is_its_words_after_the_label_in_either_language():
    assert top_up_note("Top-up: from the office") == "from the office"
    assert top_up_note("លុយដាក់ចូល: ពីការិយាល័យ") == "ពីការិយាល័យ"
    assert top_up_note("លុយដាក់ចូល") == ""
