"""Issue 32: questions asked as members ask them (half Khmer) over a seeded month, scored with the
figures computed from the rows: right, unsure, or confidently wrong (the figure that must never be).

    python -m bench.questions [MONTH.json QUESTIONS.jsonl]   (default: tests/corpus/ask/)
"""

from __future__ import annotations

import asyncio
import json
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from tests.fakes.clock import FakeClock

from balance_bot.balances.service import Balance
from balance_bot.domain.balances import CURRENCIES, ZERO, CurrencyBalance, PeriodBalance, month_figures
from balance_bot.domain.categories import CategoryBook, default_category_book
from balance_bot.domain.language import Language, Speech
from balance_bot.domain.ledger import Period, SheetRow
from balance_bot.domain.money import Currency
from balance_bot.domain.questions import Measure
from balance_bot.domain.roster import Roster
from balance_bot.questions.ask import (
    Answered,
    AskLedger,
    AskOutcome,
    AskPolicy,
    BudgetAnswer,
    CannotAnswer,
    CashAnswer,
    MembersMay,
    MonthsNotKept,
    NoMoneyIn,
    NotSure,
)
from infrastructure.categories.tab import load_categories_csv
from infrastructure.sheets.template import load_template
from infrastructure.telegram.ask_replies import AskReplies
from infrastructure.telegram.replies import Replies

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "corpus" / "ask"
CHAT = -1001
KHR_PER_USD = Decimal(4000)
MEASURES = {
    # A list's reply opens with the total of its entries, then shows them: "what did we spend on the
    # 8th", "ចាយអីខ្លះ អស់ប៉ុន្មាន" ask both, and a list holds the total asked.
    "total": {Measure.TOTAL, Measure.LIST},
    "count": {Measure.COUNT},
    "largest": {Measure.LARGEST},
    "smallest": {Measure.SMALLEST},
    "average_per_day": {Measure.AVERAGE},
    "average_per_item": {Measure.AVERAGE_EACH},
    "top_member": {Measure.BY_MEMBER},
    "share": {Measure.SHARE},
    "list": {Measure.LIST},
    "nothing": {Measure.TOTAL, Measure.COUNT, Measure.LIST},  # any of them, holding no entry
    "cash": set(),  # the cash's balance (CashAnswer): scored apart, from no rows
}


@dataclass(frozen=True, slots=True)
class Scored:
    """One question's verdict: right, unsure (said so) or wrong (a confident wrong figure)."""

    question: dict[str, Any]
    verdict: str
    why: str = ""


class SeededMonth:
    """The month's rows as the ledger holds them, each the poster's by user id, and the roster."""

    def __init__(self, rows: Sequence[SheetRow], roster: Roster) -> None:
        self._rows = rows
        self._roster = roster

    async def roster(self, chat_id: int) -> Roster:
        return self._roster

    async def rows(self, chat_id: int, period: Period) -> list[SheetRow]:
        return [row for row in self._rows if Period.of(row.day) == period]

    async def rows_of(self, chat_id: int, periods: Sequence[Period]) -> list[SheetRow]:
        return [row for period in periods for row in await self.rows(chat_id, period)]

    async def months_kept(self, chat_id: int, periods: Sequence[Period]) -> set[Period]:
        return {Period.of(row.day) for row in self._rows} & set(periods)

    async def balance_named(self, chat_id: int, words: str) -> Balance:
        """This month's balance as the bot keeps it from the worksheet: no opening and no top-up, as
        the seeded rows are expenses only."""
        period = Period.of(max(row.day for row in self._rows))
        figures = month_figures(await self.rows(chat_id, period), load_template().void_prefix)
        topups, spent = figures.topups, figures.spent
        sums = {
            currency: CurrencyBalance(ZERO, topups.get(currency, ZERO), spent.get(currency, ZERO))
            for currency in CURRENCIES
        }
        return Balance(PeriodBalance(period, sums, figures), current=True)


class DefaultCategories:
    """The categories a new group starts with (the shipped Categories tab)."""

    def __init__(self) -> None:
        self._book = default_category_book(load_categories_csv())

    async def book(self, chat_id: int) -> CategoryBook:
        return self._book


def seeded(month: Sequence[dict[str, Any]]) -> tuple[list[SheetRow], Roster]:
    """The rows, each carrying its poster's user id in Reference as the bot writes it."""
    names = sorted({entry["member"] for entry in month})
    ids = {name: 100 + index for index, name in enumerate(names)}
    rows = [
        SheetRow(
            entry["no"],
            date.fromisoformat(entry["date"]),
            entry["item"],
            Decimal(entry["usd"]) if entry.get("usd") else None,
            Decimal(entry["khr"]) if entry.get("khr") else None,
            entry["member"],
            f"tg:{CHAT}:{entry['no']}:0:u{ids[entry['member']]}",
        )
        for entry in month
    ]
    return rows, Roster.of((number, name) for name, number in ids.items())


def verdict(question: dict[str, Any], outcome: AskOutcome, rows: Sequence[SheetRow] = ()) -> Scored:
    """Right when the measure and the rows it counts are those expected; unsure when it said so. A
    budget's answer is right when it names the category asked about and what its rows add up to; a
    largest or smallest one, when a `first` row is expected, when it names that row first. A largest or
    smallest question written with its one answer row as `rows` and no `first` ('our biggest expense
    this month': the engine's repair) is right when the reply names that row first over the rows it
    read for the days and subject asked (it lists the top rows, the answer first); unsure when that
    row is one it said it was not sure of; wrong otherwise."""
    expected = question["measure"]
    if expected == "cash":  # the cash left, which the bot keeps from its top-ups, not from these rows
        said = "right" if isinstance(outcome, CashAnswer) else "wrong"
        return Scored(question, said, type(outcome).__name__)
    if isinstance(outcome, NotSure | CannotAnswer | MonthsNotKept | NoMoneyIn):
        return Scored(question, "right" if expected == "unsure" else "unsure")
    if expected == "unsure" and isinstance(outcome, BudgetAnswer) and not _any_budget(outcome):
        return Scored(question, "right")  # "Fuel has no budget": no figure of a budget given
    if expected == "unsure":
        return Scored(question, "wrong", f"answered {type(outcome).__name__} where no answer holds")
    if expected == "budget":
        return _budget_verdict(question, outcome, rows)
    if not isinstance(outcome, Answered):
        return Scored(question, "wrong", type(outcome).__name__)
    if outcome.question.measure not in MEASURES[expected] and not _a_members_spending(question, outcome):
        return Scored(question, "wrong", f"read as {outcome.question.measure.value}")
    if expected in ("largest", "smallest") and len(question["rows"]) == 1 and "first" not in question:
        return _one_named_first(question, outcome)
    numbers = sorted(entry.row.number for entry in outcome.found.entries)
    if expected in ("largest", "smallest") and "first" not in question and _tied(question, outcome, numbers):
        return Scored(question, "right")
    if expected == "top_member" and _the_winners_rows(question, outcome):
        return Scored(question, "right")
    doubtful = {entry.row.number for entry in outcome.found.doubtful}
    if (
        numbers != sorted(question["rows"])
        and set(numbers) <= set(question["rows"]) <= set(numbers) | doubtful
    ):
        return Scored(question, "unsure", f"rows {numbers}, not sure of {sorted(doubtful)}")  # it said which
    if numbers != sorted(question["rows"]):
        return Scored(question, "wrong", f"rows {numbers}")
    if "first" in question and (named := _named_first(outcome)) != question["first"]:
        return Scored(question, "wrong", f"named row {named} first")
    if expected == "share" and outcome.whole is not None:
        whole = sorted(entry.row.number for entry in outcome.whole.entries)
        if whole != sorted(question.get("of_rows") or []):
            return Scored(question, "wrong", f"of rows {whole}")
    return Scored(question, "right")


def _a_members_spending(question: dict[str, Any], outcome: Answered) -> bool:
    """Whether a 'share' written with no whole it is a share of ('how much did I spend this month',
    'ខ្ញុំចាយអស់ប៉ុន្មានហើយ': one member's spending) is answered with that member's total or list."""
    return (
        question["measure"] == "share"
        and "of_rows" not in question
        and outcome.member is not None
        and outcome.question.measure in MEASURES["total"]
    )


def _the_winners_rows(question: dict[str, Any], outcome: Answered) -> bool:
    """Whether a 'who spent the most' question written with the winner's own rows, not every row
    compared ('= Pisey: rows 13, 14, 24'), is answered over a selection whose top member has exactly
    those rows, riel counted at the rate."""
    totals: dict[str, Decimal] = {}
    rows_of: dict[str, set[int | None]] = {}
    for entry in outcome.found.entries:
        dollars = entry.amount / (KHR_PER_USD if entry.currency is Currency.KHR else 1)
        totals[entry.row.member] = totals.get(entry.row.member, Decimal(0)) + dollars
        rows_of.setdefault(entry.row.member, set()).add(entry.row.number)
    if not totals:
        return False
    winner = max(totals, key=lambda member: totals[member])
    return rows_of[winner] == set(question["rows"])


def _tied(question: dict[str, Any], outcome: Answered, numbers: list[int]) -> bool:
    """Whether a largest or smallest question written with the rows that tie for the answer ('three
    ice entries of 5,000 riel tie') is answered over a selection holding them all, naming one of them
    first, all of the one amount."""
    wanted = set(question["rows"])
    if len(wanted) < 2 or not wanted < set(numbers) or _named_first(outcome) not in wanted:
        return False
    amounts = {
        entry.row.number: entry.amount * (KHR_PER_USD if entry.currency is Currency.USD else 1)
        for entry in outcome.found.entries
    }
    return len({amounts[number] for number in wanted}) == 1


def _one_named_first(question: dict[str, Any], outcome: Answered) -> Scored:
    """A largest or smallest answer's verdict where only the one row it should name first is written."""
    (wanted,) = question["rows"]
    named = _named_first(outcome)
    if named == wanted:
        return Scored(question, "right")
    if wanted in {entry.row.number for entry in outcome.found.doubtful}:
        return Scored(question, "unsure", f"named row {named} first, not sure of row {wanted}")
    return Scored(question, "wrong", f"named row {named} first")


def _named_first(outcome: Answered) -> int | None:
    """The row a largest or smallest answer names first: the one it says is the dearest or cheapest."""
    if outcome.question.measure is Measure.SMALLEST:
        named = outcome.found.smallest(KHR_PER_USD, 1)
    else:
        named = outcome.found.largest(KHR_PER_USD, 1)
    return named[0].row.number if named else None


def _any_budget(answer: BudgetAnswer) -> bool:
    return any(category.budget_usd or category.budget_khr for category, _ in answer.spent)


def _budget_verdict(question: dict[str, Any], outcome: AskOutcome, rows: Sequence[SheetRow]) -> Scored:
    if not isinstance(outcome, BudgetAnswer) or outcome.asked is None:
        return Scored(question, "wrong", f"{type(outcome).__name__}, not the budget of one category")
    if outcome.asked.name != question["category"]:
        return Scored(question, "wrong", f"the budget of {outcome.asked.name}")
    expected = dict.fromkeys(CURRENCIES, ZERO)
    for row in rows:
        if Period.of(row.day) == outcome.period and row.number in question["rows"]:
            expected[Currency.USD] += row.usd or ZERO
            expected[Currency.KHR] += row.khr or ZERO
    spent = dict(outcome.spent[0][1]) if outcome.spent else {}
    if any(spent.get(currency, ZERO) != expected[currency] for currency in CURRENCIES):
        return Scored(question, "wrong", f"spent {spent}")
    return Scored(question, "right")


async def score(month: Sequence[dict[str, Any]], questions: Sequence[dict[str, Any]]) -> list[Scored]:
    """Each question asked of the month on its last day (the questions' today), by its asker."""
    rows, roster = seeded(month)
    today = max(row.day for row in rows)
    ledger = SeededMonth(rows, roster)
    policy = AskPolicy(MembersMay.ALL, load_template().void_prefix, lambda: today)
    clock = FakeClock(datetime.combine(today, datetime.min.time(), UTC))
    ask = AskLedger(ledger, clock, policy, DefaultCategories())  # type: ignore[arg-type]
    renderers = {language.value: AskReplies(Replies(Speech(language)), KHR_PER_USD) for language in Language}

    async def admin() -> bool:
        return True

    scored = []
    for question in questions:
        asker = roster.id_named(question["asker"]) or 0
        text = re.sub(r"^/ask(?:@\w+)?", "", question["text"]).strip()  # as Telegram gives a command's words
        outcome = await ask.ask(CHAT, asker, question["asker"], admin, text)
        renderers.get(question.get("lang", "en"), renderers["en"]).answer(outcome)  # renders, or raises
        scored.append(verdict(question, outcome, rows))
    return scored


def report(
    month_path: Path = CORPUS / "month.json", questions_path: Path = CORPUS / "questions.jsonl"
) -> str:
    """Right, unsure and confidently wrong, with each question that was not right."""
    month = json.loads(month_path.read_text(encoding="utf-8"))
    questions = [json.loads(line) for line in questions_path.read_text(encoding="utf-8").splitlines() if line]
    scored = asyncio.run(score(month, questions))
    counts = Counter(entry.verdict for entry in scored)
    khmer = [entry for entry in scored if entry.question.get("lang") == "km"]
    lines = [
        f"questions ({questions_path.parent.name}/{questions_path.name}, {len(scored)}, {len(khmer)} Khmer): "
        f"right {counts['right']} ({100 * counts['right'] / len(scored):.0f}%), unsure {counts['unsure']}, "
        f"confidently wrong {counts['wrong']}   goal: >= 90% right, 0 confidently wrong",
    ]
    for entry in scored:
        if entry.verdict != "right":
            lines.append(f"  {entry.verdict:6} {entry.question['id']} {entry.question['text']!r} {entry.why}")
    return "\n".join(lines)


# The months and questions written fresh for the bench, from a description of the users: an office's,
# a music school's, an NGO's, a coffee shop's, a construction site crew's, a guesthouse's (last month
# and this), a clinic's and a restaurant kitchen's.
SETS = (
    (CORPUS / "month.json", CORPUS / "questions.jsonl"),
    (CORPUS / "school-month.json", CORPUS / "school-questions.jsonl"),
    (CORPUS / "ngo-month.json", CORPUS / "ngo-questions.jsonl"),
    (CORPUS / "shop-month.json", CORPUS / "shop-questions.jsonl"),
    (CORPUS / "site-month.json", CORPUS / "site-questions.jsonl"),
    (CORPUS / "guesthouse-month.json", CORPUS / "guesthouse-questions.jsonl"),
    # Written fresh this session (45) by a helper who read no code: a music school's March, half Khmer.
    (CORPUS / "music-month.json", CORPUS / "music-questions.jsonl"),
    # Written fresh this session (45) by a helper who read no code: a rural health clinic's August, half
    # Khmer, with near words (cooking gas, the vaccine's ice, masking tape, the water filter); its last
    # 10 questions by the helper who changed the reader. Test id "clinic" in
    # tests/unit/test_fresh_questions.py.
    (CORPUS / "clinic-month.json", CORPUS / "clinic-questions.jsonl"),
    # Written fresh (50) by a helper who read no code: a restaurant kitchen's late May and June, half
    # Khmer, with compounds of a known word (ទឹកស៊ីអ៊ីវ, ទឹកដោះគោ), 'gas' for a moto and for the stove,
    # and general words ('meat'). Test id "kitchen" in tests/unit/test_fresh_questions.py.
    (CORPUS / "kitchen-month.json", CORPUS / "kitchen-questions.jsonl"),
    # Written fresh by a helper who read no code: a tailor's workshop's, a school canteen's and a
    # garage's months, half Khmer, on teams whose vocabulary the reader had not seen (thread and
    # អំបោះ, ក្រណាត់, romanised 'sang moto', cargo and compounds: 'tuk tuk bring rice', 'rice
    # noodle'). Test ids "tailor", "canteen", "garage" in tests/unit/test_fresh_questions.py.
    (CORPUS / "tailor-month.json", CORPUS / "tailor-questions.jsonl"),
    (CORPUS / "canteen-month.json", CORPUS / "canteen-questions.jsonl"),
    (CORPUS / "garage-month.json", CORPUS / "garage-questions.jsonl"),
    # Written fresh by helpers who read no code: a fishing crew's month (romanised Khmer rows, 'tek kork'
    # for ice; a share of a thing's money; the cash box with no money put in), a print shop's and a
    # rice cooperative's. Test ids "fishing", "print shop", "rice cooperative" in
    # tests/unit/test_fresh_questions.py, which holds the last two at their figures until they reach
    # the goal (NOT_YET).
    (CORPUS / "fishing-month.json", CORPUS / "fishing-questions.jsonl"),
    (CORPUS / "printshop-month.json", CORPUS / "printshop-questions.jsonl"),
    (CORPUS / "ricecoop-month.json", CORPUS / "ricecoop-questions.jsonl"),
    # Written by the helper who taught the reader the measures as members phrase them (48): a bakery's
    # June, counts by the thing counted ('how many receipts has Dara put in', ប៉ុន្មានវិក្កយបត្រ), the
    # largest and smallest of one purchase, averages a day and of one meal or trip (មួយពេល, ម្ដងៗ),
    # whose the most, a member's own or the asker's, some in romanised Khmer ('khe nis ... ponman dong');
    # rice beside ice, cooking oil beside engine oil. Test id "bakery".
    (CORPUS / "bakery-month.json", CORPUS / "bakery-questions.jsonl"),
    # Written fresh (48) by a helper who read no code: a bakery's March and an NGO's September, a member's
    # own spending written as a 'share', ties for the smallest, romanised Khmer. Test ids "bakery march",
    # "ngo september" in tests/unit/test_fresh_questions.py, held at their figures (NOT_YET).
    (CORPUS / "bakery-march-month.json", CORPUS / "bakery-march-questions.jsonl"),
    (CORPUS / "ngo-september-month.json", CORPUS / "ngo-september-questions.jsonl"),
)


def reports() -> str:
    """Every set's figures."""
    return "\n".join(report(month, questions) for month, questions in SETS)


if __name__ == "__main__":
    print(report(*(Path(argument) for argument in sys.argv[1:3])) if sys.argv[1:] else reports())
