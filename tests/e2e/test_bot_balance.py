"""End to end: /balance and /topup through the fake Bot API, the admin check included."""

from datetime import UTC, datetime

from infrastructure.telegram.app import MONTHLY_ROUNDS
from tests.e2e.test_bot import ADMIN, GROUP, SOKHA, replies_to, running, settle


async def test_an_admin_reads_the_months_balance_and_a_member_is_refused(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(KHR_PER_USD="4000"), clock):
        for text in ("coffee 3$", "ទឹកកក ៥០០០៛", "printer ink 18.50$"):
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(message))
        refused = telegram.user_says(GROUP, SOKHA, "/balance")
        assert (await telegram.wait_for("sendMessage", replies_to(refused)))["text"].startswith("Only")
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        text = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    lines = text.splitlines()
    assert lines[0].startswith("Balance for ")
    assert lines[1] == "USD: opening $0.00 · top-ups $0.00 · spent $21.50 · left -$21.50"
    assert lines[2] == "KHR: opening 0៛ · top-ups 0៛ · spent 5,000៛ · left -5,000៛"
    assert lines[3] == "Together at 4,000៛ a dollar: -$22.75 left"
    assert lines[4] == "3 expenses, 0 top-ups"
    assert lines[6] == "• Sokha: $21.50 + 5,000៛"


async def test_a_month_it_cannot_read_is_explained(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        asked = telegram.user_says(GROUP, ADMIN, "/balance bananas")
        text = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
        await settle(telegram)
    assert text.startswith("I don't know which month “bananas” is.")


async def test_a_top_up_is_confirmed_counted_in_the_balance_and_can_be_undone(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        refused = telegram.user_says(GROUP, SOKHA, "/topup 1000$ from me")
        assert (await telegram.wait_for("sendMessage", replies_to(refused)))["text"].startswith("Only")
        top_up = telegram.user_says(GROUP, ADMIN, "/topup 200$ from the office", name="Admin")
        confirmed = await telegram.wait_for("sendMessage", replies_to(top_up))
        assert confirmed["text"].startswith("Top-up recorded: 200.00 USD – from the office. Saved as No 2")
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        balance = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
        assert "USD: opening $0.00 · top-ups $200.00 · spent $3.00 · left $197.00" in balance
        assert "1 expense, 1 top-up" in balance
        bot_message = {**top_up, "message_id": 6000, "from": {"id": 1, "is_bot": True, "first_name": "B"}}
        telegram.user_taps(bot_message, f"undo:{top_up['message_id']}", ADMIN, name="Admin")
        await telegram.wait_for("sendMessage", lambda p: p["text"].startswith("Undone by Admin"))
        again = telegram.user_says(GROUP, ADMIN, "/balance")
        after = (await telegram.wait_for("sendMessage", replies_to(again)))["text"]
    assert "top-ups $0.00" in after


async def test_a_top_up_without_its_currency_says_how(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        asked = telegram.user_says(GROUP, ADMIN, "/topup 200")
        text = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    assert text.startswith("Say one amount with its currency")


async def test_a_closed_months_summary_is_posted_once_with_its_chart(telegram, settings_for, clock):
    clock.current = datetime(2026, 11, 20, 3, 0, tzinfo=UTC)
    async with running(settings_for(), clock) as application:
        for text in ("coffee 3$", "ice 5000៛"):
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(message))
        rounds = application.bot_data[MONTHLY_ROUNDS]
        await rounds.run_once(application.bot)  # November is not over: nothing to post
        clock.current = datetime(2026, 11, 30, 17, 30, tzinfo=UTC)  # 00:30 on 1 December in Phnom Penh
        await rounds.run_once(application.bot)  # November takes late expenses for three more days
        assert telegram.calls_to("sendPhoto") == []
        clock.current = datetime(2026, 12, 3, 17, 30, tzinfo=UTC)  # 00:30 on 4 December
        await rounds.run_once(application.bot)
        await rounds.run_once(application.bot)
    (posted,) = telegram.calls_to("sendPhoto")
    assert posted["chat_id"] == GROUP
    assert posted["caption"].startswith("November 2026 is closed.\nBalance for November 2026")
    assert "spent $3.00" in posted["caption"]
    photo = next(value for value in posted.values() if isinstance(value, bytes))
    assert photo.startswith(b"\x89PNG")
