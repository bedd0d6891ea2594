"""A model's choice of read tool, held to what the bot knows: a question, or None where it strays."""

from __future__ import annotations

from datetime import date

from balance_bot.domain.ledger import Period
from balance_bot.domain.question_days import Span, month_span
from balance_bot.domain.questions import LedgerQuestion, Measure
from balance_bot.ports import ToolChoice

TOOLS = {"sum": Measure.TOTAL, "count": Measure.COUNT, "list": Measure.LIST, "balance": Measure.BALANCE}
OLDEST_DAYS_ASKED = 3 * 366


def checked_choice(
    choice: ToolChoice, today: date, members: list[str], categories: list[str]
) -> LedgerQuestion | None:
    """A model's tool call as a question, or None when any argument is outside what the bot knows:
    a tool it has not, a day that is no ISO date or lies ahead, a member or category it has not seen."""
    measure = TOOLS.get(choice.tool)
    if measure is None:
        return None
    if measure is Measure.TOTAL and choice.by is not None:
        measure = {"member": Measure.BY_MEMBER, "category": Measure.BY_CATEGORY}.get(choice.by)
        if measure is None:
            return None
    span = _span_chosen(choice, today)
    if span is None:
        return None
    about_me = (choice.member or "").strip().casefold() in ("me", "i", "myself")
    member = None
    if choice.member and not about_me:
        member = next((name for name in members if name.casefold() == choice.member.strip().casefold()), None)
        if member is None:
            return None
    category = None
    if choice.category:
        category = next(
            (name for name in categories if name.casefold() == choice.category.strip().casefold()), None
        )
        if category is None:
            return None
    words = " ".join((choice.words or "").casefold().split()[:5])
    return LedgerQuestion(measure, span, member, about_me, (words,) if words else (), category)


def _span_chosen(choice: ToolChoice, today: date) -> Span | None:
    """The days a tool call names: this month when it names none, as a question naming none means."""
    if not choice.first and not choice.last:
        return month_span(Period.of(today))
    try:
        first = date.fromisoformat(choice.first) if choice.first else Period.of(today).first_day()
        last = date.fromisoformat(choice.last) if choice.last else today
    except ValueError:
        return None
    if first > last or last > today or (today - first).days > OLDEST_DAYS_ASKED:
        return None
    return Span(first, last)
