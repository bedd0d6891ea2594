"""How the changes by hand read in a group: one calm line each, with its No, in English and in Khmer."""

from datetime import date
from decimal import Decimal

from balance_bot.domain.hand_edits import AmountChanged, DayChanged, ItemChanged, RowAdded, RowDeleted
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ledger_changes.hand_changes import ChangesForAdmins, ChangesReport, ChangesUnreadable
from balance_bot.ports import LedgerUnavailable
from infrastructure.telegram.changes_replies import MOST_CHANGES_SHOWN, ChangesReplies
from infrastructure.telegram.replies import ENGLISH, Replies

DECEMBER = Period(2026, 12)
REFERENCE = "tg:-1001:5:0:u7"


def usd(amount):
    return Money(Decimal(amount), Currency.USD)


def riel(amount):
    return Money(Decimal(amount), Currency.KHR)


CHANGES = (
    AmountChanged(14, DECEMBER, REFERENCE, usd("25"), (usd("2.5"),)),
    AmountChanged(15, DECEMBER, REFERENCE, usd("3"), (riel("12000"),)),
    AmountChanged(16, DECEMBER, REFERENCE, riel("5000"), ()),
    DayChanged(17, DECEMBER, REFERENCE, date(2026, 12, 5), date(2026, 12, 4)),
    ItemChanged(None, DECEMBER, REFERENCE, "coffee", "coffee for guests"),
    RowDeleted(20, DECEMBER, REFERENCE, "taxi", usd("4")),
    RowAdded(31, DECEMBER, date(2026, 12, 9), "printer paper", (usd("4"),)),
    RowAdded(None, DECEMBER, None, "fireworks", ()),
)


def english():
    return ChangesReplies(Replies.of(ENGLISH))


def test_each_change_is_one_line_with_its_no():
    assert english().report(ChangesReport(-1001, (DECEMBER,), CHANGES, date(2026, 12, 1))).splitlines() == [
        "Changes made by hand in the sheet (December 2026), for the record:",
        "• No 14: 25.00 → 2.50 USD",
        "• No 15: 3.00 USD → 12,000 KHR",
        "• No 16: 5,000 KHR → empty",
        "• No 17: date Sat 5 Dec → Fri 4 Dec",
        "• No ?: “coffee” → “coffee for guests”",
        "• No 20 deleted (taxi, 4.00 USD)",
        "• No 31 added by hand: Wed 9 Dec, printer paper, 4.00 USD",
        "• A row without a No added by hand: fireworks",
    ]


def test_a_long_report_is_cut_with_how_many_more():
    many = tuple(RowDeleted(number, DECEMBER, REFERENCE, "tea", usd("1")) for number in range(40))
    lines = english().report(ChangesReport(-1001, (DECEMBER,), many, date(2026, 12, 1))).splitlines()
    assert len(lines) == MOST_CHANGES_SHOWN + 2
    assert lines[-1] == "… and 10 more changes"


def test_nothing_new_says_since_when_a_member_is_refused_and_an_unreadable_sheet_is_said():
    assert english().answer(ChangesReport(-1001, (DECEMBER,), (), date(2026, 12, 10))) == (
        "No changes by hand since Thu 10 Dec."
    )
    assert english().answer(ChangesForAdmins()) == "Only the group's admins can do that."
    assert (
        english()
        .answer(ChangesUnreadable(LedgerUnavailable("503")))
        .startswith("Google Sheets is not answering right now")
    )


def test_a_khmer_group_reads_the_changes_in_khmer():
    khmer = ChangesReplies(Replies.of(Speech(Language.KHMER)))
    text = khmer.report(ChangesReport(-1001, (DECEMBER,), CHANGES[:1] + CHANGES[5:6], date(2026, 12, 1)))
    assert text.splitlines() == [
        "ការកែប្រែដោយដៃក្នុងសន្លឹក (ខែធ្នូ 2026) សម្រាប់កត់ទុក៖",
        "• លេខ 14៖ 25.00 → 2.50$",
        "• លេខ 20 ត្រូវបានលុប (taxi, 4.00$)",
    ]
