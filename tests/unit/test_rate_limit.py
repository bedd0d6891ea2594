"""Tests for each member's minute: over the limit an expense waits for its moment, never dropped."""

from datetime import UTC, datetime, timedelta

import pytest

from balance_bot.domain.member_minutes import MemberMinutes, RepeatedText

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)
CHAT, SOKHA, DARA = -100, 7, 8


def test_within_the_limit_every_expense_goes_now_and_then_one_a_minute_later():
    minutes = MemberMinutes(2)
    moments = [minutes.take(CHAT, SOKHA, n, f"tea {n}", NOW) for n in range(5)]
    assert moments == [
        NOW,
        NOW,
        NOW + timedelta(minutes=1),
        NOW + timedelta(minutes=1),
        NOW + timedelta(minutes=2),
    ]


def test_members_and_groups_have_minutes_of_their_own():
    minutes = MemberMinutes(1)
    assert minutes.take(CHAT, SOKHA, 1, "tea", NOW) == NOW
    assert minutes.take(CHAT, DARA, 2, "tea", NOW) == NOW
    assert minutes.take(-200, SOKHA, 3, "tea", NOW) == NOW


def test_a_repeat_over_the_limit_is_refused_and_takes_no_place():
    minutes = MemberMinutes(1)
    minutes.take(CHAT, SOKHA, 1, "Coffee 3$", NOW)
    with pytest.raises(RepeatedText):
        minutes.take(CHAT, SOKHA, 2, "coffee   3$", NOW)
    assert minutes.take(CHAT, SOKHA, 3, "ice 1$", NOW) == NOW + timedelta(minutes=1)


def test_a_place_given_back_is_free_again():
    minutes = MemberMinutes(1)
    minutes.take(CHAT, SOKHA, 1, "tea", NOW)
    minutes.give_back(CHAT, SOKHA, 1)
    assert minutes.take(CHAT, SOKHA, 2, "coffee", NOW) == NOW


def test_after_a_quiet_minute_the_member_starts_afresh():
    minutes = MemberMinutes(1)
    minutes.take(CHAT, SOKHA, 1, "tea", NOW)
    assert minutes.take(CHAT, SOKHA, 2, "tea", NOW + timedelta(seconds=61)) == NOW + timedelta(seconds=61)
