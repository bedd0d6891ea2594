"""Tests for the capture use case: saving, asking for purposes, limits, undo, edits, switching."""

import asyncio
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.outcomes import (
    Accepted,
    ActionRefusal,
    ActionRefused,
    AskPurpose,
    AskRephrase,
    DateRefusal,
    DateRefused,
    Dating,
    Edited,
    ForwardedNotSaved,
    Held,
    LedgerProblem,
    Queued,
    Refusal,
    Refused,
    RepeatedTooOften,
    Saved,
    Silent,
    Switched,
    TooManyEntries,
    TopUpUnclear,
    Voided,
)
from balance_bot.capture.service import CapturePolicy, CaptureService, IncomingMessage
from balance_bot.domain.expenses import ExpenseEntry, ParseResult, ParseStatus
from balance_bot.domain.ledger import Period
from balance_bot.domain.money import Currency, Money
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import LedgerNotConnected
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger, UnconnectedLedger, UnsharedLedger
from tests.fakes.open_periods import OpenMonths
from tests.fakes.outbox import in_memory_delivery
from tests.fakes.second_opinion import ScriptedSecondOpinion

CHAT, SOKHA, DARA = -100, 7, 8
PHNOM_PENH = ZoneInfo("Asia/Phnom_Penh")


@pytest.fixture
def clock():
    return FakeClock()


@pytest.fixture
def ledger():
    return InMemoryLedger()


def capture_on(ledger, clock, state=None, policy=None, periods=None, interpreter=None):
    """(capture service, in-memory outbox, delivery); stop the delivery afterwards."""
    state = state or InMemoryCaptureState()
    policy = policy or CapturePolicy(
        timezone=PHNOM_PENH, pending_ttl=timedelta(minutes=5), saves_per_minute=5
    )
    delivery, outbox = in_memory_delivery(ledger, state, clock)
    interpreter = interpreter or MessageInterpreter(HeuristicParser())
    service = CaptureService(interpreter, ledger, delivery, state, clock, policy, periods)
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


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("-50$", Refusal.NEGATIVE),
        ("-50$ from the office", Refusal.NEGATIVE),
        ("50$ refund", Refusal.MONEY_BACK),
        ("took 50$ out of the box", Refusal.MONEY_BACK),
    ],
)
async def test_a_top_up_of_the_other_sign_is_refused_with_its_reason(capture, chat, ledger, text, reason):
    outcome = await top_up(capture, chat, text)
    assert isinstance(outcome, Refused)
    assert outcome.reason is reason
    assert outcome.entry.money.amount == 50
    assert ledger.items("December 2026") == []


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("coffee -5$", Refusal.NEGATIVE),
        ("Market:\n- fish 20000៛\n- oil -2$", Refusal.NEGATIVE),
        ("refund coffee 5$", Refusal.MONEY_BACK),
        ("ដកប្រាក់វិញ 5000៛", Refusal.MONEY_BACK),
        ("cancelled the booking 40$", Refusal.MONEY_BACK),
    ],
)
async def test_a_negative_amount_or_money_back_is_refused_never_saved_as_spending(chat, ledger, text, reason):
    outcome = await chat.post(text)
    assert isinstance(outcome, Refused)
    assert outcome.reason is reason
    assert ledger.items("December 2026") == []


@pytest.mark.parametrize("answer", ["refund from the shop", "cancelled", "ប្រាក់វិញ"])
async def test_an_answer_saying_the_money_came_back_makes_the_amount_no_expense(chat, ledger, answer):
    assert isinstance(await chat.post("5$"), AskPurpose)
    outcome = await chat.post(answer)
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.MONEY_BACK
    assert ledger.items("December 2026") == []
    assert isinstance(await chat.post("taxi"), Silent)  # the question is no longer open


async def test_a_refused_negative_amount_does_not_answer_a_pending_question(chat, ledger):
    assert isinstance(await chat.post("5$"), AskPurpose)
    assert isinstance(await chat.post("-3$ wrong"), Refused)
    assert ledger.items("December 2026") == []


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


async def test_a_list_longer_than_one_message_may_add_is_refused_whole_with_the_most_allowed(chat, ledger):
    outcome = await chat.post("\n".join(f"item{index} {index + 1}$" for index in range(51)))
    assert outcome == TooManyEntries(50)
    assert ledger.sheets == {}


async def test_a_model_listing_more_entries_than_allowed_saves_none(clock, ledger):
    many = tuple(ExpenseEntry(Money(Decimal(index + 1), Currency.USD), "driver") for index in range(3))
    second = ScriptedSecondOpinion(ParseResult(ParseStatus.EXPENSE, many))
    policy = CapturePolicy(timezone=PHNOM_PENH, max_entries=2)
    interpreter = MessageInterpreter(HeuristicParser(), second)
    service, _, delivery = capture_on(ledger, clock, policy=policy, interpreter=interpreter)
    text = "paid 1 to the driver, 2 to the other driver and 3 to the third one who came late"
    assert await Chat(service, clock).post(text) == TooManyEntries(2)
    assert ledger.sheets == {}
    await delivery.stop()


async def test_an_amount_over_the_ceiling_is_refused_with_the_reason(chat, ledger):
    outcome = await chat.post("rent 99999999$")
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.OVER_LIMIT
    assert ledger.sheets == {}


async def test_a_purpose_shorter_than_three_characters_is_refused(chat):
    outcome = await chat.post("TV 300$")
    assert isinstance(outcome, Refused)
    assert outcome.reason is Refusal.PURPOSE_TOO_SHORT


async def rows_in(ledger, count):
    """Wait (a little real time) until the ledger holds `count` rows."""
    for _ in range(200):
        if len(ledger.items("December 2026")) >= count:
            return
        await asyncio.sleep(0.005)
    raise AssertionError(f"{len(ledger.items('December 2026'))} rows, not {count}")


async def test_over_the_rate_limit_expenses_are_held_and_saved_once_the_minute_allows(chat, clock, ledger):
    outcomes = [await chat.post(f"tea number {n} 1$") for n in range(7)]
    assert [type(o) for o in outcomes] == [Saved] * 5 + [Held, Held]
    assert [o.wait_seconds for o in outcomes[5:]] == [60, 60]
    assert len(ledger.items("December 2026")) == 5
    assert isinstance(await chat.post("tea 1$", user=DARA), Saved)  # other members are not held
    await rows_in(ledger, 8)  # the held ones' wake-up sleeps the fake clock past the minute
    assert [item[1] for item in ledger.items("December 2026")][-2:] == ["tea number 5", "tea number 6"]


async def test_a_burst_of_twelve_is_saved_in_three_minutes_none_dropped(chat, clock, ledger):
    outcomes = [await chat.post(f"item {n} 1$") for n in range(12)]
    assert [type(o) for o in outcomes] == [Saved] * 5 + [Held] * 7
    assert [o.wait_seconds for o in outcomes[5:]] == [60] * 5 + [120] * 2
    await rows_in(ledger, 12)
    assert clock.now() - outcomes[0].message.saved_at >= timedelta(seconds=120)
    assert [item[1] for item in ledger.items("December 2026")] == [f"item {n}" for n in range(12)]


async def test_the_same_text_again_over_the_limit_is_refused_each_time(chat, ledger):
    for n in range(5):
        await chat.post(f"coffee {n} 1$")
    assert isinstance(await chat.post("coffee 0 1$"), RepeatedTooOften)
    assert isinstance(await chat.post("Coffee  0 1$"), RepeatedTooOften)
    assert isinstance(await chat.post("coffee 9 1$"), Held)


async def test_within_the_limit_the_same_expense_twice_is_two_expenses(chat, ledger):
    assert isinstance(await chat.post("coffee 1$"), Saved)
    assert isinstance(await chat.post("coffee 1$"), Saved)
    assert len(ledger.items("December 2026")) == 2


async def test_undo_gives_the_members_slot_back(chat, capture, ledger):
    for n in range(5):
        await chat.post(f"tea number {n} 1$")
    assert isinstance(await capture.undo(CHAT, 101, SOKHA, await allow(False)), Voided)
    assert isinstance(await chat.post("tea again 1$"), Saved)
    assert isinstance(await chat.post("tea once more 1$"), Held)


async def test_undo_of_a_held_expense_voids_it_at_once(chat, capture, ledger):
    for n in range(5):
        await chat.post(f"tea number {n} 1$")
    held = await chat.post("wrong 1$")
    assert isinstance(held, Held)
    outcome = await capture.undo(CHAT, held.message.message_id, SOKHA, await allow(False))
    assert isinstance(outcome, Voided)
    assert ledger.items("December 2026")[-1][1] == "[void]"


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


# Days named in messages (the clock: 9:00 on Thursday 3 December 2026 in Phnom Penh)

NOVEMBER = Period(2026, 11)


@pytest.fixture
async def dated_chat(clock, ledger):
    months = OpenMonths({NOVEMBER})
    service, _, delivery = capture_on(ledger, clock, periods=months)
    yield Chat(service, clock), months
    await delivery.stop()


def days_of(outcome):
    return [saved.line.day for saved in outcome.message.lines]


async def test_a_named_day_dates_the_row_and_the_confirmation_says_so(dated_chat, ledger):
    chat, _ = dated_chat
    outcome = await chat.post("yesterday taxi 5$")
    assert days_of(outcome) == [date(2026, 12, 2)]
    assert outcome.dating == Dating(named=True)
    assert ledger.items("December 2026") == [(1, "taxi", "5.00 USD")]


async def test_a_day_in_last_month_while_it_is_open_goes_to_its_worksheet(dated_chat, ledger):
    chat, months = dated_chat
    outcome = await chat.post("ម្សិលម្ង៉ៃ ទឹកកក ៥០០០៛")  # the day before yesterday is 1 December
    assert days_of(outcome) == [date(2026, 12, 1)]
    outcome = await chat.post("Nov 30 printer ink 12$")
    assert days_of(outcome) == [date(2026, 11, 30)]
    assert ledger.items("November 2026") == [(1, "printer ink", "12.00 USD")]
    assert months.asked == [NOVEMBER]


async def test_a_day_in_a_closed_month_goes_to_this_month_with_its_own_date(dated_chat, ledger):
    chat, months = dated_chat
    months.open.clear()
    outcome = await chat.post("30/11 printer ink 12$")
    assert days_of(outcome) == [date(2026, 11, 30)]
    assert outcome.dating == Dating(named=True, closed_month=NOVEMBER)
    assert ledger.items("December 2026") == [(1, "printer ink", "12.00 USD")]


async def test_without_kept_months_an_earlier_month_counts_as_closed(chat, ledger):
    outcome = await chat.post("Nov 30 printer ink 12$")
    assert outcome.dating.closed_month == NOVEMBER
    assert ledger.items("December 2026") == [(1, "printer ink", "12.00 USD")]


@pytest.mark.parametrize(
    ("text", "reason", "day"),
    [
        ("Dec 4 2026 taxi 5$", DateRefusal.FUTURE, date(2026, 12, 4)),
        ("Oct 31 taxi 5$", DateRefusal.TOO_OLD, date(2026, 10, 31)),  # 33 days back
        ("Nov 31 taxi 5$", DateRefusal.NO_SUCH_DAY, None),
        ("Nov 30 taxi 5$\nDec 1 tea 1$", DateRefusal.MONTHS_MIXED, None),
    ],
)
async def test_a_day_that_cannot_be_used_is_refused_and_nothing_is_saved(
    dated_chat, ledger, text, reason, day
):
    chat, _ = dated_chat
    outcome = await chat.post(text)
    assert isinstance(outcome, DateRefused)
    assert (outcome.reason, outcome.day, outcome.max_days_back) == (reason, day, 31)
    assert ledger.sheets == {}


async def test_the_day_back_limit_comes_from_the_policy(clock, ledger):
    policy = CapturePolicy(timezone=PHNOM_PENH, max_days_back=1)
    service, _, delivery = capture_on(ledger, clock, policy=policy, periods=OpenMonths())
    outcome = await Chat(service, clock).post("the day before yesterday taxi 5$")
    await delivery.stop()
    assert isinstance(outcome, DateRefused)
    assert outcome.reason is DateRefusal.TOO_OLD


async def test_a_named_day_is_read_from_the_day_the_message_was_posted(dated_chat, clock):
    chat, _ = dated_chat
    posted = datetime(2026, 12, 2, 16, 59, tzinfo=UTC)  # 23:59 on 2 December, handled a while later
    outcome = await chat.post("yesterday taxi 5$", sent_at=posted)
    assert days_of(outcome) == [date(2026, 12, 1)]


async def test_an_amount_posted_with_its_day_keeps_the_day_until_its_purpose_comes(dated_chat):
    chat, _ = dated_chat
    assert isinstance(await chat.post("yesterday 5$"), AskPurpose)
    outcome = await chat.post("taxi")
    assert days_of(outcome) == [date(2026, 12, 2)]


async def test_an_edit_that_changes_the_day_moves_the_row(dated_chat, ledger):
    chat, _ = dated_chat
    await chat.post("taxi 5$")
    outcome = await chat.capture.on_edit(chat.message("Nov 30 taxi 5$", SOKHA, 101))
    assert isinstance(outcome, Edited)
    assert ledger.items("December 2026") == [(1, "[void]", "5.00 USD")]
    assert ledger.items("November 2026") == [(1, "taxi", "5.00 USD")]


async def test_an_edit_that_keeps_the_day_rewrites_the_row_in_place(dated_chat, ledger):
    chat, _ = dated_chat
    await chat.post("yesterday taxi 5$")
    await chat.capture.on_edit(chat.message("yesterday taxi 6$", SOKHA, 101))
    assert ledger.items("December 2026") == [(1, "taxi", "6.00 USD")]


async def test_a_top_up_can_name_its_day(dated_chat, ledger):
    chat, _ = dated_chat
    outcome = await confirmed(
        chat.capture, await chat.capture.top_up(chat.message("yesterday 200$ from the office", SOKHA, 300))
    )
    assert days_of(outcome) == [date(2026, 12, 2)]


async def test_yesterday_posted_just_after_new_year_in_phnom_penh_is_last_years_last_day(clock, ledger):
    clock.current = datetime(2026, 12, 31, 17, 30, tzinfo=UTC)  # 00:30 on 1 January 2027 in Phnom Penh
    service, _, delivery = capture_on(ledger, clock, periods=OpenMonths({Period(2026, 12)}))
    outcome = await Chat(service, clock).post("yesterday taxi 5$")
    await delivery.stop()
    assert days_of(outcome) == [date(2026, 12, 31)]
    assert ledger.items("December 2026") == [(1, "taxi", "5.00 USD")]


async def test_the_answer_to_what_it_was_for_may_name_the_day(dated_chat):
    chat, _ = dated_chat
    assert isinstance(await chat.post("5$"), AskPurpose)
    outcome = await chat.post("Dec 1 taxi")
    assert days_of(outcome) == [date(2026, 12, 1)]
    assert outcome.message.lines[0].line.purpose == "taxi"


async def test_a_forwarded_expense_is_not_saved_and_names_the_original_day(chat, capture, clock, ledger):
    forty_days_ago = clock.now() - timedelta(days=40)
    forwarded = replace(chat.message("taxi 5$", SOKHA, 500), forwarded_from=forty_days_ago)
    outcome = await capture.on_message(forwarded)
    assert isinstance(outcome, ForwardedNotSaved)
    assert outcome.original_day == forty_days_ago.astimezone(PHNOM_PENH).date()
    assert ledger.sheets == {}


async def test_a_forwarded_message_never_answers_a_pending_question(chat, capture, clock, ledger):
    await chat.post("3$")
    forwarded = replace(chat.message("see you at 8:30", SOKHA, 500), forwarded_from=clock.now())
    assert isinstance(await capture.on_message(forwarded), Silent)
    assert isinstance(await chat.post("taxi"), Saved)
