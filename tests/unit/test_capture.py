"""Tests for the capture use case: saving, asking for purposes, limits, undo, edits, switching."""

from datetime import UTC, datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from balance_bot.capture import (
    Accepted,
    ActionRefusal,
    ActionRefused,
    AskPurpose,
    AskRephrase,
    CapturePolicy,
    CaptureService,
    Edited,
    IncomingMessage,
    LedgerProblem,
    Queued,
    RateLimited,
    Refusal,
    Refused,
    Saved,
    Silent,
    Switched,
    TopUpUnclear,
    Voided,
)
from balance_bot.domain.parser import HeuristicParser
from balance_bot.interpret import MessageInterpreter
from balance_bot.ports import LedgerNotConnected
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger, UnconnectedLedger, UnsharedLedger
from tests.fakes.outbox import in_memory_delivery

CHAT, SOKHA, DARA = -100, 7, 8
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def ledger():
    return InMemoryLedger()


def capture_on(ledger, clock, state=None, policy=None):
    """(capture service, in-memory outbox, delivery); stop the delivery afterwards."""
    state = state or InMemoryCaptureState()
    policy = policy or CapturePolicy(
        timezone=PHNOM_PENH, pending_ttl=timedelta(minutes=5), saves_per_minute=5
    )
    delivery, outbox = in_memory_delivery(ledger, state, clock)
    service = CaptureService(MessageInterpreter(HeuristicParser()), ledger, delivery, state, clock, policy)
    return service, outbox, delivery


@pytest.fixture
async def capture(clock, ledger):
    service, _, delivery = capture_on(ledger, clock)
    yield service
    await delivery.stop()


async def confirmed(capture, outcome):
    """The confirmation a member reads: an accepted expense's rows (or that they will follow)."""
    return await capture.confirm(outcome) if isinstance(outcome, Accepted) else outcome


class Chat:
    """Posts messages as members, numbering them like Telegram."""

    def __init__(self, capture, clock):
        self.capture, self.clock, self.next_id = capture, clock, 100

    async def post(self, text, user=SOKHA, sent_at=None):
        self.next_id += 1
        return await confirmed(
            self.capture, await self.capture.on_message(self.message(text, user, self.next_id, sent_at))
        )

    def message(self, text, user, message_id, sent_at=None):
        return IncomingMessage(CHAT, message_id, user, f"member{user}", text, sent_at or self.clock.now())


@pytest.fixture
def chat(capture, clock):
    return Chat(capture, clock)


async def test_a_plain_expense_becomes_a_numbered_row(chat, ledger):
    outcome = await chat.post("coffee 3$")
    assert isinstance(outcome, Saved)
    assert outcome.link == "https://ledger.example/sheet"
    assert ledger.items("December 2026") == [(1, "coffee", "3.00 USD")]
    assert outcome.message.lines[0].line.member == f"member{SOKHA}"


async def test_a_plain_expense_needs_no_check_by_the_member(chat):
    assert not (await chat.post("coffee 3$")).unsure


async def test_a_reading_no_second_opinion_settled_is_saved_and_the_member_asked_to_check_it(chat, ledger):
    outcome = await chat.post("snacks and cold drinks for the whole staff meeting on the roof 12$")
    assert isinstance(outcome, Saved)
    assert outcome.unsure
    assert len(ledger.items("December 2026")) == 1


async def top_up(capture, chat, text):
    chat.next_id += 1
    return await confirmed(capture, await capture.top_up(chat.message(text, SOKHA, chat.next_id)))


async def test_a_top_up_is_a_row_of_its_own_kind_with_its_note(capture, chat, ledger):
    outcome = await top_up(capture, chat, "200$ from the office")
    assert isinstance(outcome, Saved)
    (saved,) = outcome.message.lines
    assert saved.line.topup
    assert saved.line.purpose == "Top-up: from the office"
    assert saved.line.money.amount == 200


@pytest.mark.parametrize("text", ["", "200", "200$ or 300$", "hello", "100$ and 5000៛"])
async def test_a_top_up_needs_one_amount_with_its_currency(capture, chat, text):
    assert isinstance(await top_up(capture, chat, text), TopUpUnclear)


async def test_a_top_up_over_the_ceiling_is_refused(capture, chat):
    outcome = await top_up(capture, chat, "50000$")
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.OVER_LIMIT


async def test_several_entries_of_one_message_are_saved_together_in_order(chat, ledger):
    outcome = await chat.post("Market:\n- fish 20000៛\n- oil 2$")
    assert isinstance(outcome, Saved)
    assert ledger.items("December 2026") == [(1, "fish", "20000 KHR"), (2, "oil", "2.00 USD")]


async def test_an_expense_late_on_the_last_evening_of_a_month_stays_in_that_month(chat, ledger):
    late_evening = datetime(2026, 12, 31, 16, 30, tzinfo=UTC)  # 23:30 in Phnom Penh
    await chat.post("dinner 12$", sent_at=late_evening)
    await chat.post("breakfast 3$", sent_at=late_evening + timedelta(hours=1))
    assert ledger.items("December 2026") == [(1, "dinner", "12.00 USD")]
    assert ledger.items("January 2027") == [(1, "breakfast", "3.00 USD")]


async def test_an_amount_alone_asks_and_the_members_next_message_completes_it(chat, ledger):
    asked = await chat.post("3$")
    assert isinstance(asked, AskPurpose)
    assert asked.entry.money.amount == 3
    saved = await chat.post("coffee for the guests")
    assert isinstance(saved, Saved)
    assert ledger.items("December 2026") == [(1, "coffee for the guests", "3.00 USD")]
    assert saved.message.message_id == 101  # the rows belong to the amount's message


async def test_another_members_message_does_not_complete_a_pending_amount(chat, ledger):
    await chat.post("3$")
    assert isinstance(await chat.post("see you at 8:30", user=DARA), Silent)
    assert isinstance(await chat.post("coffee"), Saved)


async def test_an_acknowledgement_without_words_keeps_the_amount_waiting(chat, ledger):
    await chat.post("3$")
    assert isinstance(await chat.post("👍"), Silent)
    assert isinstance(await chat.post("printer ink"), Saved)


async def test_a_pending_amount_expires_after_its_time(chat, clock, ledger):
    await chat.post("3$")
    clock.advance(minutes=5)
    assert isinstance(await chat.post("coffee"), Silent)
    assert ledger.sheets == {}


async def test_a_new_expense_instead_of_a_purpose_drops_the_pending_amount(chat, ledger):
    await chat.post("3$")
    await chat.post("tea 2$")
    assert isinstance(await chat.post("cake"), Silent)
    assert ledger.items("December 2026") == [(1, "tea", "2.00 USD")]


async def test_an_unclear_message_asks_to_rephrase(chat):
    assert isinstance(await chat.post("coffee 3$ or 4$?"), AskRephrase)


async def test_an_amount_over_the_ceiling_is_refused_with_the_reason(chat, ledger):
    outcome = await chat.post("rent 99999999$")
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.OVER_LIMIT
    assert ledger.sheets == {}


async def test_a_purpose_shorter_than_three_characters_is_refused(chat):
    outcome = await chat.post("TV 300$")
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.PURPOSE_TOO_SHORT


async def test_the_rate_limit_answers_once_then_stays_quiet_until_the_minute_passes(chat, clock, ledger):
    outcomes = [await chat.post(f"tea number {n} 1$") for n in range(7)]
    assert [type(o) for o in outcomes] == [Saved] * 5 + [RateLimited, Silent]
    clock.advance(seconds=61)
    assert isinstance(await chat.post("tea again 1$"), Saved)
    assert isinstance(await chat.post("tea 1$", user=DARA), Saved)


async def allow(answer):
    async def check():
        return answer

    return check


async def test_the_author_can_undo_within_the_window(chat, capture, ledger):
    await chat.post("coffee 3$")
    outcome = await capture.undo(CHAT, 101, SOKHA, await allow(False))
    assert isinstance(outcome, Voided)
    assert ledger.items("December 2026") == [(1, "[void]", "3.00 USD")]
    again = await capture.undo(CHAT, 101, SOKHA, await allow(False))
    assert again == ActionRefused(ActionRefusal.UNKNOWN)


async def test_only_the_author_or_an_admin_can_undo(chat, capture):
    await chat.post("coffee 3$")
    assert await capture.undo(CHAT, 101, DARA, await allow(False)) == ActionRefused(ActionRefusal.NOT_ALLOWED)
    assert isinstance(await capture.undo(CHAT, 101, DARA, await allow(True)), Voided)


async def test_undo_is_refused_after_the_window(chat, capture, clock):
    await chat.post("coffee 3$")
    clock.advance(minutes=16)
    assert await capture.undo(CHAT, 101, SOKHA, await allow(False)) == ActionRefused(ActionRefusal.TOO_LATE)


async def test_editing_an_expense_rewrites_its_rows(chat, capture, ledger):
    await chat.post("coffee 3$")
    outcome = await capture.on_edit(chat.message("coffee and cake 5$", SOKHA, 101))
    assert isinstance(outcome, Edited)
    assert ledger.items("December 2026") == [(1, "coffee and cake", "5.00 USD")]


async def test_an_edit_that_removes_the_amount_voids_the_rows(chat, capture, ledger):
    await chat.post("coffee 3$")
    await chat.post("tea 1$")
    outcome = await capture.on_edit(chat.message("never mind", SOKHA, 101))
    assert isinstance(outcome, Voided)
    assert ledger.items("December 2026") == [(1, "[void]", "3.00 USD"), (2, "tea", "1.00 USD")]


async def test_an_edit_with_more_entries_voids_the_old_rows_and_adds_new_ones(chat, capture, ledger):
    await chat.post("coffee 3$")
    await capture.on_edit(chat.message("coffee 3$, cake 2$", SOKHA, 101))
    assert ledger.items("December 2026") == [
        (1, "[void]", "3.00 USD"),
        (2, "coffee", "3.00 USD"),
        (3, "cake", "2.00 USD"),
    ]


async def test_editing_chatter_into_an_expense_captures_it(chat, capture, ledger):
    await chat.post("see you soon")
    outcome = await confirmed(capture, await capture.on_edit(chat.message("taxi 4$", SOKHA, 101)))
    assert isinstance(outcome, Saved)


async def test_a_guessed_currency_can_be_switched_in_one_tap(chat, capture, ledger):
    saved = await chat.post("parking 500")
    assert saved.message.currency_guessed
    outcome = await capture.switch_currency(CHAT, 101, SOKHA, await allow(False))
    assert isinstance(outcome, Switched)
    assert ledger.items("December 2026") == [(1, "parking", "500.00 USD")]
    assert not outcome.message.currency_guessed


async def test_a_switch_that_would_exceed_the_ceiling_is_refused(chat, capture, ledger):
    await chat.post("rent 40000")
    outcome = await capture.switch_currency(CHAT, 101, SOKHA, await allow(False))
    assert isinstance(outcome, Refused)
    assert ledger.items("December 2026") == [(1, "rent", "40000 KHR")]


async def test_a_sheet_that_cannot_be_written_keeps_the_expense_and_says_why(clock):
    capture, outbox, delivery = capture_on(UnsharedLedger(), clock)
    outcome = await Chat(capture, clock).post("coffee 3$")
    await delivery.stop()
    assert isinstance(outcome, Queued)
    assert outcome.problem.share_with == "bot@project.iam.gserviceaccount.com"
    assert [line.purpose for queued in outbox.queued for line in queued.lines] == ["coffee"]


async def test_a_group_without_a_sheet_is_told_and_its_pending_amount_waits(clock):
    state = InMemoryCaptureState()
    capture, outbox, _ = capture_on(UnconnectedLedger(), clock, state)
    chat = Chat(capture, clock)
    await chat.post("3$")
    outcome = await chat.post("coffee")
    assert isinstance(outcome, LedgerProblem)
    assert isinstance(outcome.error, LedgerNotConnected)
    assert (CHAT, SOKHA) in state.pending
    assert outbox.queued == []
