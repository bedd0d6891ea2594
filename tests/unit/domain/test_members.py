"""Tests for members' balances: advances, spending, change returned, reimbursements, carried forward."""

from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from balance_bot.domain.balances import CURRENCIES, balance_of, month_figures
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.members import MovementKind, PaymentMode, given_back, members_month
from balance_bot.domain.money import Currency

VOID = "[void] "
NOVEMBER = Period(2026, 11)
USD, KHR = Currency.USD, Currency.KHR


def expense(member, usd=None, khr=None, item="coffee", number=None):
    return SheetRow(
        number,
        None,
        item,
        None if usd is None else Decimal(usd),
        None if khr is None else Decimal(khr),
        member,
        "",
    )


def moved(kind, member, usd=None, khr=None, number=None, item=""):
    return SheetRow(
        number,
        None,
        item or f"{kind.value} {member}",
        None,
        None,
        "Admin",
        "",
        movement=kind.value,
        movement_member=member,
        movement_usd=None if usd is None else Decimal(usd),
        movement_khr=None if khr is None else Decimal(khr),
    )


def test_an_advance_is_spent_then_the_change_returned_leaves_the_member_even():
    month = members_month(
        [
            moved(MovementKind.ADVANCE, "Sokha", usd="50", number=1),
            expense("Sokha", usd="30", item="market", number=2),
            moved(MovementKind.RETURNED, "Sokha", usd="20", number=3),
        ],
        VOID,
    )
    sokha = month.named("sokha")
    assert (sokha.advanced[USD], sokha.spent[USD], sokha.returned[USD]) == (50, 30, 20)
    assert sokha.position[USD] == 0
    assert [(row.number, row.kind) for row in sokha.rows] == [(1, "Advance"), (2, "expense"), (3, "Returned")]


def test_spending_past_the_advance_is_owed_to_the_member_until_reimbursed():
    rows = [moved(MovementKind.ADVANCE, "Dara", usd="10"), expense("Dara", usd="25")]
    month = members_month(rows, VOID)
    assert month.named("Dara").owed(USD) == 15
    reimbursed = members_month([*rows, moved(MovementKind.REIMBURSED, "Dara", usd="15")], VOID)
    assert reimbursed.named("Dara").position[USD] == 0
    assert reimbursed.named("Dara").reimbursed[USD] == 15


def test_in_box_mode_spending_past_the_advance_comes_from_the_box_not_the_member():
    rows = [
        moved(MovementKind.ADVANCE, "Dara", usd="10"),
        expense("Dara", usd="25"),
        expense("Vanna", usd="4"),
    ]
    month = members_month(rows, VOID, mode=PaymentMode.BOX)
    assert month.named("Dara").position[USD] == 0
    assert month.named("Dara").spent[USD] == 10
    assert month.named("Vanna").position[USD] == 0  # no advance: the box paid
    assert month.box_out[USD] == 10 + 15 + 4


def test_each_currency_is_its_own_balance():
    month = members_month(
        [moved(MovementKind.ADVANCE, "Sokha", usd="20"), expense("Sokha", khr="8000")], VOID
    )
    sokha = month.named("Sokha")
    assert (sokha.holds(USD), sokha.owed(KHR)) == (20, 8000)


def test_a_voided_movement_and_a_bookkeepers_fixed_amount_are_read_as_the_sheet_stands():
    rows = [
        moved(MovementKind.ADVANCE, "Sokha", usd="50", item=f"{VOID}Advance to Sokha"),
        moved(MovementKind.ADVANCE, "Sokha", usd="45"),  # the bookkeeper typed 45 over the bot's 40
        SheetRow(None, None, "Advance", None, None, "", "", movement="advance ", movement_member="Dara",
                 movement_usd=Decimal(5)),  # typed by hand, in lower case
    ]  # fmt: skip
    month = members_month(rows, VOID)
    assert month.named("Sokha").holds(USD) == 45
    assert month.named("Dara").holds(USD) == 5


def test_what_a_member_held_or_was_owed_opens_the_next_month():
    november = members_month([moved(MovementKind.ADVANCE, "Sokha", usd="50"), expense("Dara", usd="7")], VOID)
    carried = november.positions()
    assert carried == {"Sokha": {USD: 50, KHR: 0}, "Dara": {USD: -7, KHR: 0}}
    december = members_month([expense("Sokha", usd="30")], VOID, opening=carried)
    assert december.named("Sokha").opening[USD] == 50
    assert december.named("Sokha").holds(USD) == 20
    assert december.named("Dara").owed(USD) == 7
    assert [figures.name for figures in december.shown()] == ["Dara", "Sokha"]


def test_a_group_without_movements_has_nothing_to_show():
    month = members_month([expense("Sokha", usd="3")], VOID)
    assert not month.any_movement()


MEMBERS = st.sampled_from(["Sokha", "Dara", "Vanna"])
AMOUNTS = st.decimals(min_value=Decimal("0.01"), max_value=Decimal(500), places=2)
RIEL = st.integers(min_value=100, max_value=400_000).map(Decimal)


@st.composite
def a_row(draw):
    member, usd, khr = draw(MEMBERS), draw(AMOUNTS), draw(RIEL)
    in_riel = draw(st.booleans())
    kind = draw(st.sampled_from([None, "topup", *MovementKind]))
    voided = draw(st.integers(0, 9)) == 0
    item = f"{VOID}x" if voided else "x"
    money = {"khr": khr} if in_riel else {"usd": usd}
    if kind is None:
        row = expense(member, **money)
    elif kind == "topup":
        row = SheetRow(None, None, "Top-up", None, None, member, "",
                       topup_usd=None if in_riel else usd, topup_khr=khr if in_riel else None)  # fmt: skip
    else:
        row = moved(kind, member, **money)
    return SheetRow(**{**{field: getattr(row, field) for field in row.__slots__}, "item": item})


@given(
    st.lists(a_row(), max_size=40),
    st.sampled_from(list(PaymentMode)),
    st.dictionaries(MEMBERS, st.fixed_dictionaries({USD: AMOUNTS, KHR: RIEL}), max_size=3),
    st.fixed_dictionaries({USD: AMOUNTS, KHR: RIEL}),
)
def test_the_box_and_what_members_hold_less_what_they_are_owed_is_what_the_month_says_is_left(
    rows, mode, members_opening, opening
):
    month = members_month(rows, VOID, members_opening, mode)
    balance = balance_of(NOVEMBER, opening, month_figures(rows, VOID), month)
    for currency in CURRENCIES:
        # The box counted from its own flows: what it held, top-ups in, and what went to members out.
        box_opening = opening[currency] - sum(
            (held[currency] for held in members_opening.values()), Decimal(0)
        )
        box = box_opening + balance.figures.topups[currency] - month.box_out[currency]
        held = sum((figures.holds(currency) for figures in month.members.values()), Decimal(0))
        owed = sum((figures.owed(currency) for figures in month.members.values()), Decimal(0))
        left = opening[currency] + balance.figures.topups[currency] - balance.figures.spent[currency]
        assert box + held - owed == left
        assert balance.box(currency) == box


@pytest.mark.parametrize(
    ("text", "rest"),
    [
        ("returned 20$", "20$"),
        ("Returned: 5$", "5$"),
        ("gave back 5$ change", "5$ change"),
        ("giving back 3$", "3$"),
        ("ប្រគល់លុយវិញ ២ម៉ឺន", "២ម៉ឺន"),
        ("ប្រគល់វិញ 5000៛", "5000៛"),
        ("អាប់លុយ 2000៛", "2000៛"),
        ("return ticket 20$", None),
        ("returnedx 5", None),
        ("coffee 3$", None),
    ],
)
def test_a_members_words_for_change_given_back_leave_the_amount_and_a_note(text, rest):
    assert given_back(text) == rest


def test_what_is_kept_between_reads_is_the_members_who_moved_cash_without_their_expense_rows():
    rows = [
        moved(MovementKind.ADVANCE, "Dara", usd="50", number=1),
        expense("Dara", usd="12", item="market", number=2),
        expense("Sokha", usd="3", item="coffee", number=3),
    ]
    kept = members_month(rows, VOID, mode=PaymentMode.MEMBER).cash_moves()
    assert [figures.name for figures in kept.members.values()] == ["Dara"]
    dara = kept.named("Dara")
    assert [row.kind for row in dara.rows] == [MovementKind.ADVANCE.value]
    assert dara.position[USD] == Decimal("38")
    assert kept.any_movement()
