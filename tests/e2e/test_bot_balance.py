"""End to end: /balance and /topup through the fake Bot API, the admin check included."""

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
