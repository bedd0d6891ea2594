"""Each expense line's category, chosen from the group's book and what was learned for its words."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from balance_bot.domain.categories import CategoryBook, DecidedBy
from balance_bot.domain.category_names import purpose_key
from balance_bot.domain.ledger import LedgerLine


def all_categorised(lines: Sequence[LedgerLine]) -> bool:
    """Whether no line needs a category: a top-up has none, a line that has one keeps it."""
    return all(not line.spending or line.category for line in lines)


def categories_decided(
    lines: Sequence[LedgerLine], book: CategoryBook, learned: Mapping[str, str]
) -> tuple[dict[str, str], list[str]]:
    """The category of each purpose the lines need one for (Other where the words decide nothing), and
    the purposes no words decided, which a model may be asked about."""
    decided = {
        line.purpose: book.categorise(line.purpose, learned)
        for line in lines
        if line.spending and not line.category
    }
    undecided = [
        purpose
        for purpose, decision in decided.items()
        if decision.decided_by is DecidedBy.NOTHING and purpose_key(purpose)
    ]
    return {purpose: decision.name for purpose, decision in decided.items()}, undecided


def with_categories(lines: Sequence[LedgerLine], names: Mapping[str, str]) -> list[LedgerLine]:
    """The lines with the categories chosen for their purposes."""
    return [
        line if not line.spending or line.category else replace(line, category=names[line.purpose])
        for line in lines
    ]
