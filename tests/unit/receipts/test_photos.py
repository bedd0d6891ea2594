"""Tests for the photos' use case: sure readings saved, unsure ones proposed, a transfer recorded once."""

from datetime import date
from decimal import Decimal

import pytest
from tests.fakes.clock import FakeClock
from tests.fakes.image_readers import NOT_AN_IMAGE, ScriptedModel, photo_desk_on, text_image
from tests.fakes.ledger import InMemoryLedger
from tests.fakes.proposed_expenses import InMemoryProposedExpenses

from balance_bot.capture.outcomes import Saved
from balance_bot.capture.reply_plan import Button, ReplyPlan
from balance_bot.capture.service import IncomingMessage
from balance_bot.domain.expenses import ExpenseEntry, ParseResult, ParseStatus
from balance_bot.domain.money import Currency, Money
from balance_bot.payments.bank_senders import ForwardedFrom, SenderKind
from balance_bot.payments.recorded_once import AlreadyRecorded
from balance_bot.receipts.photos import (
    AmountAsked,
    PhotoButton,
    PhotoReply,
    PostedPhoto,
    Proposed,
    TapResult,
    Unreadable,
)

CHAT, SOKHA, DARA, ADMIN = -100, 7, 8, 9
LINK = "https://t.me/c/100/{}"
SCREEN = """ABA
Transfer successful
-25.00 USD
To
SOK DARA
Trx. ID: 176015291049703
Transaction date: Dec 03, 2026 08:15 AM
Remark: office water"""
RECEIPT = """LUCKY SUPERMARKET
Date: 02/12/2026
SUBTOTAL 11.36
VAT 10% 1.14
TOTAL 12.50
Cash 20.00
Change 7.50"""
NO_TOTAL = """LUCKY SUPERMARKET
Date: 02/12/2026
Water 2.50 $
Bread 10.00 $"""
# The notice the box's bank sends for the same payment as SCREEN's.
NOTICE = (
    "$25.00 paid by SOK DARA (*467) on Dec 03, 08:15 AM via ABA PAY at KEAM LILAY. "
    "Trx. ID: 176015291049703, APV: 691804."
)


async def admin() -> bool:
    return True


async def member() -> bool:
    return False


class Group:
    def __init__(self, model=None, proposals=None):
        self.ledger, self.clock, self.next_id = InMemoryLedger(), FakeClock(), 100
        self.desk = photo_desk_on(self.ledger, self.clock, model, proposals)

    async def post_photo(self, text, user=SOKHA, image=None):
        self.next_id += 1
        image = image or text_image(text)
        photo = PostedPhoto(
            CHAT, self.next_id, user, f"member{user}", self.clock.now(), image, LINK.format(self.next_id)
        )
        return await heard(await self.desk.photos.on_photo(photo))

    async def say(self, text, user=SOKHA, sender=None):
        self.next_id += 1
        message = IncomingMessage(CHAT, self.next_id, user, f"member{user}", text, self.clock.now())
        return message, await heard(await self.desk.notices.on_message(message, sender))

    def rows(self):
        return self.ledger.items("December 2026")

    def lines(self):
        return [row.line for row in self.ledger.sheets.get("December 2026", [])]


async def heard(plan):
    return await plan.then() if isinstance(plan, ReplyPlan) and plan.then is not None else plan


@pytest.fixture
async def group():
    group = Group()
    yield group
    await group.desk.delivery.stop()


async def test_a_sure_transfer_screen_is_saved_with_undo_keyed_by_its_bank_and_id_and_linked(group):
    plan = await group.post_photo(SCREEN)
    assert isinstance(plan.outcome, Saved)
    assert plan.buttons[0] is Button.UNDO
    assert group.rows() == [(1, "office water – ABA Trx 176015291049703", "25.00 USD")]
    (line,) = group.lines()
    assert line.receipt == LINK.format(group.next_id)
    assert line.day == date(2026, 12, 3)
    assert line.spending


async def test_the_same_screen_posted_twice_is_one_row(group):
    await group.post_photo(SCREEN)
    again = await group.post_photo(SCREEN)
    assert isinstance(again, PhotoReply)
    assert isinstance(again.shown, AlreadyRecorded)
    assert again.shown.number == 1
    assert len(group.rows()) == 1


async def test_a_screen_of_a_payment_whose_notice_was_recorded_is_one_row(group):
    await group.say(NOTICE, sender=ForwardedFrom(SenderKind.BOT, "PayWayByABA_bot"))
    plan = await group.post_photo(SCREEN)
    assert isinstance(plan.shown, AlreadyRecorded)
    assert len(group.rows()) == 1


async def test_a_notice_of_a_payment_whose_screen_was_saved_is_one_row(group):
    await group.post_photo(SCREEN)
    _, plan = await group.say(NOTICE, sender=ForwardedFrom(SenderKind.BOT, "PayWayByABA_bot"))
    assert isinstance(plan.shown, AlreadyRecorded)
    assert len(group.rows()) == 1


async def test_a_sure_receipt_is_saved_on_its_day_with_the_shop_as_purpose(group):
    plan = await group.post_photo(RECEIPT)
    assert isinstance(plan.outcome, Saved)
    assert group.rows() == [(1, "Lucky Supermarket", "12.50 USD")]
    assert group.lines()[0].day == date(2026, 12, 2)


async def test_an_unsure_receipt_is_proposed_and_saved_by_its_posters_tap(group):
    plan = await group.post_photo(NO_TOTAL)
    assert isinstance(plan.shown, Proposed)
    assert plan.buttons == (PhotoButton.SAVE, PhotoButton.EDIT)
    assert plan.shown.proposal.money == Money(Decimal("10.00"), Currency.USD)
    assert group.rows() == []
    tap = await group.desk.photos.save_tapped(CHAT, plan.about, SOKHA, member)
    assert tap.result is TapResult.SAVED
    await heard(tap.said)
    assert group.rows() == [(1, "Lucky Supermarket", "10.00 USD")]
    assert group.lines()[0].receipt == LINK.format(plan.about)


async def test_another_members_save_is_refused_to_them_alone_and_an_admins_saves(group):
    plan = await group.post_photo(NO_TOTAL)
    refused = await group.desk.photos.save_tapped(CHAT, plan.about, DARA, member)
    assert refused.result is TapResult.NOT_YOURS
    assert refused.privately
    assert refused.buttons_stay
    assert group.rows() == []
    saved = await group.desk.photos.save_tapped(CHAT, plan.about, ADMIN, admin)
    await heard(saved.said)
    assert len(group.rows()) == 1
    again = await group.desk.photos.save_tapped(CHAT, plan.about, SOKHA, member)
    assert again.result is TapResult.GONE


async def test_edit_asks_for_the_amount_and_the_members_answer_saves_it_in_the_proposals_currency(group):
    plan = await group.post_photo(NO_TOTAL)
    tap = await group.desk.photos.edit_tapped(CHAT, plan.about, SOKHA, member)
    assert tap.result is TapResult.AMOUNT_ASKED
    assert isinstance(tap.said.shown, AmountAsked)
    other = IncomingMessage(CHAT, 500, DARA, "member8", "12.50", group.clock.now())
    assert await group.desk.photos.on_amount_given(other) is None  # not the member asked
    answer = IncomingMessage(CHAT, 501, SOKHA, "member7", "12.50", group.clock.now())
    said = await heard(await group.desk.photos.on_amount_given(answer))
    assert isinstance(said.outcome, Saved)
    assert group.rows() == [(1, "Lucky Supermarket", "12.50 USD")]
    assert group.lines()[0].source.message_id == plan.about  # Undo under it acts on the photo


async def test_an_unsure_photo_goes_to_the_model_and_is_saved_when_the_model_is_sure():
    model = ScriptedModel(
        ParseResult(ParseStatus.EXPENSE, (ExpenseEntry(Money(Decimal("12.50"), Currency.USD), "groceries"),))
    )
    group = Group(model)
    try:
        plan = await group.post_photo(NO_TOTAL)
    finally:
        await group.desk.delivery.stop()
    assert isinstance(plan.outcome, Saved)
    assert model.asked[0] is not None
    assert group.rows() == [(1, "Lucky Supermarket", "12.50 USD")]


async def test_a_model_that_is_unsure_too_leaves_a_proposal_of_its_amount():
    entry = ExpenseEntry(Money(Decimal("12.50"), Currency.USD), "groceries")
    group = Group(ScriptedModel(ParseResult(ParseStatus.EXPENSE, (entry,), certain=False)))
    try:
        plan = await group.post_photo(NO_TOTAL)
    finally:
        await group.desk.delivery.stop()
    assert isinstance(plan.shown, Proposed)
    assert plan.shown.proposal.money == Money(Decimal("12.50"), Currency.USD)
    assert group.rows() == []


async def test_a_sure_reading_never_asks_the_model():
    model = ScriptedModel()
    group = Group(model)
    try:
        await group.post_photo(RECEIPT)
    finally:
        await group.desk.delivery.stop()
    assert model.asked == []


async def test_a_proposal_survives_the_use_case_being_built_again():
    proposals = InMemoryProposedExpenses()
    first = Group(proposals=proposals)
    plan = await first.post_photo(NO_TOTAL)
    await first.desk.delivery.stop()
    second = Group(proposals=proposals)
    second.ledger = first.ledger
    try:
        tap = await second.desk.photos.save_tapped(CHAT, plan.about, SOKHA, member)
    finally:
        await second.desk.delivery.stop()
    assert tap.result is TapResult.SAVED


async def test_a_photo_without_money_is_met_with_silence_and_a_corrupt_file_with_a_short_reply(group):
    assert await group.post_photo("Happy birthday Sokha!") is None
    unreadable = await group.post_photo("", image=text_image("x").__class__(NOT_AN_IMAGE))
    assert isinstance(unreadable.shown, Unreadable)
    assert group.rows() == []


async def test_a_forwarded_screen_is_proposed_never_saved_at_once(group):
    group.next_id += 1
    photo = PostedPhoto(
        CHAT, group.next_id, SOKHA, "member7", group.clock.now(), text_image(SCREEN), "", forwarded=True
    )
    plan = await group.desk.photos.on_photo(photo)
    assert isinstance(plan.shown, Proposed)
    assert group.rows() == []


async def test_an_amount_posted_long_after_edit_was_tapped_is_an_expense_of_its_own(group):
    plan = await group.post_photo(NO_TOTAL)
    await group.desk.photos.edit_tapped(CHAT, plan.about, SOKHA, member)
    group.clock.advance(minutes=6)
    later = IncomingMessage(CHAT, 502, SOKHA, "member7", "taxi 5$", group.clock.now())
    assert await group.desk.photos.on_amount_given(later) is None
    assert (await group.desk.proposals.get(CHAT, plan.about)) is not None  # still waits for Save
