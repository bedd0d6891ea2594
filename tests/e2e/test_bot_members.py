"""End to end: advances, members' spending, change returned, reimbursements and members' balances."""

from zoneinfo import ZoneInfo

from openpyxl import load_workbook

from tests.e2e.test_bot import ADMIN, DARA, GROUP, SOKHA, replies_to, running, settle


def this_month(clock):
    """The team's month now, as the bot names it ('November 2026')."""
    return clock.now().astimezone(ZoneInfo("Asia/Phnom_Penh")).strftime("%B %Y")


async def said(telegram, user, text, **extra):
    message = telegram.user_says(GROUP, user, text, **extra)
    return (await telegram.wait_for("sendMessage", replies_to(message)))["text"]


async def test_an_advance_is_spent_the_change_returned_and_a_member_reimbursed_in_the_sheet_and_balances(
    telegram, settings_for, clock
):
    settings = settings_for()
    telegram.admins.add(ADMIN)
    telegram.usernames[SOKHA] = "sokha_k"
    async with running(settings, clock):
        await said(telegram, ADMIN, "/topup 200$ from the office")
        await said(telegram, SOKHA, "coffee 2$", name="Sokha")  # seen: @sokha_k is Sokha now
        advanced = await said(telegram, ADMIN, "/advance @sokha_k 50$ market")
        market = await said(telegram, SOKHA, "market 30$", name="Sokha")
        returned = await said(telegram, SOKHA, "returned 18$", name="Sokha")
        dara = telegram.user_says(GROUP, DARA, "taxi 15$", name="Dara")
        await telegram.wait_for("sendMessage", replies_to(dara))
        reimbursed = await said(telegram, ADMIN, "/reimburse 15$", reply_to=dara)
        refused = await said(telegram, SOKHA, "/advance @sokha_k 1000$", name="Sokha")
        unknown = await said(telegram, ADMIN, "/advance @nobody_here 5$")
        mine = await said(telegram, SOKHA, "/mybalance", name="Sokha")
        balance = await said(telegram, ADMIN, "/balance")
        one = await said(telegram, ADMIN, "/balance @sokha_k")
        await settle(telegram)
    assert advanced.startswith("Advance recorded: 50.00 USD to Sokha – market. Saved as No 3 (")
    assert market.startswith("Logged: 30.00 USD – market.")
    assert returned.startswith("Returned to the box: 18.00 USD from Sokha. Saved as No 5 (")
    assert reimbursed.startswith("Reimbursed: 15.00 USD to Dara. Saved as No 7 (")
    assert refused == "Only the group's admins can do that."
    assert unknown.startswith("I have not seen @nobody_here post in this group")
    # Sokha: 50 advanced, 2 + 30 spent from it, 18 back: even. Dara paid 15 herself and was paid back.
    assert "Members (held + / owed −):" in balance
    assert "• Dara: spent $15.00 · reimbursed $15.00 · even" in balance
    assert "• Sokha: advanced $50.00 · spent $32.00 · returned $18.00 · even" in balance
    # The box: 200 in, 50 out to Sokha, 18 back, 15 to Dara; what is left is 200 - 47 spent.
    assert "Cash in the box: $153.00 + 0៛" in balance
    assert mine.startswith(
        f"Sokha in {this_month(clock)}:\nadvanced $50.00 · spent $32.00 · returned $18.00 · even"
    )
    assert "• No 3: Advance to Sokha: market (advance $50.00)" in mine
    assert one == mine
    book = load_workbook(settings.workbook_path)
    month = book[[title for title in book.sheetnames if title != "Categories"][-1]]
    header = [cell.value for cell in month[1]]
    rows = [dict(zip(header, row, strict=False)) for row in month.iter_rows(min_row=2, values_only=True)]
    advance = rows[2]
    assert (advance["Item"], advance["Amount (USD)"], advance["Movement"], advance["Member"]) == (
        "Advance to Sokha: market",
        None,
        "Advance",
        "Sokha",
    )
    assert advance["Movement (USD)"] == 50


async def test_undo_of_a_movement_takes_it_out_of_the_members_balance(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 2$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        advance = telegram.user_says(GROUP, ADMIN, "/advance 40$", reply_to=coffee)
        confirmation = await telegram.wait_for("sendMessage", replies_to(advance))
        telegram.tap_undo_under(confirmation, advance, ADMIN)
        await telegram.wait_for("sendMessage", lambda sent: sent["text"].startswith("Undone"))
        mine = await said(telegram, SOKHA, "/mybalance", name="Sokha")
    assert mine.startswith(f"Sokha in {this_month(clock)}:\nspent $2.00 · is owed $2.00")


async def test_a_group_may_have_the_box_pay_unless_the_member_holds_an_advance(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        refused = await said(telegram, SOKHA, "/settings payments box", name="Sokha")
        changed = await said(telegram, ADMIN, "/settings payments box")
        await said(telegram, SOKHA, "coffee 2$", name="Sokha")
        mine = await said(telegram, SOKHA, "/mybalance", name="Sokha")
        shown = await said(telegram, SOKHA, "/settings", name="Sokha")
    assert refused == "Only the group's admins can do that."
    assert "• payments: from the member's advance, else from the box (box)" in changed
    assert mine == f"Sokha has no advance, reimbursement or expense of their own in {this_month(clock)}."
    assert "advance reminders: on" in shown


async def test_a_member_holding_an_advance_a_week_is_reminded_once_by_the_round(
    telegram, settings_for, clock
):
    from datetime import UTC, datetime

    from infrastructure.telegram.app import MONTHLY_ROUNDS

    clock.current = datetime(2026, 11, 2, 3, 0, tzinfo=UTC)
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock) as application:
        coffee = telegram.user_says(GROUP, SOKHA, "coffee 2$", name="Sokha")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        await said(telegram, ADMIN, "/advance 50$ market", reply_to=coffee)
        rounds = application.bot_data[MONTHLY_ROUNDS]
        await rounds.run_once(application.bot)  # the same day: no reminder
        clock.current = datetime(2026, 11, 10, 3, 0, tzinfo=UTC)
        await rounds.run_once(application.bot)
        await rounds.run_once(application.bot)
    reminders = [call["text"] for call in telegram.calls_to("sendMessage") if "cash since" in call["text"]]
    assert reminders == [
        "Sokha, you have held $48.00 of the team's cash since Mon 2 Nov. Please post what you spent "
        "from it, or give back the change and post “returned …”."
    ]


async def test_a_member_without_a_username_is_named_by_the_name_they_post_under(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        await said(telegram, DARA, "tea 1$", name="Dara")
        advanced = await said(telegram, ADMIN, "/advance dara 10$ for the market")
        unknown = await said(telegram, ADMIN, "/advance Vanna 10$")
    assert advanced.startswith("Advance recorded: 10.00 USD to Dara – market. Saved as No 2 (")
    assert unknown.startswith("Name the member:")


async def test_change_given_back_is_said_in_a_members_own_words_and_a_return_ticket_stays_an_expense(
    telegram, settings_for, clock
):
    settings = settings_for()
    telegram.admins.add(ADMIN)
    telegram.usernames[SOKHA] = "sokha_k"
    async with running(settings, clock):
        await said(telegram, SOKHA, "coffee 2$", name="Sokha")
        await said(telegram, ADMIN, "/advance @sokha_k 50$ market")
        gave_back = await said(telegram, SOKHA, "gave back 5$", name="Sokha")
        given_back_in_khmer = await said(telegram, SOKHA, "ប្រគល់លុយវិញ ២ម៉ឺន", name="Sokha")
        ticket = await said(telegram, SOKHA, "return ticket 20$", name="Sokha")
        mine = await said(telegram, SOKHA, "/mybalance", name="Sokha")
        asked = await said(telegram, SOKHA, "/ask how much advance do I have left?", name="Sokha")
        khmer = await said(telegram, SOKHA, "/ask ខ្ញុំនៅសល់លុយប៉ុន្មាន?", name="Sokha")
        other = await said(telegram, DARA, "/ask how much does Sokha hold?", name="Dara")
        admin = await said(telegram, ADMIN, "/ask how much does Sokha hold?")
        by_name = await said(telegram, ADMIN, "/balance sokha")
        await settle(telegram)
    assert gave_back.startswith("Returned to the box: 5.00 USD from Sokha. Saved as No 3 (")
    assert given_back_in_khmer.startswith("Returned to the box: 20,000 KHR from Sokha. Saved as No 4 (")
    assert ticket.startswith("Logged: 20.00 USD – return ticket.")
    assert mine.startswith(f"Sokha in {this_month(clock)}:\nadvanced $50.00")
    assert asked == mine == admin == by_name
    assert khmer.startswith("Sokha ក្នុងខែ")  # the group speaks English, but the question was Khmer
    assert "23.00$" in khmer
    assert other.startswith("Only admins can see another member's entries")


async def test_an_advance_names_one_member_seen_here_and_only_they_or_an_admin_open_a_category_menu(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    telegram.usernames[SOKHA], telegram.usernames[DARA] = "sokha_k", "dara_k"
    stranger = 4242  # never posted in the group: anyone on Telegram can be linked by a text mention
    async with running(settings_for(), clock):
        await said(telegram, SOKHA, "coffee 2$", name="Sokha")
        coffee = telegram.user_says(GROUP, DARA, "tea 1$", name="Dara")
        await telegram.wait_for("sendMessage", replies_to(coffee))
        mention = telegram.user_mentions(GROUP, ADMIN, "/advance Jane 10$", (stranger, "Jane"))
        unseen = (await telegram.wait_for("sendMessage", replies_to(mention)))["text"]
        both = await said(telegram, ADMIN, "/advance @sokha_k @dara_k 10$")
        both_balance = await said(telegram, ADMIN, "/balance @sokha_k @dara_k")
        # Sokha taps the category button under Dara's confirmation.
        telegram.user_taps({**coffee, "message_id": 5001}, f"catmenu:{coffee['message_id']}", SOKHA, "Sokha")
        refused = await telegram.wait_for("answerCallbackQuery", lambda p: "text" in p)
        await settle(telegram)
    assert unseen.startswith("I have not seen @Jane post in this group")
    assert both.startswith("That names @sokha_k, @dara_k: name one member at a time")
    assert both_balance.startswith("That names @sokha_k, @dara_k")
    assert refused["text"].startswith("Only the person who posted it or an admin")
    assert telegram.calls_to("editMessageReplyMarkup") == []
    assert not [text for text in map(str, telegram.calls_to("sendMessage")) if "Advance to" in text]


async def test_a_member_who_renames_keeps_their_balance_and_one_who_takes_their_name_gets_nothing_of_it(
    telegram, settings_for, clock
):
    mallory = 13
    telegram.admins.add(ADMIN)
    telegram.usernames[DARA] = "dara_k"
    async with running(settings_for(), clock):
        await said(telegram, DARA, "taxi 3$", name="Dara")
        await said(telegram, mallory, "tea 1$", name="Mallory")
        await said(telegram, ADMIN, "/advance @dara_k 50$ market")
        # Mallory renames themselves "Dara" and asks for "their" money, three ways.
        await said(telegram, mallory, "water 1$", name="Dara")
        mallorys_balance = await said(telegram, mallory, "/mybalance", name="Dara")
        mallorys_rows = await said(telegram, mallory, "/mine", name="Dara")
        mallorys_answer = await said(telegram, mallory, "/ask how much did I spend this month?", name="Dara")
        # Dara renames herself "Dara Kim": her advance and her rows are still hers.
        await said(telegram, DARA, "ice 1$", name="Dara Kim")
        clock.advance(seconds=10)  # rows read for a question answer the next ones for a few seconds
        daras_balance = await said(telegram, DARA, "/mybalance", name="Dara Kim")
        daras_rows = await said(telegram, DARA, "/mine", name="Dara Kim")
    assert "advanced" not in mallorys_balance
    assert "taxi" not in mallorys_rows
    assert "Advance" not in mallorys_rows
    assert "tea" in mallorys_rows
    assert "water" in mallorys_rows
    assert "$2.00" in mallorys_answer  # tea and water: not Dara's taxi
    assert daras_balance.startswith("Dara Kim in ")
    assert "advanced $50.00" in daras_balance
    assert "taxi" in daras_rows
    assert "ice" in daras_rows


async def test_dollars_and_riel_are_shown_apart_then_netted_at_the_groups_rate(telegram, settings_for, clock):
    telegram.admins.add(ADMIN)
    telegram.usernames[SOKHA] = "sokha_k"
    async with running(settings_for(KHR_PER_USD="4000"), clock):
        await said(telegram, SOKHA, "coffee 1$", name="Sokha")
        await said(telegram, ADMIN, "/advance @sokha_k 20$ market")
        await said(telegram, SOKHA, "fish 45000៛", name="Sokha")
        mine = await said(telegram, SOKHA, "/mybalance", name="Sokha")
        balance = await said(telegram, ADMIN, "/balance")
    # $20 advanced, $1 of her own spent: $19 held; the fish paid in riel from her own pocket: owed.
    figures = (
        "advanced $20.00 · spent $1.00 · holds $19.00; spent 45,000៛ · is owed 45,000៛; "
        "net at 4,000៛ a dollar: holds $7.75"
    )
    assert f"Sokha in {this_month(clock)}:\n{figures}\n" in mine
    assert f"• Sokha: {figures}" in balance


async def test_the_first_members_money_shown_asks_once_which_way_the_team_works_and_an_admins_tap_answers(
    telegram, settings_for, clock
):
    telegram.admins.add(ADMIN)
    async with running(settings_for(), clock):
        await said(telegram, SOKHA, "market 43.50$", name="Sokha")
        asked = telegram.user_says(GROUP, SOKHA, "/mybalance", name="Sokha")
        mine = await telegram.wait_for("sendMessage", replies_to(asked))
        question = await telegram.wait_for("sendMessage", lambda sent: "Which way" in sent["text"])
        buttons = [row[0] for row in question["reply_markup"]["inline_keyboard"]]
        bot_message = {**asked, "message_id": 7010, "from": {"id": 1, "is_bot": True, "first_name": "B"}}
        box = next(button for button in buttons if button["callback_data"] == "payments:box")
        telegram.user_taps(bot_message, box["callback_data"], SOKHA, name="Sokha")  # a member: not theirs
        refused = await telegram.wait_for("answerCallbackQuery", lambda answer: "text" in answer)
        telegram.user_taps(bot_message, box["callback_data"], ADMIN, name="Admin")
        answered = await telegram.wait_for("editMessageText")
        settings = await said(telegram, SOKHA, "/settings", name="Sokha")
        again = await said(telegram, SOKHA, "/mybalance", name="Sokha")
        await settle(telegram)
    assert "spent $43.50 · is owed $43.50" in mine["text"]  # the default, until the team says otherwise
    assert question["text"].startswith("Which way does this team work?")
    assert [button["text"] for button in buttons] == ["The member is owed it", "The box paid it"]
    assert refused["text"] == "Only the group's admins can do that."
    assert (
        answered["text"]
        == "Noted: what members post is paid from the member's advance, else from the box (box). "
        "/settings changes it."
    )
    assert "• payments: from the member's advance, else from the box (box)\n" in settings
    assert again.startswith("Sokha has no advance, reimbursement or expense of their own")
    questions = [
        sent for sent in telegram.calls_to("sendMessage") if "Which way does this team work" in sent["text"]
    ]
    assert len(questions) == 1


async def test_settings_say_when_no_admin_chose_which_way_the_team_works(telegram, settings_for, clock):
    async with running(settings_for(), clock):
        settings = await said(telegram, SOKHA, "/settings", name="Sokha")
    assert (
        "• payments: from the member's advance, else the member is owed it (member): the default, no admin"
        in settings
    )
