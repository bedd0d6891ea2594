"""Tests for the groups the bot serves: the operator's list, followed to a supergroup, and no ledger
(not even the default sheet) for any other group."""

import pytest

from balance_bot.domain.ledger import Period
from balance_bot.served_groups import GroupNotServed, ServedGroups, ServedLedgers
from tests.fakes.ledger import InMemoryLedger

TEAM, SUPERGROUP, STRANGERS = -1001, -1002001, -1009999


async def former_id(chat_id):
    return {SUPERGROUP: TEAM}.get(chat_id)


async def test_only_the_allowed_groups_and_their_supergroups_are_served_and_never_a_private_chat():
    served = ServedGroups(frozenset({TEAM}), former_id)
    assert await served.serves(TEAM)
    assert await served.serves(SUPERGROUP)  # the team's group, upgraded: it keeps its sheet
    assert not await served.serves(STRANGERS)
    assert not await served.serves(66)  # a private chat is no group's ledger


async def test_with_no_group_named_every_group_is_served_but_no_private_chat():
    served = ServedGroups(None)
    assert await served.serves(STRANGERS)
    assert not await served.serves(66)


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
