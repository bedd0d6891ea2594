"""Tests for delivery: the outbox drained to the ledger in order, once each, through failures."""

import asyncio
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from decimal import Decimal

import pytest

from balance_bot.capture.delivery import Delivery, DeliveryPolicy, Landed, Waiting
from balance_bot.domain.ledger import EntrySource, LedgerLine, Period
from balance_bot.domain.money import Currency, Money
from balance_bot.ports import LedgerUnavailable, QueuedMessage
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.outbox import InMemoryOutbox

CHAT = -100
DECEMBER = Period(2026, 12)


@dataclass
class FlakyLedger(InMemoryLedger):
    """Fails the next appends; `land_then_fail` makes a failed append land anyway, as a lost answer does;
    `land_then_break` makes the next append land and then raise an error that is no ledger's (a bug on
    the way back, such as the bot's own database refusing the record of the rows)."""

    failures: int = 0
    land_then_fail: bool = False
    land_then_break: int = 0
    appends: list[int] = field(default_factory=list)
    gate: asyncio.Event | None = None
    flush_failures: int = 0
    save_gate: asyncio.Event | None = None
    flushes: int = 0

    async def flush(self):
        self.flushes += 1
        if self.save_gate is not None:
            await self.save_gate.wait()
        if self.flush_failures:
            self.flush_failures -= 1
            raise LedgerUnavailable("could not save the workbook: disk full")

    async def append(self, period, lines):
        self.appends.append(len(lines))
        if self.gate is not None:
            await self.gate.wait()
        if self.land_then_break:
            self.land_then_break -= 1
            await super().append(period, lines)
            raise RuntimeError("bad parameter or other API misuse")
        if self.failures:
            self.failures -= 1
            if self.land_then_fail:
                await super().append(period, lines)
            raise LedgerUnavailable("Google Sheets answered 503")
        return await super().append(period, lines)

    def numbers(self):
        return [(row.number, row.line.purpose) for row in self.sheets.get("December 2026", [])]


def queued(message_id, *purposes, clock=None, period=DECEMBER):
    lines = tuple(
        LedgerLine(
            date(2026, 12, 3),
            purpose,
            Money(Decimal(1), Currency.USD),
            "Sokha",
            EntrySource(CHAT, message_id, index),
        )
        for index, purpose in enumerate(purposes)
    )
    when = (clock or FakeClock()).now()
    return QueuedMessage(CHAT, message_id, 7, when, period, lines)


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def state():
    return InMemoryCaptureState()


@pytest.fixture
def outbox(state):
    return InMemoryOutbox(state)


@pytest.fixture
def ledger():
    return FlakyLedger()


@pytest.fixture
async def delivery(outbox, ledger, clock):
    delivery = Delivery(outbox, ledger, DeliveryPolicy(), sleep=clock.sleep)
    yield delivery
    await delivery.stop()


async def accept_and_wait(delivery, message, wait_seconds=5):
    """Accept a message and wait for its rows as a member's confirmation does."""
    landing = await delivery.accept(message)
    return await delivery.landed(landing, wait_seconds)


async def until_delivered(outbox):
    for _ in range(10_000):
        if not outbox.queued:
            return
        await asyncio.sleep(0.001)
    raise AssertionError(f"still waiting: {outbox.queued}")


async def test_a_message_lands_and_is_recorded_with_its_rows(delivery, ledger, state):
    outcome = await accept_and_wait(delivery, queued(1, "coffee", "ice"))
    assert isinstance(outcome, Landed)
    assert [line.number for line in outcome.message.lines] == [1, 2]
    assert outcome.link == "https://ledger.example/sheet"
    assert state.saved[(CHAT, 1)] == outcome.message


async def test_the_same_message_accepted_twice_is_written_once(delivery, ledger):
    await accept_and_wait(delivery, queued(1, "coffee"))
    assert await delivery.accept(queued(1, "coffee")) is None
    assert ledger.numbers() == [(1, "coffee")]


async def test_messages_arriving_during_a_write_go_out_together_in_the_next(delivery, ledger, outbox):
    ledger.gate = asyncio.Event()
    first = asyncio.create_task(accept_and_wait(delivery, queued(1, "coffee")))
    await asyncio.sleep(0.01)
    others = [asyncio.create_task(accept_and_wait(delivery, queued(n, f"item {n}"))) for n in (2, 3, 4)]
    await asyncio.sleep(0.01)
    ledger.gate.set()
    outcomes = await asyncio.gather(first, *others)
    assert all(isinstance(outcome, Landed) for outcome in outcomes)
    assert ledger.appends == [1, 3]
    assert [number for number, _ in ledger.numbers()] == [1, 2, 3, 4]


async def test_a_failing_ledger_keeps_messages_and_they_land_in_order_once_it_answers(
    delivery, ledger, outbox, clock
):
    ledger.failures = 6
    outcomes = [await accept_and_wait(delivery, queued(n, f"item {n}", clock=clock)) for n in range(1, 21)]
    assert all(isinstance(outcome, Waiting) for outcome in outcomes)
    assert isinstance(outcomes[-1].problem, LedgerUnavailable)
    await until_delivered(outbox)
    assert ledger.numbers() == [(n, f"item {n}") for n in range(1, 21)]
    retry_waits = [seconds for seconds in clock.slept if seconds >= 1]
    assert retry_waits == [2.0, 4.0, 8.0, 16.0, 32.0, 60.0]


async def test_a_write_whose_answer_was_lost_is_found_and_not_written_again(delivery, ledger, outbox):
    ledger.failures, ledger.land_then_fail = 1, True
    outcome = await accept_and_wait(delivery, queued(1, "coffee"))
    assert isinstance(outcome, Waiting)
    await accept_and_wait(delivery, queued(2, "tea"))
    await until_delivered(outbox)
    assert ledger.numbers() == [(1, "coffee"), (2, "tea")]


async def test_a_write_that_landed_and_then_broke_on_the_way_back_is_found_not_written_again(
    delivery, ledger, outbox, clock
):
    ledger.land_then_break = 1
    await delivery.accept(queued(1, "coffee"))
    await until_delivered(outbox)  # tried again without waiting for the group's next message
    await accept_and_wait(delivery, queued(2, "tea"))
    await until_delivered(outbox)
    assert ledger.numbers() == [(1, "coffee"), (2, "tea")]
    assert ledger.appends == [1, 1]
    assert [seconds for seconds in clock.slept if seconds >= 1] == [2.0]


async def test_after_a_restart_what_an_earlier_run_left_is_delivered_once(outbox, ledger, clock, state):
    await outbox.put(queued(1, "coffee"))
    await outbox.put(queued(2, "tea"))
    await ledger.append(DECEMBER, queued(1, "coffee").lines)  # the crash came after this append landed
    restarted = Delivery(outbox, ledger, sleep=clock.sleep)
    await restarted.resume()
    await until_delivered(outbox)
    await restarted.stop()
    assert ledger.numbers() == [(1, "coffee"), (2, "tea")]
    assert state.saved[(CHAT, 1)].lines[0].number == 1


async def test_settling_a_group_delivers_its_waiting_messages_now(delivery, ledger, outbox):
    ledger.failures = 1
    await accept_and_wait(delivery, queued(1, "coffee"))
    await delivery.settle(CHAT)
    assert outbox.queued == []
    assert ledger.numbers() == [(1, "coffee")]


async def test_settling_a_group_whose_ledger_fails_raises_the_ledger_error(delivery, ledger):
    ledger.failures = 5
    await accept_and_wait(delivery, queued(1, "coffee"))
    with pytest.raises(LedgerUnavailable):
        await delivery.settle(CHAT)


async def test_a_group_with_nothing_waiting_settles_without_reading_the_outbox(delivery, outbox):
    outbox.waiting = None  # any read would fail
    await delivery.settle(CHAT)


async def test_messages_of_different_months_go_out_in_separate_appends_in_order(delivery, ledger, outbox):
    ledger.gate = asyncio.Event()
    first = asyncio.create_task(accept_and_wait(delivery, queued(1, "a")))
    await asyncio.sleep(0.01)
    await outbox.put(queued(2, "b", period=Period(2026, 11)))
    await outbox.put(queued(3, "c"))
    ledger.gate.set()
    await first
    await until_delivered(outbox)
    assert ledger.appends == [1, 1, 1]
    assert [row.line.purpose for row in ledger.sheets["November 2026"]] == ["b"]


async def test_rows_are_confirmed_before_the_store_saves_them_and_kept_in_the_outbox_till_then(
    delivery, ledger, outbox, state
):
    ledger.flush_failures = 1
    outcome = await accept_and_wait(delivery, queued(1, "coffee"))
    assert isinstance(outcome, Landed)
    await until_delivered(outbox)
    assert ledger.numbers() == [(1, "coffee")], "the failed save made it try again, found, not written twice"
    assert ledger.flushes == 2
    assert state.saved[(CHAT, 1)].lines[0].number == 1


async def test_settling_a_group_waits_until_its_rows_are_kept_for_undo(delivery, ledger, state):
    ledger.save_gate = asyncio.Event()
    assert isinstance(await accept_and_wait(delivery, queued(1, "coffee")), Landed)
    settling = asyncio.create_task(delivery.settle(CHAT))
    await asyncio.sleep(0.01)
    assert not settling.done(), "the store has not saved the row yet"
    assert (CHAT, 1) not in state.saved
    ledger.save_gate.set()
    await asyncio.wait_for(settling, 1)
    assert (CHAT, 1) in state.saved


async def test_a_held_message_waits_for_its_hour_and_later_ones_pass_it(clock):
    ledger = FlakyLedger()
    outbox = InMemoryOutbox(InMemoryCaptureState())
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)
        await asyncio.sleep(0)

    delivery = Delivery(outbox, ledger, sleep=sleep, now=clock.now)
    held = replace(queued(1, "held tea"), hold_until=clock.now() + timedelta(seconds=40))
    await delivery.accept(held)
    await delivery.accept(queued(2, "coffee"))
    for _ in range(20):
        await asyncio.sleep(0)
    assert [purpose for _, purpose in ledger.numbers()] == ["coffee"]
    assert 40.0 in slept
    clock.advance(seconds=40)
    await delivery.resume()
    for _ in range(20):
        await asyncio.sleep(0)
    assert [purpose for _, purpose in ledger.numbers()] == ["coffee", "held tea"]
    await delivery.stop()
