"""Tests for the monthly rounds: each tick takes its share of the groups, every group once a round."""

from decimal import Decimal

from balance_bot.balances.monthly_rounds import TICK_SECONDS
from infrastructure.telegram.jobs import MonthlyRounds
from tests.fakes.chat_languages import english_by_default


class RecordingBalances:
    """The balances the rounds need: the groups known, and a round that closes nothing."""

    def __init__(self, groups):
        self._groups, self.rounds = groups, []

    async def groups(self):
        return list(self._groups)

    async def month_round(self, chat_id):
        self.rounds.append(chat_id)


class Context:
    bot = None


async def test_each_tick_takes_the_next_share_so_every_group_has_one_round_per_interval():
    balances = RecordingBalances(range(-1, -11, -1))  # ten groups
    rounds = MonthlyRounds(balances, Decimal(4000), english_by_default(), round_seconds=5 * TICK_SECONDS)
    for _ in range(5):
        await rounds.tick(Context())
    assert sorted(balances.rounds) == sorted(range(-1, -11, -1))  # two a tick, each once
    await rounds.tick(Context())
    assert balances.rounds[-2:] == [-1, -2]  # and round again from the first


async def test_a_round_shorter_than_a_tick_takes_every_group_each_tick():
    balances = RecordingBalances([-1, -2, -3])
    await MonthlyRounds(balances, Decimal(4000), english_by_default(), round_seconds=30).tick(Context())
    assert balances.rounds == [-1, -2, -3]


async def test_fewer_groups_than_ticks_in_a_round_are_each_read_once_a_round_not_every_few_ticks():
    balances = RecordingBalances([-1, -2, -3])
    rounds = MonthlyRounds(balances, Decimal(4000), english_by_default(), round_seconds=30 * TICK_SECONDS)
    for _ in range(60):  # two rounds
        await rounds.tick(Context())
    assert sorted(balances.rounds) == sorted([-1, -2, -3] * 2)
