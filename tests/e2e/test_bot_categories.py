"""End to end: a confirmation names its category, /cat changes it and teaches it, in both languages."""

from openpyxl import Workbook, load_workbook

from tests.e2e.test_bot import ADMIN, DARA, GROUP, SOKHA, replies_to, running, settle
from tests.e2e.test_bot_members import this_month


async def test_a_confirmation_names_the_category_and_cat_changes_it_for_good(telegram, settings_for, clock):
    settings = settings_for()
    async with running(settings, clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee for the team 5$", name="Sokha")
        confirmed = (await telegram.wait_for("sendMessage", replies_to(coffee)))["text"]
        changed = telegram.user_says(GROUP, SOKHA, "/cat Guests & events", reply_to=coffee)
        answer = (await telegram.wait_for("sendMessage", replies_to(changed)))["text"]
        again = telegram.user_says(GROUP, SOKHA, "Coffee for the team 4$", name="Sokha")
        learned = (await telegram.wait_for("sendMessage", replies_to(again)))["text"]
        refused = telegram.user_says(GROUP, DARA, "/cat Fuel", reply_to=coffee)
        not_yours = (await telegram.wait_for("sendMessage", replies_to(refused)))["text"]
        unknown = telegram.user_says(GROUP, SOKHA, "/cat Snacks", reply_to=coffee)
        no_such = (await telegram.wait_for("sendMessage", replies_to(unknown)))["text"]
        await settle(telegram)
    assert confirmed.startswith("Logged: 5.00 USD – coffee for the team. Saved as No 1 (")
    assert confirmed.endswith("), Food & drinks.")
    assert answer.startswith("No 1 (coffee for the team): now Guests & events.")
    assert learned.endswith("), Guests & events.")
    assert not_yours == "Only the person who posted it or an admin can change this."
    assert no_such.startswith("There is no category “Snacks”. Reply /cat with one of: Transport, Fuel,")
    book = load_workbook(settings.workbook_path)
    assert "Categories" in book.sheetnames
    month = book[[title for title in book.sheetnames if title != "Categories"][-1]]
    assert [row[5] for row in month.iter_rows(min_row=2, max_row=3, values_only=True)] == [
        "Guests & events",
        "Guests & events",
    ]


async def test_a_khmer_group_reads_the_tabs_khmer_names_and_may_name_one_in_khmer(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        chosen = telegram.user_says(GROUP, ADMIN, "/language km")
        await telegram.wait_for("sendMessage", replies_to(chosen))
        fuel = telegram.user_says(GROUP, SOKHA, "សាំង ២ម៉ឺន", name="Sokha")
        confirmed = (await telegram.wait_for("sendMessage", replies_to(fuel)))["text"]
        changed = telegram.user_says(GROUP, SOKHA, "/cat ការធ្វើដំណើរ", reply_to=fuel)
        answer = (await telegram.wait_for("sendMessage", replies_to(changed)))["text"]
        how = telegram.user_says(GROUP, SOKHA, "/cat")
        explained = (await telegram.wait_for("sendMessage", replies_to(how)))["text"]
        await settle(telegram)
    assert confirmed.endswith("ប្រភេទប្រេងឥន្ធនៈ។")
    assert answer.startswith("លេខ 1 (សាំង)៖ ឥឡូវជាប្រភេទការធ្វើដំណើរ។")
    assert "ការធ្វើដំណើរ, ប្រេងឥន្ធនៈ" in explained


def categories_tab(settings, *rows):
    """The workbook a bookkeeper prepared: a Categories tab with these rows, budgets included."""
    settings.workbook_path.parent.mkdir(parents=True, exist_ok=True)
    book = Workbook()
    book.active.title = "Categories"
    book.active.append(["Category", "Category (Khmer)", "Words", "Budget (USD)", "Budget (KHR)"])
    for row in rows:
        book.active.append(row)
    book.save(settings.workbook_path)


async def test_the_80_and_100_percent_notices_come_once_and_balance_shows_categories_against_budgets(
    telegram, settings_for, clock
):
    settings = settings_for(KHR_PER_USD="4000")
    categories_tab(
        settings,
        ["Fuel", "ប្រេងឥន្ធនៈ", "diesel, សាំង", 100, None],
        ["Food & drinks", "អាហារ", "coffee, rice", None, None],
    )
    telegram.admins.add(ADMIN)
    async with running(settings, clock):
        for text in ("diesel 70$", "diesel 15$", "សាំង ៨ម៉ឺន", "diesel 1$", "coffee 3$"):
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(message))
        await settle(telegram)
        asked = telegram.user_says(GROUP, ADMIN, "/balance")
        balance = (await telegram.wait_for("sendMessage", replies_to(asked)))["text"]
    # A notice goes through the confirmation queue: one due with a confirmation is merged into its message.
    sent = [part for call in telegram.calls_to("sendMessage") for part in call["text"].split("\n\n")]
    notices = [part for part in sent if part.startswith("Fuel:")]
    assert notices == [
        "Fuel: $85.00 of this month's $100.00 budget used (85%); $15.00 left.",
        "Fuel: this month's $100.00 budget is used up: $105.00 spent.",
    ]
    assert "By category:\n• Fuel: $106.00 of $100.00 (106%)\n• Food & drinks: $3.00" in balance


async def test_a_bookkeepers_change_in_the_sheet_is_learned_and_admins_see_and_reset_what_was(
    telegram, settings_for, clock
):
    settings = settings_for()
    telegram.admins.add(ADMIN)
    async with running(settings, clock) as application:
        coffee = telegram.user_says(GROUP, SOKHA, "coffee for the board 5$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        await application.bot_data["poller"].stop()  # the bot is idle while the bookkeeper saves
        await shut_down_store(application)
        book = load_workbook(settings.workbook_path)
        month = book[[title for title in book.sheetnames if title != "Categories"][-1]]
        month["F2"] = "Guests & events"  # the bookkeeper recategorises the row in the sheet
        book.save(settings.workbook_path)
    async with running(settings, clock):
        asked = telegram.user_says(GROUP, ADMIN, "/balance")  # the month is read: the change is learned
        await telegram.wait_for("sendMessage", replies_to(asked))
        again = telegram.user_says(GROUP, SOKHA, "Coffee for the board 4$", name="Sokha")
        learned = (await telegram.wait_for("sendMessage", replies_to(again)))["text"]
        refused = telegram.user_says(GROUP, SOKHA, "/cat learned")
        not_admin = (await telegram.wait_for("sendMessage", replies_to(refused)))["text"]
        shown = telegram.user_says(GROUP, ADMIN, "/cat learned")
        listed = (await telegram.wait_for("sendMessage", replies_to(shown)))["text"]
        reset = telegram.user_says(GROUP, ADMIN, "/cat forget")
        forgotten = (await telegram.wait_for("sendMessage", replies_to(reset)))["text"]
        await settle(telegram)
    assert learned.endswith("), Guests & events.")
    assert not_admin == "Only the group's admins can do that."
    assert listed.endswith("• coffee for the board → Guests & events")
    assert forgotten == "Forgot 1 learned category; the Categories tab's words decide again."


async def shut_down_store(application):
    """Stop the bot so that its workbook is saved and closed before a bookkeeper edits the file."""
    from tests.e2e.test_bot import shut_down

    await shut_down(application)


async def test_the_category_button_lists_the_tabs_categories_and_a_tap_changes_it(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee for the team 5$", name="Sokha")
        confirmation = await telegram.wait_for("sendMessage", replies_to(coffee))
        undo, category = [row[0] for row in confirmation["reply_markup"]["inline_keyboard"]]
        assert category["text"] == "Category: Food & drinks"
        bot_message = {**coffee, "message_id": 7001, "from": {"id": 1, "is_bot": True, "first_name": "B"}}
        telegram.user_taps(bot_message, category["callback_data"], SOKHA, name="Sokha")
        menu = await telegram.wait_for("editMessageReplyMarkup")
        choices = [button for row in menu["reply_markup"]["inline_keyboard"] for button in row]
        assert [button["text"] for button in choices][:3] == ["Transport", "Fuel", "Food & drinks"]
        guests = next(button for button in choices if button["text"] == "Guests & events")
        telegram.user_taps(bot_message, guests["callback_data"], DARA, name="Dara")  # not hers
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p)
        telegram.user_taps(bot_message, guests["callback_data"], SOKHA, name="Sokha")
        changed = await telegram.wait_for("sendMessage", lambda p: "now Guests & events" in p["text"])
        restored = (await telegram.wait_for_count("editMessageReplyMarkup", 2))[-1]
        again = telegram.user_says(GROUP, SOKHA, "Coffee for the team 4$", name="Sokha")
        learned = (await telegram.wait_for("sendMessage", replies_to(again)))["text"]
        await settle(telegram)
    assert undo["text"] == "Undo (No 1)"
    assert refused["text"] == "Only the person who posted it or an admin can change this."
    assert changed["text"].startswith("No 1 (coffee for the team): now Guests & events.")
    assert [row[0]["text"] for row in restored["reply_markup"]["inline_keyboard"]] == [
        "Undo (No 1)",
        "Category: Guests & events",
    ]
    assert learned.endswith("), Guests & events.")


async def test_the_category_button_tapped_twice_shows_the_list_once_without_an_error(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 3$", name="Sokha")
        confirmation = await telegram.wait_for("sendMessage", replies_to(coffee))
        category = confirmation["reply_markup"]["inline_keyboard"][1][0]
        bot_message = {**coffee, "message_id": 7002, "from": {"id": 1, "is_bot": True, "first_name": "B"}}
        telegram.user_taps(bot_message, category["callback_data"], SOKHA, name="Sokha")
        telegram.user_taps(bot_message, category["callback_data"], SOKHA, name="Sokha")
        await telegram.wait_for_count("answerCallbackQuery", 2)
        await settle(telegram)
    assert len(telegram.calls_to("editMessageReplyMarkup")) == 1
    (refused,) = [call for call in telegram.refused if call.method == "editMessageReplyMarkup"]
    assert refused.params["message_id"] == 7002


async def test_cat_and_undo_in_reply_to_the_bots_confirmation_act_on_the_expense_it_names(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee for the team 5$", name="Sokha")
        confirmation = telegram.sent_message(await telegram.wait_for("sendMessage", replies_to(coffee)))
        changed = telegram.user_says(GROUP, SOKHA, "/cat Guests & events", reply_to=confirmation)
        answer = (await telegram.wait_for("sendMessage", replies_to(changed)))["text"]
        undo = telegram.user_says(GROUP, SOKHA, "/undo", reply_to=confirmation)
        undone = (await telegram.wait_for("sendMessage", replies_to(undo)))["text"]
        await settle(telegram)
    assert answer.startswith("No 1 (coffee for the team): now Guests & events.")
    assert undone.startswith("Undone")


async def test_cat_names_a_row_by_its_no_without_a_reply_and_a_category_as_typed_by_hand(
    telegram, settings_for, clock
):
    async with running(settings_for(), clock):
        asked = telegram.user_says(GROUP, SOKHA, "/ask how much this month?", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(asked))  # the month's rows, read just before
        generator = telegram.user_says(GROUP, SOKHA, "generator 20$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(generator))
        answers = []
        for command, user in (("/cat 1 repair", SOKHA), ("/cat 1 Fuell", DARA), ("/cat 9 Fuel", SOKHA)):
            asked = telegram.user_says(GROUP, user, command, name="Member")
            answers.append((await telegram.wait_for("sendMessage", replies_to(asked)))["text"])
        await settle(telegram)
    assert answers[0].startswith("No 1 (generator): now Repairs & maintenance.")
    assert answers[1].startswith("Only")  # another member's row: its author or an admin
    assert answers[2] == "There is no No 9 in this month's sheet."


async def test_a_member_asks_how_much_of_a_budget_is_left_in_english_or_khmer(telegram, settings_for, clock):
    settings = settings_for(KHR_PER_USD="4000")
    categories_tab(
        settings,
        ["Fuel", "ប្រេងឥន្ធនៈ", "diesel, សាំង", 100, None],
        ["Food & drinks", "អាហារ", "coffee, rice", None, 200000],
        ["Transport", "ការធ្វើដំណើរ", "taxi", None, None],
    )
    telegram.admins.add(ADMIN)
    async with running(settings, clock):
        for text in ("diesel 30$", "សាំង ៤ម៉ឺន", "coffee 5$", "taxi 4$"):
            message = telegram.user_says(GROUP, SOKHA, text, name="Sokha")
            await telegram.wait_for("sendMessage", replies_to(message))
        await settle(telegram)
        answers = []
        for question in (
            "/ask how much of the fuel budget is left?",
            "/ask ថវិកាសាំងនៅសល់ប៉ុន្មាន?",
            "/ask how are we doing on budgets?",
            "/ask taxi budget",
        ):
            asked = telegram.user_says(GROUP, SOKHA, question, name="Sokha")
            answers.append((await telegram.wait_for("sendMessage", replies_to(asked)))["text"])
    month = this_month(clock)
    assert answers[0] == f"Budgets in {month}:\n• Fuel: $40.00 of $100.00 (40%); $60.00 left"
    assert answers[1].splitlines()[1] == "• ប្រេងឥន្ធនៈ៖ 40.00$ នៃ 100.00$ (40%) នៅសល់ 60.00$"  # asked in Khmer
    assert answers[2] == (
        f"Budgets in {month}:\n• Fuel: $40.00 of $100.00 (40%); $60.00 left\n"
        "• Food & drinks: 20,000៛ of 200,000៛ (10%); 180,000៛ left"
    )
    assert answers[3].startswith("Transport has no budget. A bookkeeper sets one")
    assert answers[3].endswith(f"Spent on it in {month}: $4.00.")
