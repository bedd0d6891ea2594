"""The answers to the new measures and to 'not sure', rendered in the language asked, from the rows."""

from decimal import Decimal

from balance_bot.domain.language import Language, Speech
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
