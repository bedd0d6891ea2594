"""Tests for the bot's texts: usage, notices, balances, confirmations and refusals."""

from datetime import UTC, date, datetime
from decimal import Decimal

from balance_bot.capture.outcomes import (
    DateRefusal,
    DateRefused,
    Dating,
    Held,
    Refusal,
    Refused,
    RepeatedTooOften,
    TooManyEntries,
)
from balance_bot.domain.expenses import ExpenseEntry
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period, SavedLine
from balance_bot.domain.money import AmountLimits, Currency, Money
from balance_bot.domain.numerals import OVERSIZED
from balance_bot.ports import MonthUsage, ProviderUsage, QueuedMessage, SavedMessage
from infrastructure.llm.cascade import BudgetReached
from infrastructure.telegram import texts
from infrastructure.telegram.group_replies import GroupReplies
from infrastructure.telegram.replies import ENGLISH, Replies

replies = Replies(ENGLISH)


def test_usage_of_a_quiet_month_says_so_rather_than_dividing_by_zero():
    report = MonthUsage("2026-12", (), 0, 0, Decimal(0), Decimal(5))
    assert GroupReplies(replies).usage(report) == (
        "LLM use in December 2026, all groups\n"
        "Messages read: none counted yet\n"
        "No LLM calls this month.\n"
        "Paid calls: 0.0000 USD of the 5.00 USD monthly budget"
    )


def test_usage_lists_each_provider_with_what_it_did():
    ollama = ProviderUsage("ollama", 40, 2, 0, 36000, 1600, Decimal(0), 820)
    anthropic = ProviderUsage("anthropic", 8, 0, 8, 12000, 480, Decimal("0.0144"), 1400)
    report = MonthUsage("2026-11", (ollama, anthropic), 1234, 1186, Decimal("0.0144"), Decimal(5))
    lines = GroupReplies(replies).usage(report).splitlines()
    assert lines[1] == "Messages read: 1,234; decided without an LLM: 1,186 (96.1%)"
    assert lines[2] == "• ollama: 40 calls, 2 failed, median 820 ms, 37,600 tokens"
    assert lines[3] == "• anthropic: 8 calls, 8 as fallback, median 1,400 ms, 12,480 tokens, 0.0144 USD"
    assert lines[4] == "Fallback rate: 8 of 48 calls (16.7%)"


def test_the_budget_notice_names_the_month_the_spend_and_the_setting():
    text = GroupReplies(replies).budget_reached(BudgetReached("2026-11", Decimal("5.0012"), Decimal(5), -100))
    assert text.startswith("The LLM budget for November 2026 is spent: 5.00 USD of 5.00 USD.")
    assert "LLM_MONTHLY_BUDGET_USD" in text


def test_a_balance_the_sheet_cannot_give_says_why_without_talking_of_saving():
    from balance_bot.balances.service import BalanceUnavailable
    from balance_bot.ports import LedgerNotConnected, LedgerUnavailable

    unavailable = replies.balance_reply(BalanceUnavailable(LedgerUnavailable("503")), Decimal(4000))
    assert unavailable.startswith("Google Sheets is not answering right now, so I cannot tell the balance.")
    assert "save" not in replies.balance_reply(BalanceUnavailable(LedgerNotConnected("-1")), Decimal(4000))


def saved_message(*days, worksheet="November 2026"):
    lines = tuple(
        SavedLine(
            LedgerLine(
                day, purpose, Money(Decimal(amount), Currency.USD), "Sokha", EntrySource(-1, 5, index)
            ),
            worksheet,
            index + 2,
            index + 1,
        )
        for index, (day, purpose, amount) in enumerate(days)
    )
    return SavedMessage(-1, 5, 7, datetime(2026, 12, 1, tzinfo=UTC), lines)


def test_a_confirmation_names_the_day_when_the_member_named_one():
    saved = saved_message((date(2026, 11, 21), "taxi", 5))
    assert replies.confirmation(saved, None, Dating(named=True)) == (
        "Logged for Sat 21 Nov: 5.00 USD – taxi. Saved as No 1 (November 2026)."
    )
    assert replies.confirmation(saved, None).startswith("Logged: 5.00 USD – taxi.")


def test_a_list_over_several_days_names_each_lines_day():
    saved = saved_message((date(2026, 11, 20), "taxi", 5), (date(2026, 11, 21), "lunch", 3))
    assert replies.confirmation(saved, None, Dating(named=True)).splitlines() == [
        "Logged 2 expenses (November 2026):",
        "• Fri 20 Nov: 5.00 USD – taxi — No 1",
        "• Sat 21 Nov: 3.00 USD – lunch — No 2",
    ]


def test_a_day_of_a_closed_month_is_explained_after_the_confirmation():
    saved = saved_message((date(2026, 11, 30), "ink", 12), worksheet="December 2026")
    text = replies.confirmation(saved, None, Dating(named=True, closed_month=Period(2026, 11)))
    assert (
        text.splitlines()[1]
        == "November 2026 is closed, so this went into December 2026's sheet with its own date."
    )


def test_each_date_refusal_says_the_day_and_what_to_do():
    refused = DateRefused(DateRefusal.TOO_OLD, date(2026, 10, 3), 31)
    assert replies.date_refusal(refused) == (
        "Sat 3 Oct 2026 is more than 31 days ago, so I did not save that. "
        "Please ask a bookkeeper to add it to the sheet."
    )
    assert replies.date_refusal(DateRefused(DateRefusal.NO_SUCH_DAY, None, 31, "31 November")).startswith(
        "There is no 31 November, so I did not save that."
    )
    assert all(texts.DATE_REFUSALS[reason] for reason in DateRefusal)


def test_this_months_balance_says_its_opening_may_still_change_while_last_month_is_open():
    from balance_bot.balances.service import Balance
    from balance_bot.domain.balances import balance_of, month_figures

    december = balance_of(Period(2026, 12), {}, month_figures([], "[void] "))
    text = replies.balance_reply(Balance(december, True, date(2026, 12, 3)), Decimal(4000))
    assert text.splitlines()[-1] == (
        "The opening may still change: November 2026 takes expenses posted late until Thu 3 Dec, "
        "then it closes."
    )


def test_last_months_balance_says_it_still_takes_late_expenses_while_it_is_open():
    from balance_bot.balances.service import Balance
    from balance_bot.domain.balances import balance_of, month_figures

    november = balance_of(Period(2026, 11), {}, month_figures([], "[void] "))
    text = replies.balance_reply(Balance(november, False, open_until=date(2026, 12, 3)), Decimal(4000))
    assert (
        text.splitlines()[-1]
        == "November 2026 still takes expenses posted late until Thu 3 Dec, then it closes."
    )


def test_a_list_over_the_most_entries_is_refused_with_the_most_allowed():
    text = replies.reply_for(TooManyEntries(50), "Sokha")
    assert text == (
        "That message lists more than 50 expenses, so I saved none of them. "
        "Please post them in messages of at most 50."
    )


def test_a_number_longer_than_any_expense_is_refused_without_repeating_it():
    entry = ExpenseEntry(Money(OVERSIZED, Currency.USD), "coffee")
    text = replies.reply_for(Refused(Refusal.OVER_LIMIT, entry, AmountLimits()), "Sokha")
    assert text is not None
    assert text.startswith("That amount is more than the 10,000.00 USD allowed for one expense")


def test_an_amount_of_any_size_is_written_without_raising():
    assert replies.amount(Money(Decimal("1e30"), Currency.KHR)) == "That amount"
    assert replies.amount(Money(Decimal("12345.5"), Currency.UNKNOWN)) == "12,345.50 UNKNOWN"


def test_a_negative_amount_is_refused_with_its_sign_and_how_to_take_an_entry_back():
    entry = ExpenseEntry(Money(Decimal(5), Currency.USD), "coffee")
    text = replies.reply_for(Refused(Refusal.NEGATIVE, entry, AmountLimits()), "Sokha")
    assert text is not None
    assert "−5.00 USD" in text
    assert "Undo" in text
    assert "/undo" in text


def test_money_coming_back_is_refused_saying_it_is_not_spending_and_what_to_do():
    entry = ExpenseEntry(Money(Decimal(5000), Currency.KHR), "ដកប្រាក់វិញ")
    text = replies.reply_for(Refused(Refusal.MONEY_BACK, entry, AmountLimits()), "Sokha")
    assert text is not None
    assert "not money spent" in text
    assert "5,000 KHR" in text
    assert "Undo" in text


def test_entries_are_named_by_their_no_and_a_row_without_one_by_its_sheet_row():
    saved = saved_message((date(2026, 11, 21), "taxi", 5))
    assert replies.undo_button(saved) == "Undo (No 1)"
    unnumbered = SavedLine(saved.lines[0].line, "November 2026", 7, 0)
    assert replies.entry_number(unnumbered) == "sheet row 7"


def test_a_held_expense_says_it_is_saved_and_when_it_goes_to_the_sheet():
    line = LedgerLine(
        date(2026, 12, 3), "tea", Money(Decimal(1), Currency.USD), "Sokha", EntrySource(-1, 5, 0)
    )
    queued = QueuedMessage(-1, 5, 7, datetime(2026, 12, 3, tzinfo=UTC), Period(2026, 12), (line,))
    text = replies.reply_for(Held(queued, 5, 40), "Sokha")
    assert text == (
        "Saved: 1.00 USD – tea. You posted more than 5 expenses in a minute, so it goes to the sheet "
        "in about 40 seconds."
    )
    assert "did not save this copy" in (replies.reply_for(RepeatedTooOften(5), "Sokha") or "")


def test_help_names_every_command_a_member_or_admin_can_use():
    for command, _ in texts.COMMANDS:
        if command != "help":  # the text /help answers with
            assert f"/{command}" in replies.help(), command


def test_balance_names_a_few_rows_without_a_date_it_can_read_and_counts_the_rest():
    from dataclasses import replace

    from balance_bot.balances.service import Balance
    from balance_bot.domain.balances import balance_of, month_figures
    from balance_bot.domain.language import Language, Speech
    from balance_bot.domain.ledger import SheetRow

    def undated(number, item="rent"):
        return SheetRow(number, None, item, Decimal(3), None, "", "")

    one = balance_of(Period(2026, 12), {}, month_figures([undated(14)], "[void] "))
    assert replies.balance_reply(Balance(one, True), Decimal(4000)).splitlines()[-1] == (
        "Row No 14 has no date I can read: it counts in the month's totals, but in no day's or week's."
    )
    rows = [undated(4), undated(None, " water "), *(undated(n) for n in range(7, 11))]
    many = balance_of(Period(2026, 12), {}, month_figures(rows, "[void] "))
    assert replies.balance_reply(Balance(many, True), Decimal(4000)).splitlines()[-1] == (
        "Rows No 4, “water”, No 7 and 3 more have no date I can read: they count in the month's totals, "
        "but in no day's or week's."
    )
    khmer = Replies(Speech(Language.KHMER, khmer_digits=True))
    assert khmer.balance_reply(Balance(many, True), Decimal(4000)).splitlines()[-1] == (
        "ជួរ លេខ ៤, “water”, លេខ ៧ និង ៣ ជួរទៀត មិនមានកាលបរិច្ឆេទដែលខ្ញុំអានបានទេ៖ "
        "វានៅតែរាប់ក្នុងសរុបប្រចាំខែ ប៉ុន្តែមិនរាប់ក្នុងថ្ងៃ ឬសប្តាហ៍ណាមួយទេ។"
    )
    dated = balance_of(Period(2026, 12), {}, month_figures([replace(undated(1), day=date(2026, 12, 3))], ""))
    assert "date I can read" not in replies.balance_reply(Balance(dated, True), Decimal(4000))
