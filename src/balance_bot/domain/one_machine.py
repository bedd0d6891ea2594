"""The team's one machine of a fuel: where a month's rows of a fuel that name a machine all name one
('diesel Hilux', 'ហ្គាស ១ធុង (ឡដុតនំ)'), a row of that fuel naming none ('diesel', 'ហ្គាស ១ធុង') is
that machine's, as a bookkeeper reads it; where they name two (a moto's fuel and a generator's),
which one it was is unsure."""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from balance_bot.domain.categories import JOINING_WORD
from balance_bot.domain.item_words import terms, unnamed_words

# What machines run on, bought for one of them.
_FUELS = frozenset(("#fuel", "#diesel", "#cooking_gas", "#engine_oil"))
# The machines a team runs on a fuel.
_MACHINES = frozenset((
    "#motorbike", "#car", "#truck", "#bus", "#tuk_tuk", "#boat", "#generator", "#tractor", "#oven",
))  # fmt: skip


def the_machines(items: Iterable[str]) -> dict[str, frozenset[str]]:
    """Each fuel the items name, with the machines the items that name it name beside it."""
    named: dict[str, set[str]] = {}
    for item in items:
        held = set(terms(item, corrected=True))
        for fuel in held & _FUELS:
            named.setdefault(fuel, set()).update(held & _MACHINES)
    return {fuel: frozenset(machines) for fuel, machines in named.items()}


def said_for_the_one_machine(item: str, subject: str, machines: Mapping[str, frozenset[str]]) -> bool:
    """Whether the item names the subject's fuel and no machine, the subject naming that fuel and one
    machine ('diesel for the car'), which is the one every row of the fuel naming a machine names.
    Before a joining word the item says no word the vocabulary does not know, which may be a
    machine's name ('diesel Honda' where Honda is unknown); what it was for after one is no machine
    ('gasoline for the outreach trip')."""
    wanted = {term for term in terms(subject, corrected=True) if term.startswith("#")}
    fuels, asked = wanted & _FUELS, wanted & _MACHINES
    if len(fuels) != 1 or len(asked) != 1 or wanted != fuels | asked:
        return False
    (fuel,) = fuels
    if machines.get(fuel) != frozenset(asked):
        return False
    held = set(terms(item, corrected=True, apart=True))
    before = JOINING_WORD.split(item.casefold(), maxsplit=1)[0]
    return fuel in held and not held & _MACHINES and not unnamed_words(before)
