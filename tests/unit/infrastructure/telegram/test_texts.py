from decimal import Decimal

from balance_bot.ports import MonthUsage, ProviderUsage
from infrastructure.llm.expense_parser_client import BudgetReached
from infrastructure.telegram import texts


def test_usage_of_a_quiet_month_says_so_rather_than_dividing_by_zero():
    report = MonthUsage("2026-12", (), 0, 0, Decimal(0), Decimal(5))
    assert texts.usage(report) == (
        "LLM use in December 2026\n"
        "Messages read: none counted yet\n"
        "No LLM calls this month.\n"
        "Paid calls: 0.0000 USD of the 5.00 USD monthly budget"
    )


def test_usage_lists_each_provider_with_what_it_did():
    ollama = ProviderUsage("ollama", 40, 2, 0, 36000, 1600, Decimal(0), 820)
    anthropic = ProviderUsage("anthropic", 8, 0, 8, 12000, 480, Decimal("0.0144"), 1400)
    report = MonthUsage("2026-11", (ollama, anthropic), 1234, 1186, Decimal("0.0144"), Decimal(5))
    lines = texts.usage(report).splitlines()
    assert lines[1] == "Messages read: 1,234; 96.1% decided without an LLM (1,186)"
    assert lines[2] == "• ollama: 40 calls, 2 failed, median 820 ms, 37,600 tokens"
    assert lines[3] == "• anthropic: 8 calls, 8 as fallback, median 1,400 ms, 12,480 tokens, 0.0144 USD"
    assert lines[4] == "Fallback rate: 8 of 48 calls (16.7%)"


def test_the_budget_notice_names_the_month_the_spend_and_the_setting():
    text = texts.budget_reached(BudgetReached("2026-11", Decimal("5.0012"), Decimal(5), -100))
    assert text.startswith("The LLM budget for November 2026 is spent: 5.00 USD of 5.00 USD.")
    assert "LLM_MONTHLY_BUDGET_USD" in text


def test_a_balance_the_sheet_cannot_give_says_why_without_talking_of_saving():
    from balance_bot.balances import BalanceUnavailable
    from balance_bot.ports import LedgerNotConnected, LedgerUnavailable

    unavailable = texts.balance_reply(BalanceUnavailable(LedgerUnavailable("503")), Decimal(4000))
    assert unavailable.startswith("Google Sheets is not answering right now, so I cannot tell the balance.")
    assert "save" not in texts.balance_reply(BalanceUnavailable(LedgerNotConnected("-1")), Decimal(4000))
