"""The answers to the new measures and to 'not sure', rendered in the language asked, from the rows."""

from dataclasses import replace
from datetime import date
from decimal import Decimal

from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import SheetRow
from balance_bot.domain.ledger_answers import Entry, Found
from balance_bot.domain.money import Currency
from balance_bot.domain.question_days import Span
from balance_bot.domain.questions import LedgerQuestion, Measure
from balance_bot.questions.ask import Answered
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.replies import Replies
from tests.unit.test_ask import admin, ledger


def rendered(outcome, language=Language.ENGLISH):
    return AskReplies(Replies(Speech(language)), Decimal(4000)).answer(outcome)


async def test_a_share_the_smallest_and_the_average_of_one_purchase_are_said_with_the_rows_figures():
    ask = ledger()
    share = rendered(await ask.ask(-1, 7, "Sokha", admin, "what % of this month's spending was generator"))
    # $55.50 of $55.50 + 5,000៛ ($1.25 at 4,000៛): 97.8%
    assert share == (
        "Spent on “generator” in November 2026: $55.50 in 2 expenses, "
        "97.8% (of all spending: $55.50 + 5,000៛)."
    )
    smallest = rendered(await ask.ask(-1, 7, "Sokha", admin, "cheapest generator expense this month"))
    assert smallest.splitlines()[1].startswith("• No 1, Tue 3 Nov: generator fuel – $20.00")
    each = rendered(await ask.ask(-1, 7, "Sokha", admin, "average cost per generator expense this month"))
    assert each.endswith("$55.50 in 2 expenses, $27.75 each on average.")


async def test_not_sure_says_what_was_understood_and_which_words_were_not_in_either_language():
    ask = ledger()
    english = rendered(await ask.ask(-1, 7, "Sokha", admin, "how much on the piano this month?"))
    assert english.startswith("I'm not sure: no expense here says “piano”")
    assert "I understood: spent in November 2026." in english
    khmer = rendered(await ask.ask(-1, 7, "Sokha", admin, "ខែនេះទិញព្យាណូអស់ប៉ុន្មាន"), Language.KHMER)
    assert khmer.startswith("ខ្ញុំមិនច្បាស់ទេ៖ គ្មានចំណាយណានៅទីនេះនិយាយពី “ព្យាណូ”")


def test_rows_set_aside_as_doubtful_are_listed_after_the_answer_in_the_language_asked():
    month = Span(date(2026, 11, 1), date(2026, 11, 30))
    taxi = SheetRow(3, date(2026, 11, 5), "taxi", Decimal(6), None, "Sokha", "tg:-1:3:0")
    truck = SheetRow(6, date(2026, 11, 8), "engine oil truck", Decimal(11), None, "Dara", "tg:-1:6:0")
    found = Found(
        (Entry(taxi, Currency.USD, Decimal(6)),), {Currency.USD: Decimal(6), Currency.KHR: Decimal(0)}
    )
    found = replace(found, doubtful=(Entry(truck, Currency.USD, Decimal(11)),))
    answered = Answered(LedgerQuestion(Measure.TOTAL, month, category="Transport"), found, None)
    assert rendered(answered).splitlines() == [
        "Spent on Transport in November 2026: $6.00 in 1 expense.",
        "Not counted, as I'm not sure they are Transport (their words name another category too):",
        "• No 6, Sun 8 Nov: engine oil truck – $11.00 (Dara)",
    ]
    khmer = AskReplies(Replies(Speech(Language.KHMER)), Decimal(4000)).answer(
        answered, {"Transport": "ការធ្វើដំណើរ"}
    )
    assert "មិនបានរាប់ទេ ព្រោះខ្ញុំមិនច្បាស់ថាជា ការធ្វើដំណើរ ឬអត់" in khmer


def test_rows_that_may_say_the_words_in_the_other_language_are_listed_as_such():
    month = Span(date(2026, 11, 1), date(2026, 11, 30))
    patch = SheetRow(1, date(2026, 11, 5), "ប៉ះកង់", None, Decimal(5000), "Sokha", "tg:-1:1:0")
    puncture = SheetRow(2, date(2026, 11, 8), "puncture", None, Decimal(8000), "Dara", "tg:-1:2:0")
    totals = {Currency.USD: Decimal(0), Currency.KHR: Decimal(5000)}
    found = Found(
        (Entry(patch, Currency.KHR, Decimal(5000)),), totals, (Entry(puncture, Currency.KHR, Decimal(8000)),)
    )
    answered = Answered(LedgerQuestion(Measure.TOTAL, month, words=("ប៉ះកង់",)), found, None)
    assert rendered(answered, Language.KHMER).splitlines()[1:] == [
        "មិនបានរាប់ទេ ព្រោះខ្ញុំមិនច្បាស់ថាវាជា “ប៉ះកង់” ឬអត់៖",
        "• លេខ 2, ថ្ងៃអាទិត្យ 8 វិច្ឆិកា៖ puncture – 8,000៛ (Dara)",
    ]


def test_nothing_counted_beside_rows_set_aside_is_nothing_it_is_sure_of():
    month = Span(date(2026, 11, 1), date(2026, 11, 30))
    oil = SheetRow(6, date(2026, 11, 8), "engine oil truck", Decimal(11), None, "Dara", "tg:-1:6:0")
    found = Found(
        (), {Currency.USD: Decimal(0), Currency.KHR: Decimal(0)}, (Entry(oil, Currency.USD, Decimal(11)),)
    )
    answered = Answered(LedgerQuestion(Measure.TOTAL, month, words=("oil",)), found, None)
    assert rendered(answered).splitlines() == [
        "Spent on “oil” in November 2026: nothing I'm sure of.",
        "Not counted, as I'm not sure they are “oil”:",
        "• No 6, Sun 8 Nov: engine oil truck – $11.00 (Dara)",
    ]


async def test_the_largest_of_one_currencys_entries_names_that_currency_and_lists_only_its_entries():
    ask = ledger()
    english = rendered(await ask.ask(-1, 7, "Sokha", admin, "biggest riel expense this month"))
    assert english.splitlines()[0].startswith("The largest (spent in riel)")
    assert all("៛" in line for line in english.splitlines()[1:])
    khmer = rendered(await ask.ask(-1, 7, "Sokha", admin, "ខែនេះ ចាយជាលុយរៀល លើកណាធំជាងគេ"), Language.KHMER)
    assert "ជាលុយរៀល" in khmer.splitlines()[0]
