"""Tests for asking the ledger: a model's tool call held to what the bot knows, its figures the rows',
and the roles: members read their own entries and the group's totals."""

from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.balances.service import Balance
from balance_bot.domain.balances import CurrencyBalance, PeriodBalance, month_figures
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.domain.questions import Measure, UndoRequest
from balance_bot.domain.roster import Roster
from balance_bot.ports import ToolChoice
from balance_bot.questions.ask import (
    Answered,
    AskLedger,
    AskPolicy,
    AskRefusal,
    AskRefused,
    CannotAnswer,
    CashAnswer,
    ConfirmWrite,
    MembersMay,
    MonthsNotKept,
    NoMoneyIn,
)
from tests.fakes.clock import FakeClock

TODAY = date(2026, 11, 18)
ROWS = [
    SheetRow(1, date(2026, 11, 3), "generator fuel", Decimal(20), None, "Dara", "tg:-1:1:0"),
    SheetRow(2, date(2026, 11, 5), "generator repair", Decimal("35.50"), None, "Sokha", "tg:-1:2:0"),
    SheetRow(3, date(2026, 11, 6), "ice", None, Decimal(5000), "Dara", "tg:-1:3:0"),
]


class Month:
    """The month's rows as a bookkeeper left them, and the members seen in the group."""

    def __init__(self, members=((7, "Sokha"), (8, "Dara"), (9, "Admin")), kept_months=None):
        self.reads = 0
        self.members = members
        self.kept_months = kept_months  # the months the sheet has worksheets for; None: every one

    async def roster(self, chat_id):
        return Roster.of(self.members)

    async def rows(self, chat_id, period):
        self.reads += 1
        return ROWS if period.month == 11 else []

    async def rows_of(self, chat_id, periods):
        return [row for period in periods for row in await self.rows(chat_id, period)]

    async def balance_named(self, chat_id, words):
        return "the balance"

    async def months_kept(self, chat_id, periods):
        return set(periods) if self.kept_months is None else set(periods) & self.kept_months


class ToolModel:
    def __init__(self, choice):
        self.choice = choice
        self.asked = []

    async def choose(self, question, today, members, categories, chat_id):
        self.asked.append((question, members))
        return self.choice


def ledger(choice=None, members_may=MembersMay.OWN, month=None):
    policy = AskPolicy(members_may, "[void] ", lambda: TODAY)
    clock = FakeClock(datetime(2026, 11, 18, 3, tzinfo=UTC))
    return AskLedger(month or Month(), clock, policy, model=ToolModel(choice) if choice else None)


async def admin():
    return True


async def member():
    return False


async def test_a_models_tool_call_is_answered_with_the_rows_figures_never_its_words():
    ask = ledger(ToolChoice("sum", "2026-11-03", "2026-11-18", words="generator"))
    answer = await ask.ask(-1, 7, "Sokha", admin, "the genset thing, remember?")
    assert isinstance(answer, Answered)
    assert answer.by_model
    assert answer.question.measure is Measure.TOTAL
    assert answer.found.totals[Currency.USD] == Decimal("55.50")
    assert answer.found.count == 2


async def test_a_tool_call_naming_no_days_is_about_this_whole_month_whatever_day_it_is():
    ask = ledger(ToolChoice("sum", None, None, words="generator"))
    answer = await ask.ask(-1, 7, "Sokha", admin, "genset?")
    assert (answer.question.span.first, answer.question.span.last) == (date(2026, 11, 1), date(2026, 11, 30))


async def test_a_tool_call_outside_what_the_bot_knows_is_no_answer():
    for choice in (
        ToolChoice("drop", None, None),
        ToolChoice("sum", "2026-12-01", "2026-12-31"),  # ahead
        ToolChoice("sum", "yesterday", None),  # no ISO date
        ToolChoice("list", member="Somebody"),  # never posted here
        ToolChoice("sum", category="Snacks"),  # no such category
    ):
        assert isinstance(await ledger(choice).ask(-1, 7, "Sokha", admin, "genset?"), CannotAnswer), choice


async def test_a_member_gets_their_own_entries_and_the_totals_but_not_another_members_nor_the_cash():
    ask = ledger()
    assert await ask.ask(-1, 7, "Sokha", member, "what did Dara spend?") == AskRefused(
        AskRefusal.OTHER_MEMBER
    )
    assert await ask.ask(-1, 7, "Sokha", member, "how much is left?") == AskRefused(AskRefusal.BALANCE)
    own = await ask.ask(-1, 7, "Sokha", member, "what did I spend?")
    assert (own.member, own.found.count) == ("Sokha", 1)
    total = await ask.ask(-1, 7, "Sokha", member, "how much this month?")
    assert total.found.totals == {Currency.USD: Decimal("55.50"), Currency.KHR: Decimal(5000)}
    by_model = ledger(ToolChoice("list", member="Dara"))
    refused = await by_model.ask(-1, 7, "Sokha", member, "Dara's stuff please")
    assert refused == AskRefused(AskRefusal.OTHER_MEMBER)  # a model's call follows the same rules


async def test_a_member_asking_for_everyones_entries_gets_their_own_unless_members_may_see_all():
    for asked in (ledger(), ledger(ToolChoice("list"))):  # the reader's reading, and a model's bare list
        text = "list everything this month" if asked._model is None else "show it all"
        answer = await asked.ask(-1, 7, "Sokha", member, text)
        assert answer.member == "Sokha"
        assert {entry.row.member for entry in answer.found.entries} == {"Sokha"}
    everyone = await ledger(members_may=MembersMay.ALL).ask(
        -1, 7, "Sokha", member, "list everything this month"
    )
    assert {entry.row.member for entry in everyone.found.entries} == {"Dara", "Sokha"}
    admins = await ledger().ask(-1, 9, "Admin", admin, "list everything this month")
    assert admins.member is None


async def test_members_may_ask_nothing_or_everything_as_the_operator_chose():
    none = ledger(members_may=MembersMay.NONE)
    assert await none.ask(-1, 7, "Sokha", member, "how much this month?") == AskRefused(
        AskRefusal.MEMBERS_MAY_NOT
    )
    everyone = ledger(members_may=MembersMay.ALL)
    assert isinstance(await everyone.ask(-1, 7, "Sokha", member, "what did Dara spend?"), Answered)


async def test_a_change_is_only_proposed_and_done_once_by_the_admin_who_asked_in_time():
    ask = ledger()
    assert await ask.ask(-1, 7, "Sokha", member, "undo No 2") == AskRefused(AskRefusal.WRITE)
    proposed = await ask.ask(-1, 9, "Admin", admin, "undo No 2")
    assert isinstance(proposed, ConfirmWrite)
    assert ask.confirm(proposed.token, -1, 7) is None  # another member's tap
    assert ask.confirm(proposed.token, -1, 9) == UndoRequest(2)
    assert ask.confirm(proposed.token, -1, 9) is None  # once


async def test_totals_per_member_are_for_admins_and_totals_per_category_for_everyone():
    ask = ledger()
    question = "who spent the most this month?"
    assert await ask.ask(-1, 7, "Sokha", member, question) == AskRefused(AskRefusal.OTHER_MEMBER)
    per_member = await ask.ask(-1, 9, "Admin", admin, question)
    groups = per_member.found.groups(per_member.group_of, Decimal(4000))
    assert [(group.name, group.totals[Currency.USD], group.count) for group in groups] == [
        ("Sokha", Decimal("35.50"), 1),
        ("Dara", Decimal(20), 2),  # $21.25 at 4,000៛ a dollar, less than Sokha's
    ]
    per_category = await ask.ask(-1, 7, "Sokha", member, "spending by category this month")
    assert [group.name for group in per_category.found.groups(per_category.group_of, Decimal(4000))] == [""]


async def test_the_last_expense_and_alternatives_select_the_rows_they_name():
    ask = ledger()
    latest = await ask.ask(-1, 9, "Admin", admin, "what was the last expense?")
    assert latest.question.measure is Measure.LATEST
    assert latest.found.entries[-1].row.item == "ice"
    either = await ask.ask(-1, 9, "Admin", admin, "how much on fuel or ice this month?")
    assert [entry.row.item for entry in either.found.entries] == ["generator fuel", "ice"]


async def test_a_models_sum_by_member_is_the_total_of_each_member_and_for_admins_only():
    by_member = ToolChoice("sum", words="generator", by="member")
    assert await ledger(by_member).ask(-1, 7, "Sokha", member, "who burns the genset money") == AskRefused(
        AskRefusal.OTHER_MEMBER
    )
    answer = await ledger(by_member).ask(-1, 9, "Admin", admin, "who burns the genset money")
    assert answer.question.measure is Measure.BY_MEMBER
    groups = answer.found.groups(answer.group_of, Decimal(4000))
    assert [(group.name, group.totals[Currency.USD]) for group in groups] == [
        ("Sokha", Decimal("35.50")),
        ("Dara", Decimal(20)),
    ]
    by_category = await ledger(ToolChoice("sum", by="category")).ask(-1, 7, "Sokha", member, "kinds?")
    assert by_category.question.measure is Measure.BY_CATEGORY


async def test_a_member_renamed_as_another_gets_neither_their_entries_nor_is_taken_for_them():
    mallory = Month(((7, "Sokha"), (8, "Dara"), (9, "Admin"), (66, "Dara")))  # renamed themselves Dara
    ask = ledger(month=mallory)
    own = await ask.ask(-1, 66, "Dara", member, "what did I spend this month?")
    assert own.found.count == 0  # the rows under "Dara" are the real Dara's, or nobody's: not Mallory's
    assert await ask.ask(-1, 66, "Dara", member, "what did Dara spend?") == AskRefused(
        AskRefusal.OTHER_MEMBER
    )
    assert (await ask.mine(-1, 66, "Dara")).count == 0
    dara = await ask.ask(-1, 8, "Dara", member, "what did I spend this month?")
    assert dara.found.count == 0  # two members go by "Dara": a bookkeeper's row is nobody's until told


async def test_the_bots_rows_are_their_posters_by_user_id_whatever_name_they_go_by_now():
    rows = [
        SheetRow(1, date(2026, 11, 3), "fuel", Decimal(20), None, "Dara", "tg:-1:1:0:u8"),
        SheetRow(2, date(2026, 11, 5), "tea", Decimal(2), None, "Dara", "tg:-1:2:0:u66"),  # Mallory's
    ]

    class Renamed(Month):
        async def rows(self, chat_id, period):
            return rows if period.month == 11 else []

    ask = ledger(month=Renamed(((8, "Dara Kim"), (66, "Dara"))))
    mallory = await ask.ask(-1, 66, "Dara", member, "how much did I spend?")
    assert mallory.found.totals[Currency.USD] == Decimal(2)
    dara = await ask.mine(-1, 8, "Dara Kim")
    assert [entry.row.item for entry in dara.entries] == ["fuel"]


async def test_a_word_no_expense_says_is_not_answered_nothing_but_said_unsure():
    from balance_bot.questions.ask import NotSure

    unsure = await ledger().ask(-1, 7, "Sokha", admin, "how much did we spend on the piano this month?")
    assert isinstance(unsure, NotSure)
    assert unsure.unknown == ("piano",)
    nothing_yet = await ledger().ask(-1, 7, "Sokha", admin, "how much on ice last week?")
    assert isinstance(nothing_yet, Answered)  # ice was bought this month: 'nothing' last week is a figure
    assert nothing_yet.found.count == 0


async def test_a_word_no_expense_says_goes_to_the_model_when_there_is_one():
    ask = ledger(ToolChoice("sum", "2026-11-01", "2026-11-18", words="generator"))
    answer = await ask.ask(-1, 7, "Sokha", admin, "how much on the genset this month?")
    assert isinstance(answer, Answered)
    assert answer.by_model
    assert answer.found.count == 2


async def test_a_past_month_the_sheet_has_no_worksheet_for_is_not_answered_nothing():
    november = Period(2026, 11)
    ask = ledger(month=Month(kept_months={november}))
    answer = await ask.ask(-1, 9, "Admin", admin, "how much on ice in September?")
    assert isinstance(answer, MonthsNotKept)
    assert (answer.question.span.first, answer.question.span.last) == (date(2026, 9, 1), date(2026, 9, 30))


async def test_a_past_month_the_sheet_has_is_answered_nothing_when_nothing_was_spent_on_it():
    ask = ledger(month=Month(kept_months={Period(2026, 10), Period(2026, 11)}))
    answer = await ask.ask(-1, 9, "Admin", admin, "how much on ice last month?")
    assert isinstance(answer, Answered)
    assert answer.found.count == 0


async def test_this_months_worksheet_not_made_yet_is_still_nothing_spent():
    ask = ledger(month=Month(kept_months=set()))
    answer = await ask.ask(-1, 9, "Admin", admin, "how much on fuel today?")
    assert isinstance(answer, Answered)
    assert answer.found.count == 0


class _Cash(Month):
    """The month with the balance the bot keeps from its worksheet: money put in, or none."""

    def __init__(self, topped_up):
        super().__init__()
        self._topped_up = topped_up

    async def balance_named(self, chat_id, words):
        figures = month_figures(ROWS, "VOID")
        topups = Decimal(100) if self._topped_up else Decimal(0)
        sums = {
            Currency.USD: CurrencyBalance(Decimal(0), topups, figures.spent[Currency.USD]),
            Currency.KHR: CurrencyBalance(Decimal(0), Decimal(0), figures.spent[Currency.KHR]),
        }
        return Balance(PeriodBalance(Period(2026, 11), sums, figures), current=True)


async def test_the_cash_left_is_not_given_where_the_sheet_records_no_money_put_in_only_what_was_spent():
    policy = AskPolicy(MembersMay.ALL, "VOID", lambda: TODAY)
    clock = FakeClock(datetime(2026, 11, 18, 3, tzinfo=UTC))
    none_in = await AskLedger(_Cash(False), clock, policy).ask(
        -1, 9, "Admin", admin, "ក្នុងប្រអប់នៅសល់លុយប៉ុន្មានទៀត?"
    )
    assert isinstance(none_in, NoMoneyIn)
    topped_up = await AskLedger(_Cash(True), clock, policy).ask(-1, 9, "Admin", admin, "how much is left?")
    assert isinstance(topped_up, CashAnswer)
