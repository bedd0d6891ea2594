"""Tests that expenses awaiting approval are shown apart: /balance, answers to questions, members'
spending and the Mini App's month count them once approved."""

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from balance_bot.balances.month_view import MonthView
from balance_bot.balances.service import Balance
from balance_bot.domain.balances import balance_of, month_figures
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import AWAITING_APPROVAL, Period, SheetRow
from balance_bot.domain.ledger_answers import select
from balance_bot.domain.members import members_month
from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import month_span
from balance_bot.domain.questions import LedgerQuestion, Measure
from balance_bot.questions.answers import Answered
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.balance_replies import BalanceReplies
from infrastructure.telegram.replies import Replies
from infrastructure.webapp.init_data import WebAppUser
from infrastructure.webapp.server import page_json
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.clock import FakeClock

DECEMBER = Period(2026, 12)
RATE = Decimal(4000)


def rows():
    return [
        SheetRow(1, date(2026, 12, 3), "coffee", Decimal(3), None, "Sokha", "tg:-100:1:0:u7"),
        SheetRow(2, date(2026, 12, 3), "laptop", Decimal(240), None, "Sokha", "tg:-100:2:0:u7",
                 status=AWAITING_APPROVAL),
        SheetRow(3, date(2026, 12, 4), "printer", Decimal(150), None, "Dara", "tg:-100:3:0:u8",
                 status="approved by Vanna, 2026-12-04 10:00"),
    ]  # fmt: skip


def test_balance_counts_the_approved_and_names_the_awaiting_apart():
    figures = month_figures(rows(), "[void] ")
    balance = balance_of(DECEMBER, {}, figures)
    assert figures.spent[Currency.USD] == Decimal(153)
    reply = BalanceReplies(Replies.of(Speech(Language.ENGLISH))).balance_reply(Balance(balance, True), RATE)
    assert "⏳ $240.00 awaiting approval" in reply


def test_a_members_spending_counts_an_expense_once_approved():
    members = members_month(rows(), "[void] ")
    spent = {figures.name: figures.spent[Currency.USD] for figures in members.shown()}
    assert spent == {"Sokha": Decimal(3), "Dara": Decimal(150)}


def test_an_answer_counts_the_approved_and_says_what_awaits_approval():
    question = LedgerQuestion(Measure.TOTAL, month_span(DECEMBER))
    found = select(rows(), question, None, "[void] ")
    assert found.totals[Currency.USD] == Decimal(153)
    assert found.awaiting[Currency.USD] == Decimal(240)
    text = AskReplies(Replies.of(Speech(Language.ENGLISH)), RATE).answer(Answered(question, found, None))
    assert "⏳ $240.00 awaiting approval" in text


def test_khmer_groups_read_the_awaiting_line_in_khmer():
    balance = balance_of(DECEMBER, {}, month_figures(rows(), "[void] "))
    reply = BalanceReplies(Replies.of(Speech(Language.KHMER))).balance_reply(Balance(balance, True), RATE)
    assert "កំពុងរង់ចាំការអនុម័ត" in reply


async def test_the_mini_apps_month_marks_the_awaiting_entry_and_sums_it_apart():
    class Rows:
        async def rows(self, chat_id, period):
            return rows()

        async def roster(self, chat_id):
            return None

    view = MonthView(Rows(), InMemoryCaptureState(), FakeClock(), timedelta(minutes=15), "[void] ")
    page = await view.page(-100, 7, "Sokha", False, DECEMBER, date(2026, 12, 4))
    user = WebAppUser(7, "Sokha", None, None, None, datetime.now(UTC))
    shown = page_json(page, user)
    assert [entry["awaiting"] for entry in shown["entries"]] == [False, True]  # a member sees their own
    assert shown["totals"]["USD"] == "153.00"
    assert shown["awaiting"]["USD"] == "240.00"
