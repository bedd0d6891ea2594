"""Tests for the groups the bot serves: none until the operator allows it (ALLOWED_CHAT_IDS or /allow),
followed to a supergroup, and no ledger (not even the default sheet) for any other group."""

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.groups.served_groups import (
    AskingGroup,
    GroupAllowed,
    GroupNotServed,
    NotAGroup,
    OperatorsOnly,
    ServedGroups,
    ServedLedgers,
)
from tests.fakes.group_allowances import InMemoryGroupAllowances
from tests.fakes.ledger import InMemoryLedger

TEAM, SUPERGROUP, STRANGERS = -1001, -1002001, -1009999
OPERATOR = 99


async def former_id(chat_id):
    return {SUPERGROUP: TEAM}.get(chat_id)


async def test_only_the_allowed_groups_and_their_supergroups_are_served_and_never_a_private_chat():
    served = ServedGroups(frozenset({TEAM}), former_id)
    assert await served.serves(TEAM)
    assert await served.serves(SUPERGROUP)  # the team's group, upgraded: it keeps its sheet
    assert not await served.serves(STRANGERS)
    assert not await served.serves(66)  # a private chat is no group's ledger


async def test_with_no_group_named_no_group_is_served():
    served = ServedGroups(frozenset(), former_id, InMemoryGroupAllowances())
    assert not await served.serves(STRANGERS)
    assert not await served.serves(TEAM)
    assert not await served.any_served()


async def test_an_operator_allows_a_group_and_it_is_served_with_its_supergroup():
    allowances = InMemoryGroupAllowances()
    served = ServedGroups(frozenset(), former_id, allowances, operators=frozenset({OPERATOR}))
    assert await served.allow(str(TEAM), OPERATOR) == GroupAllowed(TEAM, before=False)
    assert await served.allow(f" {TEAM} ", OPERATOR) == GroupAllowed(TEAM, before=True)
    assert await served.serves(TEAM)
    assert await served.serves(SUPERGROUP)
    assert await ServedGroups(frozenset(), former_id, allowances).serves(TEAM)  # kept: after a restart
    assert allowances.allowed_by == {TEAM: OPERATOR}


@pytest.mark.parametrize("words", ["66", "-", "--1001", "-1001a", "-١٠٠١", "-12345678901234567", "team"])
async def test_only_a_groups_id_can_be_allowed(words):
    served = ServedGroups(frozenset(), former_id, InMemoryGroupAllowances(), operators=frozenset({OPERATOR}))
    assert isinstance(await served.allow(words, OPERATOR), NotAGroup)


async def test_nobody_but_an_operator_allows_a_group_or_sees_those_that_asked():
    allowances = InMemoryGroupAllowances()
    served = ServedGroups(frozenset(), former_id, allowances, operators=frozenset({OPERATOR}))
    assert await served.turn_away(STRANGERS, "Strangers")
    assert await served.allow(str(STRANGERS), 66) == OperatorsOnly()
    assert await served.asking(66) == OperatorsOnly()
    assert not await served.serves(STRANGERS)
    assert await ServedGroups(frozenset(), former_id, allowances).allow(str(STRANGERS), 66) == OperatorsOnly()


async def test_a_group_not_served_is_told_once_and_offered_to_the_operator_until_allowed():
    allowances = InMemoryGroupAllowances()
    served = ServedGroups(frozenset(), former_id, allowances, operators=frozenset({OPERATOR}))
    assert await served.turn_away(STRANGERS, "Strangers")
    assert not await served.turn_away(STRANGERS, "Strangers")
    assert await served.turn_away(TEAM, "Team")
    assert await served.asking(OPERATOR) == [AskingGroup(TEAM, "Team"), AskingGroup(STRANGERS, "Strangers")]
    await served.allow(str(TEAM), OPERATOR)
    assert await served.asking(OPERATOR) == [AskingGroup(STRANGERS, "Strangers")]


async def test_a_group_not_served_has_no_ledger_even_where_every_group_shares_one():
    ledger = InMemoryLedger()  # like BALANCE_SHEET_ID or the one workbook: every chat's fallback
    ledgers = ServedLedgers(ledger, ServedGroups(frozenset({TEAM}), former_id))
    assert await ledgers.is_connected(TEAM)
    assert not await ledgers.is_connected(STRANGERS)
    assert await ledgers.for_chat(TEAM).read(Period(2026, 12)) == []
    for use in ("read", "identity"):
        store = ledgers.for_chat(STRANGERS)
        with pytest.raises(GroupNotServed):
            await (store.read(Period(2026, 12)) if use == "read" else store.identity())
