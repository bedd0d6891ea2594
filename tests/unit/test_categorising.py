"""Tests for categorising expenses on capture, and /cat changing a message's category and teaching it."""

import asyncio
from dataclasses import dataclass
from datetime import timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest

from balance_bot.capture.interpret import MessageInterpreter
from balance_bot.capture.outcomes import Accepted, ActionRefusal, ActionRefused, Saved
from balance_bot.capture.service import CapturePolicy, CaptureService, IncomingMessage
from balance_bot.categories.categorising import Categorising, NoSuchCategory, Recategorised
from balance_bot.domain.categories import Category
from balance_bot.domain.parser import HeuristicParser
from balance_bot.ports import LedgerUnavailable
from infrastructure.categories.tab import load_categories_csv
from tests.fakes.capture_state import InMemoryCaptureState
from tests.fakes.category_corrections import InMemoryCategoryCorrections
from tests.fakes.category_guesser import ScriptedCategoryGuesser
from tests.fakes.clock import FakeClock
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.outbox import in_memory_delivery

CHAT, SOKHA, DARA = -100, 7, 8


class Group:
    """A group's capture and categorising, on an in-memory ledger whose Categories tab tests may edit."""

    def __init__(self, ledger, clock, corrections, guesser=None):
        self.ledger, self.clock, self.next_id = ledger, clock, 100
        self.state = InMemoryCaptureState()
        self.delivery, _ = in_memory_delivery(ledger, self.state, clock)
        self.categorising = Categorising(
            ledger, corrections, load_categories_csv(), self.state, guesser=guesser
        )
        policy = CapturePolicy(timezone=ZoneInfo("Asia/Phnom_Penh"), pending_ttl=timedelta(minutes=5))
        self.capture = CaptureService(
            MessageInterpreter(HeuristicParser()),
            ledger,
            self.delivery,
            self.state,
            clock,
            policy,
            categorising=self.categorising,
        )

    async def post(self, text, user=SOKHA):
        self.next_id += 1
        message = IncomingMessage(CHAT, self.next_id, user, f"member{user}", text, self.clock.now())
        outcome = await self.capture.on_message(message)
        return await self.capture.confirm(outcome) if isinstance(outcome, Accepted) else outcome

    async def cat(self, message_id, name, user=SOKHA, admin=False, number=None):
        async def is_admin():
            return admin

        return await self.categorising.recategorise(CHAT, message_id, user, is_admin, name, number)


@pytest.fixture
async def group():
    group = Group(InMemoryLedger(), FakeClock(), InMemoryCategoryCorrections())
    yield group
    await group.delivery.stop()


def categories_of(outcome):
    assert isinstance(outcome, Saved)
    return [line.line.category for line in outcome.message.lines]


async def test_each_line_of_a_message_gets_its_category_and_a_top_up_none(group):
    assert categories_of(
        await group.post("Market:\n- fish 20000៛\n- printer ink 2$\n- piano strings 5$")
    ) == [
        "Food & drinks",
        "Office supplies",
        "Other",
    ]
    message = IncomingMessage(CHAT, 999, SOKHA, "Sokha", "200$ from the office", group.clock.now())
    topped = await group.capture.confirm(await group.capture.top_up(message))
    assert categories_of(topped) == [""]


async def test_the_spreadsheets_own_tab_decides_once_a_bookkeeper_made_one(group):
    group.ledger.tab = [Category("Music", "តន្ត្រី", ("piano", "guitar", "strings")), Category("Other", "ផ្សេងៗ")]
    assert categories_of(await group.post("piano strings 5$")) == ["Music"]
    assert categories_of(await group.post("coffee 3$")) == ["Other"]  # the defaults are not the tab


async def test_a_cat_changes_the_rows_and_later_purposes_with_the_same_words_follow(group):
    saved = await group.post("coffee for the team 5$")
    assert categories_of(saved) == ["Food & drinks"]
    changed = await group.cat(saved.message.message_id, "guests & EVENTS")
    assert isinstance(changed, Recategorised)
    assert changed.category.name == "Guests & events"
    (row,) = [row for rows in group.ledger.sheets.values() for row in rows]
    assert row.line.category == "Guests & events"  # written in the sheet's row
    assert categories_of(await group.post("Coffee for the team 3$")) == ["Guests & events"]
    assert categories_of(await group.post("coffee 3$")) == ["Food & drinks"]  # other words: the tab's


async def test_a_category_is_named_in_khmer_too(group):
    saved = await group.post("coffee 3$")
    changed = await group.cat(saved.message.message_id, "ភ្ញៀវ និងកម្មវិធី")
    assert isinstance(changed, Recategorised)
    assert changed.category.name == "Guests & events"


async def test_a_name_not_in_the_tab_lists_the_categories_and_changes_nothing(group):
    saved = await group.post("coffee 3$")
    refused = await group.cat(saved.message.message_id, "Snacks")
    assert isinstance(refused, NoSuchCategory)
    assert [category.name for category in refused.categories][:2] == ["Transport", "Fuel"]
    assert categories_of(await group.post("coffee 3$")) == ["Food & drinks"]


async def test_only_the_author_or_an_admin_changes_a_category(group):
    saved = await group.post("coffee 3$")
    assert await group.cat(saved.message.message_id, "Fuel", user=DARA) == ActionRefused(
        ActionRefusal.NOT_ALLOWED
    )
    assert isinstance(await group.cat(saved.message.message_id, "Fuel", user=DARA, admin=True), Recategorised)
    assert await group.cat(12345, "Fuel") == ActionRefused(ActionRefusal.UNKNOWN)


async def test_a_sheet_that_cannot_be_read_categorises_by_the_last_tab_known(group):
    group.ledger.tab = [Category("Music", words=("piano",)), Category("Other")]
    assert categories_of(await group.post("piano 5$")) == ["Music"]

    async def unavailable():
        raise LedgerUnavailable("Google Sheets is down")

    group.ledger.categories = unavailable
    assert (await group.categorising.book(CHAT)).names == ["Music", "Other"]


async def test_corrections_are_kept_per_spreadsheet_and_can_be_forgotten(group):
    saved = await group.post("coffee for the team 5$")
    await group.cat(saved.message.message_id, "Guests & events")
    assert await group.categorising.forget(CHAT) == 1
    assert categories_of(await group.post("coffee for the team 3$")) == ["Food & drinks"]


async def test_a_category_a_bookkeeper_put_in_a_row_is_learned_when_the_words_give_another(group):
    from balance_bot.domain.ledger import SheetRow

    def row(item, category, usd=Decimal(3)):
        return SheetRow(1, None, item, usd, None, "Dara", "", category=category)

    learned = await group.categorising.learn_from_sheet(
        CHAT,
        [
            row("coffee for the board", "Guests & events"),  # changed by the bookkeeper: learned
            row("taxi", "Transport"),  # what the words give: nothing to learn
            row("rent", "Rent"),  # not a category of the tab
            row("[void] tea", "Guests & events", usd=None),  # voided: no amount
        ],
    )
    assert learned == 1
    assert await group.categorising.learned(CHAT) == {"coffee for the board": "Guests & events"}
    assert categories_of(await group.post("Coffee for the board 4$")) == ["Guests & events"]


async def test_an_expense_never_waits_long_for_a_slow_tab_and_gets_the_last_categories_known():
    ledger = InMemoryLedger()
    ledger.tab = [Category("Music", words=("piano",)), Category("Other")]
    group = Group(ledger, FakeClock(), InMemoryCategoryCorrections())
    group.categorising = Categorising(
        ledger, InMemoryCategoryCorrections(), load_categories_csv(), group.state, tab_wait_seconds=0.01
    )
    group.capture = CaptureService(
        MessageInterpreter(HeuristicParser()), ledger, group.delivery, group.state, group.clock,
        CapturePolicy(timezone=ZoneInfo("Asia/Phnom_Penh")), categorising=group.categorising,
    )  # fmt: skip
    assert categories_of(await group.post("piano 5$")) == ["Music"]
    stalled = asyncio.Event()

    async def hangs():
        await stalled.wait()  # Google takes its time

    ledger.categories = hangs
    assert categories_of(await group.post("piano tuning 9$")) == ["Music"]
    await group.delivery.stop()


@pytest.fixture
async def modelled():
    guesser = ScriptedCategoryGuesser({"tailor for the uniforms": "Guests & events", "bubble wrap": "Snacks"})
    group = Group(InMemoryLedger(), FakeClock(), InMemoryCategoryCorrections(), guesser)
    yield group, guesser
    await group.delivery.stop()


async def test_purposes_no_word_decides_go_to_the_model_in_one_question(modelled):
    group, guesser = modelled
    saved = await group.post("Today:\n- coffee 2$\n- tailor for the uniforms 20$\n- piano strings 5$")
    assert categories_of(saved) == ["Food & drinks", "Guests & events", "Other"]
    assert guesser.asked == [("tailor for the uniforms", "piano strings")]  # coffee: the words decided
    assert "Transport" in guesser.choices_seen[0]


async def test_the_models_choice_is_remembered_so_the_same_words_are_asked_once(modelled):
    group, guesser = modelled
    await group.post("tailor for the uniforms 20$")
    assert categories_of(await group.post("Tailor for the uniforms 15$")) == ["Guests & events"]
    assert guesser.asked == [("tailor for the uniforms",)]


async def test_a_name_the_tab_does_not_have_or_a_model_that_fails_leaves_other(modelled):
    group, guesser = modelled
    assert categories_of(await group.post("bubble wrap 2$")) == ["Other"]  # "Snacks" is no category
    guesser.failing = True
    assert categories_of(await group.post("picture frames 3$")) == ["Other"]


async def test_a_correction_or_the_words_are_never_second_guessed_by_the_model(modelled):
    group, guesser = modelled
    saved = await group.post("piano strings 5$")
    await group.cat(saved.message.message_id, "Repairs & maintenance")
    guesser.asked.clear()
    assert categories_of(await group.post("piano strings 6$")) == ["Repairs & maintenance"]
    assert categories_of(await group.post("taxi 3$")) == ["Transport"]
    assert guesser.asked == []


async def test_one_row_of_a_list_changes_by_its_no_and_the_others_keep_theirs(group):
    saved = await group.post("Market:\n- fish 20000៛\n- printer ink 2$\n- piano strings 5$")
    changed = await group.cat(saved.message.message_id, "Repairs & maintenance", number=3)
    assert isinstance(changed, Recategorised)
    assert changed.numbers == (3,)
    assert categories_of(Saved(changed.message, None)) == [
        "Food & drinks",
        "Office supplies",
        "Repairs & maintenance",
    ]
    missing = await group.cat(saved.message.message_id, "Fuel", number=9)
    assert missing == ActionRefused(ActionRefusal.UNKNOWN)


@dataclass
class NamedLedger(InMemoryLedger):
    """A group's own spreadsheet, told apart by its identity."""

    name: str = "memory:ledger"

    async def identity(self):
        return self.name


class OwnSheets:
    """Each group its own spreadsheet, each with its own copy of a Categories tab."""

    def __init__(self, tabs):
        self.by_chat = {chat: NamedLedger(tab=list(tab), name=f"sheet {chat}") for chat, tab in tabs.items()}

    def for_chat(self, chat_id):
        return self.by_chat[chat_id]


async def test_spreadsheets_with_the_same_categories_share_one_book_and_an_edited_tab_has_its_own():
    tab = load_categories_csv()
    edited = [*tab[:-1], Category("Generator", "", ("diesel", "generator"))]
    sheets = OwnSheets({-1: tab, -2: list(tab), -3: edited})
    categorising = Categorising(sheets, InMemoryCategoryCorrections(), tab, InMemoryCaptureState())

    first, second, third = [await categorising.book(chat) for chat in (-1, -2, -3)]

    assert first is second
    assert third is not first
    assert "Generator" in third.names
    assert "Generator" not in first.names
